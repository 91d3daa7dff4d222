import random
from collections import Counter, defaultdict

import pytest
from pydantic import ValidationError

from corpuskit import records
from corpuskit.stages.base import RunContext
from corpuskit.stages.split.stage import SplitStage

WORDS = ["fever", "cough", "chest", "pain", "admitted", "discharged", "aspirin", "dose", "contract", "party", "clause", "revenue", "risk"]


def corpus(n_groups=200, seed=0, prefix="g", labels=("a", "b", "c")):
    rng = random.Random(seed)
    out = []
    for g in range(n_groups):
        for j in range(rng.randint(1, 4)):
            text = " ".join(rng.choice(WORDS) for _ in range(12)) + f" {prefix}{g}-{j}-{rng.random()}"
            out.append(records.new_record(f"{prefix}{g}-{j}", text, group_id=f"{prefix}{g}",
                                          labels=[rng.choice(labels)]))
    return out


def splits(result):
    return dict(zip(result.table.column("id").to_pylist(), result.table.column("split").to_pylist()))


def test_no_group_crosses_splits_and_ratios_hold():
    recs = corpus(600)
    placed = splits(SplitStage().run(recs))
    by_group = defaultdict(set)
    for r in recs:
        by_group[r["group_id"]].add(placed[r["id"]])
    assert all(len(s) == 1 for s in by_group.values())
    sizes = Counter(placed.values())
    assert abs(sizes["train"] / len(recs) - 0.8) < 0.06


def test_exact_ratios_on_a_large_set():
    recs = [records.new_record(f"r{i}", f"document {i}") for i in range(20000)]
    sizes = Counter(splits(SplitStage({"near_dup": False}).run(recs)).values())
    assert abs(sizes["train"] / 20000 - 0.8) < 0.01
    assert abs(sizes["test"] / 20000 - 0.1) < 0.01


def test_adding_ten_percent_new_records_moves_no_old_record():
    old = corpus(300)
    before = splits(SplitStage().run(old))
    new = corpus(30, seed=99, prefix="new")
    after = splits(SplitStage().run(old + new))
    assert all(after[rid] == split for rid, split in before.items())
    assert set(after) == set(before) | {r["id"] for r in new}


def test_stratified_label_proportions_within_tolerance_and_groups_whole():
    rng = random.Random(3)
    recs = []
    for g in range(400):
        label = rng.choices(["common", "medium", "rare"], weights=[80, 15, 5])[0]
        extra = ["flag"] if rng.random() < 0.3 else []
        for j in range(rng.randint(1, 3)):
            recs.append(records.new_record(f"g{g}-{j}", f"text {g} {j} {rng.random()}", group_id=f"g{g}",
                                           labels=[label, *extra]))
    placed = splits(SplitStage({"mode": "stratified", "near_dup": False}).run(recs))
    for label in ("common", "medium", "rare", "flag"):
        with_label = [r for r in recs if label in r["labels"]]
        share = Counter(placed[r["id"]] for r in with_label)
        assert abs(share["train"] / len(with_label) - 0.8) < 0.05, (label, share)
        assert share["test"] > 0 and share["validation"] > 0, (label, share)
    by_group = defaultdict(set)
    for r in recs:
        by_group[r["group_id"]].add(placed[r["id"]])
    assert all(len(s) == 1 for s in by_group.values())


@pytest.mark.parametrize("seed", [str(s) for s in range(12)])
def test_injected_near_duplicate_pair_never_crosses(seed):
    recs = corpus(150, seed=5)
    base = ("患者因反复胸闷胸痛三年，加重伴气促两天入院。既往高血压病史十年，规律服用氨氯地平，血压控制可。"
            "否认糖尿病史。查体：神清，双肺呼吸音粗，可闻及少许湿啰音，心率九十六次每分，律齐。"
            "心电图示窦性心律，V1至V4导联ST段压低。初步诊断：冠状动脉粥样硬化性心脏病，不稳定型心绞痛。")
    recs.append(records.new_record("dupA", base, group_id="patientA"))
    # a copy-forwarded note: one word edited, another patient id
    recs.append(records.new_record("dupB", base.replace("两天", "2天"), group_id="patientB"))
    result = SplitStage({"seed": seed}).run(recs)
    placed = splits(result)
    assert placed["dupA"] == placed["dupB"]


