"""Finance reports: annual-report excerpts and risk disclosures (zh + en)."""

from __future__ import annotations

import datetime as dt

from .people import People
from .spans import Doc

ZH_RISKS = [
    (
        "宏观经济波动风险",
        "公司主营业务与宏观经济周期高度相关，若国内经济增速放缓，下游客户需求可能下降，对公司经营业绩产生不利影响。",
    ),
    (
        "原材料价格波动风险",
        "公司主要原材料价格受大宗商品市场影响较大，若价格大幅上涨而公司未能及时向下游传导，毛利率将受到挤压。",
    ),
    ("应收账款回收风险", "报告期末公司应收账款余额较大，若主要客户经营状况恶化，可能导致坏账损失增加。"),
    ("汇率风险", "公司海外业务收入占比逐年提高，人民币汇率波动可能产生汇兑损失。"),
    ("技术迭代风险", "行业技术更新较快，若公司研发投入不足或方向判断失误，产品竞争力可能下降。"),
    ("政策监管风险", "行业监管政策趋严，若公司未能及时满足新的合规要求，可能面临处罚或业务受限。"),
]
EN_RISKS = [
    (
        "Our results depend on general economic conditions",
        "A downturn in economic conditions could reduce demand for our products and adversely affect our revenue and margins.",
    ),
    (
        "We face intense competition",
        "Competitors with greater resources may introduce products at lower prices, which could reduce our market share.",
    ),
    (
        "Cybersecurity incidents could harm our business",
        "A breach of our information systems could expose customer data, result in litigation and damage our reputation.",
    ),
    (
        "We are exposed to foreign currency fluctuations",
        "A significant portion of our revenue is denominated in currencies other than the U.S. dollar.",
    ),
    (
        "Our indebtedness could limit our flexibility",
        "Covenants in our credit facility restrict our ability to incur additional debt or pay dividends.",
    ),
    (
        "Changes in regulation may increase our costs",
        "New privacy and data-protection laws may require changes to our business practices.",
    ),
]


def _figures(p: People) -> dict:
    rev = p.rng.randint(800, 90000) / 10
    growth = p.rng.randint(-150, 350) / 10
    ni = round(rev * p.rng.randint(3, 18) / 100, 1)
    return dict(
        rev=f"{rev:,.1f}",
        growth=f"{growth:+.1f}",
        ni=f"{ni:,.1f}",
        margin=f"{p.rng.randint(180, 620) / 10:.1f}",
        year=str(p.rng.randint(2020, 2023)),
        cash=f"{rev * p.rng.randint(10, 60) / 100:,.1f}",
    )


def zh_report(p: People, kind: str, issuer: dict) -> Doc:
    f = _figures(p)
    doc = Doc()
    co = issuer["company"]
    if kind == "annual":
        doc.heading("{co}" + f"{f['year']}年年度报告（摘要）", {"co": co})
        doc.add("证券代码：" + issuer["code"] + "　证券简称：" + issuer["short"])
        doc.add("本公司董事会及全体董事保证本报告内容不存在虚假记载、误导性陈述或者重大遗漏。")
        doc.heading("第一节 重要提示")
        doc.add(
            "公司负责人{ceo}、主管会计工作负责人{cfo}声明：保证年度报告中财务报告的真实、准确、完整。",
            {"ceo": issuer["ceo"], "cfo": issuer["cfo"]},
        )
        doc.heading("第二节 公司基本情况")
        doc.add(
            "注册地址：{addr}　投资者联系电话：{tel}　电子信箱：{mail}",
            {"addr": issuer["address"], "tel": issuer["phone"], "mail": issuer["email"]},
        )
        doc.add("公司网址：{url}", {"url": issuer["url"]})
        doc.table(
            [
                ["项目", f"{f['year']}年", "同比增减"],
                ["营业收入（百万元）", f["rev"], f["growth"] + "%"],
                ["归属于上市公司股东的净利润（百万元）", f["ni"], "—"],
                ["毛利率", f["margin"] + "%", "—"],
            ]
        )
        doc.heading("第三节 管理层讨论与分析")
        doc.add(
            f"报告期内，公司实现营业收入{f['rev']}百万元，同比{f['growth']}%；归属于上市公司股东的净利润{f['ni']}百万元。"
            f"期末货币资金{f['cash']}百万元，经营活动现金流保持稳健。"
        )
        doc.add(
            "公司持续加大研发投入，于{d}完成新生产基地的竣工验收。",
            {"d": p.fmt_date(p.date_between(dt.date(2022, 1, 1), dt.date(2023, 12, 31)))},
        )
        doc.heading("第四节 重大风险提示")
        risks = p.sample(ZH_RISKS, 3)
    else:
        doc.heading("{co}关于重大风险提示的公告", {"co": co})
        doc.add("证券代码：" + issuer["code"] + "　公告编号：" + f"{f['year']}-0{p.rng.randint(10, 89)}")
        doc.add("本公司及董事会全体成员保证信息披露的内容真实、准确、完整。")
        doc.heading("一、重大风险提示")
        risks = p.sample(ZH_RISKS, 4)
    for n, (head, body) in enumerate(risks, start=1):
        doc.add(f"（{'一二三四五'[n - 1]}）{head}")
        doc.add(body)
    doc.add("董事会秘书：{sec}　联系电话：{tel}", {"sec": issuer["secretary"], "tel": issuer["phone"]})
    doc.add(
        "{co}董事会　{d}",
        {"co": co, "d": p.fmt_date(p.date_between(dt.date(2023, 3, 1), dt.date(2024, 4, 30)))},
    )
    return doc


