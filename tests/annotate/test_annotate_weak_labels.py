"""Labeling functions: keywords, regexes, dictionaries, Python callables; statistics; the pipeline stage."""

from __future__ import annotations

import pytest
from annotate_testkit import EN1, ZH1, make_version, sample_records

from corpuskit import registry
from corpuskit.stages.annotate.labeling_functions import LabelingFunctionError, LabelingFunctionSet, combine
from corpuskit.stages.annotate.stage import WeakLabelStage
from corpuskit.store import VersionStore


def test_keywords_respect_ascii_word_edges_and_case():
    lfs = LabelingFunctionSet.load([{"name": "kw", "keywords": ["fever", "发热"], "label": "症状", "ignore_case": True}])
    out = lfs.apply("Fever, feverish; 发热发热")["kw"]
    assert out.spans == {(0, 5, "症状"), (17, 19, "症状"), (19, 21, "症状")}


def test_dictionary_file_longest_match_and_python_callable(tmp_path):
    (tmp_path / "drugs.tsv").write_text("# term<TAB>label\n阿司匹林\t药物\n胰腺炎\t疾病/诊断\n急性胰腺炎\t疾病/诊断\n", "utf-8")
    (tmp_path / "lfs.yaml").write_text(
        "functions:\n"
        "  - {name: dict, dictionary_file: drugs.tsv}\n"
        "  - {name: numbers, python: 'annotate_testkit:lf_numbers'}\n", "utf-8")
    lfs = LabelingFunctionSet.load(tmp_path / "lfs.yaml")
    text = "诊断：急性胰腺炎，阿司匹林 100 mg"
    out = lfs.apply(text, {"lang": "en"})
    assert out["dict"].spans == {(3, 8, "疾病/诊断"), (9, 13, "药物")}
    assert out["numbers"].spans == {(14, 17, "检查")} and out["numbers"].labels == {"诊断记录"}
    digest = lfs.digest()
    (tmp_path / "drugs.tsv").write_text("阿司匹林\t药物\n", "utf-8")
    assert LabelingFunctionSet.load(tmp_path / "lfs.yaml").digest() != digest  # file content is fingerprinted


@pytest.mark.parametrize("spec,msg", [
    ([{"name": "a", "keywords": ["x"]}], "needs a label"),
    ([{"name": "a", "keywords": ["x"], "regex": "y", "label": "L"}], "exactly one of"),
    ([{"name": "a", "regex": "(", "label": "L"}], "invalid regex"),
    ([{"name": "a", "python": "no_such_module_xyz:f"}], "cannot import"),
    ([{"name": "a", "regex": "x", "label": "L"}, {"name": "a", "regex": "y", "label": "L"}], "unique"),
    ([{"name": "a", "dictionary_file": "missing.tsv"}], "not found"),
])
def test_invalid_functions_are_clear_errors(spec, msg):
    with pytest.raises(LabelingFunctionError, match=msg):
        LabelingFunctionSet.load(spec)


def test_coverage_overlap_conflict_statistics():
    lfs = LabelingFunctionSet.load([
        {"name": "sym", "keywords": ["发热"], "label": "症状"},
        {"name": "dis", "keywords": ["发热"], "label": "疾病/诊断"},
        {"name": "drug", "keywords": ["阿司匹林"], "label": "药物"},
        {"name": "drug2", "regex": "阿司匹林", "label": "药物"},
    ])
    for text in ("发热，阿司匹林", "阿司匹林", "无", "发热"):
        combine(lfs.apply(text))
    rep = lfs.stats.report()["functions"]
    assert rep["sym"] == {"coverage": 0.5, "overlap": 0.5, "conflict": 0.5, "emitted": 2}
    assert rep["drug"] == {"coverage": 0.5, "overlap": 0.5, "conflict": 0.0, "emitted": 2}
    out = lfs.apply("发热，阿司匹林")
    assert combine(out, drop_conflicts=True)[0] == [(3, 7, "药物", "drug")]  # conflicting 发热 spans dropped
    assert len(combine(out, drop_conflicts=False)[0]) == 3


