"""Statistics over labeling functions' outputs, and merging those outputs into spans and labels.

Per function, over the records seen: coverage (share of records it labelled), overlap (share where
another function also labelled: an intersecting span, or a document label in the same group) and
conflict (share where another function said something different there: an intersecting span with
another label, or another document label in the same group) — the statistics Snorkel reports.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int, str]


@dataclass
class Output:
    """What one function said about one text."""

    spans: set[Span] = field(default_factory=set)
    labels: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.spans or self.labels)


@dataclass
class LFStats:
    names: list[str]
    records: int = 0
    covered: dict[str, int] = field(default_factory=dict)
    overlapped: dict[str, int] = field(default_factory=dict)
    conflicted: dict[str, int] = field(default_factory=dict)
    emitted: dict[str, int] = field(default_factory=dict)

    def observe(self, outputs: Mapping[str, Output], groups: Mapping[str, str]) -> None:
        self.records += 1
        for name, out in outputs.items():
            if not out:
                continue
            self.covered[name] = self.covered.get(name, 0) + 1
            self.emitted[name] = self.emitted.get(name, 0) + len(out.spans) + len(out.labels)
            overlap = conflict = False
            for other, o in outputs.items():
                if other == name or not o:
                    continue
                for s in out.spans:
                    for t in o.spans:
                        if s[0] < t[1] and t[0] < s[1]:
                            overlap = True
                            conflict = conflict or s[2] != t[2]
                if out.labels and o.labels and groups.get(name) == groups.get(other):
                    overlap = True
                    conflict = conflict or out.labels != o.labels
            if overlap:
                self.overlapped[name] = self.overlapped.get(name, 0) + 1
            if conflict:
                self.conflicted[name] = self.conflicted.get(name, 0) + 1

    def report(self) -> dict[str, Any]:
        n = max(self.records, 1)
        return {
            "records": self.records,
            "functions": {name: {
                "coverage": round(self.covered.get(name, 0) / n, 6),
                "overlap": round(self.overlapped.get(name, 0) / n, 6),
                "conflict": round(self.conflicted.get(name, 0) / n, 6),
                "emitted": self.emitted.get(name, 0),
            } for name in self.names},
        }


def combine(outputs: Mapping[str, Output], drop_conflicts: bool = True) -> tuple[list[tuple[int, int, str, str]], list[str]]:
    """Merge functions' outputs: spans as (start, end, label, function) and document labels.

    The same span from two functions is kept once (first function wins). With `drop_conflicts`,
    spans that intersect a span with a different label are dropped, all of them: weak labels that
    disagree are not training data.
    """
    spans: dict[tuple[int, int, str], str] = {}
    for name, out in outputs.items():
        for s in sorted(out.spans):
            spans.setdefault(s, name)
    keys = sorted(spans)
    if drop_conflicts:
        bad = {a for a in keys for b in keys if a is not b and a[0] < b[1] and b[0] < a[1] and a[2] != b[2]}
        keys = [k for k in keys if k not in bad]
    labels: list[str] = []  # document labels: the union, in function order
    for out in outputs.values():
        labels += [lab for lab in sorted(out.labels) if lab not in labels]
    return [(s, e, lab, spans[(s, e, lab)]) for s, e, lab in keys], labels
