"""Operators, keyed surrogates, date shifting and span realignment."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuskit.stages.deid.operators import DocumentRewriter, OffsetMap, Replacement, parse_operators
from corpuskit.stages.deid.postprocess import Detection
from corpuskit.stages.deid.surrogates import KeyedReplacer, key_id, shift_date

TEXT = "Dr. John Smith saw john  smith on 17 Oct 2022; call 617-555-1234."
DETS = [
    Detection(4, 14, "PERSON", 1, "t"),
    Detection(19, 30, "PERSON", 1, "t"),
    Detection(34, 45, "DATE", 1, "t"),
    Detection(52, 64, "PHONE", 1, "t"),
]


def rewrite(ops: dict, key: bytes | None = b"k", group: str = "g1", text: str = TEXT, dets=DETS):
    rw = DocumentRewriter(parse_operators(ops), KeyedReplacer(key) if key else None, "en", group)
    return rw.rewrite(text, dets)


def test_placeholder_numbered_per_document_same_value_same_number():
    new, _ = rewrite({"default": "placeholder"})
    assert new == "Dr. [PERSON_1] saw [PERSON_1] on [DATE_1]; call [PHONE_1]."


def test_placeholder_numbers_restart_in_each_document():
    new1, _ = rewrite({}, dets=DETS[:1])
    new2, _ = rewrite(
        {},
        text="Jane Roe and John Smith",
        dets=[Detection(0, 8, "PERSON", 1, "t"), Detection(13, 23, "PERSON", 1, "t")],
    )
    assert "[PERSON_1]" in new1 and new2 == "[PERSON_1] and [PERSON_2]"


def test_redact_mask_keep_and_hash():
    new, reps = rewrite(
        {"PERSON": "redact", "DATE": "keep", "PHONE": {"operator": "mask", "chars_to_keep": 4}}
    )
    assert new == "Dr.  saw  on 17 Oct 2022; call ********1234."
    assert [r.operator for r in reps] == ["redact", "redact", "keep", "mask"]
    hashed, _ = rewrite({"PERSON": "hash"})
    first, second = hashed.split(" saw ")[0][4:], hashed.split(" saw ")[1].split(" on ")[0]
    assert first == second and first.startswith("PERSON_") and "John" not in hashed
    other_key, _ = rewrite({"PERSON": "hash"}, key=b"other")
    assert other_key != hashed


def test_keyed_operator_without_key_is_an_error():
    with pytest.raises(ValueError, match="needs a key"):
        rewrite({"PERSON": "surrogate"}, key=None)


def test_surrogates_consistent_within_a_group_and_differ_across_groups():
    r = KeyedReplacer(b"secret")
    a = r.surrogate("PERSON", "John Smith", "en", "pt1")
    assert a == r.surrogate("PERSON", "john   SMITH", "en", "pt1")
    assert a != "John Smith"
    others = {r.surrogate("PERSON", "John Smith", "en", f"pt{i}") for i in range(2, 8)}
    assert a not in others or len(others) > 1
    assert KeyedReplacer(b"other-key").surrogate("PERSON", "John Smith", "en", "pt1") != a
    zh = r.surrogate("PERSON", "张伟", "zh", "pt1")
    assert zh != "张伟" and all("\u4e00" <= c <= "\u9fff" for c in zh)  # locale-right surrogate


def test_surrogate_shapes():
    r = KeyedReplacer(b"secret")
    mrn = r.surrogate("MRN", "ZY20230315", "zh", "g")
    assert len(mrn) == 10 and mrn[:2].isalpha() and mrn[2:].isdigit() and mrn != "ZY20230315"
    assert r.surrogate("AGE", "92", "en", "g") == "90"  # ages over 89 are aggregated
    assert r.surrogate("AGE", "45岁", "zh", "g").endswith("岁")
    from corpuskit.stages.deid.recognizers.zh import resident_id_ok

    assert resident_id_ok(r.surrogate("ID", "11010519491231002X", "zh", "g"))


def test_rewrite_with_surrogates_is_stable_inside_a_document():
    new, _ = rewrite({"PERSON": "surrogate", "DATE": "date_shift"})
    first = new.split(" saw ")[0][4:]
    second = new.split(" saw ")[1].split(" on ")[0]
    assert first == second and first != "John Smith"
    assert "John" not in new and "17 Oct 2022" not in new


@settings(max_examples=60, deadline=None)
@given(
    d1=st.dates(date(1950, 1, 1), date(2040, 12, 31)),
    gap=st.integers(0, 4000),
    fmt=st.sampled_from(["%d %b %Y", "%Y-%m-%d", "%m/%d/%Y", "%B %d, %Y", "%Y年%m月%d日"]),
)
def test_date_shift_preserves_intervals_within_a_group(d1, gap, fmt):
    d2 = d1 + timedelta(days=gap)
    r = KeyedReplacer(b"secret")
    days = r.shift_days("pt7")
    assert days != 0 and abs(days) <= 365
    text1 = d1.strftime(fmt).replace("年0", "年").replace("月0", "月")
    text2 = d2.strftime(fmt).replace("年0", "年").replace("月0", "月")
    s1, s2 = shift_date(text1, days), shift_date(text2, days)
    assert s1 is not None and s2 is not None

    def parse(v: str) -> date:
        if "年" in v:
            y, rest = v.split("年")
            m, d = rest.rstrip("日").split("月")
            return date(int(y), int(m), int(d))
        from dateutil import parser

        return parser.parse(v).date()

    assert (parse(s2) - parse(s1)).days == gap
    assert (parse(s1) - d1).days == days


def test_date_shift_keeps_format_and_falls_back_to_placeholder():
    assert shift_date("3月5日", 30) == "4月4日"
    assert shift_date("17 Oct 2022", -30) == "17 Sep 2022"
    assert shift_date("the spring", 10) is None
    new, reps = rewrite(
        {"DATE": "date_shift"}, text="on 二〇二三年三月五日", dets=[Detection(3, 12, "DATE", 1, "t")]
    )
    assert new == "on [DATE_1]" and reps[0].operator == "placeholder"


def test_key_id_is_not_the_key():
    assert key_id(b"secret") != "secret" and len(key_id(b"secret")) == 16
    assert key_id(b"secret") == key_id(b"secret") != key_id(b"secret2")


def test_offset_map_realigns_spans():
    text = "Dr. John Smith saw the patient on 17 Oct 2022."
    new, reps = rewrite(
        {}, text=text, dets=[Detection(4, 14, "PERSON", 1, "t"), Detection(34, 45, "DATE", 1, "t")]
    )
    m = OffsetMap(reps)
    for old, expected in [
        ((0, 3), "Dr."),
        ((15, 30), "saw the patient"),
        ((4, 14), "[PERSON_1]"),
        ((0, 14), "Dr. [PERSON_1]"),
        ((9, 14), "[PERSON_1]"),
        ((45, 46), "."),
        ((0, len(text)), new),
    ]:
        s, e = m.span(*old)
        assert new[s:e] == expected


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_spans_outside_replacements_keep_their_text(data):
    text = data.draw(st.text(alphabet="ab 中文xyz", min_size=20, max_size=60))
    cuts = sorted(data.draw(st.sets(st.integers(0, len(text)), min_size=2, max_size=8)))
    dets = [Detection(s, e, "PERSON", 1, "t") for s, e in zip(cuts[::2], cuts[1::2]) if e > s]
    op = data.draw(st.sampled_from(["placeholder", "redact", "mask"]))
    new, reps = rewrite({"PERSON": op}, text=text, dets=dets)
    m = OffsetMap(reps)
    s0 = data.draw(st.integers(0, len(text) - 1))
    e0 = data.draw(st.integers(s0 + 1, len(text)))
    moved = m.span(s0, e0)
    if not any(d.start < e0 and d.end > s0 for d in dets):
        assert moved is not None and new[moved[0] : moved[1]] == text[s0:e0]
    elif moved is not None:
        assert 0 <= moved[0] < moved[1] <= len(new)


def test_replacement_records_new_offsets():
    new, reps = rewrite({})
    assert all(isinstance(r, Replacement) for r in reps)
    assert [new[r.new_start : r.new_end] for r in reps] == [
        "[PERSON_1]",
        "[PERSON_1]",
        "[DATE_1]",
        "[PHONE_1]",
    ]
