"""Assign units (groups joined by duplicates) to splits.

A unit is a connected component over records that must stay together: same `group_id`, same
`dup_cluster`, same exact text, or a near-duplicate pair. Variants are not units; they follow
their parent. A unit's key is its smallest group key, so its hash — and with `mode: hash` its
split — does not depend on any other record.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass

from corpuskit.stages.split.anchor import Anchor
from corpuskit.stages.split.config import ASSIGNABLE, SplitParams
from corpuskit.stages.split.index import CorpusIndex


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller key wins, so a unit's representative is its smallest key
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            self.parent[hi] = lo


def unit_hash(key: str, seed: str) -> float:
    """Uniform in [0, 1), a pure function of the key and the seed."""
    digest = hashlib.sha256(f"{seed}\x1f{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def by_ratio(u: float, ratios: dict[str, float]) -> str:
    acc = 0.0
    names = [s for s in ASSIGNABLE if ratios.get(s, 0) > 0]
    for name in names:
        acc += ratios[name]
        if u < acc:
            return name
    return names[-1]


def units(index: CorpusIndex, guards: bool) -> dict[str, str]:
    """Record id → unit key, for every record that is not a variant."""
    if not guards:  # deliberately leaky: every record on its own, groups ignored
        return {rid: rid for rid, e in index.entries.items() if not e.parent_id}
    uf = UnionFind()
    first_of: dict[str, str] = {}

    def tie(kind: str, value: str | None, group: str) -> None:
        if value is None:
            return
        key = f"{kind}\x1f{value}"
        if key in first_of:
            uf.union(first_of[key], group)
        else:
            first_of[key] = group

    originals = {rid: e for rid, e in index.entries.items() if not e.parent_id}
    for e in originals.values():
        uf.find(e.group)
        tie("dup", e.dup_cluster, e.group)
        tie("text", e.text_key, e.group)
    for a, b in index.near_pairs:
        if a in originals and b in originals:
            uf.union(originals[a].group, originals[b].group)
    return {rid: uf.find(e.group) for rid, e in originals.items()}


@dataclass
class Assignment:
    unit_of: dict[str, str]  # record id → unit key (originals only)
    split_of_unit: dict[str, str]  # unit key → split
    anchored_units: int = 0
    moved_records: int = 0  # anchored records whose unit had to move (a new record joined split units)


def assign(index: CorpusIndex, p: SplitParams, anchor: Anchor | None = None) -> Assignment:
    """Units and their splits; with an anchor, units holding an anchored record or group keep its split."""
    unit_of = units(index, p.guards)
    unit_records: dict[str, list[str]] = defaultdict(list)
    for rid, u in unit_of.items():
        unit_records[u].append(rid)
    fixed: dict[str, str] = {}
    if anchor is not None:
        for u, rids in unit_records.items():
            split = anchor.split_of_unit([(r, index.entries[r].group) for r in rids])
            if split is not None:
                fixed[u] = split
    if p.mode == "hash":
        out = {u: by_ratio(unit_hash(u, p.seed), p.ratios) for u in unit_records}
    elif p.mode == "kfold":
        out = {u: "test" if fold_of(u, p) == p.fold else "train" for u in unit_records}
    elif p.mode == "temporal":
        out = _temporal(index, unit_records, p)
    else:
        out = _stratified(index, unit_records, p, fixed)
    out.update(fixed)
    moved = 0
    if anchor is not None:
        moved = sum(1 for rid, u in unit_of.items() if anchor.by_id.get(rid, out[u]) != out[u])
    return Assignment(unit_of, out, len(fixed), moved)


def fold_of(unit: str, p: SplitParams) -> int:
    return int(unit_hash(unit, p.seed) * p.k)


def _temporal(index: CorpusIndex, unit_records: dict[str, list[str]], p: SplitParams) -> dict[str, str]:
    # a unit is as late as its latest record; undated units go to train (counted in the report)
    dates = {u: max((index.entries[r].date or "" for r in rids), default="") for u, rids in unit_records.items()}
    if p.cutoffs:
        val = p.cutoffs.get("validation", p.cutoffs.get("test"))
        test = p.cutoffs.get("test", "9999")
        return {u: "train" if not d or d < val else ("validation" if d < test else "test") for u, d in dates.items()}
    ordered = sorted(unit_records, key=lambda u: (dates[u], unit_hash(u, p.seed)))
    return _fill_in_order(ordered, unit_records, p.ratios)


def _stratified(index: CorpusIndex, unit_records: dict[str, list[str]], p: SplitParams,
                fixed: dict[str, str]) -> dict[str, str]:
    # Stratum of a unit: its rarest label (multi-label), so small classes are spread first.
    freq = Counter(label for e in index.entries.values() if not e.parent_id for label in e.labels)
    strata: dict[str, list[str]] = defaultdict(list)
    for u, rids in unit_records.items():
        labels = {label for r in rids for label in index.entries[r].labels}
        strata[min(labels, key=lambda lab: (freq[lab], lab)) if labels else ""].append(u)
    out: dict[str, str] = {}
    for members in strata.values():
        members.sort(key=lambda u: unit_hash(u, p.seed))
        if any(u in fixed for u in members):
            out.update(_fill_deficits(members, unit_records, p.ratios, fixed))
        else:
            out.update(_fill_in_order(members, unit_records, p.ratios))
    return out


def _fill_deficits(ordered: list[str], unit_records: dict[str, list[str]], ratios: dict[str, float],
                   fixed: dict[str, str]) -> dict[str, str]:
    """Anchored units stay; each new unit goes to the split furthest below its share of the stratum."""
    total = sum(len(unit_records[u]) for u in ordered)
    names = [s for s in ASSIGNABLE if ratios.get(s, 0) > 0]
    filled: Counter[str] = Counter()
    for u in ordered:
        if u in fixed:
            filled[fixed[u]] += len(unit_records[u])
    out: dict[str, str] = {}
    for u in ordered:
        if u in fixed:
            continue
        out[u] = max(names, key=lambda s: ratios[s] * total - filled[s])  # first of equals: train
        filled[out[u]] += len(unit_records[u])
    return out


def _fill_in_order(ordered: list[str], unit_records: dict[str, list[str]], ratios: dict[str, float]) -> dict[str, str]:
    """Walk units in order, filling each split up to its share of records (groups stay whole)."""
    total = sum(len(unit_records[u]) for u in ordered)
    names = [s for s in ASSIGNABLE if ratios.get(s, 0) > 0]
    bounds, acc = [], 0.0
    for name in names:
        acc += ratios[name] * total
        bounds.append(acc)
    out, seen, i = {}, 0, 0
    for u in ordered:
        size = len(unit_records[u])
        # place the unit where its midpoint falls: keeps every split within half a unit of its share
        while i < len(names) - 1 and seen + size / 2 > bounds[i]:
            i += 1
        out[u] = names[i]
        seen += size
    return out
