"""The issue's "Done when": a zh + en version pushed with predictions, two annotators (one disagreement,
one invalid annotation), pulled into a new version with spans, labels, agreement and conflicts; a
repeated push creates no duplicates. Against the real Label Studio server."""

from __future__ import annotations

import pytest
from annotate_testkit import EMOJI, EN1, EXT_B, LF_YAML, ZH1, ZH2, choice, make_version, sample_records, span

from corpuskit.errors import CorpuskitError
from corpuskit.stages.annotate.pull import pull
from corpuskit.stages.annotate.push import push
from corpuskit.store import VersionStore

A1, A2 = "annotator1@example.com", "annotator2@example.com"


@pytest.fixture
def pushed(tmp_path, ls_server, ls_client, project_name):
    lf_file = tmp_path / "lfs.yaml"
    lf_file.write_text(LF_YAML, "utf-8")
    ref = make_version(tmp_path / "store", sample_records())
    calls = []
    res = push(ref, project_name, "medical", f"lf:{lf_file}", store=tmp_path / "store", client=ls_client,
               batch_size=3, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(3, 4), (4, 4)]
    return ref, res, tmp_path / "store"


def _annotate_all(ls_server, project_id):
    tasks = ls_server.tasks_by_record(project_id)
    t_zh1, t_en1, t_zh2 = tasks["zh-1"].id, tasks["en-1"].id, tasks["zh-2"].id
    zh1 = [span(ZH1, "发热", "症状"), span(ZH1, "阿司匹林", "药物"), choice("doc_type", "出院小结")]
    ls_server.annotate(A1, t_zh1, zh1, lead_time=11.5)
    ls_server.annotate(A2, t_zh1, zh1, lead_time=8.0)
    # en-1: same entities but a different document type, and annotator 2 adds one more span
    en1 = [span(EN1, "fever", "症状"), span(EN1, "aspirin", "药物")]
    ls_server.annotate(A1, t_en1, en1 + [choice("doc_type", "病程记录")])
    ls_server.annotate(A2, t_en1, en1 + [span(EN1, "chest", "解剖部位"), choice("doc_type", "诊断记录")])
    # zh-2: annotator 1 valid; annotator 2's offsets counted in UTF-16 units (shifted past the Ext-B char)
    ls_server.annotate(A1, t_zh2, [span(ZH2, "腹腔镜手术", "手术"), choice("doc_type", "诊断记录")])
    bad = span(ZH2, "腹腔镜手术", "手术")
    bad["value"]["start"] += 1
    bad["value"]["end"] += 1
    ls_server.annotate(A2, t_zh2, [bad, choice("doc_type", "诊断记录")])
    return t_zh1, t_en1, t_zh2


def test_push_imports_tasks_with_predictions_and_record_ids(pushed, ls_server):
    ref, res, _ = pushed
    assert res.created_project and res.imported == 4 and res.already_present == 0
    tasks = ls_server.tasks_by_record(res.project_id)
    assert sorted(tasks) == ["en-1", "en-2", "zh-1", "zh-2"]
    zh1 = tasks["zh-1"]
    assert zh1.data["text"] == ZH1 and zh1.data["version"] == ref.split("@")[1]
    [pred] = ls_server.sdk().predictions.list(task=zh1.id)
    assert pred.model_version.startswith("lf:medical-lfs@") and pred.score == 1.0
    spans = {(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0]) for r in pred.result
             if r["type"] == "labels"}
    # code-point offsets: the emoji before 发热 counts as one character
    assert (ZH1.index("发热"), ZH1.index("发热") + 2, "症状") in spans
    assert ZH1.index("发热") == 3 and EMOJI in ZH1
    assert [r["value"]["choices"] for r in pred.result if r["from_name"] == "doc_type"] == [["出院小结"]]


def test_rerun_push_creates_no_duplicates(pushed, ls_client, ls_server):
    ref, first, store = pushed
    again = push(ref, first.project, "medical", "none", store=store, client=ls_client)
    assert (again.created_project, again.imported, again.already_present) == (False, 0, 4)
    assert again.present_from_other_versions == 0
    newer = make_version(store, sample_records(), tag="v1")  # a later version with the same record ids
    third = push(newer, first.project, "medical", "none", store=store, client=ls_client)
    assert (third.imported, third.already_present, third.present_from_other_versions) == (0, 4, 4)
    assert again.project_id == first.project_id
    assert len(ls_server.tasks_by_record(first.project_id)) == 4
    assert len(list(ls_server.sdk().tasks.list(project=first.project_id))) == 4
    paged = [t.data["record_id"] for t in ls_client.iter_tasks(first.project_id, page_size=3)]
    assert sorted(paged) == ["en-1", "en-2", "zh-1", "zh-2"]  # two pages, nothing lost or repeated
    assert first.labeling_functions["functions"]["symptoms"]["coverage"] == 0.5


