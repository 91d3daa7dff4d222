"""Evaluate detection against gold spans: per-type precision/recall/F2 and binary (any-type) recall.

Gold and prediction files share one line format (the `deid detect` contract):
`{"id", "text", "lang", "spans": [{"start", "end", "label"}]}` with code-point offsets.
Gold labels go through `labels.canonical` (plus an optional user map); a label
mapped to null is not scored. A prediction matches a gold span of the same type
when they overlap — boundaries differ between annotation guides ("45岁" vs "45"),
and a replacement that covers an identifier partly is caught by the character scores.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from corpuskit.stages.deid.labels import canonical


@dataclass
class TypeScore:
    gold: int = 0
    pred: int = 0
    gold_hit: int = 0
    pred_hit: int = 0

    @property
    def precision(self) -> float:
        return self.pred_hit / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.gold_hit / self.gold if self.gold else 1.0

    @property
    def f2(self) -> float:
        p, r = self.precision, self.recall
        return 5 * p * r / (4 * p + r) if p + r else 0.0

    def to_json(self) -> dict:
        return {
            "gold": self.gold,
            "pred": self.pred,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f2": round(self.f2, 4),
        }


@dataclass
class Report:
    per_type: dict[str, TypeScore] = field(default_factory=lambda: defaultdict(TypeScore))
    binary: TypeScore = field(default_factory=TypeScore)  # any label counts
    gold_chars: int = 0
    gold_chars_hit: int = 0
    pred_chars: int = 0
    pred_chars_hit: int = 0
    documents: int = 0
    missed: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def char_recall(self) -> float:
        return self.gold_chars_hit / self.gold_chars if self.gold_chars else 1.0

    @property
    def char_precision(self) -> float:
        return self.pred_chars_hit / self.pred_chars if self.pred_chars else 1.0

    def to_json(self) -> dict:
        return {
            "documents": self.documents,
            "per_type": {k: v.to_json() for k, v in sorted(self.per_type.items())},
            "binary": {
                **self.binary.to_json(),
                "char_recall": round(self.char_recall, 4),
                "char_precision": round(self.char_precision, 4),
            },
        }


def _overlaps(a: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(a[0] < e and a[1] > s for s, e in spans)


def score_document(
    report: Report,
    gold: Iterable[Mapping],
    pred: Iterable[Mapping],
    label_map: Mapping[str, str | None] | None = None,
) -> None:
    """Add one document's gold and predicted spans to `report`."""
    g = [(s["start"], s["end"], canonical(s["label"], label_map)) for s in gold]
    g = [x for x in g if x[2] is not None and x[1] > x[0]]
    p = [(s["start"], s["end"], canonical(s["label"], label_map)) for s in pred]
    p = [x for x in p if x[2] is not None and x[1] > x[0]]
    report.documents += 1
    for label in {x[2] for x in g} | {x[2] for x in p}:
        gl = [(s, e) for s, e, lab in g if lab == label]
        pl = [(s, e) for s, e, lab in p if lab == label]
        ts = report.per_type[label]
        ts.gold += len(gl)
        ts.pred += len(pl)
        ts.gold_hit += sum(_overlaps(x, pl) for x in gl)
        ts.pred_hit += sum(_overlaps(x, gl) for x in pl)
    gs, ps = [(s, e) for s, e, _ in g], [(s, e) for s, e, _ in p]
    b = report.binary
    b.gold += len(gs)
    b.pred += len(ps)
    b.gold_hit += sum(_overlaps(x, ps) for x in gs)
    b.pred_hit += sum(_overlaps(x, gs) for x in ps)
    for s, e, lab in g:
        if not _overlaps((s, e), ps):
            report.missed[lab] += 1
    gold_chars = {i for s, e in gs for i in range(s, e)}
    pred_chars = {i for s, e in ps for i in range(s, e)}
    report.gold_chars += len(gold_chars)
    report.gold_chars_hit += len(gold_chars & pred_chars)
    report.pred_chars += len(pred_chars)
    report.pred_chars_hit += len(pred_chars & gold_chars)


def read_jsonl(path: str | Path) -> list[dict]:
    """JSON lines, with the file and line number in the error when one does not parse."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except ValueError as exc:
                raise ValueError(f"{path}:{n}: not valid JSON ({exc.msg})") from None
            if not isinstance(item, dict) or "id" not in item:
                raise ValueError(f"{path}:{n}: each line must be a JSON object with an 'id'")
            out.append(item)
    return out


def read_label_map(path: str | Path | None) -> dict[str, str | None]:
    """A JSON or YAML object {gold_label: canonical_label or null}."""
    if path is None:
        return {}
    import yaml

    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a label map is an object {{gold_label: canonical_label or null}}")
    return {str(k): (None if v is None else str(v)) for k, v in data.items()}


def evaluate(
    gold: Sequence[Mapping],
    predictions: Mapping[str, Sequence[Mapping]],
    label_map: Mapping[str, str | None] | None = None,
) -> Report:
    """Score predictions (by document id) against gold documents."""
    report = Report()
    for doc in gold:
        score_document(report, doc.get("spans") or [], predictions.get(doc["id"], []), label_map)
    return report
