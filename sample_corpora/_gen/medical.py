"""Medical records: admission notes, discharge summaries, outpatient records (zh + en)."""

from __future__ import annotations

import datetime as dt

from .people import People
from .spans import Doc

ZH_CASES = [
    dict(
        cc="反复咳嗽、咳痰{d}天，加重伴发热1天",
        dx="社区获得性肺炎",
        dx2="2型糖尿病",
        hpi="患者{d}天前受凉后出现咳嗽，咳黄白色黏痰，量中等，无咯血。1天前出现发热，最高体温38.9℃，伴畏寒、乏力，自服“布洛芬”后体温可暂降。",
        exam="T 38.6℃，P 102次/分，R 22次/分，BP 128/76mmHg。神清，右下肺可闻及湿啰音，心律齐，腹软无压痛。",
        test="血常规：WBC 13.2×10^9/L，N% 84.5%；CRP 68mg/L。胸部CT：右下肺斑片状渗出影。",
        tx="予头孢曲松2g ivgtt qd抗感染，氨溴索化痰，监测血糖，调整降糖方案。",
    ),
    dict(
        cc="胸闷、胸痛{d}小时",
        dx="急性前壁心肌梗死",
        dx2="高血压病3级（很高危）",
        hpi="患者{d}小时前活动后突发胸骨后压榨样疼痛，向左肩放射，伴大汗，休息后不能缓解，由120送至我院急诊。",
        exam="BP 150/95mmHg，HR 96次/分。双肺呼吸音清，心音低钝，未闻及杂音，双下肢无水肿。",
        test="心电图：V1-V4导联ST段抬高0.3mV。肌钙蛋白I 5.6ng/mL。",
        tx="急诊行冠脉造影+PCI术，术后予阿司匹林、替格瑞洛双联抗血小板，阿托伐他汀调脂。",
    ),
    dict(
        cc="上腹痛伴恶心呕吐{d}天",
        dx="急性胰腺炎（轻症）",
        dx2="胆囊结石",
        hpi="患者{d}天前进食油腻食物后出现上腹部持续性胀痛，向腰背部放射，伴恶心、呕吐胃内容物数次。",
        exam="腹平软，上腹部压痛（+），无反跳痛，Murphy征阴性，肠鸣音减弱。",
        test="血淀粉酶 865U/L，脂肪酶 1320U/L。腹部超声：胆囊多发结石，胰腺体积增大。",
        tx="禁食、胃肠减压，予奥美拉唑抑酸、生长抑素抑制胰液分泌及补液支持治疗。",
    ),
    dict(
        cc="头晕、右侧肢体无力{d}小时",
        dx="急性脑梗死（左侧基底节区）",
        dx2="心房颤动",
        hpi="患者{d}小时前晨起时发现右侧肢体无力，持物不稳，伴言语含糊，无头痛、呕吐及意识障碍。",
        exam="神清，构音障碍，右侧肢体肌力4级，右侧巴氏征（+）。NIHSS评分5分。",
        test="头颅MRI：左侧基底节区急性梗死灶。心电图：心房颤动。",
        tx="予阿加曲班抗凝、丁苯酞改善循环，早期康复训练，择期启动口服抗凝。",
    ),
    dict(
        cc="多饮、多尿、体重下降{d}个月",
        dx="2型糖尿病",
        dx2="高脂血症",
        hpi="患者{d}个月前无明显诱因出现口干、多饮，每日饮水约3000ml，尿量增多，体重下降约5kg。",
        exam="BMI 27.3kg/m²，双足背动脉搏动可，双足皮肤无破溃。",
        test="空腹血糖 11.8mmol/L，糖化血红蛋白 9.2%。甘油三酯 3.1mmol/L。",
        tx="予二甲双胍0.5g tid、达格列净10mg qd，糖尿病饮食及运动指导。",
    ),
    dict(
        cc="右下腹痛{d}小时",
        dx="急性阑尾炎",
        dx2="无",
        hpi="患者{d}小时前出现脐周疼痛，后转移至右下腹，呈持续性，伴低热、恶心。",
        exam="右下腹麦氏点压痛（+），反跳痛（+），腰大肌试验阳性。",
        test="血常规：WBC 14.6×10^9/L。腹部CT：阑尾增粗，周围脂肪间隙模糊。",
        tx="急诊行腹腔镜下阑尾切除术，术后予头孢呋辛预防感染。",
    ),
]

