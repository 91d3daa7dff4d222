"""Inter-annotator agreement: Cohen's and Fleiss' kappa for choice groups, span-level F1 for entities.

Written out here (a screen of arithmetic) rather than pulling scikit-learn or statsmodels into
corpuskit for two formulas. Kappa is `None` where it is undefined (every rating in one category).

* Cohen's kappa: per pair of annotators, over the tasks both labelled; the project figure is the mean
  over pairs.
* Fleiss' kappa: over every task with two or more annotations (raters per task may differ).
* Span F1: exact match on (start, end, label) between two annotators' spans, micro-averaged over pairs
  and tasks; two annotators who both marked nothing agree fully.
A choice group an annotator left empty counts as the category "<none>".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import Any

from corpuskit.stages.annotate.schema import TaskSchema
from corpuskit.stages.annotate.validate import ParsedAnnotation

NONE = "<none>"


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa for two raters' categories on the same items."""
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(a == b for a, b in pairs) / n
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(left[c] * right[c] for c in left) / (n * n)
    if expected >= 1.0:
        return None
    return round((observed - expected) / (1.0 - expected), 6)


def fleiss_kappa(items: Sequence[Sequence[str]]) -> float | None:
    """Fleiss' kappa over items, each a list of the categories its raters chose (>= 2 raters)."""
    items = [list(i) for i in items if len(i) >= 2]
    if not items:
        return None
    totals: Counter[str] = Counter()
    p_items = []
    for ratings in items:
        counts = Counter(ratings)
        n = len(ratings)
        totals.update(counts)
        p_items.append((sum(c * c for c in counts.values()) - n) / (n * (n - 1)))
    all_ratings = sum(totals.values())
    p_bar = sum(p_items) / len(p_items)
    p_e = sum((c / all_ratings) ** 2 for c in totals.values())
    if p_e >= 1.0:
        return None
    return round((p_bar - p_e) / (1.0 - p_e), 6)


def span_counts(a: Iterable[tuple], b: Iterable[tuple]) -> tuple[int, int, int]:
    """(true positives, only in a, only in b) for exact span matches."""
    a, b = set(a), set(b)
    return len(a & b), len(a - b), len(b - a)


def f1(tp: int, fp: int, fn: int) -> float:
    return 1.0 if tp + fp + fn == 0 else round(2 * tp / (2 * tp + fp + fn), 6)


def category(ann: ParsedAnnotation, group: str) -> str:
    return "|".join(ann.choices.get(group, ())) or NONE


def task_agreement(anns: Sequence[ParsedAnnotation], schema: TaskSchema) -> dict[str, Any] | None:
    """Agreement on one task: pairwise span F1 (micro) and the share of pairs agreeing per group."""
    if len(anns) < 2:
        return None
    pairs = list(combinations(anns, 2))
    out: dict[str, Any] = {"annotations": len(anns)}
    if schema.spans:
        tp = fp = fn = 0
        for x, y in pairs:
            a, b, c = span_counts(x.spans, y.spans)
            tp, fp, fn = tp + a, fp + b, fn + c
        out["span_f1"] = f1(tp, fp, fn)
    if schema.choices:
        out["classes"] = {g.name: round(sum(category(x, g.name) == category(y, g.name) for x, y in pairs)
                                        / len(pairs), 6) for g in schema.choices}
    return out


def project_agreement(tasks: dict[int, list[ParsedAnnotation]], schema: TaskSchema) -> dict[str, Any]:
    """Agreement over a project: per group kappas, span F1, and the same per annotator pair."""
    multi = {t: anns for t, anns in tasks.items() if len({a.annotator for a in anns}) >= 2}
    annotators = sorted({a.annotator for anns in tasks.values() for a in anns}, key=_numeric_first)
    report: dict[str, Any] = {"annotators": annotators, "tasks": len(tasks), "tasks_with_2plus": len(multi)}
    # one annotation per annotator per task: a user who submitted twice counts once (latest wins)
    by_task = {t: {a.annotator: a for a in sorted(anns, key=lambda a: a.annotation_id or 0)}
               for t, anns in multi.items()}
    pair_reports: dict[str, Any] = {}
    for u, v in combinations(annotators, 2):
        shared = [(d[u], d[v]) for d in by_task.values() if u in d and v in d]
        if not shared:
            continue
        pr: dict[str, Any] = {"tasks": len(shared)}
        if schema.choices:
            pr["cohen_kappa"] = {g.name: cohen_kappa([(category(x, g.name), category(y, g.name))
                                                      for x, y in shared]) for g in schema.choices}
        if schema.spans:
            sums = [span_counts(x.spans, y.spans) for x, y in shared]
            pr["span_f1"] = f1(*(sum(s[i] for s in sums) for i in range(3)))
        pair_reports[f"{u}|{v}"] = pr
    report["pairs"] = pair_reports
    if schema.choices:
        classes = {}
        for g in schema.choices:
            kappas = [p["cohen_kappa"][g.name] for p in pair_reports.values()
                      if p["cohen_kappa"][g.name] is not None]
            classes[g.name] = {
                "cohen_kappa_mean": round(sum(kappas) / len(kappas), 6) if kappas else None,
                "fleiss_kappa": fleiss_kappa([[category(a, g.name) for a in d.values()] for d in by_task.values()]),
            }
        report["classes"] = classes
    if schema.spans:
        tp = fp = fn = 0
        for d in by_task.values():
            for x, y in combinations(d.values(), 2):
                a, b, c = span_counts(x.spans, y.spans)
                tp, fp, fn = tp + a, fp + b, fn + c
        report["spans"] = {"f1": f1(tp, fp, fn) if by_task else None, "matched": tp, "unmatched": fp + fn}
    return report


def _numeric_first(x: str) -> tuple[int, Any]:
    return (0, int(x)) if x.isdigit() else (1, x)
