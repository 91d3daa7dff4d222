"""Exact and near-duplicate dedup, normalisation, language and domain detection."""

from __future__ import annotations

import random

import pytest
from ingest_fixtures import EN_NOTE, ZH_NOTE, ingest

from corpuskit.stages.ingest.config import NormalizeParams
from corpuskit.stages.ingest.dedup import CompactIndex
from corpuskit.stages.ingest.langdetect import detect_lang
from corpuskit.stages.ingest.normalize import normalize_text

LONG_EN = " ".join(
    [
        "The Receiving Party shall hold all Confidential Information in strict confidence and shall "
        "not disclose it to any third party without the prior written consent of the Disclosing Party."
    ]
    * 3
    + ["This obligation survives termination for five years from the Effective Date."]
)


def test_exact_duplicates_dropped_and_recorded(tmp_path):
    (tmp_path / "a.txt").write_text(LONG_EN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        LONG_EN.replace(" ", "  ") + "\r\n", encoding="utf-8"
    )  # same after normalising
    (tmp_path / "c.txt").write_text(ZH_NOTE, encoding="utf-8")
    rows, ctx = ingest([{"path": str(tmp_path)}])
    assert sorted(r["source"]["path"][-5:] for r in rows) == ["a.txt", "c.txt"]
    (entry,) = ctx.quarantined
    assert entry.reason == "exact duplicate" and entry.path.endswith("b.txt")
    assert entry.detail["duplicate_of"] == rows[0]["meta"]["doc_id"]
    stats = ctx.stats["ingest.v1"]
    assert stats["duplicates_exact"] == 1 and stats["files_quarantined"] == 1 and stats["files_ingested"] == 2