EN_CASES = [
    dict(
        cc="shortness of breath and productive cough for {d} days",
        dx="Community-acquired pneumonia",
        dx2="Type 2 diabetes mellitus",
        hpi="reports {d} days of cough productive of yellow sputum, subjective fevers and chills, and worsening dyspnea on exertion. Denies hemoptysis.",
        exam="T 38.7 C, HR 104, RR 22, BP 126/74, SpO2 91% on room air. Crackles at the right base.",
        test="WBC 14.1, lactate 1.8. Chest X-ray: right lower lobe consolidation.",
        meds="Metformin 1000 mg BID; Lisinopril 10 mg daily; Atorvastatin 40 mg nightly",
        tx="Start ceftriaxone and azithromycin. Supplemental oxygen to keep SpO2 above 92%. Hold metformin while inpatient; sliding-scale insulin.",
    ),
    dict(
        cc="substernal chest pain for {d} hours",
        dx="NSTEMI",
        dx2="Hypertension",
        hpi="developed pressure-like substernal chest pain radiating to the left arm {d} hours prior to arrival, associated with diaphoresis and nausea.",
        exam="BP 158/92, HR 88. Lungs clear. Regular rhythm, no murmurs. No peripheral edema.",
        test="Troponin I 2.4 ng/mL, rising. ECG: ST depressions in V4-V6.",
        meds="Amlodipine 5 mg daily; Aspirin 81 mg daily",
        tx="Heparin drip, aspirin, high-intensity statin, beta-blocker. Cardiology consulted for catheterization.",
    ),
    dict(
        cc="abdominal pain and vomiting for {d} days",
        dx="Acute cholecystitis",
        dx2="Obesity",
        hpi="has had {d} days of right upper quadrant pain after fatty meals, now constant, with nausea and two episodes of nonbloody emesis.",
        exam="Tender RUQ with positive Murphy sign. No rebound. Bowel sounds present.",
        test="Alk phos 188, total bilirubin 1.4, lipase normal. RUQ ultrasound: gallstones with wall thickening.",
        meds="Omeprazole 20 mg daily",
        tx="NPO, IV fluids, piperacillin-tazobactam. General surgery for laparoscopic cholecystectomy.",
    ),
    dict(
        cc="left-sided weakness for {d} hours",
        dx="Acute ischemic stroke, right MCA territory",
        dx2="Atrial fibrillation",
        hpi="was last known well {d} hours before arrival; family noted left facial droop, slurred speech and left arm weakness.",
        exam="Alert, dysarthric. Left facial droop, left arm 3/5, left leg 4/5. NIHSS 7.",
        test="CT head without hemorrhage. CTA: right M2 occlusion. ECG: atrial fibrillation.",
        meds="Metoprolol 25 mg BID; no anticoagulant at home",
        tx="Thrombectomy performed. Start apixaban on day 4 per neurology. PT/OT evaluation.",
    ),
    dict(
        cc="polyuria and fatigue for {d} weeks",
        dx="Type 2 diabetes mellitus, uncontrolled",
        dx2="Hyperlipidemia",
        hpi="reports {d} weeks of increased thirst, urination and fatigue, with an unintentional 4 kg weight loss.",
        exam="BMI 31.2. Monofilament sensation intact bilaterally. No foot ulcers.",
        test="Fasting glucose 238 mg/dL, HbA1c 10.1%. LDL 162 mg/dL.",
        meds="None",
        tx="Start metformin titrating to 1000 mg BID and semaglutide. Diabetes education; recheck HbA1c in 3 months.",
    ),
    dict(
        cc="right lower quadrant pain for {d} hours",
        dx="Acute appendicitis",
        dx2="None",
        hpi="describes periumbilical pain that began {d} hours ago and migrated to the right lower quadrant, with anorexia and low-grade fever.",
        exam="Tender at McBurney point with guarding and rebound. Positive psoas sign.",
        test="WBC 15.2. CT abdomen: dilated appendix with periappendiceal stranding.",
        meds="None",
        tx="Laparoscopic appendectomy. Cefoxitin perioperatively.",
    ),
]