def en_report(p: People, kind: str, issuer: dict) -> Doc:
    f = _figures(p)
    doc = Doc()
    co = issuer["company"]
    if kind == "annual":
        doc.heading("{co} - Annual Report on Form 10-K (Excerpt), Fiscal Year " + f["year"], {"co": co})
        doc.add(
            "Principal executive offices: {addr}. Telephone: {tel}. Investor relations: {url}",
            {"addr": issuer["address"], "tel": issuer["phone"], "url": issuer["url"]},
        )
        doc.heading("Item 1A. Risk Factors")
        for head, body in p.sample(EN_RISKS, 3):
            doc.add(head + ".")
            doc.add(body)
        doc.heading(
            "Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations"
        )
        doc.add(
            f"Net revenue for fiscal {f['year']} was ${f['rev']} million, a change of {f['growth']}% from the prior year. "
            f"Net income was ${f['ni']} million and gross margin was {f['margin']}%. Cash and equivalents totaled ${f['cash']} million."
        )
        doc.table(
            [
                ["Metric", "FY" + f["year"], "Change"],
                ["Net revenue ($M)", f["rev"], f["growth"] + "%"],
                ["Net income ($M)", f["ni"], "n/m"],
            ]
        )
        doc.add(
            "On {d}, we completed the refinancing of our revolving credit facility.",
            {"d": p.fmt_date(p.date_between(dt.date(2022, 1, 1), dt.date(2023, 12, 31)))},
        )
        doc.heading("Item 9A. Controls and Procedures")
        doc.add(
            "Our Chief Executive Officer, {ceo}, and Chief Financial Officer, {cfo}, evaluated our disclosure controls as of {d}.",
            {"ceo": issuer["ceo"], "cfo": issuer["cfo"], "d": p.fmt_date(dt.date(int(f["year"]), 12, 31))},
        )
    else:
        doc.heading("{co} - Risk Factor Disclosure Supplement", {"co": co})
        doc.add(
            "Filed {d}. Contact: {sec}, Corporate Secretary, {mail}, {tel}.",
            {
                "d": p.fmt_date(p.date_between(dt.date(2023, 3, 1), dt.date(2024, 4, 30))),
                "sec": issuer["secretary"],
                "mail": issuer["email"],
                "tel": issuer["phone"],
            },
        )
        doc.heading("Item 1A. Risk Factors")
        doc.add(
            "Investing in our securities involves a high degree of risk. You should consider the risks described below."
        )
        for head, body in p.sample(EN_RISKS, 4):
            doc.add(head + ".")
            doc.add(body)
    return doc


def new_issuer(p: People, key: str) -> dict:
    co = p.company()
    short = co.text[:4] if p.lang == "zh" else co.text.split()[0].upper()[:4]
    return dict(
        key=key,
        company=co,
        short=short,
        code=f"{p.pick(('600', '601', '000', '002', '300'))}{p.rng.randint(100, 999)}",
        ceo=p.name(),
        cfo=p.name(),
        secretary=p.name(),
        address=p.address(),
        phone=p.phone(),
        email=p.email(),
        url=p.url(),
    )
