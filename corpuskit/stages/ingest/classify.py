"""Domain and doc_type from folder names or keywords, each overridable in the params.

Precedence (first that answers wins), recorded in `meta.domain_source`:
input config → row field → `path_pattern` → folder name → keyword classifier → "general".
"""

from __future__ import annotations

FOLDER_DOMAINS = {
    "medical": "medical",
    "clinical": "medical",
    "emr": "medical",
    "ehr": "medical",
    "health": "medical",
    "legal": "legal",
    "contracts": "legal",
    "contract": "legal",
    "law": "legal",
    "finance": "finance",
    "financial": "finance",
    "reports": "finance",
    "filings": "finance",
}

DOMAIN_KEYWORDS: dict[str, list[str]] = {
    "medical": [
        "主诉",
        "现病史",
        "既往史",
        "体格检查",
        "辅助检查",
        "诊断",
        "入院",
        "出院",
        "患者",
        "医嘱",
        "病历",
        "chief complaint",
        "history of present illness",
        "hpi",
        "diagnosis",
        "patient",
        "medications",
        "physical exam",
        "discharge",
        "admission",
        "mg",
        "assessment and plan",
    ],
    "legal": [
        "甲方",
        "乙方",
        "合同",
        "协议",
        "违约",
        "条款",
        "争议解决",
        "第一条",
        "agreement",
        "party",
        "parties",
        "hereby",
        "shall",
        "clause",
        "article",
        "governing law",
        "indemnif",
        "confidential information",
        "in witness whereof",
    ],
    "finance": [
        "营业收入",
        "净利润",
        "年度报告",
        "风险提示",
        "管理层讨论",
        "证券代码",
        "股东",
        "现金流",
        "revenue",
        "net income",
        "risk factors",
        "fiscal",
        "form 10-k",
        "shareholders",
        "earnings",
        "md&a",
        "securities",
        "cash flow",
    ],
}

DOC_TYPE_KEYWORDS: dict[str, list[str]] = {
    "discharge_summary": ["出院小结", "出院记录", "discharge summary"],
    "admission_note": ["入院记录", "admission history", "history and physical", "admission note"],
    "outpatient_record": ["门诊病历", "门诊记录", "clinic note", "outpatient"],
    "purchase_contract": ["采购合同", "买卖合同", "purchase agreement", "sales agreement"],
    "employment_contract": ["劳动合同", "聘用合同", "employment agreement"],
    "nda_contract": ["保密协议", "non-disclosure", "confidentiality agreement"],
    "annual_report": ["年度报告", "年报", "annual report", "form 10-k"],
    "risk_disclosure": ["风险提示", "risk factor disclosure", "risk disclosure"],
}


def domain_from_path(rel_path: str) -> str | None:
    """A domain named by a folder on the way to the file (`…/medical/zh/x.txt` → medical)."""
    for part in rel_path.split("/")[:-1]:  # keys are posix paths; pathlib would cost ~10 µs a call
        found = FOLDER_DOMAINS.get(part.lower())
        if found:
            return found
    return None


def _lowered(keywords: dict[str, list[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((name, tuple(k.lower() for k in kws)) for name, kws in keywords.items())


class KeywordTables:
    """The keyword lists lowercased once (a worker classifies thousands of documents with the same
    lists; lowercasing ~60 keywords per document cost about as much as counting them)."""

    def __init__(
        self,
        domain_keywords: dict[str, list[str]] | None = None,
        doc_type_keywords: dict[str, list[str]] | None = None,
    ):
        self.domains = _lowered(domain_keywords or DOMAIN_KEYWORDS)
        self.doc_types = _lowered(doc_type_keywords or DOC_TYPE_KEYWORDS)

    def domain(self, text: str, min_hits: int = 2) -> str | None:
        """Best-scoring domain by keyword hits in the first 5,000 characters, if it has at least `min_hits`."""
        head = text[:5000].lower()
        scores = {d: sum(map(head.count, kws)) for d, kws in self.domains}
        best = max(scores, key=lambda d: (scores[d], d), default=None)
        return best if best and scores[best] >= min_hits else None

    def doc_type(self, text: str) -> str | None:
        """The doc_type whose keyword appears earliest in the first 300 characters (titles come first)."""
        head = text[:300].lower()
        best, best_pos = None, len(head) + 1
        for doc_type, kws in self.doc_types:
            for k in kws:
                pos = head.find(k)
                if 0 <= pos < best_pos:
                    best, best_pos = doc_type, pos
        return best