def new_patient(p: People, key: str) -> dict:
    """One fake patient with every identifier a record might mention."""
    birth = p.birth(20, 88)
    admit = p.date_between(dt.date(2022, 1, 1), dt.date(2024, 5, 31))
    return dict(
        key=key,
        name=p.name(),
        birth=birth,
        id=p.resident_id(birth),
        phone=p.phone(),
        address=p.address(),
        mrn=p.mrn(),
        admit=admit,
        discharge=admit + dt.timedelta(days=p.rng.randint(3, 14)),
        hospital=p.hospital(),
        doctor=p.name(),
        contact=p.name(),
        contact_phone=p.phone(),
        email=p.email(),
        birthplace=p.city(),
        case=p.rng.randrange(6),
        days=p.rng.randint(2, 10),
        sex=p.pick(("男", "女") if p.lang == "zh" else ("male", "female")),
    )


def _zh_heading(p: People, style: int, name: str, n: int) -> str:
    numerals = "一二三四五六七八九十"
    return (f"{name}：", f"【{name}】", f"{numerals[n]}、{name}")[style]


def zh_record(p: People, pt: dict, kind: str) -> Doc:
    """入院记录 / 出院小结 / 门诊病历 with the usual EMR headings."""
    c = ZH_CASES[pt["case"]]
    doc, style = Doc(), p.rng.randrange(3)
    title = {"admission": "入院记录", "discharge": "出院小结", "outpatient": "门诊病历"}[kind]
    on = pt["discharge"] if kind == "discharge" else pt["admit"]
    _, age = p.age(pt["birth"], on)
    doc.heading("{hosp}" + title, {"hosp": pt["hospital"]})
    doc.add(
        "姓名：{name}　性别：" + pt["sex"] + "　年龄：{age}　住院号：{mrn}",
        {"name": pt["name"], "age": age, "mrn": pt["mrn"]},
    )
    doc.add("身份证号：{id}　联系电话：{phone}", {"id": pt["id"], "phone": pt["phone"]})
    doc.add("现住址：{addr}", {"addr": pt["address"]})
    if kind != "outpatient":
        doc.add(
            "入院日期：{a}" + ("　出院日期：{b}" if kind == "discharge" else "") + "　籍贯：{bp}",
            {"a": p.fmt_date(pt["admit"]), "b": p.fmt_date(pt["discharge"]), "bp": pt["birthplace"]},
        )
        doc.add("联系人：{c}（家属）　电话：{cp}", {"c": pt["contact"], "cp": pt["contact_phone"]})
    else:
        doc.add("就诊日期：{a}", {"a": p.fmt_date(pt["admit"])})
    d = str(pt["days"])
    sections = [
        ("主诉", c["cc"].format(d=d)),
        ("现病史", c["hpi"].format(d=d)),
        (
            "既往史",
            p.pick(
                (
                    "既往体健，否认肝炎、结核等传染病史。",
                    "有" + c["dx2"] + "病史5年，规律服药。",
                    "否认药物过敏史，10年前行阑尾切除术。",
                )
            ),
        ),
        ("体格检查", c["exam"]),
        ("辅助检查", c["test"]),
    ]
    if kind == "discharge":
        sections = [
            ("入院情况", c["cc"].format(d=d) + "。" + c["exam"]),
            ("诊疗经过", c["tx"]),
            ("出院诊断", f"1. {c['dx']}\n2. {c['dx2']}"),
            (
                "出院医嘱",
                p.pick(("低盐低脂饮食，按时服药，2周后门诊复查。", "注意休息，避免劳累，如有不适随诊。")),
            ),
        ]
    else:
        sections += [("诊断", f"1. {c['dx']}\n2. {c['dx2']}"), ("治疗", c["tx"])]
    for n, (head, body) in enumerate(sections):
        if style == 0:
            doc.add(_zh_heading(p, 0, head, n) + body)
        else:
            doc.heading(_zh_heading(p, style, head, n))
            for line in body.split("\n"):
                doc.add(line)
        if head == "辅助检查":
            doc.table(
                [
                    ["检验项目", "结果", "参考范围"],
                    ["白细胞计数", f"{p.rng.randint(35, 160) / 10}×10^9/L", "3.5-9.5"],
                    ["血红蛋白", f"{p.rng.randint(95, 165)}g/L", "130-175"],
                    ["肌酐", f"{p.rng.randint(45, 140)}μmol/L", "57-111"],
                ]
            )
    doc.add("医师签名：{doc}　{date}", {"doc": pt["doctor"], "date": p.fmt_date(on)})
    return doc


