"""From Presidio results to final spans: canonical labels, clinical deny-lists, one label per character.

spaCy's small English model tags field labels ("DOB", "MRN") as organisations,
durations ("3 days", "daily") as dates and ECG findings ("ST changes") as
entities; these filters apply to NER output only — pattern recognizers are
trusted to have their own checks.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from corpuskit.stages.deid.labels import canonical

NER_RECOGNIZERS = frozenset({"SpacyRecognizer"})

CLINICAL_DENY = frozenset(w.lower() for w in (
    "ST", "DOB", "MRN", "SSN", "BP", "HR", "RR", "PRN", "BID", "TID", "QID", "QD", "QHS", "PO", "IV", "IM", "SC", "NPO",
    "ECG", "EKG", "CT", "MRI", "CXR", "ICU", "MICU", "SICU", "CCU", "ER", "ED", "OR", "PACU", "CBC", "BMP", "CMP", "INR",
    "PT", "PTT", "Pt", "Patient", "Dr", "Dr.", "Mr", "Mrs", "Ms", "Hx", "Dx", "Rx", "Sx", "Tx", "HPI", "ROS", "PMH",
    "NAD", "Exam", "Plan", "Assessment", "Impression", "Admission", "Discharge", "Date", "Name", "Age", "Sex",
    "today", "yesterday", "tomorrow", "now", "daily", "weekly", "monthly", "nightly", "tonight", "this morning",
    "ST changes", "ST elevation", "ST depression", "Tylenol", "Lasix", "Coumadin", "Heparin", "Aspirin", "Motrin",
    "COVID", "COVID-19", "HIV", "COPD", "CHF", "CAD", "DM", "HTN", "GERD", "Party A", "Party B", "Agreement",
    "Borrower", "Lender", "Company", "the Company", "Licensee", "Licensor", "Tenant", "Landlord",
    "Phone", "Tel", "Fax", "Email", "E-mail", "Address", "Cell", "Mobile", "Pager", "MR", "Medical Record",
    "Allergies", "Medications", "History", "Physical", "Labs", "Vitals", "Diagnosis", "Procedure",
))
_MONTHS = regex.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")
_DURATION = regex.compile(
    r"(?i)^(?:the\s+)?(?:(?:past|last|next|previous|following|first|second|third|few|several|many|\d+(?:\.\d+)?|"
    r"a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d+\s*-\s*\d+|\d+\s+to\s+\d+)\s+)*"
    r"(?:more\s+)?(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|mos?|years?|yrs?|decades?)"
    r"(?:\s+(?:ago|old|later|earlier|prior|before|after))?$")
_SHORT_CAPS = regex.compile(r"^[A-Z]{1,5}$")


@dataclass(frozen=True)
class Detection:
    """One identifier found in a text: code-point offsets, canonical label, score, recognizer name."""

    start: int
    end: int
    label: str
    score: float
    recognizer: str

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "label": self.label, "score": round(self.score, 4)}


def keep_ner_result(text: str, label: str) -> bool:
    """False for NER output that is a known clinical false positive."""
    value = text.strip()
    if value.lower() in CLINICAL_DENY or len(value) < 2:
        return False
    if label == "DATE":
        if not (any(c.isdigit() for c in value) or _MONTHS.search(value)):
            return False  # 'yesterday', 'the weekend': not identifying
        if _DURATION.match(value):
            return False
    if label in ("ORGANIZATION", "LOCATION") and _SHORT_CAPS.match(value):
        return False  # ICU, CBC, ECG … abbreviations far outnumber real 2–5 letter org names in notes
    if label in ("PERSON", "ORGANIZATION", "LOCATION") and value[:1].islower():
        return False
    return True


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past surrounding whitespace and trailing punctuation."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:，；：、"):
        end -= 1
    return start, end


def finalize(text: str, results, label_map: dict[str, str | None] | None = None) -> list[Detection]:
    """Presidio results → non-overlapping Detections, pattern recognizers first, then score, then length."""
    cands: list[Detection] = []
    for r in results:
        label = canonical(r.entity_type, label_map)
        if label is None:
            continue
        name = (r.recognition_metadata or {}).get("recognizer_name", "")
        start, end = trim(text, r.start, r.end)
        if end <= start:
            continue
        if name in NER_RECOGNIZERS and not keep_ner_result(text[start:end], label):
            continue
        cands.append(Detection(start, end, label, float(r.score), name))
    return resolve_overlaps(cands)


def resolve_overlaps(cands: list[Detection]) -> list[Detection]:
    """Greedy: keep the best span, drop any span overlapping it, repeat. Output sorted by start."""
    def rank(d: Detection):
        return (d.recognizer not in NER_RECOGNIZERS and d.score >= 0.5, d.score, d.end - d.start)

    taken: list[Detection] = []
    occupied: list[tuple[int, int]] = []
    for d in sorted(cands, key=rank, reverse=True):
        if all(d.end <= s or d.start >= e for s, e in occupied):
            taken.append(d)
            occupied.append((d.start, d.end))
    return sorted(taken, key=lambda d: d.start)
