"""Every way a Label Studio result can be wrong, as a table. The server accepts all of these."""

from __future__ import annotations

import pytest
from annotate_testkit import EMOJI, EXT_B, choice, span

from corpuskit.stages.annotate.schema import load_schema
from corpuskit.stages.annotate.validate import ParsedAnnotation, Rejection, parse_annotation

TEXT = f"{EMOJI}患者{EXT_B}发热，服用阿司匹林。"
SCHEMA = load_schema("medical")


def _ann(*results, **extra):
    return {"id": 7, "completed_by": 3, "result": list(results), "lead_time": 4.5, **extra}


def test_valid_annotation_with_astral_characters_keeps_code_point_offsets():
    got = parse_annotation(_ann(span(TEXT, "发热", "症状"), span(TEXT, "阿司匹林", "药物"),
                                choice("doc_type", "病程记录")), 1, TEXT, SCHEMA)
    assert isinstance(got, ParsedAnnotation)
    assert got.spans == {(4, 6, "症状"), (9, 13, "药物")}
    assert TEXT[4:6] == "发热"  # emoji and Ext-B each count as one code point
    assert got.choices == {"doc_type": ("病程记录",)} and got.annotator == "3" and got.lead_time == 4.5


def _shift(result, by):
    result["value"]["start"] += by
    result["value"]["end"] += by
    return result


BAD = [
    ("span label not in schema", span(TEXT, "发热", "Symptom")),
    ("span outside the text", span(TEXT, "发热", "症状", start=10, end=99)),
    ("span outside the text", span(TEXT, "发热", "症状", start=5, end=5)),
    ("span text mismatch", _shift(span(TEXT, "发热", "症状"), 1)),  # UTF-16 style offsets
    ("span offsets not integers", span(TEXT, "发热", "症状", start="4")),
    ("span without labels", span(TEXT, "发热", "症状", labels=[])),
    ("unknown span control", span(TEXT, "发热", "症状", control="ner")),
    ("unknown choice group", choice("category", "病程记录")),
    ("choice not in schema", choice("doc_type", "Discharge")),
    ("empty choices", choice("doc_type")),
    ("too many choices", choice("doc_type", "病程记录", "出院小结")),
    ("unsupported result type", {"from_name": "notes", "to_name": "text", "type": "textarea",
                                 "value": {"text": ["x"]}}),
    ("wrong target", {**span(TEXT, "发热", "症状"), "to_name": "image"}),
    ("malformed result", {"from_name": "entities", "type": "labels"}),
]


@pytest.mark.parametrize("kind,result", BAD, ids=[f"{i}-{k}" for i, (k, _) in enumerate(BAD)])
def test_invalid_result_refuses_the_whole_annotation(kind, result):
    got = parse_annotation(_ann(span(TEXT, "阿司匹林", "药物"), result), 1, TEXT, SCHEMA)
    assert isinstance(got, Rejection)
    assert [r.split(":")[0] for r in got.reasons] == [kind]
    assert "发热" not in " ".join(got.reasons) and "阿司匹林" not in " ".join(got.reasons)  # no text in reasons


def test_span_without_text_field_is_accepted_and_counted():
    r = span(TEXT, "发热", "症状")
    del r["value"]["text"]
    got = parse_annotation(_ann(r), 1, TEXT, SCHEMA)
    assert isinstance(got, ParsedAnnotation) and got.spans_without_text == 1


def test_completed_by_as_user_object_and_empty_result():
    got = parse_annotation({"id": 1, "completed_by": {"id": 9, "email": "a@b.c"}, "result": []}, 1, TEXT, SCHEMA)
    assert isinstance(got, ParsedAnnotation) and got.annotator == "9" and not got.spans and not got.choices