def test_near_duplicates_kept_in_one_cluster(tmp_path):
    (tmp_path / "a.txt").write_text(LONG_EN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(LONG_EN.replace("five years", "seven years"), encoding="utf-8")
    (tmp_path / "c.txt").write_text(EN_NOTE, encoding="utf-8")
    rows, ctx = ingest([{"path": str(tmp_path)}], granularity="section")
    by_file = {}
    for r in rows:
        by_file.setdefault(r["source"]["path"][-5:], set()).add(r["dup_cluster"])
    assert by_file["a.txt"] == by_file["b.txt"] == {rows[0]["meta"]["doc_id"]}
    assert by_file["c.txt"].isdisjoint(by_file["a.txt"]) and len(by_file["c.txt"]) == 1
    assert ctx.stats["ingest.v1"]["near_duplicates"] == 1


def test_near_dup_threshold_and_off_switch(tmp_path):
    (tmp_path / "a.txt").write_text(LONG_EN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(LONG_EN.replace("five years", "seven years"), encoding="utf-8")
    rows, _ = ingest([{"path": str(tmp_path)}], dedup={"near": False})
    assert rows[0]["dup_cluster"] != rows[1]["dup_cluster"]
    rows, _ = ingest([{"path": str(tmp_path)}], dedup={"threshold": 0.99})
    assert rows[0]["dup_cluster"] != rows[1]["dup_cluster"]


def test_record_level_dedup_drops_repeated_sections(tmp_path):
    boiler = "第六条 其他\n本协议一式两份，双方各执一份，自双方签字盖章之日起生效。\n"
    (tmp_path / "a.txt").write_text(
        "第一条 标的物\n乙方向甲方出售服务器十台，总价人民币五十万元。\n" + boiler, encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "第一条 保密信息\n乙方应对甲方披露的全部技术资料严格保密。\n" + boiler, encoding="utf-8"
    )
    doc_level, _ = ingest([{"path": str(tmp_path)}], granularity="section")
    assert len(doc_level) == 4  # default: whole documents are compared, shared clauses stay
    rec_level, ctx = ingest([{"path": str(tmp_path)}], granularity="section", dedup={"level": "record"})
    assert len(rec_level) == 3 and ctx.quarantined[0].reason == "exact duplicate"


def test_minhash_fed_in_slices_equals_one_batch(monkeypatch):
    """A long document's shingles go to MinHash in slices (bounded memory) with the same band keys."""
    from corpuskit.stages.ingest import dedup

    rng = random.Random(3)
    text = "".join(chr(0x4E00 + rng.randrange(2000)) for _ in range(5000))
    params = (64, *dedup.lsh_params(0.8, 64), 5)
    monkeypatch.setattr(dedup, "_SHINGLES_PER_UPDATE", 10**9)
    whole = dedup.band_keys(text, *params)
    monkeypatch.setattr(dedup, "_SHINGLES_PER_UPDATE", 97)
    assert dedup.band_keys(text, *params) == whole
    other = dedup.band_keys(text[:2500] + "病" * 2500, *params)
    assert other != whole  # the keys depend on the text, so the equality above means something


def test_compact_index_survives_growth_and_collisions():
    idx = CompactIndex(capacity=8)
    rng = random.Random(0)
    keys = [rng.getrandbits(64) or 1 for _ in range(5000)]
    for i, k in enumerate(keys):
        assert idx.setdefault(k, i) == i
    assert len(idx) == 5000
    assert all(idx.get(k) == i for i, k in enumerate(keys))
    assert idx.setdefault(keys[10], 99) == 10 and idx.get(12345) is None


@pytest.mark.parametrize(
    "raw,expected",
    [
        (
            "ＡＢＣ１２３，患者：张三（男）",
            "ABC123，患者：张三（男）",
        ),  # letters/digits half width, CJK punctuation kept
        ("ﬁle ㎏ ①", "file kg 1"),  # NFKC compatibility forms
        ("a\u200bb\x07c\ufeffd", "abcd"),  # zero-width, control and BOM characters removed
        ("  line one   \r\nline\t\ttwo\r\r\n\n\n\nend  ", "line one\nline two\n\nend"),
        ("全角\u3000空格", "全角 空格"),
    ],
)
def test_normalize_defaults(raw, expected):
    assert normalize_text(raw, NormalizeParams()) == expected


def test_normalize_is_configurable():
    off = NormalizeParams(
        unicode_form="none", fullwidth_to_halfwidth=False, strip_control=False, tidy_whitespace=False
    )
    assert normalize_text("ＡＢ，  c\r\n", off) == "ＡＢ，  c\n"  # newlines are always normalised
    ascii_punct = NormalizeParams(keep_cjk_punctuation=False)
    assert normalize_text("患者：张三，男", ascii_punct) == "患者:张三,男"


@pytest.mark.parametrize(
    "text,lang,mixed",
    [
        (ZH_NOTE, "zh", False),
        (EN_NOTE, "en", False),
        (
            "患者诉胸痛。Troponin I elevated, ECG shows ST elevation in leads V1 through V4, cardiology consulted.",
            "en",
            True,
        ),
        ("12345 67890", None, False),
    ],
)
def test_language_detection(text, lang, mixed):
    guess = detect_lang(text)
    assert guess.lang == lang and guess.mixed == mixed


def test_lang_and_domain_precedence(tmp_path):
    folder = tmp_path / "finance"
    folder.mkdir()
    (folder / "n.txt").write_text(EN_NOTE, encoding="utf-8")  # a medical note in a folder called finance
    rows, _ = ingest([{"path": str(tmp_path)}])
    assert rows[0]["domain"] == "finance" and rows[0]["meta"]["domain_source"] == "folder"
    rows, _ = ingest([{"path": str(folder)}])  # the input root's own name counts too
    assert rows[0]["domain"] == "finance"
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "n.txt").write_text(EN_NOTE, encoding="utf-8")
    rows, _ = ingest([{"path": str(tmp_path / "plain")}])
    assert rows[0]["domain"] == "medical" and rows[0]["meta"]["domain_source"] == "keywords"
    rows, _ = ingest([{"path": str(tmp_path / "plain"), "domain": "legal", "lang": "zh", "doc_type": "memo"}])
    assert (rows[0]["domain"], rows[0]["lang"], rows[0]["doc_type"]) == ("legal", "zh", "memo")
    rows, _ = ingest([{"path": str(tmp_path / "plain")}], classify_domain=False)
    assert rows[0]["domain"] == "general"
    rows, _ = ingest(
        [{"path": str(tmp_path / "plain")}], domain_keywords={"legal": ["lisinopril", "ceftriaxone"]}
    )
    assert rows[0]["domain"] == "legal"
