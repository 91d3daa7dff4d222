"""DeidStage on its own: replacement, span realignment, group consistency, keys, audit, residual scan."""

from __future__ import annotations

import json
import logging

import pytest

from corpuskit import records
from corpuskit.stages.base import RunContext
from corpuskit.stages.deid.stage import DeidStage

KEY = "test-secret-key-not-in-any-output"


@pytest.fixture
def keyed(monkeypatch):
    monkeypatch.setenv("CORPUSKIT_DEID_KEY", KEY)


@pytest.fixture
def run(engine):
    """Run a DeidStage over record dicts; default engine params reuse the session's shared engine."""

    def _run(recs, ctx=None, **params):
        stage = DeidStage(params)
        result = stage.run(recs, ctx or RunContext())
        assert stage.engine is engine
        return stage, result

    return _run


def test_replaces_identifiers_and_realigns_existing_spans(run):
    text = "Patient John Smith, MRN: 00455192, has chest pain since 17 Oct 2022."
    spans = [
        {"start": 0, "end": 7, "label": "SECTION", "source": "gold"},
        {"start": 8, "end": 18, "label": "NAME", "source": "gold"},
        {"start": 39, "end": 49, "label": "SYMPTOM", "source": "gold"},
    ]
    _, result = run([records.new_record("r1", text, lang="en", spans=spans)])
    row = result.to_pylist()[0]
    out = row["text"]
    assert "John Smith" not in out and "00455192" not in out and "17 Oct 2022" not in out
    by_label = {s["label"]: out[s["start"] : s["end"]] for s in row["spans"] if s["source"] == "gold"}
    assert by_label == {"SECTION": "Patient", "NAME": "[PERSON_1]", "SYMPTOM": "chest pain"}
    deid_spans = {(s["label"], out[s["start"] : s["end"]]) for s in row["spans"] if s["source"] == "deid"}
    assert {("PERSON", "[PERSON_1]"), ("MRN", "[MRN_1]"), ("DATE", "[DATE_1]")} <= deid_spans
    assert row["deid"]["applied"] is True and "presidio" in row["deid"]["engine"]
    assert json.loads(row["deid"]["entity_counts"]) == {"DATE": 1, "MRN": 1, "PERSON": 1}
    audit = json.loads(row["meta"])["deid"]
    assert audit["recognizers"] and set(audit["operators"]) == {"placeholder"}


def test_surrogates_and_dates_consistent_within_group(run, keyed):
    ops = {"operators": {"default": "placeholder", "PERSON": "surrogate", "DATE": "date_shift"}}
    recs = [
        records.new_record("a", "患者张伟于2023年3月5日入院。", lang="zh", group_id="pt1"),
        records.new_record("b", "患者张伟于2023年3月9日出院，张伟恢复良好。", lang="zh", group_id="pt1"),
        records.new_record("c", "患者张伟于2023年3月5日入院。", lang="zh", group_id="pt2"),
    ]
    _, result = run(recs, **ops)
    rows = {r["id"]: r for r in result.to_pylist()}

    def values(row, label):
        return [row["text"][s["start"] : s["end"]] for s in row["spans"] if s["label"] == label]

    a, b, c = (values(rows[k], "PERSON") for k in "abc")
    assert len(set(a + b)) == 1 and a[0] != "张伟"  # same patient, same surrogate, in both records
    assert c[0] != a[0]  # another group gets another surrogate
    from datetime import date

    def as_date(v):
        y, rest = v.split("年")
        m, d = rest.rstrip("日").split("月")
        return date(int(y), int(m), int(d))

    da, db = as_date(values(rows["a"], "DATE")[0]), as_date(values(rows["b"], "DATE")[0])
    assert (db - da).days == 4 and da != date(2023, 3, 5)  # interval kept, dates moved


def test_keyed_operators_need_a_key_and_fingerprint_only_its_id(monkeypatch, tmp_path):
    monkeypatch.delenv("CORPUSKIT_DEID_KEY", raising=False)
    stage = DeidStage({"operators": {"PERSON": "surrogate"}})
    with pytest.raises(ValueError, match="CORPUSKIT_DEID_KEY"):
        stage.fingerprint_params()
    monkeypatch.setenv("CORPUSKIT_DEID_KEY", KEY)
    first = json.dumps(stage.describe())
    assert KEY not in first and "key_id" in first
    monkeypatch.setenv("CORPUSKIT_DEID_KEY", KEY + "2")
    assert json.dumps(stage.describe()) != first  # a new key is a new version
    key_file = tmp_path / "key"
    key_file.write_text(KEY)
    monkeypatch.delenv("CORPUSKIT_DEID_KEY")
    from_file = DeidStage({"operators": {"PERSON": "surrogate"}, "key_file": str(key_file)})
    assert json.dumps(from_file.describe()) == first


