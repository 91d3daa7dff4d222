"""Counts per split, language, domain and label, accumulated batch by batch."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from corpuskit.records import SPLITS


def split_order(name: str) -> tuple[int, str]:
    """train, validation, test, adversarial_test, then any other split by name."""
    order = {s: i for i, s in enumerate(SPLITS)}
    return (order.get(name, len(order)), name)


class Counts:
    def __init__(self) -> None:
        self.records: Counter[str] = Counter()
        self.by: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))

    def add(self, batch: pa.RecordBatch) -> None:
        if batch.num_rows == 0:
            return
        split = batch.column("split")[0].as_py() or "train"
        self.records[split] += batch.num_rows
        for column in ("lang", "domain", "doc_type"):
            for value, n in _value_counts(batch.column(column)).items():
                self.by[column][split][value] += n
        labels = pc.list_flatten(batch.column("labels"))
        for value, n in _value_counts(labels).items():
            self.by["label"][split][value] += n
        spans = pc.list_flatten(batch.column("spans"))
        if len(spans):
            for value, n in _value_counts(spans.field("label")).items():
                self.by["span_label"][split][value] += n

    def to_json(self) -> dict[str, Any]:
        return {
            "records": {k: self.records[k] for k in sorted(self.records, key=split_order)},
            "total": sum(self.records.values()),
            **{
                f"by_{key}": {split: dict(sorted(c.items())) for split, c in sorted(per_split.items(), key=lambda kv: split_order(kv[0]))}
                for key, per_split in sorted(self.by.items())
            },
        }


def _value_counts(array: pa.Array) -> dict[str, int]:
    if len(array) == 0:
        return {}
    out = {}
    for item in pc.value_counts(array).to_pylist():
        key = item["values"]
        out["<none>" if key is None else str(key)] = item["counts"]
    return out
