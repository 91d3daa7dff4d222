"""`split.grouped.v1`: a full-pass stage that assigns every record to a split without leakage."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pyarrow as pa

from corpuskit.stages.base import RunContext, Stage
from corpuskit.stages.split.assign import assign, by_ratio, unit_hash, units
from corpuskit.stages.split.config import SplitParams
from corpuskit.stages.split.index import CorpusIndex
from corpuskit.stages.split.leakage import report_from_index


class SplitStage(Stage):
    """Grouped (patient/contract/issuer), duplicate-aware, lineage-aware split assignment.

    >>> SplitStage({"ratios": {"train": 0.8, "test": 0.2}}).run(records).table
    """

    name = "split.grouped.v1"
    version = "1"
    Params = SplitParams
    requires = frozenset({"id", "text"})
    produces = frozenset({"split"})
    full_pass = True
    params: SplitParams

    def fit(self, scan: Callable[[], Iterator[pa.RecordBatch]], ctx: RunContext) -> None:
        p = self.params
        index = CorpusIndex.build(scan(), near_dup=p.near_dup and p.guards, threshold=p.near_dup_threshold,
                                  num_perm=p.num_perm, shingle_chars=p.shingle_chars, date_field=p.date_field)
        unit_split = assign(index, p)
        rec_unit = units(index, p.guards)
        self.split_of: dict[str, str] = {rid: unit_split[u] for rid, u in rec_unit.items()}
        self.dropped: dict[str, str] = {}
        for rid, e in index.entries.items():
            if e.parent_id:
                self._place_variant(rid, e, ctx)
        ctx.reports["leakage"] = report_from_index(index, self.split_of)
        ctx.reports["splits"] = _distribution(index, self.split_of)
        ctx.stat(self.name, "units", len(unit_split), add=False)
        ctx.stat(self.name, "near_duplicate_pairs", len(index.near_pairs), add=False)
        if p.mode == "temporal":
            undated = sum(1 for e in index.entries.values() if not e.parent_id and not e.date)
            ctx.stat(self.name, "undated_records", undated, add=False)

    def _place_variant(self, rid: str, e: Any, ctx: RunContext) -> None:
        p = self.params
        parent = self.split_of.get(e.parent_id)
        if not p.guards:
            self.split_of[rid] = by_ratio(unit_hash(rid, p.seed), p.ratios)
        elif parent is None:
            self.dropped[rid] = "variant whose parent is not in the corpus"
        elif e.kind == "adversarial" and parent == "test":
            self.split_of[rid] = "adversarial_test"
        elif parent == "train" or p.variants == "follow_parent":
            self.split_of[rid] = parent
        else:
            self.dropped[rid] = f"variant of a {parent} record (variants are train-only)"

    def process(self, batches: Iterable[pa.RecordBatch], ctx: RunContext) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            ids = batch.column("id").to_pylist()
            for rid in ids:
                if rid in self.dropped:
                    ctx.quarantine(self.name, self.dropped[rid], record_id=rid)
            keep = pa.array([rid not in self.dropped for rid in ids])
            batch = batch.filter(keep)
            splits = pa.array([self.split_of[rid] for rid in batch.column("id").to_pylist()], pa.string())
            yield batch.set_column(batch.schema.get_field_index("split"), "split", splits)


def _distribution(index: CorpusIndex, split_of: dict[str, str]) -> dict[str, Any]:
    sizes: Counter[str] = Counter(split_of.values())
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for rid, split in split_of.items():
        for label in index.entries[rid].labels:
            labels[split][label] += 1
    return {
        "sizes": dict(sorted(sizes.items())),
        "fractions": {s: round(n / max(sum(sizes.values()), 1), 4) for s, n in sorted(sizes.items())},
        "labels": {s: dict(sorted(c.items())) for s, c in sorted(labels.items())},
    }
