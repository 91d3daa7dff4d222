"""The bundled sample corpora: the gold file agrees with the files, and ingest reads all of them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ingest_fixtures import ingest

ROOT = Path(__file__).resolve().parents[2] / "sample_corpora"
LABELS = {
    "PERSON",
    "ADDRESS",
    "LOCATION",
    "ORGANIZATION",
    "DATE",
    "AGE",
    "PHONE",
    "EMAIL",
    "ID",
    "MRN",
    "BANK_CARD",
    "URL",
    "IP",
    "LICENSE_PLATE",
    "PASSPORT",
}
GROUPS = r"(?P<group_id>(?:pt|ct|co)\d+)_(?P<doc_type>[a-z_]+)\."


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return [
        json.loads(line) for line in (ROOT / "gold" / "identifiers.jsonl").read_text("utf-8").splitlines()
    ]


def test_gold_covers_every_domain_and_language(gold):
    from collections import Counter

    per = Counter((g["domain"], g["lang"]) for g in gold)
    assert len(per) == 6 and min(per.values()) >= 10
    formats = {g["format"] for g in gold}
    assert formats == {"txt", "md", "html", "pdf", "docx", "csv", "jsonl"}


def test_gold_spans_are_canonical_and_inside_the_text(gold):
    for g in gold:
        assert g["spans"], g["id"]
        for s in g["spans"]:
            assert s["label"] in LABELS
            assert 0 <= s["start"] < s["end"] <= len(g["text"])
            assert g["text"][s["start"] : s["end"]].strip() == g["text"][s["start"] : s["end"]]


def test_exact_gold_text_is_the_file_content(gold):
    for g in gold:
        if not g["exact"]:
            continue
        path = ROOT / g["path"]
        if g["format"] in ("txt", "md"):
            assert path.read_bytes().decode(g["encoding"]).lstrip("\ufeff") == g["text"], g["id"]
        else:
            rid = g["id"].split("#", 1)[1]
            if g["format"] == "jsonl":
                rows = [json.loads(x) for x in path.read_text("utf-8").splitlines()]
            else:
                import csv

                rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
            assert next(r for r in rows if r["id"] == rid)["text"] == g["text"]


def test_gold_identifiers_are_valid(gold):
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)

    def luhn(n: str) -> bool:
        total = 0
        for i, d in enumerate(reversed(n)):
            k = int(d) * (2 if i % 2 else 1)
            total += k - 9 if k > 9 else k
        return total % 10 == 0

    seen = {"ID": 0, "BANK_CARD": 0}
    for g in gold:
        for s in g["spans"]:
            value = g["text"][s["start"] : s["end"]]
            if s["label"] == "ID" and g["lang"] == "zh":
                assert "10X98765432"[sum(int(a) * w for a, w in zip(value, weights)) % 11] == value[-1]
                seen["ID"] += 1
            if s["label"] == "BANK_CARD":
                assert luhn(value)
                seen["BANK_CARD"] += 1
    assert seen["ID"] >= 10 and seen["BANK_CARD"] >= 10


def test_special_encodings_are_present():
    assert (ROOT / "medical/zh/pt105_outpatient_record.txt").read_bytes().decode("gbk")
    assert b"\r\n" in (ROOT / "medical/zh/pt102_discharge_summary.txt").read_bytes()
    assert (ROOT / "legal/en/ct206_nda_contract.txt").read_bytes().startswith(b"\xef\xbb\xbf")


def test_ingest_reads_every_sample_document_with_groups(gold):
    rows, ctx = ingest(
        [{"path": str(ROOT), "exclude": ["gold/**", "_gen/**", "*.py", "README.md"], "path_pattern": GROUPS}],
        workers=2,
    )
    stats = ctx.stats["ingest.v1"]
    assert ctx.quarantined == [] and stats["files_quarantined"] == 0
    assert stats["docs_in"] == len(gold) == len(rows) == 80
    by_group: dict[str, set[str]] = {}
    for r in rows:
        by_group.setdefault(r["group_id"], set()).add(r["doc_type"])
    assert by_group["pt102"] == {"admission_note", "discharge_summary", "outpatient_record"}
    assert by_group["pt201"] == {"admission_note", "discharge_summary"}
    assert {r["domain"] for r in rows} == {"medical", "legal", "finance"}
    gbk = next(r for r in rows if r["source"]["path"].endswith("pt105_outpatient_record.txt"))
    assert gbk["source"]["encoding"] == "gb18030" and gbk["lang"] == "zh"
    assert all(r["lang"] == ("zh" if "/zh/" in r["source"]["path"] else "en") for r in rows)
