"""Keeping a previous version's splits (`keep_splits_of`), k-fold folds in meta, and the report API."""

import json
import random
from collections import Counter

import pyarrow as pa
import pytest

import corpuskit
from corpuskit import records
from corpuskit.errors import VersionNotFound
from corpuskit.stages.base import RunContext
from corpuskit.stages.split.assign import by_ratio, unit_hash
from corpuskit.stages.split.leakage import leakage_report
from corpuskit.stages.split.stage import SplitStage
from corpuskit.store import VersionStore


def labelled(n_groups, seed, prefix):
    rng = random.Random(seed)
    out = []
    for g in range(n_groups):
        label = rng.choices(["common", "medium", "rare"], weights=[80, 15, 5])[0]
        for j in range(rng.randint(1, 3)):
            out.append(records.new_record(f"{prefix}{g}-{j}", f"{prefix} {g} {j} {rng.random()}",
                                          group_id=f"{prefix}{g}", labels=[label]))
    return out


def placed(table):
    return dict(zip(table.column("id").to_pylist(), table.column("split").to_pylist(), strict=True))


def commit(store, dataset, table):
    return store.commit(dataset, [table.combine_chunks().to_batches()[0]], {"rows": table.num_rows})


def test_stratified_with_kept_splits_moves_no_old_record_and_keeps_proportions(tmp_path):
    params = {"mode": "stratified", "near_dup": False}
    old = labelled(400, 1, "g")
    store = VersionStore(tmp_path)
    vid = commit(store, "notes", SplitStage(params).run(old).table)
    before = placed(store.load("notes", vid)["train"].data.table)
    before.update(placed(store.load("notes", vid)["test"].data.table))
    new = labelled(40, 2, "new")  # +10%

    unanchored = placed(SplitStage(params).run(old + new).table)
    # without an anchor, stratified ranks units, so some old records move (why the anchor exists)
    assert any(unanchored[rid] != split for rid, split in before.items())

    ctx = RunContext()
    stage = SplitStage({**params, "keep_splits_of": "notes@latest", "keep_splits_store": str(tmp_path)})
    after = placed(stage.run(old + new, ctx).table)
    assert all(after[rid] == split for rid, split in before.items())
    stats = ctx.stats["split.grouped.v1"]
    assert stats["anchored_units"] == 400 and stats["new_units"] == 40 and stats["moved_records"] == 0
    assert ctx.reports["splits"]["kept_splits_of"] == f"notes@{vid}"
    everything = old + new
    for label in ("common", "medium", "rare"):
        share = Counter(after[r["id"]] for r in everything if label in r["labels"])
        assert abs(share["train"] / sum(share.values()) - 0.8) < 0.06, (label, share)


def test_a_new_duplicate_from_another_group_does_not_move_the_old_record(tmp_path):
    # The unit of an old record and its new copy is keyed by the smaller group key; pick a new
    # group that sorts first and hashes into another split, so without the anchor the old one moves.
    old = [records.new_record(f"z{i}", f"old note number {i}", group_id=f"zz{i}") for i in range(50)]
    store = VersionStore(tmp_path)
    commit(store, "notes", SplitStage({"near_dup": False}).run(old).table)
    ratios = {"train": 0.8, "validation": 0.1, "test": 0.1}
    old_split = by_ratio(unit_hash("zz0", "0"), ratios)
    new_group = next(f"a{i}" for i in range(1000) if by_ratio(unit_hash(f"a{i}", "0"), ratios) != old_split)
    copy = records.new_record("copy", "old note number 0", group_id=new_group)

    assert placed(SplitStage({"near_dup": False}).run([*old, copy]).table)["z0"] != old_split
    kept = placed(SplitStage({"near_dup": False, "keep_splits_of": "notes",
                              "keep_splits_store": str(tmp_path)}).run([*old, copy]).table)
    assert kept["z0"] == kept["copy"] == old_split


def test_fingerprint_names_the_resolved_version_and_a_missing_one_is_an_error(tmp_path):
    store = VersionStore(tmp_path)
    vid = commit(store, "notes", SplitStage().run([records.new_record("r1", "a note")]).table)
    params = SplitStage({"keep_splits_of": "notes@latest", "keep_splits_store": str(tmp_path)}).fingerprint_params()
    assert params["keep_splits_of"] == f"notes@{vid}" and "keep_splits_store" not in params
    with pytest.raises(VersionNotFound):
        SplitStage({"keep_splits_of": "other@latest", "keep_splits_store": str(tmp_path)}).fingerprint_params()


def test_kfold_writes_each_records_fold_to_meta_and_variants_share_their_parents():
    recs = [records.new_record(f"r{i}", f"note {i}", group_id=f"g{i // 2}", meta={"site": "a"}) for i in range(200)]
    recs += [records.new_record(f"r{i}~v", f"note {i} variant", parent_id=f"r{i}", group_id=f"g{i // 2}",
                                transform={"name": "t", "params": "{}", "kind": "label_preserving"})
             for i in range(0, 200, 10)]
    table = SplitStage({"mode": "kfold", "k": 5, "fold": 2, "near_dup": False,
                        "variants": "follow_parent"}).run(recs).table
    rows = table.to_pylist()
    fold = {r["id"]: json.loads(r["meta"])["fold"] for r in rows}
    assert all(json.loads(r["meta"])["site"] == "a" for r in rows if "~" not in r["id"])  # other meta kept
    assert set(fold.values()) == set(range(5))
    assert all((r["split"] == "test") == (fold[r["id"]] == 2) for r in rows)
    assert all(fold[f"r{i}"] == fold[f"r{i + 1}"] for i in range(0, 200, 2))  # groups whole
    assert all(fold[f"r{i}~v"] == fold[f"r{i}"] for i in range(0, 200, 10))


def test_leakage_report_takes_a_mapping_of_tables_and_a_dataset_dict(tmp_path):
    train = records.to_batch([records.new_record("a", "first note", group_id="p1"),
                              records.new_record("b", "second note", group_id="p2")])
    test = records.to_batch([records.new_record("c", "third note", group_id="p1"),
                             records.new_record("d", "first note", group_id="p3")])
    report = leakage_report({"train": pa.Table.from_batches([train]), "test": pa.Table.from_batches([test])})
    assert report["shared_groups"] == 1 and report["examples"]["shared_groups"] == [["a", "c"]]
    assert report["cross_split_exact_duplicates"] == 1 and not report["ok"]
    assert "first note" not in json.dumps(report)

    store = VersionStore(tmp_path)
    rows = [*train.to_pylist(), *test.to_pylist()]
    for r in rows:
        r["split"] = "test" if r["id"] in ("c", "d") else "train"
    store.commit("leaky", [records.to_batch(rows)], {"rows": 4})
    assert leakage_report(corpuskit.load("leaky", store=tmp_path))["shared_groups"] == 1


def test_an_unguarded_build_still_reports_its_near_duplicates():
    base = "The patient was admitted with chest pain radiating to the left arm and shortness of breath. " * 3
    recs = [records.new_record(f"n{i}", base + f" Visit {i}.", group_id=f"p{i}") for i in range(40)]
    ctx = RunContext()
    SplitStage({"guards": False}).run(recs, ctx)
    assert ctx.reports["leakage"]["cross_split_near_duplicate_pairs"] > 0
    guarded = RunContext()
    SplitStage().run(recs, guarded)
    assert guarded.reports["leakage"]["ok"] and guarded.reports["leakage"]["near_dup_threshold"] == 0.8
