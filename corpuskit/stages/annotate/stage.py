"""`annotate.weak_labels.v1`: apply labeling functions inside a pipeline.

    stages:
      - stage: annotate.weak_labels
        params: {functions: lfs/medical.yaml, emit: both, conflicts: drop}

Spans get `source="lf:<function>"`; document labels are appended to `labels`. Per-function coverage,
overlap and conflict land in the manifest under `reports.weak_labels`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa

from corpuskit import records
from corpuskit.stages.annotate.labeling_functions import LabelingFunctionSet, combine
from corpuskit.stages.base import RunContext, Stage, StageParams


class WeakLabelParams(StageParams):
    functions: str | list[dict[str, Any]]
    """A labeling-function YAML file, or the list of function specs inline."""
    emit: Literal["spans", "labels", "both"] = "both"
    conflicts: Literal["drop", "keep"] = "drop"
    """drop: spans that intersect a span of another label from another function are not written."""
    replace: bool = False
    """True: drop the record's existing `lf:` spans first (re-running weak labels on a weakly labelled set)."""


class WeakLabelStage(Stage):
    name = "annotate.weak_labels.v1"
    version = "1"
    Params = WeakLabelParams
    requires = frozenset({"id", "text"})
    produces = frozenset({"spans", "labels"})

    def setup(self, ctx: RunContext) -> None:
        self.lfs = LabelingFunctionSet.load(self._source())

    def _source(self) -> str | Path | list[dict[str, Any]]:
        f = self.params.functions
        return Path(f) if isinstance(f, str) else f

    def fingerprint_params(self) -> dict[str, Any]:
        # the functions' definitions (and dictionary files by hash), not just a file name
        lfs = LabelingFunctionSet.load(self._source())
        params = self.params.model_dump(mode="json")
        params["functions"] = lfs.describe()
        return params

    def process(self, batches: Iterable[pa.RecordBatch], ctx: RunContext) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            yield self.process_batch(batch, ctx)
        report = self.lfs.stats.report()
        ctx.reports["weak_labels"] = report
        for fname, st in report["functions"].items():
            ctx.stat(self.name, f"coverage.{fname}", st["coverage"], add=False)

    def process_batch(self, batch: pa.RecordBatch, ctx: RunContext) -> pa.RecordBatch:
        rows = batch.to_pylist()
        emit_spans = self.params.emit in ("spans", "both")
        emit_labels = self.params.emit in ("labels", "both")
        for row in rows:
            outputs = self.lfs.apply(row["text"], row)
            spans, labels = combine(outputs, drop_conflicts=self.params.conflicts == "drop")
            existing = row.get("spans") or []
            if self.params.replace:
                existing = [s for s in existing if not (s.get("source") or "").startswith("lf:")]
            if emit_spans:
                have = {(s["start"], s["end"], s["label"]) for s in existing}
                existing += [{"start": s, "end": e, "label": lab, "source": f"lf:{fn}"}
                             for s, e, lab, fn in spans if (s, e, lab) not in have]
                ctx.stat(self.name, "spans_added", len(spans))
            row["spans"] = existing
            if emit_labels:
                row["labels"] = list(dict.fromkeys((row.get("labels") or []) + labels))
            ctx.stat(self.name, "records_labelled", int(bool(spans or labels)))
        return records.to_batch(rows)