def test_pull_writes_child_version_with_spans_labels_agreement_conflicts(pushed, ls_server, ls_client):
    ref, res, store = pushed
    t_zh1, t_en1, _ = _annotate_all(ls_server, res.project_id)
    a1, a2 = (str(ls_server.user_ids[e]) for e in (A1, A2))

    out = pull(ref, res.project, schema="medical", policy="majority", store=store, client=ls_client)
    parent_id = ref.split("@")[1]
    assert out.parent == parent_id and out.version_id != parent_id
    manifest = VersionStore(store).manifest("notes", out.version_id)
    assert manifest["parent"] == parent_id

    rows = {r["id"]: r for split in VersionStore(store).load("notes", out.version_id).values() for r in split}
    # en-1 is a tie on doc_type between two annotators: quarantined, not guessed; en-2 was never annotated
    assert sorted(rows) == ["zh-1", "zh-2"]
    zh1 = rows["zh-1"]
    assert {(s["start"], s["end"], s["label"], s["source"]) for s in zh1["spans"]} == {
        (3, 5, "症状", "resolved:majority"), (ZH1.index("阿司匹林"), ZH1.index("阿司匹林") + 4, "药物", "resolved:majority")}
    assert all(ZH1[s["start"]:s["end"]] in ("发热", "阿司匹林") for s in zh1["spans"])
    assert zh1["labels"] == ["出院小结"]
    zh2 = rows["zh-2"]  # annotator 2's shifted span was refused; annotator 1 alone decides
    [s2] = zh2["spans"]
    assert ZH2[s2["start"]:s2["end"]] == "腹腔镜手术" and s2["source"] == f"annotator:{a1}"
    assert EXT_B in ZH2[:s2["start"]]
    import json
    meta = json.loads(zh1["meta"])["annotation"]
    assert meta["task_ids"] == [t_zh1] and meta["annotators"] == sorted([a1, a2])
    assert meta["lead_time_s"] == 19.5 and meta["agreement"]["span_f1"] == 1.0

    report = manifest["reports"]["annotation"]
    assert report["conflicts"] == [{"task_ids": [t_en1], "record_id": "en-1", "disagree_on": ["spans", "doc_type"],
                                    "resolved": False}]
    ag = report["agreement"]
    # doc_type on tasks both annotated validly (zh-1 agree, en-1 disagree): p_o=.5, p_e=.25
    assert ag["classes"]["doc_type"]["cohen_kappa_mean"] == pytest.approx(1 / 3, abs=1e-6)
    assert ag["classes"]["doc_type"]["fleiss_kappa"] == pytest.approx(0.2, abs=1e-6)
    # spans: zh-1 2 matched, en-1 2 matched + 1 only annotator 2: F1 = 8 / 9
    assert ag["spans"]["f1"] == pytest.approx(8 / 9, abs=1e-6)
    assert ag["pairs"][f"{a1}|{a2}"]["tasks"] == 2

    q = manifest["quarantine"]
    reasons = {(e["reason"].split(":")[0], e.get("record_id")) for e in q["entries"]}
    assert ("span text mismatch", "zh-2") in reasons
    assert ("unresolved conflict", "en-1") in reasons
    assert ZH2 not in json.dumps(manifest, ensure_ascii=False)  # no raw text in the manifest

    # same annotations, same policy: the same version (a cache hit, not a new id)
    assert pull(ref, res.project, schema="medical", store=store, client=ls_client).version_id == out.version_id

    # the reviewer policy resolves the tie by annotator 1 (given by email)
    rev = pull(ref, res.project, schema="medical", policy="reviewer", reviewers=[A1], store=store,
               client=ls_client)
    assert rev.version_id != out.version_id
    rows = {r["id"]: r for split in VersionStore(store).load("notes", rev.version_id).values() for r in split}
    assert rows["en-1"]["labels"] == ["病程记录"]
    assert {s["source"] for s in rows["en-1"]["spans"]} == {f"annotator:{a1}"}
    assert rev.conflicts[0]["resolved"] is True


def test_ground_truth_annotation_wins_under_reviewer_policy(pushed, ls_server, ls_client):
    ref, res, store = pushed
    t_en1 = ls_server.tasks_by_record(res.project_id)["en-1"].id
    ls_server.annotate(A1, t_en1, [choice("doc_type", "病程记录")])
    ls_server.annotate(A2, t_en1, [choice("doc_type", "诊断记录")], ground_truth=True)
    out = pull(ref, res.project, policy="reviewer", store=store, client=ls_client)
    rows = {r["id"]: r for split in VersionStore(store).load("notes", out.version_id).values() for r in split}
    assert rows["en-1"]["labels"] == ["诊断记录"]
    with pytest.raises(CorpuskitError, match=r"no record .* 1 quarantined: unresolved conflict: 1, 1 conflicts"):
        pull(ref, res.project, policy="drop-conflicts", store=store, client=ls_client)
