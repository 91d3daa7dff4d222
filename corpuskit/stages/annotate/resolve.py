"""Turn several annotators' work on one record into one set of spans and labels.

Policies:

* ``majority`` — keep a span, a single-choice value or a multi-choice value when more than half of
  the annotators chose it; drop it when fewer than half did; a tie (exactly half) leaves the record
  unresolved, and it is quarantined rather than written with a guess.
* ``reviewer`` — a ground-truth annotation (Label Studio's star) wins, else the latest annotation by one
  of the named reviewers; with neither, fall back to ``majority``.
* ``drop-conflicts`` — keep a record only when every annotator agreed on everything.

Every disagreement is reported (the conflicts report lists task ids to revisit) whatever the policy.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from corpuskit.stages.annotate.agreement import NONE, category
from corpuskit.stages.annotate.schema import TaskSchema
from corpuskit.stages.annotate.validate import ParsedAnnotation, Span

POLICIES = ("majority", "reviewer", "drop-conflicts")


@dataclass
class Resolution:
    spans: list[Span]
    labels: list[str]
    source: str  # the span source: "annotator:<id>" or "resolved:<policy>"
    disagreements: list[str] = field(default_factory=list)  # "spans" and/or choice group names
    unresolved: str | None = None  # why no result could be chosen; the record is quarantined


def latest_per_annotator(anns: Sequence[ParsedAnnotation]) -> list[ParsedAnnotation]:
    """One annotation per annotator (their latest): a resubmission is not a second vote."""
    best: dict[str, ParsedAnnotation] = {}
    for a in sorted(anns, key=lambda a: a.annotation_id or 0):
        best[a.annotator] = a
    return list(best.values())


def disagreements(anns: Sequence[ParsedAnnotation], schema: TaskSchema) -> list[str]:
    if len(anns) < 2:
        return []
    out = []
    if schema.spans and len({a.spans for a in anns}) > 1:
        out.append("spans")
    out += [g.name for g in schema.choices if len({category(a, g.name) for a in anns}) > 1]
    return out


def resolve(anns: Sequence[ParsedAnnotation], schema: TaskSchema, policy: str = "majority",
            reviewers: Collection[str] = ()) -> Resolution:
    """Resolve one record's valid annotations under `policy`."""
    if policy not in POLICIES:
        raise ValueError(f"unknown policy '{policy}'; choose one of {', '.join(POLICIES)}")
    anns = latest_per_annotator(anns)
    disagree = disagreements(anns, schema)
    if len(anns) == 1:
        return _from_one(anns[0], schema, disagree)
    if policy == "reviewer":
        chosen = _reviewer_choice(anns, reviewers)
        if chosen is not None:
            return _from_one(chosen, schema, disagree)
        return _majority(anns, schema, disagree, "majority")
    if policy == "drop-conflicts":
        if disagree:
            return Resolution([], [], "", disagree, f"annotators disagree on {', '.join(disagree)}")
        res = _from_one(anns[0], schema, disagree)
        res.source = "resolved:unanimous"
        return res
    return _majority(anns, schema, disagree, "majority")


def _from_one(ann: ParsedAnnotation, schema: TaskSchema, disagree: list[str]) -> Resolution:
    labels = [v for g in schema.choices for v in ann.choices.get(g.name, ())]
    return Resolution(sorted(ann.spans), labels, f"annotator:{ann.annotator}", disagree)


def _reviewer_choice(anns: Sequence[ParsedAnnotation], reviewers: Collection[str]) -> ParsedAnnotation | None:
    ordered = sorted(anns, key=lambda a: a.annotation_id or 0)
    starred = [a for a in ordered if a.ground_truth]
    if starred:
        return starred[-1]
    by_reviewer = [a for a in ordered if a.annotator in reviewers]
    return by_reviewer[-1] if by_reviewer else None


def _majority(anns: Sequence[ParsedAnnotation], schema: TaskSchema, disagree: list[str],
              name: str) -> Resolution:
    n = len(anns)
    ties: list[str] = []
    span_votes = Counter(s for a in anns for s in a.spans)
    spans = sorted(s for s, v in span_votes.items() if 2 * v > n)
    if any(2 * v == n for v in span_votes.values()):
        ties.append("spans")
    labels: list[str] = []
    for g in schema.choices:
        if g.multiple:
            votes = Counter(v for a in anns for v in a.choices.get(g.name, ()))
            labels += [v for v in g.values if 2 * votes[v] > n]
            if any(2 * c == n for c in votes.values()):
                ties.append(g.name)
        else:
            votes = Counter(category(a, g.name) for a in anns)
            winner, top = votes.most_common(1)[0]
            if 2 * top > n:
                labels += [] if winner == NONE else [winner]
            elif len(votes) > 1:
                ties.append(g.name)
    if ties:
        return Resolution([], [], "", disagree, f"no majority on {', '.join(ties)}")
    return Resolution(spans, labels, f"resolved:{name}", disagree)