def test_weak_label_stage_marks_sources_and_reports(tmp_path):
    stage = WeakLabelStage({"functions": [{"name": "sym", "keywords": ["发热", "fever"], "label": "症状"},
                                          {"name": "numbers", "python": "annotate_testkit:lf_numbers"}]})
    res = stage.run(sample_records())
    rows = {r["id"]: r for r in res.to_pylist()}
    assert {"start": 3, "end": 5, "label": "症状", "source": "lf:sym"} in rows["zh-1"]["spans"]
    assert ZH1[3:5] == "发热" and "fever" in EN1
    assert rows["en-1"]["labels"] == ["诊断记录"]
    assert rows["en-2"]["spans"][0]["source"] == "deid"  # existing spans kept
    assert res.stats["records_out"] == 4
    assert registry.stages.get("annotate.weak_labels") is WeakLabelStage


def test_weak_label_stage_through_apply_makes_child_version(tmp_path):
    from corpuskit.pipeline import apply_stage

    (tmp_path / "lfs.yaml").write_text("functions:\n  - {name: sym, keywords: [发热], label: 症状}\n", "utf-8")
    ref = make_version(tmp_path / "store", sample_records())
    out = apply_stage(ref, "annotate.weak_labels", {"functions": str(tmp_path / "lfs.yaml")}, store=tmp_path / "store")
    assert out.manifest["parent"] == ref.split("@")[1]
    assert out.manifest["reports"]["weak_labels"]["functions"]["sym"]["coverage"] == 0.25
    # the fingerprint holds the function definitions, not only the file name
    assert out.manifest["stages"][0]["params"]["functions"] == [
        {"group": "label", "ignore_case": False, "keywords": ["发热"], "label": "症状", "name": "sym", "target": "spans"}]
    rows = {r["id"]: r for split in VersionStore(tmp_path / "store").load("notes", out.version_id).values()
            for r in split}
    assert rows["zh-1"]["spans"] == [{"start": 3, "end": 5, "label": "症状", "source": "lf:sym"}]


def test_weak_label_stage_in_a_built_pipeline(tmp_path):
    import corpuskit

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("患者发热三天，服用阿司匹林后好转。\n", "utf-8")
    (tmp_path / "docs" / "b.txt").write_text("Patient reports fever; took aspirin.\n", "utf-8")
    (tmp_path / "lfs.yaml").write_text("functions:\n  - {name: sym, keywords: [发热, fever], label: 症状}\n"
                                       "  - {name: drug, keywords: [阿司匹林, aspirin], label: 药物}\n", "utf-8")
    pipeline = {"dataset": "wl", "inputs": [{"path": str(tmp_path / "docs"), "domain": "medical"}],
                "stages": [{"stage": "ingest"},
                           {"stage": "annotate.weak_labels", "params": {"functions": str(tmp_path / "lfs.yaml")}}]}
    vid = corpuskit.build(pipeline, store=tmp_path / "store")
    ds = corpuskit.load("wl", vid, store=tmp_path / "store")
    got = {r["text"].strip(): {(r["text"][s["start"]:s["end"]], s["label"], s["source"]) for s in r["spans"]}
           for split in ds.values() for r in split}
    assert got["Patient reports fever; took aspirin."] == {("fever", "症状", "lf:sym"), ("aspirin", "药物", "lf:drug")}
    assert got["患者发热三天，服用阿司匹林后好转。"] == {("发热", "症状", "lf:sym"), ("阿司匹林", "药物", "lf:drug")}
    manifest = VersionStore(tmp_path / "store").manifest("wl", vid)
    assert manifest["reports"]["weak_labels"]["functions"]["drug"]["coverage"] == 1.0