def test_params_are_validated():
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="unknown labels"):
        DeidStage({"operators": {"PERSN": "redact"}})
    with pytest.raises(ValidationError):
        DeidStage({"operators": {"PERSON": "shred"}})
    with pytest.raises(ValidationError):
        DeidStage({"n_process": 0})


def test_already_deidentified_records_pass_through(run):
    rec = records.new_record(
        "r1", "Call (617) 555-1234.", lang="en", deid={"applied": True, "engine": "x", "entity_counts": "{}"}
    )
    _, result = run([rec])
    assert (
        result.to_pylist()[0]["text"] == "Call (617) 555-1234." and result.stats["already_deidentified"] == 1
    )


def test_residual_scan_reports_kept_identifiers(run):
    recs = [records.new_record("r1", "Call 13812345678 or mail a@b.cn", lang="zh")]
    _, result = run(recs, operators={"default": "placeholder", "PHONE": "keep"})
    assert result.stats["residual.PHONE"] == 1 and "residual.EMAIL" not in result.stats
    row = result.to_pylist()[0]
    assert json.loads(row["meta"])["deid"]["residual"] == {"PHONE": 1}


def test_a_failing_record_is_quarantined_without_its_text(run, monkeypatch, caplog):
    from corpuskit.stages.deid import operators

    def broken(self, det, value):  # fault injected on purpose: an operator that fails and quotes the value
        raise RuntimeError(f"cannot replace {value}")

    monkeypatch.setattr(operators.DocumentRewriter, "replacement_for", broken)
    caplog.set_level(logging.DEBUG)
    ctx = RunContext()
    _, result = run(
        [
            records.new_record("bad", "Patient John Smith, MRN: 00455192.", lang="en"),
            records.new_record("ok", "No identifiers here.", lang="en"),
        ],
        ctx,
    )
    assert [r["id"] for r in result.to_pylist()] == ["ok"]
    assert [(q.record_id, q.reason) for q in ctx.quarantined] == [("bad", "deid failed: RuntimeError")]
    assert "00455192" not in caplog.text and "John Smith" not in caplog.text


def test_identifiers_in_meta_and_section_are_replaced_like_the_text(run):
    rec = records.new_record(
        "r1",
        "惠州市第三人民医院入院记录\n姓名：单燕　入院日期：2023-10-23",
        lang="zh",
        meta={
            "sections": ["惠州市第三人民医院入院记录", "【主诉】"],
            "visit": {"date": "2023-10-23"},
            "rows": 3,
        },
        source={"path": "medical/zh/pt101.txt", "section": "惠州市第三人民医院入院记录"},
    )
    _, result = run([rec])
    row = result.to_pylist()[0]
    meta = json.loads(row["meta"])
    dumped = json.dumps(meta, ensure_ascii=False) + json.dumps(row["source"], ensure_ascii=False)
    assert "惠州市第三人民医院" not in dumped and "2023-10-23" not in dumped
    assert meta["sections"] == ["[ORGANIZATION_1]入院记录", "【主诉】"] and meta["rows"] == 3
    assert meta["visit"]["date"] == "[DATE_1]" and row["source"]["section"] == "[ORGANIZATION_1]入院记录"
    assert row["text"].startswith("[ORGANIZATION_1]入院记录")  # same placeholder as in the text
    assert row["source"]["path"] == "medical/zh/pt101.txt" and "deid" in meta


def test_detector_code_is_part_of_the_version_fingerprint(tmp_path, monkeypatch):
    """A changed pattern or word list between releases writes other spans: it must give another version id."""
    import shutil

    from corpuskit.stages.deid import stage as deid_stage

    copy = tmp_path / "deid"
    shutil.copytree(deid_stage._DEID_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(deid_stage, "_DEID_DIR", copy)

    def digest() -> str:
        deid_stage.detector_digest.cache_clear()
        return deid_stage.detector_digest()

    try:
        before = digest()
        assert before == digest()  # same files, same digest
        (copy / "__pycache__").mkdir(exist_ok=True)
        (copy / "__pycache__" / "x.pyc").write_bytes(b"compiled")
        assert digest() == before  # byte-code caches do not count
        deny = copy / "clinical_deny.txt"
        deny.write_text(deny.read_text(encoding="utf-8") + "lasix\n", encoding="utf-8")
        assert digest() != before
    finally:
        deid_stage.detector_digest.cache_clear()
    params = deid_stage.DeidStage({}).fingerprint_params()
    assert params["detector"] == deid_stage.detector_digest()
