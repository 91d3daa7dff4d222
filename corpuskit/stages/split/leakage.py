"""Leakage report: what a model could have seen in training that it is then tested on.

Counts must all be zero. `adversarial_test` counts as the test side: its variants share
groups and much text with their test parents on purpose. Ids only, never text.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

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


def leakage_report(data: Any, *, threshold: float = 0.8, num_perm: int = 64, shingle_chars: int = 5,
                   near_dup: bool = True) -> dict[str, Any]:
    """Leakage report of already-split records: counts plus example ids, never text.

    `data`: a `datasets.DatasetDict` (e.g. `corpuskit.load(...)`), a mapping of split name to
    `pa.Table`/`datasets.Dataset`/record batches, one table, or an iterable of record batches. Records
    are placed by their `split` column; a mapping's key fills it where it is empty.

    >>> report = leakage_report(corpuskit.load("clinical"))
    >>> report["ok"], report["shared_groups"], report["examples"]["shared_groups"]
    """
    index = CorpusIndex.build(_batches(data), near_dup=near_dup, threshold=threshold, num_perm=num_perm,
                              shingle_chars=shingle_chars)
    split_of = {rid: e.split or "train" for rid, e in index.entries.items()}
    report = report_from_index(index, split_of)
    report["near_dup_threshold"] = threshold if near_dup else None
    report["sizes"] = dict(sorted(Counter(split_of.values()).items()))
    return report


def _batches(data: Any) -> Iterator[pa.RecordBatch]:
    if isinstance(data, Mapping):
        for name, part in data.items():
            for batch in _batches(part):
                split = batch.column("split")
                if split.null_count:  # fill from the mapping's key
                    filled = pc.fill_null(split, pa.scalar(name, pa.string()))
                    batch = batch.set_column(batch.schema.get_field_index("split"), "split", filled)
                yield batch
    elif isinstance(data, pa.RecordBatch):
        yield data
    elif isinstance(data, pa.Table):
        yield from data.to_batches(max_chunksize=2048)
    elif hasattr(data, "data") and hasattr(data.data, "table"):  # datasets.Dataset
        yield from data.data.table.to_batches(max_chunksize=2048)
    else:
        for item in data:
            yield from _batches(item)
