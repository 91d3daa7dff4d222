"""Property tests: whatever the groups, duplicate clusters, copies and variants, nothing leaks."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpuskit import records
from corpuskit.stages.base import RunContext
from corpuskit.stages.split.leakage import leakage_report
from corpuskit.stages.split.stage import SplitStage

record_specs = st.lists(
    st.tuples(
        st.integers(0, 15),  # group
        st.one_of(st.none(), st.integers(0, 5)),  # dup cluster
        st.integers(0, 40),  # text: equal numbers are exact copies
        st.sampled_from(["", "label_preserving", "adversarial"]),  # variant kind ("" = original)
    ),
    min_size=1,
    max_size=60,
)


def build(specs):
    recs, originals = [], []
    for i, (group, cluster, text, kind) in enumerate(specs):
        if kind and originals:
            parent = originals[i % len(originals)]
            recs.append(records.new_record(f"v{i}", f"variant {i}", parent_id=parent["id"],
                                           group_id=parent["group_id"],
                                           transform={"name": "t", "params": "{}", "kind": kind}))
            continue
        rec = records.new_record(f"r{i}", f"text number {text}", group_id=f"g{group}",
                                 dup_cluster=None if cluster is None else f"c{cluster}")
        recs.append(rec)
        originals.append(rec)
    return recs


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record_specs, st.sampled_from(["hash", "stratified", "kfold"]), st.text(min_size=1, max_size=4))
def test_no_leak_whatever_the_corpus(specs, mode, seed):
    recs = build(specs)
    ctx = RunContext()
    result = SplitStage({"mode": mode, "seed": seed, "near_dup": False}).run(recs, ctx)
    assert ctx.reports["leakage"]["ok"], ctx.reports["leakage"]
    # the report recomputed from the output agrees, and nothing was lost without a reason
    assert leakage_report(result.table, near_dup=False)["ok"]
    assert result.table.num_rows + len(ctx.quarantined) == len(recs)


def placed(table):
    return dict(zip(table.column("id").to_pylist(), table.column("split").to_pylist(), strict=True))


@settings(max_examples=25, deadline=None)
@given(record_specs, record_specs)
def test_hash_mode_never_moves_an_old_record_when_new_groups_arrive(old_specs, new_specs):
    old = build(old_specs)
    # new records: other groups, other texts, no clusters shared with the old ones
    new = [records.new_record(f"new{i}", f"new text {t}", group_id=f"new{g}")
           for i, (g, _, t, _) in enumerate(new_specs)]
    before = placed(SplitStage({"near_dup": False}).run(old).table)
    after = placed(SplitStage({"near_dup": False}).run(old + new).table)
    assert all(after[rid] == split for rid, split in before.items())
