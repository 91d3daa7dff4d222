"""Offline mode: tasks to a Label Studio import file; a Label Studio JSON export back, same validation.
Also: raw (not de-identified) records are refused before anything leaves the machine."""

from __future__ import annotations

import json

import pytest
from annotate_testkit import EN1, ZH1, ZH2, choice, make_version, sample_records, span

from corpuskit.errors import CorpuskitError
from corpuskit.stages.annotate.client import LabelStudioClient
from corpuskit.stages.annotate.offline import export_tasks
from corpuskit.stages.annotate.pull import pull
from corpuskit.stages.annotate.push import RawTextRefused, push
from corpuskit.store import VersionStore


def _as_label_studio_export(tasks: list[dict], annotations: dict[str, list[dict]]) -> list[dict]:
    """What Label Studio's "JSON" export looks like after people labelled the imported tasks."""
    out = []
    for i, t in enumerate(tasks, 1):
        anns = [{"id": 100 * i + j, "completed_by": who, "result": res, "was_cancelled": False,
                 "ground_truth": False, "lead_time": 3.0} for j, (who, res) in
                enumerate(annotations.get(t["data"]["record_id"], []))]
        out.append({"id": i, "data": t["data"], "annotations": anns, "predictions": [], "meta": {}})
    return out


def test_export_then_read_export_round_trip(tmp_path):
    ref = make_version(tmp_path / "store", sample_records())
    info = export_tasks(ref, tmp_path / "out" / "tasks.json", "medical", "deid", store=tmp_path / "store")
    tasks = json.loads((tmp_path / "out" / "tasks.json").read_text("utf-8"))
    assert info["tasks"] == 4 and [t["data"]["record_id"] for t in tasks] == ["zh-1", "en-1", "zh-2", "en-2"]
    assert (tmp_path / "out" / "tasks.json.label_config.xml").read_text("utf-8").startswith("<View>")
    assert info["skipped_prediction_labels"] == {"PERSON": 1}  # deid label not in the medical schema

    export = _as_label_studio_export(tasks, {
        "zh-1": [(5, [span(ZH1, "发热", "症状"), choice("doc_type", "病程记录")])],
        "en-1": [(5, [span(EN1, "aspirin", "药物")]), (6, [span(EN1, "aspirin", "药物")])],
        "zh-2": [(5, [span(ZH2, "腹腔镜手术", "手术", end=99)])],  # past the end: quarantined
    })
    export[3]["data"]["text"] = "edited after export"  # en-2's text no longer matches the record
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export, ensure_ascii=False), "utf-8")
    res = pull(ref, from_file=path, schema="medical", store=tmp_path / "store", keep_unannotated=True)
    rows = {r["id"]: r for split in VersionStore(tmp_path / "store").load("notes", res.version_id).values()
            for r in split}
    assert sorted(rows) == ["en-1", "zh-1"]
    assert rows["zh-1"]["spans"] == [{"start": 3, "end": 5, "label": "症状", "source": "annotator:5"}]
    assert rows["en-1"]["spans"][0]["source"] == "resolved:majority"
    q = VersionStore(tmp_path / "store").manifest("notes", res.version_id)["quarantine"]
    assert q["by_reason"] == {"span outside the text": 1, "text changed": 1}
    assert res.agreement["spans"]["f1"] == 1.0


def test_model_spans_as_predictions(tmp_path):
    recs = sample_records()
    recs[0]["spans"] = [{"start": 3, "end": 5, "label": "症状", "source": "model:ner-v2"},
                        {"start": 0, "end": 2, "label": "PERSON", "source": "deid"}]
    ref = make_version(tmp_path / "store", recs, tag="model")
    info = export_tasks(ref, tmp_path / "t.json", "medical", "spans:model:", store=tmp_path / "store")
    tasks = json.loads((tmp_path / "t.json").read_text("utf-8"))
    [pred] = tasks[0]["predictions"]
    assert pred["model_version"] == "model:ner-v2" and pred["score"] == 1.0
    assert [r["value"] for r in pred["result"]] == [{"start": 3, "end": 5, "text": "发热", "labels": ["症状"]}]
    assert info["with_predictions"] == 1


def test_read_export_refuses_other_formats(tmp_path):
    ref = make_version(tmp_path / "store", sample_records())
    json_min = tmp_path / "min.json"
    json_min.write_text(json.dumps([{"text": ZH1, "record_id": "zh-1", "label": []}]), "utf-8")
    with pytest.raises(CorpuskitError, match="not a Label Studio JSON export"):
        pull(ref, from_file=json_min, store=tmp_path / "store")
    with pytest.raises(CorpuskitError, match="exactly one of --project"):
        pull(ref, store=tmp_path / "store")


def test_raw_records_are_refused_before_connecting(tmp_path, ls_server, project_name):
    recs = sample_records()
    recs[1]["deid"] = {"applied": False, "engine": None, "entity_counts": None}
    ref = make_version(tmp_path / "store", recs, tag="raw")
    client = LabelStudioClient(ls_server.url, ls_server.admin_token)
    with pytest.raises(RawTextRefused, match=r"1 of 4 records .* e\.g\. en-1.*--allow-raw") as err:
        push(ref, project_name, store=tmp_path / "store", client=client)
    assert EN1 not in str(err.value)
    assert client.find_project(project_name) is None
    with pytest.raises(RawTextRefused):
        export_tasks(ref, tmp_path / "t.json", store=tmp_path / "store")
    res = push(ref, project_name, store=tmp_path / "store", client=client, allow_raw=True)
    assert res.imported == 4 and res.raw_records == 1
