"""Contracts: purchase, employment and non-disclosure agreements (zh + en)."""

from __future__ import annotations

import datetime as dt

from .people import People
from .spans import Doc

_ZH_NUM = "零一二三四五六七八九十"


def _zh_ordinal(n: int) -> str:
    if n <= 10:
        return _ZH_NUM[n]
    return "十" + _ZH_NUM[n - 10] if n < 20 else _ZH_NUM[n // 10] + "十" + (_ZH_NUM[n % 10] if n % 10 else "")


ZH_CLAUSES = {
    "purchase": [
        (
            "标的物",
            "乙方向甲方出售{goods}，数量{qty}台，单价人民币{price}元，合同总价人民币{total}元（含税）。",
        ),
        (
            "交货",
            "乙方应于{deliver}前将货物运至甲方指定地点：{addr}。运输车辆车牌号为{plate}，运输费用由乙方承担。",
        ),
        (
            "付款方式",
            "甲方于验收合格后三十日内支付合同价款的90%，余款10%作为质量保证金，质保期满后无息支付。甲方收款账户开户行为{bank}，账号{card}。",
        ),
        ("质量保证", "乙方保证货物为全新、未使用过的原装产品，质保期为验收合格之日起十二个月。"),
        (
            "违约责任",
            "乙方逾期交货的，每逾期一日按合同总价的千分之三向甲方支付违约金；逾期超过三十日的，甲方有权解除本合同。",
        ),
        (
            "争议解决",
            "因本合同引起的争议，双方应协商解决；协商不成的，任何一方均可向甲方所在地人民法院提起诉讼。",
        ),
    ],
    "employment": [
        ("合同期限", "本合同为固定期限劳动合同，期限自{start}起至{end}止，其中试用期三个月。"),
        ("工作内容和工作地点", "乙方同意根据甲方工作需要，担任{role}岗位，工作地点为{city}。"),
        (
            "劳动报酬",
            "乙方月工资为人民币{salary}元，甲方于每月十五日前以货币形式支付至乙方银行卡（卡号：{card}）。",
        ),
        ("社会保险", "甲方依法为乙方缴纳养老、医疗、失业、工伤、生育保险及住房公积金。"),
        ("保密与竞业限制", "乙方应保守甲方的商业秘密，离职后二年内不得到与甲方有竞争关系的单位任职。"),
        ("劳动合同的解除", "双方解除劳动合同，应当依照《中华人民共和国劳动合同法》的规定执行。"),
    ],
    "nda": [
        (
            "保密信息",
            "本协议所称保密信息，是指甲方以任何形式向乙方披露的技术资料、客户名单、经营数据等非公开信息，包括通过{url}系统提供的资料。",
        ),
        (
            "保密义务",
            "乙方应对保密信息严格保密，未经甲方书面同意，不得向任何第三方披露，仅可用于双方约定的合作目的。",
        ),
        ("信息系统访问", "乙方仅可通过甲方分配的固定IP地址{ip}访问甲方数据平台，并应妥善保管账户口令。"),
        ("保密期限", "本协议项下的保密义务自签署之日起生效，至保密信息依法公开之日止，且不少于五年。"),
        (
            "违约责任",
            "乙方违反本协议约定的，应向甲方支付违约金人民币{penalty}元；给甲方造成损失的，还应赔偿全部损失。",
        ),
        ("其他", "本协议一式两份，双方各执一份，自双方签字盖章之日起生效。"),
    ],
}

EN_CLAUSES = {
    "purchase": [
        (
            "Sale of Goods",
            "Seller shall sell and Buyer shall purchase {qty} units of {goods} at a unit price of US${price}, for a total purchase price of US${total}.",
        ),
        (
            "Delivery",
            "Seller shall deliver the Goods no later than {deliver} to Buyer's facility at {addr}. The delivery truck bearing license plate {plate} shall be registered with Buyer's security office.",
        ),
        (
            "Payment",
            "Buyer shall pay the purchase price within thirty (30) days after acceptance by wire transfer. Card payments for incidental charges shall be made to card number {card}.",
        ),
        (
            "Warranty",
            "Seller warrants that the Goods shall be free from defects in material and workmanship for twelve (12) months from acceptance.",
        ),
        (
            "Remedies",
            "If Seller fails to deliver on time, Seller shall pay liquidated damages of 0.3% of the total purchase price per day of delay.",
        ),
        (
            "Governing Law",
            "This Agreement shall be governed by the laws of the State of {state}, without regard to its conflict of laws principles.",
        ),
    ],
    "employment": [
        (
            "Position and Duties",
            "The Company hereby employs the Employee as {role}, based in {city}, reporting to the Chief Operating Officer.",
        ),
        (
            "Term",
            "Employment shall commence on {start} and continue until {end}, unless terminated earlier under Article 6.",
        ),
        (
            "Compensation",
            "The Company shall pay the Employee an annual base salary of US${salary}, payable in accordance with the Company's payroll practices by direct deposit to card account {card}.",
        ),
        (
            "Benefits",
            "The Employee shall be eligible to participate in the Company's health, dental and 401(k) plans subject to their terms.",
        ),
        (
            "Work Authorization",
            "The Employee has provided passport number {passport} and Social Security number {ssn} for employment verification.",
        ),
        (
            "Termination",
            "Either party may terminate this Agreement upon thirty (30) days' written notice to the other party.",
        ),
    ],
    "nda": [
        (
            "Definition of Confidential Information",
            '"Confidential Information" means all non-public information disclosed by the Disclosing Party, including information made available through {url}.',
        ),
        (
            "Obligations of the Receiving Party",
            "The Receiving Party shall hold the Confidential Information in strict confidence and use it solely to evaluate the Proposed Transaction.",
        ),
        (
            "Access to Systems",
            "The Receiving Party shall access the data room only from IP address {ip} using credentials issued to its designated representative.",
        ),
        (
            "Term",
            "The obligations under this Agreement shall survive for five (5) years from the Effective Date.",
        ),
        (
            "Remedies",
            "The Receiving Party acknowledges that breach may cause irreparable harm, and the Disclosing Party shall be entitled to seek injunctive relief.",
        ),
        (
            "Miscellaneous",
            "This Agreement constitutes the entire agreement between the parties with respect to its subject matter.",
        ),
    ],
}

ZH_GOODS = ("全自动生化分析仪", "服务器机柜", "工业级无人机", "数控车床", "医用冷藏箱")
EN_GOODS = (
    "industrial 3D printers",
    "refrigerated display cases",
    "laboratory centrifuges",
    "server racks",
    "forklift batteries",
)
ROLES_ZH = ("高级软件工程师", "财务经理", "销售总监", "临床研究协调员", "法务专员")
ROLES_EN = (
    "Senior Data Engineer",
    "Director of Finance",
    "Regional Sales Manager",
    "Clinical Research Coordinator",
    "Associate General Counsel",
)


def _values(p: People) -> dict:
    signed = p.date_between(dt.date(2021, 1, 1), dt.date(2024, 6, 1))
    qty, price = p.rng.randint(2, 40), p.rng.randint(20, 900) * 100
    return dict(
        signed=signed,
        qty=str(qty),
        price=f"{price:,}",
        total=f"{qty * price:,}",
        deliver=p.fmt_date(signed + dt.timedelta(days=p.rng.randint(20, 90))),
        addr=p.address(),
        plate=p.plate(),
        card=p.bank_card(),
        start=p.fmt_date(signed + dt.timedelta(days=7)),
        end=p.fmt_date(signed + dt.timedelta(days=7 + 365 * p.rng.randint(1, 3))),
        city=p.city(),
        salary=f"{p.rng.randint(8, 60) * 1000:,}" if p.lang == "zh" else f"{p.rng.randint(70, 240) * 1000:,}",
        url=p.url(),
        ip=p.ip(),
        penalty=f"{p.rng.randint(5, 100) * 10000:,}",
        passport=p.passport(),
        ssn=p.resident_id(p.birth()),
        state=p.fake.state() if p.lang == "en" else "",
        goods=p.pick(ZH_GOODS if p.lang == "zh" else EN_GOODS),
        role=p.pick(ROLES_ZH if p.lang == "zh" else ROLES_EN),
        bank=p.pick(("中国工商银行北京海淀支行", "招商银行上海分行", "中国建设银行深圳分行")),
    )


def zh_contract(p: People, kind: str, key: str) -> Doc:
    v = _values(p)
    title = {"purchase": "采购合同", "employment": "劳动合同", "nda": "保密协议"}[kind]
    doc = Doc()
    doc.heading(title)
    doc.add("合同编号：" + key.upper() + "-" + str(v["signed"].year))
    a, b = p.company(), (p.name() if kind == "employment" else p.company())
    doc.add("甲方：{a}", {"a": a})
    doc.add("法定代表人：{rep}　联系电话：{tel}", {"rep": p.name(), "tel": p.phone()})
    doc.add("地址：{addr}", {"addr": p.address()})
    doc.add("乙方：{b}", {"b": b})
    if kind == "employment":
        doc.add(
            "身份证号：{id}　手机：{tel}　电子邮箱：{mail}",
            {"id": p.resident_id(p.birth(22, 55)), "tel": p.phone(), "mail": p.email()},
        )
    else:
        doc.add("联系人：{c}　电话：{tel}", {"c": p.name(), "tel": p.phone()})
    doc.add("甲乙双方本着平等自愿、诚实信用的原则，经友好协商，就以下事项达成一致，签订本" + title + "。")
    chaptered = p.rng.random() < 0.3
    for n, (head, body) in enumerate(ZH_CLAUSES[kind], start=1):
        if chaptered and n in (1, 4):
            doc.heading(f"第{_zh_ordinal(1 if n == 1 else 2)}章 " + ("基本条款" if n == 1 else "责任与争议"))
        doc.add(f"第{_zh_ordinal(n)}条 {head}")
        doc.add(body, v)
    d = p.fmt_date(v["signed"])
    doc.table(
        [
            ["", "甲方", "乙方"],
            ["名称/姓名", a, b],
            ["授权代表", p.name(), b if kind == "employment" else p.name()],
            ["签订日期", d, d],
        ]
    )
    return doc


def en_contract(p: People, kind: str, key: str) -> Doc:
    v = _values(p)
    title = {
        "purchase": "PURCHASE AGREEMENT",
        "employment": "EMPLOYMENT AGREEMENT",
        "nda": "MUTUAL NON-DISCLOSURE AGREEMENT",
    }[kind]
    doc = Doc()
    doc.heading(title)
    a = p.company()
    b = p.name() if kind == "employment" else p.company()
    roles = {
        "purchase": ("Buyer", "Seller"),
        "employment": ("Company", "Employee"),
        "nda": ("Disclosing Party", "Receiving Party"),
    }[kind]
    doc.add(
        "This "
        + title.title()
        + ' (the "Agreement") is entered into as of {d} by and between {a}, with offices at {addr} '
        '(the "' + roles[0] + '"), and {b} (the "' + roles[1] + '"), reachable at {mail} or {tel}.',
        {
            "d": p.fmt_date(v["signed"], "long"),
            "a": a,
            "addr": p.address(),
            "b": b,
            "mail": p.email(),
            "tel": p.phone(),
        },
    )
    style = p.rng.randrange(3)
    for n, (head, body) in enumerate(EN_CLAUSES[kind], start=1):
        heading = (f"ARTICLE {n}. {head.upper()}", f"Section {n}. {head}", f"{n}. {head}")[style]
        doc.heading(heading)
        sub = f"{n}.1 " if style != 2 else ""
        doc.add(sub + body, v)
    doc.add(
        "IN WITNESS WHEREOF, the parties have executed this Agreement as of the date first written above."
    )
    d = p.fmt_date(v["signed"], "us")
    doc.table(
        [["Party", "Signed by", "Date"], [a, p.name(), d], [b, b if kind == "employment" else p.name(), d]]
    )
    return doc
