import json
import subprocess
import sys

import pytest

from corpuskit import records
from corpuskit.stages.base import RunContext
from corpuskit.stages.split.stage import SplitStage
from corpuskit.store import VersionStore

CLI = [sys.executable, "-c", "import sys; from corpuskit.cli import main; sys.argv[0]='corpuskit'; main()"]


def leaky_corpus():
    recs = []
    for g in range(60):
        for j in range(3):  # three notes per patient
            recs.append(records.new_record(f"p{g}-{j}", f"patient {g} note {j} " + "x" * (g % 7),
                                           group_id=f"p{g}", labels=["cardio" if g % 2 else "neuro"]))
    recs.append(records.new_record("copy", recs[0]["text"], group_id="other"))  # exact duplicate
    return recs


def build(tmp_path, guards):
    ctx = RunContext()
    result = SplitStage({"guards": guards, "seed": "1"}).run(leaky_corpus(), ctx)
    store = VersionStore(tmp_path)
    vid = store.commit("leak", [result.table.to_batches()[0]] if result.table.num_rows else [],
                       {"guards": guards}, {"reports": ctx.reports})
    return store, vid, ctx.reports


def run_cli(*args):
    return subprocess.run(CLI + list(args), capture_output=True, text=True, check=False)


def test_guarded_split_reports_zero_leakage_and_check_passes(tmp_path):
    store, vid, reports = build(tmp_path, guards=True)
    assert reports["leakage"]["ok"] and reports["leakage"]["total"] == 0
    assert set(reports["splits"]["sizes"]) == {"train", "validation", "test"}
    assert store.manifest("leak", vid)["reports"]["splits"]["labels"]["train"]["cardio"] > 0
    out = run_cli("check-leakage", f"leak@{vid}", "--store", str(tmp_path))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "no leakage" in out.stdout


def test_check_leakage_fails_on_a_version_built_without_guards(tmp_path):
    _, vid, reports = build(tmp_path, guards=False)
    assert not reports["leakage"]["ok"] and reports["leakage"]["shared_groups"] > 0
    out = run_cli("check-leakage", f"leak@{vid}", "--store", str(tmp_path), "--json")
    assert out.returncode == 1
    report = json.loads(out.stdout)
    assert report["shared_groups"] > 0 and report["cross_split_exact_duplicates"] >= 0
    # ids only: no record text in the report
    assert "patient 0 note" not in out.stdout


@pytest.mark.parametrize("fmt", ["alpaca", "sharegpt"])
def test_export_writes_one_jsonl_per_split_with_prompts(tmp_path, fmt):
    store, vid, _ = build(tmp_path, guards=True)
    out_dir = tmp_path / "export"
    out = run_cli("export", f"leak@{vid}", "--store", str(tmp_path), "--format", fmt, "--task", "classify",
                  "--out", str(out_dir))
    assert out.returncode == 0, out.stderr
    info = json.loads((out_dir / "dataset_info.json").read_text())
    assert set(info) == {"leak_train", "leak_validation", "leak_test"}
    rows = [json.loads(line) for line in (out_dir / "train.jsonl").read_text().splitlines()]
    train = store.load("leak", vid)["train"]
    assert len(rows) == sum(1 for labels in train["labels"] if labels)
    unlabelled = train.num_rows - len(rows)
    assert unlabelled == (1 if "copy" in train["id"] else 0)
    assert ("without labels skipped" in out.stdout) == bool(unlabelled)
    if fmt == "alpaca":
        assert rows[0]["output"] in ("cardio", "neuro") and "cardio, neuro" in rows[0]["instruction"]
    else:
        assert rows[0]["conversations"][1]["value"] in ("cardio", "neuro")


def test_export_rejects_unknown_format(tmp_path):
    build(tmp_path, guards=True)
    out = run_cli("export", "leak", "--store", str(tmp_path), "--format", "csv", "--out", str(tmp_path / "x"))
    assert out.returncode == 2 and "alpaca or sharegpt" in out.stderr


def test_extract_export_takes_task_spans_not_deid_placeholders(tmp_path):
    from corpuskit.stages.split.export import export

    text = "[PERSON] was given aspirin 100 mg for chest pain."
    rec = records.new_record("r1", text, lang="en", domain="medical", split="train", spans=[
        {"start": 0, "end": 8, "label": "PERSON", "source": "deid"},
        {"start": text.index("aspirin"), "end": text.index(" 100"), "label": "DRUG", "source": "lf:drugs"},
        {"start": text.index("chest"), "end": len(text) - 1, "label": "SYMPTOM", "source": "human"}])
    store = VersionStore(tmp_path)
    store.commit("notes", [records.to_batch([rec])], {"n": 1})
    export("notes", tmp_path / "default", "alpaca", "extract", store=tmp_path)
    row = json.loads((tmp_path / "default" / "train.jsonl").read_text())
    assert json.loads(row["output"]) == [{"label": "DRUG", "text": "aspirin"}, {"label": "SYMPTOM", "text": "chest pain"}]
    assert "medical" in row["instruction"] and row["input"] == text
    export("notes", tmp_path / "human", "sharegpt", "extract", store=tmp_path, span_sources={"human"})
    row = json.loads((tmp_path / "human" / "train.jsonl").read_text())
    assert json.loads(row["conversations"][1]["value"]) == [{"label": "SYMPTOM", "text": "chest pain"}]
    export("notes", tmp_path / "pt", "alpaca", "pretrain", store=tmp_path)
    assert json.loads((tmp_path / "pt" / "train.jsonl").read_text()) == {"text": text}


def test_export_rejects_a_template_with_an_unknown_field(tmp_path):
    build(tmp_path, guards=True)
    bad = tmp_path / "tpl.yaml"
    bad.write_text("classify:\n  en: {instruction: 'Label {nope}', output: '{labels}'}\n")
    out = run_cli("export", "leak", "--store", str(tmp_path), "--template", str(bad), "--out", str(tmp_path / "x"))
    assert out.returncode == 2 and "nope" in out.stderr and "Traceback" not in out.stderr


def test_resplitting_a_leaky_version_with_apply_fixes_it(tmp_path):
    build(tmp_path, guards=False)
    out = run_cli("apply", "split", "leak", "--store", str(tmp_path), "--set", "seed=7", "--set", "mode=stratified",
                  "--dataset", "fixed")
    assert out.returncode == 0, out.stderr
    check = run_cli("check-leakage", "fixed", "--store", str(tmp_path))
    assert check.returncode == 0, check.stdout
    store = VersionStore(tmp_path)
    manifest = store.manifest("fixed")
    assert manifest["stages"][0]["params"]["seed"] == "7" and manifest["reports"]["leakage"]["ok"]
