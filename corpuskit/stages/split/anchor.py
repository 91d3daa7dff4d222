"""Keep the splits of a previous version: its records and groups stay where they were.

This is what makes `stratified` and quantile-`temporal` splits stable across versions: units
that hold a record (or a group) of the anchor version keep its split, and only new units are
assigned — in stratified mode greedily, towards the target label proportions.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

ORIGINAL_SPLITS = ("train", "validation", "test")


@dataclass
class Anchor:
    """Where the records and groups of a stored version were (variants excluded: they follow parents)."""

    version: str
    by_id: dict[str, str] = field(default_factory=dict)
    by_group: dict[str, str] = field(default_factory=dict)

    def split_of_unit(self, members: list[tuple[str, str]]) -> str | None:
        """The anchored split of a unit given its (record id, group key) pairs, or None if all are new.

        A new record can join units that were apart (a near-duplicate of both); then the split
        holding most of the unit's old records wins and the others move (counted by the stage).
        """
        votes: Counter[str] = Counter()
        for rid, group in members:
            split = self.by_id.get(rid) or self.by_group.get(group)
            if split:
                votes[split] += 1
        if not votes:
            return None
        return min(votes, key=lambda s: (-votes[s], ORIGINAL_SPLITS.index(s)))


def resolve(ref: str, store: str | None) -> tuple[str, str]:
    """(dataset, version id) of `ref`; `@latest` and tags are resolved now, so fingerprints name the id."""
    from corpuskit.store import VersionStore

    return VersionStore(store).find(ref)


def load_anchor(ref: str, store: str | None) -> Anchor:
    """Read only the id, group_id, parent_id and split columns of every split of `ref`."""
    from corpuskit.store import VersionStore

    vs = VersionStore(store)
    dataset, vid = vs.find(ref)
    anchor = Anchor(version=f"{dataset}@{vid}")
    for split in vs.load(dataset, vid).values():
        table = split.data.table.select(["id", "group_id", "parent_id", "split"])
        for batch in table.to_batches(max_chunksize=65536):
            ids, groups, parents, splits = (batch.column(i).to_pylist() for i in range(4))
            for rid, group, parent, name in zip(ids, groups, parents, splits, strict=True):
                if parent or name not in ORIGINAL_SPLITS:
                    continue
                anchor.by_id[rid] = name
                anchor.by_group.setdefault(group or rid, name)
    return anchor
