"""Assign units (groups joined by duplicates) to splits.

A unit is a connected component over records that must stay together: same `group_id`, same
`dup_cluster`, same exact text, or a near-duplicate pair. Variants are not units; they follow
their parent. A unit's key is its smallest group key, so its hash — and with `mode: hash` its
split — does not depend on any other record.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

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
    digest = hashlib.sha256(f"{seed}\x1f{key}".encode("utf-8")).digest()
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


def assign(index: CorpusIndex, p: SplitParams) -> dict[str, str]:
    """Unit key → split."""
    rec_unit = units(index, p.guards)
    unit_records: dict[str, list[str]] = defaultdict(list)
    for rid, u in rec_unit.items():
        unit_records[u].append(rid)
    if p.mode == "hash":
        return {u: by_ratio(unit_hash(u, p.seed), p.ratios) for u in unit_records}
    if p.mode == "kfold":
        return {u: "test" if int(unit_hash(u, p.seed) * p.k) == p.fold else "train" for u in unit_records}
    if p.mode == "temporal":
        return _temporal(index, unit_records, p)
    return _stratified(index, unit_records, p)


def _temporal(index: CorpusIndex, unit_records: dict[str, list[str]], p: SplitParams) -> dict[str, str]:
    # a unit is as late as its latest record; undated units go to train (counted in the report)
    dates = {u: max((index.entries[r].date or "" for r in rids), default="") for u, rids in unit_records.items()}
    if p.cutoffs:
        val = p.cutoffs.get("validation", p.cutoffs.get("test"))
        test = p.cutoffs.get("test", "9999")
        return {u: "train" if not d or d < val else ("validation" if d < test else "test") for u, d in dates.items()}
    ordered = sorted(unit_records, key=lambda u: (dates[u], unit_hash(u, p.seed)))
    return _fill_in_order(ordered, unit_records, p.ratios)


def _stratified(index: CorpusIndex, unit_records: dict[str, list[str]], p: SplitParams) -> dict[str, str]:
    # Stratum of a unit: its rarest label (multi-label), so small classes are spread first.
    freq = Counter(label for e in index.entries.values() if not e.parent_id for label in e.labels)
    strata: dict[str, list[str]] = defaultdict(list)
    for u, rids in unit_records.items():
        labels = {label for r in rids for label in index.entries[r].labels}
        strata[min(labels, key=lambda lab: (freq[lab], lab)) if labels else ""].append(u)
    out: dict[str, str] = {}
    for members in strata.values():
        members.sort(key=lambda u: unit_hash(u, p.seed))
        out.update(_fill_in_order(members, unit_records, p.ratios))
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
