"""`split.grouped.v1`: a full-pass stage that assigns every record to a split without leakage."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pyarrow as pa

from corpuskit import records
from corpuskit.stages.base import RunContext, Stage
from corpuskit.stages.split.anchor import load_anchor, resolve
from corpuskit.stages.split.assign import assign, by_ratio, fold_of, unit_hash
from corpuskit.stages.split.config import SplitParams
from corpuskit.stages.split.index import CorpusIndex
from corpuskit.stages.split.leakage import report_from_index


class SplitStage(Stage):
    """Grouped (patient/contract/issuer), duplicate-aware, lineage-aware split assignment.

    >>> SplitStage({"ratios": {"train": 0.8, "test": 0.2}}).run(records).table
    """

    name = "split.grouped.v1"
    version = "2"  # 2: kfold writes meta.fold, dates normalised, keep_splits_of
    Params = SplitParams
    requires = frozenset({"id", "text"})
    produces = frozenset({"split"})
    full_pass = True
    params: SplitParams

    def fingerprint_params(self) -> dict[str, Any]:
        # the anchor by id: `name@latest` or a tag means another version once a build commits
        params = self.params.model_dump(mode="json", exclude={"keep_splits_store"})
        if self.params.keep_splits_of:
            params["keep_splits_of"] = self._anchor_ref()
        return params

    def _anchor_ref(self) -> str:
        if not getattr(self, "_resolved_anchor", None):
            dataset, vid = resolve(self.params.keep_splits_of or "", self.params.keep_splits_store)
            self._resolved_anchor = f"{dataset}@{vid}"
        return self._resolved_anchor

    def fit(self, scan: Callable[[], Iterator[pa.RecordBatch]], ctx: RunContext) -> None:
        p = self.params
        # near-duplicates are looked for even without guards, so a leaky build's report counts them
        index = CorpusIndex.build(scan(), near_dup=p.near_dup, threshold=p.near_dup_threshold,
                                  num_perm=p.num_perm, shingle_chars=p.shingle_chars, date_field=p.date_field)
        anchor = load_anchor(self._anchor_ref(), p.keep_splits_store) if p.keep_splits_of else None
        result = assign(index, p, anchor)
        self.split_of: dict[str, str] = {rid: result.split_of_unit[u] for rid, u in result.unit_of.items()}
        self.fold: dict[str, int] = {}
        if p.mode == "kfold":
            self.fold = {rid: fold_of(u, p) for rid, u in result.unit_of.items()}
        self.dropped: dict[str, str] = {}
        for rid, e in index.entries.items():
            if e.parent_id:
                self._place_variant(rid, index, ctx)
        ctx.reports["leakage"] = report_from_index(index, self.split_of)
        ctx.reports["leakage"]["near_dup_threshold"] = p.near_dup_threshold if p.near_dup else None
        ctx.reports["splits"] = _distribution(index, self.split_of)
        st = self.name
        ctx.stat(st, "units", len(result.split_of_unit), add=False)
        ctx.stat(st, "near_duplicate_pairs", len(index.near_pairs), add=False)
        if anchor is not None:
            ctx.reports["splits"]["kept_splits_of"] = anchor.version
            ctx.stat(st, "anchored_units", result.anchored_units, add=False)
            ctx.stat(st, "new_units", len(result.split_of_unit) - result.anchored_units, add=False)
            ctx.stat(st, "moved_records", result.moved_records, add=False)
        if p.mode == "temporal":
            undated = sum(1 for e in index.entries.values() if not e.parent_id and not e.date)
            ctx.stat(st, "undated_records", undated, add=False)

    def _place_variant(self, rid: str, index: CorpusIndex, ctx: RunContext) -> None:
        p = self.params
        e = index.entries[rid]
        root = _root(rid, index)
        parent = self.split_of.get(root) if root else None
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
        if self.fold and root in self.fold:
            self.fold[rid] = self.fold[root]

    def process(self, batches: Iterable[pa.RecordBatch], ctx: RunContext) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            ids = batch.column("id").to_pylist()
            for rid in ids:
                if rid in self.dropped:
                    ctx.quarantine(self.name, self.dropped[rid], record_id=rid)
            keep = pa.array([rid not in self.dropped for rid in ids])
            batch = batch.filter(keep)
            ids = batch.column("id").to_pylist()
            splits = pa.array([self.split_of[rid] for rid in ids], pa.string())
            batch = batch.set_column(batch.schema.get_field_index("split"), "split", splits)
            if self.fold:
                metas = [records.dump_meta({**records.load_meta(m), "fold": self.fold[rid]})
                         for rid, m in zip(ids, batch.column("meta").to_pylist(), strict=True)]
                batch = batch.set_column(batch.schema.get_field_index("meta"), "meta", pa.array(metas, pa.string()))
            yield batch


def _root(rid: str, index: CorpusIndex) -> str | None:
    """The original a variant descends from (variants of variants included); None if it is missing."""
    seen = {rid}
    while (e := index.entries.get(rid)) is not None and e.parent_id:
        rid = e.parent_id
        if rid in seen:  # a lineage cycle: no original to follow
            return None
        seen.add(rid)
    return rid if e is not None else None


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
