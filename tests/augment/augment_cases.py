"""Records and helpers shared by the augment tests (records are built in code, offsets found by search)."""

from __future__ import annotations

from corpuskit.records import new_record


def span(text: str, needle: str, label: str, source: str = "gold", nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"start": start, "end": start + len(needle), "label": label, "source": source}


ZH_TEXT = ("主诉：患者头痛三天，伴发热。体温38.5℃，血压120/80mmHg，已经口服布洛芬200mg。"
           "既往史：高血压病史5年，慢阻肺。血糖升高。\n\n"
           "诊断：上呼吸道感染。2023-01-05入院，费用12,000元。")
EN_TEXT = ("Chief Complaint: Patient reports fever and headache for 3 days. Temp 38.5 °C, BP 150/95 mmHg, HR 88. "
           "Their clinic is Normal. Started metformin 500 mg, paid $1200 on 2023/1/5. Troponin positive.\n\n"
           "Assessment: shortness of breath, improved.")


def zh_record(**extra) -> dict:
    spans = [span(ZH_TEXT, "头痛", "SYMPTOM"), span(ZH_TEXT, "发热", "SYMPTOM"), span(ZH_TEXT, "布洛芬", "DRUG"),
             span(ZH_TEXT, "上呼吸道感染", "DISEASE")]
    return new_record("zh1", ZH_TEXT, lang="zh", domain="medical", spans=spans, labels=["abnormal"], **extra)


def en_record(**extra) -> dict:
    spans = [span(EN_TEXT, "fever", "SYMPTOM"), span(EN_TEXT, "headache", "SYMPTOM"),
             span(EN_TEXT, "metformin", "DRUG"), span(EN_TEXT, "shortness of breath", "SYMPTOM")]
    return new_record("en1", EN_TEXT, lang="en", domain="medical", spans=spans, labels=["abnormal"], **extra)


ZH_DEID = "[PERSON_1]于2023年3月入院，电话<PHONE_NUMBER>。[PERSON_1]自述头痛。住址：北京市朝阳区建国路1号。"
EN_DEID = "Seen by [PERSON_1] on <DATE_TIME>. Call <PHONE_NUMBER>. [PERSON_1] reports headache. Lives in Springfield."


def zh_deid_record() -> dict:
    spans = [span(ZH_DEID, "北京市朝阳区建国路1号", "LOCATION", "deid"), span(ZH_DEID, "头痛", "SYMPTOM")]
    return new_record("zhd", ZH_DEID, lang="zh", domain="medical", spans=spans)


def en_deid_record() -> dict:
    spans = [span(EN_DEID, "Springfield", "LOCATION", "deid"), span(EN_DEID, "headache", "SYMPTOM")]
    return new_record("end", EN_DEID, lang="en", domain="medical", spans=spans)


def span_texts(rec: dict) -> list[tuple[str, str]]:
    return [(rec["text"][s["start"]:s["end"]], s["label"]) for s in rec["spans"]]