def en_record(p: People, pt: dict, kind: str) -> Doc:
    """Admission H&P / Discharge Summary / Clinic Note with the usual headings."""
    c = EN_CASES[pt["case"]]
    doc, colon = Doc(), p.rng.random() < 0.5
    title = {
        "admission": "ADMISSION HISTORY AND PHYSICAL",
        "discharge": "DISCHARGE SUMMARY",
        "outpatient": "OUTPATIENT CLINIC NOTE",
    }[kind]
    on = pt["discharge"] if kind == "discharge" else pt["admit"]
    years, age = p.age(pt["birth"], on)
    doc.heading("{hosp} - " + title, {"hosp": pt["hospital"]})
    doc.add(
        "Patient: {name}    MRN: {mrn}    DOB: {dob}",
        {"name": pt["name"], "mrn": pt["mrn"], "dob": p.fmt_date(pt["birth"])},
    )
    doc.add(
        "SSN: {id}    Phone: {phone}    Email: {email}",
        {"id": pt["id"], "phone": pt["phone"], "email": pt["email"]},
    )
    doc.add("Address: {addr}", {"addr": pt["address"]})
    if kind == "discharge":
        doc.add(
            "Admitted: {a}    Discharged: {b}",
            {"a": p.fmt_date(pt["admit"]), "b": p.fmt_date(pt["discharge"])},
        )
    else:
        doc.add("Date of service: {a}", {"a": p.fmt_date(pt["admit"])})
    doc.add(
        "Attending: Dr. {doc}    Emergency contact: {c}, {cp}",
        {"doc": pt["doctor"], "c": pt["contact"], "cp": pt["contact_phone"]},
    )
    d = str(pt["days"])
    opening = "{name} is a {age}-year-old " + pt["sex"] + " who " + c["hpi"].format(d=d)
    if kind == "discharge":
        sections = [
            ("Admission Diagnosis", c["dx"]),
            ("Hospital Course", f"The patient was admitted with {c['cc'].format(d=d)}. {c['tx']}"),
            ("Discharge Diagnoses", f"1. {c['dx']}\n2. {c['dx2']}"),
            ("Discharge Medications", c["meds"]),
            (
                "Follow-up",
                p.pick(
                    (
                        "Follow up with primary care in 1 week.",
                        "Return to clinic in 2 weeks; call sooner with fever or chest pain.",
                    )
                ),
            ),
        ]
    else:
        sections = [
            ("Chief Complaint", c["cc"].format(d=d).capitalize() + "."),
            ("HPI", None),
            ("PMH", c["dx2"] + "." if c["dx2"] != "None" else "No significant past medical history."),
            ("Medications", c["meds"]),
            ("Physical Exam", c["exam"]),
            ("Labs/Imaging", c["test"]),
            ("Assessment", f"{c['dx']}."),
            ("Plan", c["tx"]),
        ]
    for head, body in sections:
        values = {"name": pt["name"], "age": age}
        if body is None:
            body = opening
        if colon:
            doc.add(head + ": " + body.split("\n")[0], values)
            for line in body.split("\n")[1:]:
                doc.add(line)
        else:
            doc.heading(head.upper() + ":")
            for line in body.split("\n"):
                doc.add(line, values)
        if head == "Labs/Imaging":
            doc.table(
                [
                    ["Test", "Result", "Reference"],
                    ["WBC", f"{p.rng.randint(35, 160) / 10} K/uL", "4.0-11.0"],
                    ["Hemoglobin", f"{p.rng.randint(95, 165) / 10} g/dL", "13.5-17.5"],
                    ["Creatinine", f"{p.rng.randint(6, 19) / 10} mg/dL", "0.7-1.3"],
                ]
            )
    doc.add("Electronically signed by {doc}, MD on {date}", {"doc": pt["doctor"], "date": p.fmt_date(on)})
    return doc
