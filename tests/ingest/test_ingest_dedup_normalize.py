"""Exact and near-duplicate dedup, normalisation, language and domain detection."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
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


def test_minhash_signature_is_a_running_minimum_and_estimates_jaccard():
    """The signature of a long document is the elementwise minimum of its parts' signatures (so it
    is one pass, whatever the length), and the share of equal slots estimates the Jaccard index."""
    from corpuskit import minhash
    from corpuskit.stages.ingest import dedup

    rng = random.Random(3)
    text = "".join(chr(0x4E00 + rng.randrange(2000)) for _ in range(5000))
    hashes = minhash.shingle_hashes(text, 5)
    whole = minhash.signature(hashes, 64)
    parts = [minhash.signature(hashes[i : i + 97], 64) for i in range(0, len(hashes), 97)]
    assert (np.minimum.reduce(parts) == whole).all()
    half = text[:2500] + "".join(chr(0x4E00 + rng.randrange(2000)) for _ in range(2500))
    other = minhash.signature(minhash.shingle_hashes(half, 5), 64)
    a, b = set(hashes.tolist()), set(minhash.shingle_hashes(half, 5).tolist())
    jaccard = len(a & b) / len(a | b)
    assert abs(float((whole == other).mean()) - jaccard) < 0.2
    params = (64, *minhash.lsh_params(0.8, 64), 5)
    assert dedup.band_keys(text, *params) == dedup.band_keys(text, *params)
    assert not set(dedup.band_keys(text, *params)) & set(dedup.band_keys(half, *params))
    assert dedup.band_keys(" \n ", *params) == []  # nothing to compare: never clustered


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


# characters NFKC changes or composes: compatibility forms, full-width forms, combining marks,
# Hangul jamo, ideographic space; beside ASCII, ideographs and Chinese punctuation
_NFKC_ALPHABET = (
    "ae KＡ１，：（）！？\u3000\u0301\u0308\u0323\u0338ﬁ㎏①½℃Å\u1100\u1161\u11a8가각"
    "中文张\ue001\uf900\u2126\u212b\u00a0\u0627\u0653\u0915\u093c\u0dd9\u0dcf"
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_NFKC_ALPHABET, max_size=40), st.booleans())
def test_nfkc_only_where_needed_equals_whole_text_nfkc(text, keep_punct):
    """Normalising only the runs that can change gives exactly unicodedata's NFKC of the whole text,
    with Chinese punctuation kept (when asked) as it was written."""
    import unicodedata

    from corpuskit.stages.ingest.normalize import _CJK_PUNCT, unicode_normalize

    if keep_punct:  # the reference: hide the punctuation from NFKC, then put it back
        hide = {c: chr(0xF000 + i) for i, c in enumerate(_CJK_PUNCT)}
        back = {v: k for k, v in hide.items()}
        nfkc = unicodedata.normalize("NFKC", "".join(hide.get(c, c) for c in text))
        expected = "".join(back.get(c, c) for c in nfkc)
    else:
        expected = unicodedata.normalize("NFKC", text)
    assert unicode_normalize(text, "NFKC", keep_punct) == expected


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


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab Z9中文\u3400\uf900\U00020001é-_\n`{@[", max_size=30))
def test_script_counts_match_the_regex_definition(text):
    """Han characters and Latin words (2+ ASCII letters) counted in numpy, checked against regexes."""
    import re

    from corpuskit.stages.ingest.langdetect import script_counts

    han = len(re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]", text))
    assert script_counts(text) == (han, len(re.findall(r"[A-Za-z]{2,}", text)))


@pytest.mark.parametrize("num_perm", [16, 64, 128, 256])
@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.7, 0.8, 0.85, 0.9, 0.95])
def test_lsh_bands_are_datasketchs_choice(threshold, num_perm):
    from datasketch.lsh import _optimal_param

    from corpuskit.minhash import lsh_params

    assert lsh_params(threshold, num_perm) == _optimal_param(threshold, num_perm, 0.5, 0.5)


def test_minhash_signature_is_stable_across_installs():
    """dup_cluster ids and split units follow from these numbers: a rensa release that changed its
    permutations (or a change to the shingle hash) would change rebuilt datasets. This pins them."""
    from corpuskit import minhash

    text = "患者张伟，男，45岁。Chief complaint: chest pain for 3 days."
    assert minhash.signature(minhash.shingle_hashes(text, 5), 16).tolist() == [
        127567400, 728200600, 78766340, 253192392, 611984640, 565044268, 323521604, 1064020388,
        273663751, 401530436, 1607010925, 418237647, 1323175425, 283143413, 8380227, 304271468,
    ]
