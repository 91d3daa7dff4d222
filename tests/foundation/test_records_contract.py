import json
from pathlib import Path

import pyarrow as pa
import pytest

from corpuskit import records
from corpuskit.stages.base import RunContext, StrictModeError

SCHEMA = json.loads((Path(__file__).parents[2] / "schemas" / "record.schema.json").read_text("utf-8"))


def test_json_schema_and_arrow_schema_name_the_same_fields():
    assert set(SCHEMA["properties"]) == set(records.COLUMNS)
    for struct in ("source", "transform", "deid"):
        arrow_fields = {f.name for f in records.RECORD_SCHEMA.field(struct).type}
        assert set(SCHEMA["properties"][struct]["properties"]) == arrow_fields
    span_fields = {f.name for f in records.SPAN_TYPE}
    assert set(SCHEMA["properties"]["spans"]["items"]["properties"]) == span_fields


def test_records_validate_against_json_schema():
    import jsonschema

    rec = records.new_record("r1", "患者张三😀", lang="zh", domain="medical",
                             spans=[{"start": 2, "end": 4, "label": "PERSON", "source": "gold"}])
    row = records.to_batch([rec]).to_pylist()[0]
    jsonschema.validate(row, SCHEMA)
    assert row["text"][2:4] == "张三"


def test_validate_batch_quarantines_each_broken_record_with_a_reason():
    good = records.new_record("ok", "abc😀d", spans=[{"start": 3, "end": 5, "label": "X", "source": None}])
    bad = [
        records.new_record("past", "abc", spans=[{"start": 1, "end": 4, "label": "X", "source": None}]),
        records.new_record("inverted", "abcdef", spans=[{"start": 3, "end": 2, "label": "X", "source": None}]),
        records.new_record("nolabel", "abcdef", spans=[{"start": 0, "end": 2, "label": "", "source": None}]),
        records.new_record("badlang", "abc", lang="fr"),
        records.new_record("empty", ""),
        records.new_record("badmeta", "abc", meta="[1, 2]"),
        records.new_record("ok", "duplicate id"),
    ]
    kept, violations = records.validate_batch(records.to_batch([good, *bad]))
    assert kept.column("id").to_pylist() == ["ok"]
    reasons = {v.record_id + ":" + v.reason for v in violations}
    assert "past:span ends past the text" in reasons
    assert any(r.startswith("inverted:") and "end <= start" in r for r in reasons)
    assert "nolabel:span without label" in reasons
    assert any(r.startswith("badlang:lang not in") for r in reasons)
    assert "empty:empty text" in reasons
    assert "badmeta:meta is not a JSON object" in reasons
    assert "ok:duplicate id in batch" in reasons
    # a reason never carries record text
    assert not any("duplicate id in batch" != v.reason and "abc" in v.reason for v in violations)


def test_code_point_offsets_with_astral_characters():
    text = "𠀀𠀁病人😀李四"  # CJK Extension B and an emoji are one code point each
    rec = records.new_record("r", text, spans=[{"start": 5, "end": 7, "label": "PERSON", "source": None}])
    kept, violations = records.validate_batch(records.to_batch([rec]))
    assert kept.num_rows == 1 and not violations
    assert text[5:7] == "李四"
    rec = records.new_record("r", text, spans=[{"start": 6, "end": 8, "label": "PERSON", "source": None}])
    assert records.validate_batch(records.to_batch([rec]))[1][0].reason == "span ends past the text"


def test_conform_fills_missing_columns_and_rejects_unknown_ones():
    batch = pa.RecordBatch.from_pylist([{"id": "a", "text": "t"}])
    out = records.conform(batch)
    assert out.schema == records.RECORD_SCHEMA and out.column("split").null_count == 1
    with pytest.raises(records.ContractError, match="not in the record contract"):
        records.conform(pa.RecordBatch.from_pylist([{"id": "a", "text": "t", "secret": "x"}]))


def test_strict_mode_turns_quarantine_into_an_error():
    ctx = RunContext(strict=True)
    with pytest.raises(StrictModeError, match="bad.txt: empty file"):
        ctx.quarantine("ingest.v1", "empty file", path="bad.txt")
