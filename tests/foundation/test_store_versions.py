import datasets
import pytest

import corpuskit
from corpuskit import records
from corpuskit.errors import VersionNotFound
from corpuskit.pipeline import run_pipeline
from corpuskit.store import VersionStore
from corpuskit.store.diff import diff_versions

from toy_stages import pipeline


def test_build_twice_is_a_cache_hit_with_the_same_id(corpus, tmp_path):
    store = tmp_path / "store"
    first = run_pipeline(pipeline(corpus), store=store)
    second = run_pipeline(pipeline(corpus), store=store)
    assert not first.cached and second.cached
    assert first.version_id == second.version_id
    assert len(VersionStore(store).versions("toy")) == 1


def test_manifest_accounts_for_inputs_stages_and_quarantine(corpus, tmp_path):
    m = run_pipeline(pipeline(corpus), store=tmp_path).manifest
    assert m["inputs"]["files"] == 3
    assert {i["key"] for i in m["inputs"]["items"]} == {"a.txt", "sub/b.txt", "empty.txt"}
    assert m["counts"]["total"] == 3 and m["counts"]["records"] == {"train": 3}
    assert m["quarantine"]["count"] == 1
    assert m["quarantine"]["entries"][0] == {"stage": "test.txt_files.v1", "reason": "empty file",
                                             "path": "empty.txt"}
    assert [s["name"] for s in m["stages"]] == ["test.txt_files.v1", "test.upper.v1"]
    assert m["stages"][0]["stats"]["records_out"] == 3
    assert m["code_version"].startswith(corpuskit.__version__)
    assert m["parent"] is None


def test_load_returns_what_was_built(corpus, tmp_path):
    vid = corpuskit.build(pipeline(corpus), store=tmp_path)
    ds = corpuskit.load("toy", vid, store=tmp_path)
    assert isinstance(ds, datasets.DatasetDict)
    rows = sorted(ds["train"].to_list(), key=lambda r: r["id"])
    assert sorted(r["text"] for r in rows) == ["FIRST LINE", "SECOND LINE", "第三行"]
    assert all(r["group_id"] and r["lang"] == "en" for r in rows)
    direct = datasets.load_from_disk(str(tmp_path / "toy" / vid))
    assert direct["train"].to_list() == ds["train"].to_list()
    card = (tmp_path / "toy" / vid / "README.md").read_text("utf-8")
    assert card.startswith("---\n") and f"version_id: {vid}" in card


def test_changed_input_gives_new_version_naming_its_parent_and_diff_sees_it(corpus, tmp_path):
    v1 = corpuskit.build(pipeline(corpus), store=tmp_path)
    (corpus / "a.txt").write_text("first line\nsecond line changed\nthird\n", "utf-8")
    v2 = corpuskit.build(pipeline(corpus), store=tmp_path)
    store = VersionStore(tmp_path)
    assert v2 != v1 and store.manifest("toy", v2)["parent"] == v1
    d = diff_versions(store, f"toy@{v1}", f"toy@{v2}")
    # ids are (file, line): line 1 changed its text, line 2 is new, the rest is untouched
    assert (d["added"], d["removed"], d["changed"], d["unchanged"]) == (1, 0, 1, 2)
    assert d["deltas"]["records"] == {"train": 1}


def test_resolve_latest_prefix_tag_and_errors(corpus, tmp_path):
    store = VersionStore(tmp_path)
    v1 = corpuskit.build(pipeline(corpus), store=tmp_path)
    (corpus / "sub" / "b.txt").write_text("新的一行\n", "utf-8")
    v2 = corpuskit.build(pipeline(corpus), store=tmp_path)
    assert store.resolve("toy") == v2
    assert store.resolve("toy", v1[:6]) == v1
    store.tag("toy", v1, "release-1")
    assert store.find("toy@release-1") == ("toy", v1)
    assert store.find(v2) == ("toy", v2)
    assert corpuskit.load("toy", "release-1", store=tmp_path)["train"].num_rows == 3
    with pytest.raises(VersionNotFound):
        store.resolve("toy", "nope")
    with pytest.raises(VersionNotFound):
        store.find("missing-dataset@latest")


def test_commit_routes_batches_by_split_and_keeps_split_order(tmp_path):
    rows = [records.new_record(f"r{i}", f"text {i}", split=s)
            for i, s in enumerate(["test", "train", None, "validation"])]
    store = VersionStore(tmp_path)
    vid = store.commit("direct", [records.to_batch(rows)], {"case": "routing"})
    ds = store.load("direct", vid)
    assert list(ds) == ["train", "validation", "test"]
    assert ds["train"].num_rows == 2 and set(ds["train"]["split"]) == {"train"}
    assert store.commit("direct", [records.to_batch(rows)], {"case": "routing"}) == vid


def test_apply_one_stage_to_a_version_makes_a_child_version(corpus, tmp_path):
    from corpuskit.pipeline import apply_stage

    cfg = pipeline(corpus)
    cfg["stages"] = cfg["stages"][:1]
    v1 = corpuskit.build(cfg, store=tmp_path)
    child = apply_stage(f"toy@{v1}", "test.upper.v1", {"sleep": 0}, store=tmp_path)
    assert child.manifest["parent"] == v1 and not child.cached
    assert sorted(corpuskit.load("toy", child.version_id, store=tmp_path)["train"]["text"])[0] == "FIRST LINE"
    assert apply_stage(f"toy@{v1}", "test.upper.v1", {"sleep": 0}, store=tmp_path).cached


def test_empty_splits_and_empty_versions_load(tmp_path):
    store = VersionStore(tmp_path)
    rows = [records.new_record("r1", "only one record")]
    vid = store.commit("sparse", {"train": [records.to_batch(rows)], "test": []}, {"case": "empty split"})
    ds = store.load("sparse", vid)
    assert ds["train"].num_rows == 1 and ds["test"].num_rows == 0
    assert ds["test"].column_names == list(records.COLUMNS)
    empty = store.commit("sparse", [], {"case": "no records"})
    assert store.load("sparse", empty)["train"].num_rows == 0
