"""The golden run: the bundled sample pipeline end to end, rebuilt, changed, diffed and scanned for leaks."""

import json
import logging
import shutil
from pathlib import Path

import pytest
import yaml

import corpuskit
from corpuskit.pipeline import run_pipeline
from corpuskit.store import VersionStore
from corpuskit.store.diff import diff_versions

SAMPLES = Path(__file__).resolve().parents[2] / "sample_corpora"
# identifiers that must never reach a dataset version, a manifest or a log line
DIRECT = {"PERSON", "ID", "PHONE", "EMAIL", "MRN", "ADDRESS", "BANK_CARD", "PASSPORT", "LICENSE_PLATE", "IP"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("e2e")
    corpora = root / "sample_corpora"
    shutil.copytree(SAMPLES, corpora)
    store = root / "store"
    caplog_records: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda rec: caplog_records.append(rec.getMessage())  # type: ignore[method-assign]
    logging.getLogger().addHandler(handler)
    old_level = logging.getLogger().level
    logging.getLogger().setLevel(logging.DEBUG)
    try:
        first = run_pipeline(corpora / "pipeline.yaml", store=store)
    finally:
        logging.getLogger().removeHandler(handler)
        logging.getLogger().setLevel(old_level)
    return {"corpora": corpora, "store": store, "first": first, "logs": caplog_records}


def test_rebuild_is_a_cache_hit_with_the_same_id(built):
    again = run_pipeline(built["corpora"] / "pipeline.yaml", store=built["store"])
    assert again.cached and again.version_id == built["first"].version_id


def test_manifest_accounts_for_every_input_file(built):
    m = built["first"].manifest
    ingest = next(s for s in m["stages"] if s["name"] == "ingest.v1")["stats"]
    assert m["inputs"]["files"] == ingest["files_in"] == ingest["files_ingested"] + ingest["files_quarantined"]
    assert m["counts"]["total"] > 0 and set(m["counts"]["records"]) >= {"train", "test"}
    assert m["reports"]["leakage"]["ok"]
    assert {s["name"] for s in m["stages"]} == {"ingest.v1", "deid.presidio.v1", "augment.v1", "split.grouped.v1"}


def test_version_folder_holds_only_the_dataset_and_its_manifest(built):
    # the split stage spills its input to disk; that scratch copy must not ship with the version
    version_dir = built["store"] / "samples" / built["first"].version_id
    stray = [p.name for p in version_dir.rglob("*") if p.name.startswith(("_", ".staging"))]
    assert stray == []
    assert {p.name for p in version_dir.iterdir()} >= {"manifest.json", "README.md", "dataset_dict.json", "train"}


def test_load_gives_what_was_built_and_every_record_is_deidentified(built):
    ds = corpuskit.load("samples", built["first"].version_id, store=built["store"])
    assert sum(split.num_rows for split in ds.values()) == built["first"].manifest["counts"]["total"]
    for split in ds.values():
        assert all(d["applied"] for d in split["deid"])
    groups = {}
    for name, split in ds.items():
        for g, parent in zip(split["group_id"], split["parent_id"]):
            if parent is None:
                groups.setdefault(g, set()).add(name)
    assert all(len(s) == 1 for s in groups.values())


def test_no_direct_identifier_reaches_the_version_or_the_logs(built):
    version_dir = built["store"] / "samples" / built["first"].version_id
    blob = b"".join(p.read_bytes() for p in version_dir.rglob("*") if p.is_file())
    logs = "\n".join(built["logs"])
    leaked = []
    for line in (SAMPLES / "gold" / "identifiers.jsonl").read_text("utf-8").splitlines():
        gold = json.loads(line)
        for span in gold["spans"]:
            value = gold["text"][span["start"]:span["end"]]
            if span["label"] in DIRECT and len(value) >= 4:
                if value.encode("utf-8") in blob or value in logs:
                    leaked.append(span["label"])
    assert leaked == []


def test_one_changed_byte_or_config_value_gives_a_child_version(built, tmp_path):
    corpora = tmp_path / "sample_corpora"
    shutil.copytree(built["corpora"], corpora)
    target = corpora / "legal" / "en" / "ct201_purchase_contract.txt"
    if not target.exists():
        target = sorted(corpora.glob("legal/en/*.txt"))[0]
    target.write_bytes(target.read_bytes() + b" ")
    store = built["store"]
    changed = run_pipeline(corpora / "pipeline.yaml", store=store)
    assert not changed.cached and changed.version_id != built["first"].version_id
    assert changed.manifest["parent"] == built["first"].version_id

    cfg = yaml.safe_load((corpora / "pipeline.yaml").read_text("utf-8"))
    cfg["stages"][-1]["params"]["seed"] = "another-seed"
    (corpora / "pipeline.yaml").write_text(yaml.safe_dump(cfg, allow_unicode=True), "utf-8")
    reseeded = run_pipeline(corpora / "pipeline.yaml", store=store)
    assert reseeded.version_id not in (changed.version_id, built["first"].version_id)
    assert reseeded.manifest["parent"] == changed.version_id

    d = diff_versions(VersionStore(store), f"samples@{changed.version_id}", f"samples@{reseeded.version_id}")
    assert d["changed"] > 0  # the same records, other splits
    # originals never come or go with a new seed; only augmented variants do, because variants
    # are train-only and follow their parent into (or out of) train
    a = corpuskit.load("samples", changed.version_id, store=store)
    b = corpuskit.load("samples", reseeded.version_id, store=store)

    def originals(ds):
        return {i for split in ds.values() for i, p in zip(split["id"], split["parent_id"]) if p is None}

    assert originals(a) == originals(b)
    for ds in (a, b):
        assert all(p is None for name, split in ds.items() if name != "train" for p in split["parent_id"])