def test_dup_cluster_from_ingest_keeps_records_together():
    recs = corpus(100)
    for i in range(0, 40, 2):
        recs[i]["dup_cluster"] = f"c{i}"
        recs[i + 41]["dup_cluster"] = f"c{i}"
    placed = splits(SplitStage({"near_dup": False}).run(recs))
    for i in range(0, 40, 2):
        assert placed[recs[i]["id"]] == placed[recs[i + 41]["id"]]


def variant(parent, kind, n):
    return records.new_record(f"{parent['id']}~{n}", parent["text"] + " variant", parent_id=parent["id"],
                              group_id=parent["group_id"],
                              transform={"name": "t", "params": "{}", "kind": kind})


def test_variants_follow_their_parent_train_only_and_adversarial_to_adversarial_test():
    recs = corpus(200)
    first = splits(SplitStage().run(recs))
    variants = [variant(r, kind, n) for r in recs for n, kind in enumerate(["label_preserving", "adversarial"])]
    result = SplitStage().run(recs + variants)
    placed = splits(result)
    dropped = {q.record_id: q.reason for q in result.quarantined}
    for v in variants:
        parent_split = first[v["parent_id"]]
        if parent_split == "train":
            assert placed[v["id"]] == "train"
        elif parent_split == "test" and v["transform"]["kind"] == "adversarial":
            assert placed[v["id"]] == "adversarial_test"
        else:
            assert v["id"] not in placed and "train-only" in dropped[v["id"]]
    assert result.table.num_rows + len(result.quarantined) == len(recs) + len(variants)


def test_temporal_split_with_cutoffs_and_kfold_partition():
    recs = [records.new_record(f"r{i}", f"note {i}", meta={"date": f"2023-{(i % 12) + 1:02d}-15"})
            for i in range(120)]
    placed = splits(SplitStage({"mode": "temporal", "near_dup": False,
                                "cutoffs": {"validation": "2023-09-01", "test": "2023-11-01"}}).run(recs))
    for r in recs:
        month = int(r["meta"][13:15]) if False else int(records.load_meta(r["meta"])["date"][5:7])
        expected = "train" if month < 9 else ("validation" if month < 11 else "test")
        assert placed[r["id"]] == expected
    tests = Counter()
    for fold in range(4):
        for rid, s in splits(SplitStage({"mode": "kfold", "k": 4, "fold": fold}).run(recs)).items():
            tests[rid] += s == "test"
    assert set(tests.values()) == {1}


def test_bad_params_are_rejected():
    with pytest.raises(ValidationError, match="sum to 1"):
        SplitStage({"ratios": {"train": 0.9, "test": 0.2}})
    with pytest.raises(ValidationError):
        SplitStage({"ratios": {"dev": 1.0}})


def test_temporal_reads_common_date_formats_and_counts_undated_records():
    dates = {"a": "2023年10月5日", "b": "2023/1/2", "c": "2023-12-01T08:30:00", "d": "unknown", "e": None}
    recs = [records.new_record(rid, f"note {rid}", meta={"visit": d} if d else {}) for rid, d in dates.items()]
    ctx = RunContext()
    result = SplitStage({"mode": "temporal", "date_field": "visit", "near_dup": False,
                         "cutoffs": {"validation": "2023-09-01", "test": "2023-11-01"}}).run(recs, ctx)
    assert splits(result) == {"a": "validation", "b": "train", "c": "test", "d": "train", "e": "train"}
    assert result.stats["undated_records"] == 2
    with pytest.raises(ValidationError, match="ISO date"):
        SplitStage({"mode": "temporal", "cutoffs": {"test": "1 Nov 2023"}})
