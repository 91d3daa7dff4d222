"""The split stage inside a real build: ingest → split, into a store, rebuilt with new records."""

import json
import random
import subprocess
import sys

import corpuskit
from corpuskit.pipeline import run_pipeline
from corpuskit.store import VersionStore

CLI = [sys.executable, "-c", "import sys; from corpuskit.cli import main; sys.argv[0]='corpuskit'; main()"]
LABELS = ["cardiology"] * 6 + ["oncology"] * 3 + ["nephrology"]


def write_batch(path, start, n_patients, seed):
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as f:
        for p in range(start, start + n_patients):
            label = rng.choice(LABELS)
            for visit in range(rng.randint(1, 3)):
                row = {"id": f"pt{p}-{visit}", "group_id": f"pt{p}", "label": label,
                       "text": f"Visit {visit} of patient {p}: {label} follow-up, code {rng.random():.8f}.",
                       "date": f"2024-{rng.randint(1, 12):02d}-01"}
                f.write(json.dumps(row) + "\n")


def pipeline(data_dir, split_params):
    return {"dataset": "clinic", "inputs": [{"path": str(data_dir), "include": ["*.jsonl"], "domain": "medical"}],
            "stages": [{"stage": "ingest", "params": {}}, {"stage": "split", "params": split_params}]}


def splits_by_source_id(ds):
    return {json.loads(r["meta"])["source_id"]: r["split"] for split in ds.values() for r in split}


def test_build_then_rebuild_with_new_records_keeps_every_old_split(tmp_path):
    data, store = tmp_path / "data", tmp_path / "store"
    data.mkdir()
    write_batch(data / "batch1.jsonl", 0, 150, seed=1)
    params = {"mode": "stratified", "seed": "clinic"}
    first = run_pipeline(pipeline(data, params), store=store)
    m = first.manifest
    assert m["reports"]["leakage"]["ok"]
    assert set(m["reports"]["splits"]["labels"]["test"]) == {"cardiology", "oncology", "nephrology"}
    card = (VersionStore(store).version_dir("clinic", first.version_id) / "README.md").read_text("utf-8")
    assert "nephrology" in card and "Leakage report" in card
    before = splits_by_source_id(corpuskit.load("clinic", first.version_id, store=store))

    write_batch(data / "batch2.jsonl", 1000, 15, seed=2)  # +10% patients
    second = run_pipeline(pipeline(data, {**params, "keep_splits_of": "clinic@latest",
                                          "keep_splits_store": str(store)}), store=store)
    assert second.version_id != first.version_id
    split_stage = next(s for s in second.manifest["stages"] if s["name"] == "split.grouped.v1")
    assert split_stage["params"]["keep_splits_of"] == f"clinic@{first.version_id}"
    assert split_stage["stats"]["moved_records"] == 0
    after = splits_by_source_id(corpuskit.load("clinic", second.version_id, store=store))
    assert len(after) > len(before)
    assert all(after[sid] == split for sid, split in before.items())

    out = subprocess.run([*CLI, "check-leakage", f"clinic@{second.version_id}", "--store", str(store)],
                         capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stdout + out.stderr


def test_unknown_anchor_is_a_one_line_error_from_the_cli(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    write_batch(data / "batch1.jsonl", 0, 5, seed=1)
    cfg = tmp_path / "pipeline.yaml"
    cfg.write_text(json.dumps(pipeline(data, {"keep_splits_of": "nothing@latest",
                                               "keep_splits_store": str(tmp_path / "store")})))
    out = subprocess.run([*CLI, "build", str(cfg), "--store", str(tmp_path / "store")],
                         capture_output=True, text=True, check=False)
    assert out.returncode != 0
    assert "Traceback" not in out.stderr and "nothing" in out.stderr
