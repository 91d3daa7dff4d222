"""Leakage report: what a model could have seen in training that it is then tested on.

Counts must all be zero. `adversarial_test` counts as the test side: its variants share
groups and much text with their test parents on purpose. Ids only, never text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import pyarrow as pa

from corpuskit.stages.split.index import CorpusIndex

EXAMPLES = 5


def side(split: str | None) -> str:
    return "test" if split == "adversarial_test" else (split or "train")


def report_from_index(index: CorpusIndex, split_of: dict[str, str]) -> dict[str, Any]:
    """Leakage counts for records placed as `split_of` says (record id → split)."""

    def crossing(key_of) -> tuple[int, list]:
        sides: dict[str, set[str]] = defaultdict(set)
        members: dict[str, list[str]] = defaultdict(list)
        for rid, e in index.entries.items():
            if rid in split_of and (k := key_of(rid, e)) is not None:
                sides[k].add(side(split_of[rid]))
                members[k].append(rid)
        bad = [k for k, s in sides.items() if len(s) > 1]
        return len(bad), [sorted(members[k])[:4] for k in sorted(bad)[:EXAMPLES]]

    # variants share text and group with their parent on purpose; their placement is checked apart
    exact, exact_ex = crossing(lambda rid, e: None if e.parent_id else e.text_key)
    groups, groups_ex = crossing(lambda rid, e: None if e.parent_id else e.group)
    clusters, clusters_ex = crossing(lambda rid, e: None if e.parent_id else e.dup_cluster)
    near = [(a, b) for a, b in index.near_pairs
            if a in split_of and b in split_of and side(split_of[a]) != side(split_of[b])]
    apart = [rid for rid, e in index.entries.items()
             if e.parent_id and rid in split_of and e.parent_id in split_of
             and side(split_of[rid]) != side(split_of[e.parent_id])]
    orphans = [rid for rid, e in index.entries.items()
               if e.parent_id and rid in split_of and e.parent_id not in split_of]
    counts = {
        "cross_split_exact_duplicates": exact,
        "cross_split_near_duplicate_pairs": len(near),
        "shared_groups": groups,
        "shared_dup_clusters": clusters,
        "variants_apart_from_parent": len(apart),
        "variants_without_parent": len(orphans),
    }
    return {
        **counts,
        "total": sum(counts.values()),
        "ok": sum(counts.values()) == 0,
        "examples": {
            "cross_split_exact_duplicates": exact_ex,
            "cross_split_near_duplicate_pairs": [list(p) for p in near[:EXAMPLES]],
            "shared_groups": groups_ex,
            "shared_dup_clusters": clusters_ex,
            "variants_apart_from_parent": apart[:EXAMPLES],
            "variants_without_parent": orphans[:EXAMPLES],
        },
    }


def leakage_report(batches: Iterable[pa.RecordBatch], *, threshold: float = 0.8, num_perm: int = 64,
                   shingle_chars: int = 5, near_dup: bool = True) -> dict[str, Any]:
    """Leakage report of already-split records (e.g. every split of a stored version)."""
    index = CorpusIndex.build(batches, near_dup=near_dup, threshold=threshold, num_perm=num_perm,
                              shingle_chars=shingle_chars)
    report = report_from_index(index, {rid: e.split or "train" for rid, e in index.entries.items()})
    report["near_dup_threshold"] = threshold
    return report


def version_report(dsdict, **kwargs: Any) -> dict[str, Any]:
    def batches():
        for split in dsdict.values():
            yield from split.data.to_batches(max_chunksize=2048)

    return leakage_report(batches(), **kwargs)
