"""The record contract: one Arrow schema that every stage reads and writes.

`schemas/record.schema.json` says the same thing for readers without Python;
`tests/test_records.py` keeps the two in step.

Offsets in `spans` are Python code-point offsets with an exclusive end, so
`text[start:end]` is the span's text (Arrow's `utf8_length` counts the same way).
`meta` is a JSON object serialised as a string: free-form keys do not fit one
fixed Arrow type, and a string round-trips through `datasets` unchanged.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

LANGS = ("zh", "en")
DOMAINS = ("medical", "legal", "finance", "general")
SPLITS = ("train", "validation", "test", "adversarial_test")

SPAN_TYPE = pa.struct(
    [
        pa.field("start", pa.int32(), nullable=False),
        pa.field("end", pa.int32(), nullable=False),
        pa.field("label", pa.string(), nullable=False),
        # who made the span: "gold", "deid", "annotator:<id>", "lf:<name>", "model:<name>"
        pa.field("source", pa.string()),
    ]
)

SOURCE_TYPE = pa.struct(
    [
        pa.field("path", pa.string()),
        pa.field("sha256", pa.string()),
        pa.field("encoding", pa.string()),
        pa.field("page", pa.int32()),
        pa.field("line", pa.int64()),
        pa.field("offset", pa.int64()),
        pa.field("section", pa.string()),
    ]
)

TRANSFORM_TYPE = pa.struct(
    [
        pa.field("name", pa.string()),
        pa.field("params", pa.string()),  # canonical JSON
        # "label_preserving" | "entity_aware" | "adversarial"
        pa.field("kind", pa.string()),
    ]
)

DEID_TYPE = pa.struct(
    [
        pa.field("applied", pa.bool_()),
        pa.field("engine", pa.string()),
        # JSON object {entity_type: count}: audit without raw values
        pa.field("entity_counts", pa.string()),
    ]
)

RECORD_SCHEMA = pa.schema(
    [
        pa.field("id", pa.string(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("lang", pa.string()),
        pa.field("domain", pa.string()),
        pa.field("doc_type", pa.string()),
        pa.field("source", SOURCE_TYPE),
        pa.field("meta", pa.string()),
        pa.field("spans", pa.list_(SPAN_TYPE)),
        pa.field("labels", pa.list_(pa.string())),
        pa.field("group_id", pa.string()),
        pa.field("dup_cluster", pa.string()),
        pa.field("parent_id", pa.string()),
        pa.field("transform", TRANSFORM_TYPE),
        pa.field("deid", DEID_TYPE),
        pa.field("split", pa.string()),
    ]
)

COLUMNS = tuple(RECORD_SCHEMA.names)

# Fields whose presence a stage can promise (`produces`) or need (`requires`).
# `id` and `text` exist from the first stage on.
INTRINSIC_FIELDS = frozenset({"id", "text"})


def stable_id(*parts: object, length: int = 20) -> str:
    """A record id that is the same in every process and on every machine."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


def dump_meta(meta: Mapping[str, Any] | None) -> str:
    return json.dumps(dict(meta or {}), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def load_meta(meta: str | None) -> dict[str, Any]:
    return json.loads(meta) if meta else {}


def new_record(id: str, text: str, **fields: Any) -> dict[str, Any]:
    """A record dict with every contract column present (missing ones None/empty)."""
    rec: dict[str, Any] = {name: None for name in COLUMNS}
    rec.update(id=id, text=text, spans=[], labels=[], meta="{}")
    for key, value in fields.items():
        if key not in rec:
            raise KeyError(f"'{key}' is not a record field; fields: {', '.join(COLUMNS)}")
        rec[key] = dump_meta(value) if key == "meta" and not isinstance(value, str) else value
    return rec


def to_batch(records: Iterable[Mapping[str, Any]]) -> pa.RecordBatch:
    """Record dicts → a RecordBatch with the contract schema (missing keys become null)."""
    rows = [{name: r.get(name) for name in COLUMNS} for r in records]
    for row in rows:
        if row["spans"] is None:
            row["spans"] = []
        if row["labels"] is None:
            row["labels"] = []
        if isinstance(row["meta"], Mapping):
            row["meta"] = dump_meta(row["meta"])
    return pa.RecordBatch.from_pylist(rows, schema=RECORD_SCHEMA)


def batch_from_columns(columns: Mapping[str, Any], num_rows: int) -> pa.RecordBatch:
    """A contract batch from column lists: `{"id": [...], "source": {"path": [...], ...}, ...}`.
    Columns not given are null (`spans` and `labels`: empty lists). Column by column: a few µs a
    record, where `to_batch` (dicts, row by row) costs tens."""
    arrays = []
    for f in RECORD_SCHEMA:
        values = columns.get(f.name)
        if values is None and f.name in ("spans", "labels"):
            offsets = pa.array([0] * (num_rows + 1), pa.int32())
            arrays.append(pa.ListArray.from_arrays(offsets, pa.array([], f.type.value_type), type=f.type))
        elif values is None:
            arrays.append(pa.nulls(num_rows, f.type))
        elif isinstance(values, Mapping):  # a struct column, by its children
            children = [pa.array(values.get(c.name, [None] * num_rows), c.type) for c in f.type]
            arrays.append(pa.StructArray.from_arrays(children, fields=list(f.type)))
        else:
            arrays.append(pa.array(values, f.type))
    return pa.RecordBatch.from_arrays(arrays, schema=RECORD_SCHEMA)


def conform(batch: pa.RecordBatch | pa.Table) -> pa.RecordBatch:
    """Cast a batch to the contract schema: column order, types, missing columns as null.

    Raises `ContractError` naming the offending column when a column cannot be cast.
    """
    if isinstance(batch, pa.Table):
        batch = batch.combine_chunks().to_batches()[0] if batch.num_rows else _empty_batch()
    extra = set(batch.schema.names) - set(COLUMNS)
    if extra:
        raise ContractError(f"columns not in the record contract: {sorted(extra)}")
    arrays = []
    for field in RECORD_SCHEMA:
        if field.name in batch.schema.names:
            col = batch.column(field.name)
            if col.type != field.type:
                try:
                    col = col.cast(field.type)
                except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
                    raise ContractError(
                        f"column '{field.name}' has type {col.type}, expected {field.type}"
                    ) from exc
        else:
            col = pa.nulls(batch.num_rows, field.type)
        arrays.append(col)
    return pa.RecordBatch.from_arrays(arrays, schema=RECORD_SCHEMA)


def _empty_batch() -> pa.RecordBatch:
    return pa.RecordBatch.from_pylist([], schema=RECORD_SCHEMA)


class ContractError(ValueError):
    """A batch or record does not follow the record contract."""


@dataclass(frozen=True)
class Violation:
    """Why one record was refused at a stage boundary. Never carries record text."""

    record_id: str | None
    reason: str


def validate_batch(batch: pa.RecordBatch) -> tuple[pa.RecordBatch, list[Violation]]:
    """Split a conforming batch into the records that keep the contract and the ones that do not.

    Checks are vectorised where Arrow allows; the span bounds check uses Arrow's
    code-point lengths so it agrees with Python slicing.
    """
    n = batch.num_rows
    if n == 0:
        return batch, []
    reasons: list[list[str]] = [[] for _ in range(n)]

    def flag(mask: pa.Array, reason: str) -> None:
        for i in pc.indices_nonzero(pc.fill_null(mask, True)).to_pylist():
            reasons[i].append(reason)

    ids = batch.column("id")
    text = batch.column("text")
    flag(pc.is_null(ids), "missing id")
    flag(pc.equal(pc.utf8_length(pc.fill_null(ids, "")), 0), "empty id")
    flag(pc.is_null(text), "missing text")
    flag(pc.equal(pc.utf8_length(pc.fill_null(text, "")), 0), "empty text")
    lang = batch.column("lang")
    flag(pc.and_(pc.is_valid(lang), pc.invert(pc.is_in(lang, pa.array(LANGS)))), f"lang not in {LANGS}")
    domain = batch.column("domain")
    flag(
        pc.and_(pc.is_valid(domain), pc.invert(pc.is_in(domain, pa.array(DOMAINS)))),
        f"domain not in {DOMAINS}",
    )
    split = batch.column("split")
    flag(pc.and_(pc.is_valid(split), pc.invert(pc.is_in(split, pa.array(SPLITS)))), f"split not in {SPLITS}")

    spans = batch.column("spans")
    if pc.sum(pc.list_value_length(pc.fill_null(spans, pa.scalar([], spans.type)))).as_py():
        flat = pc.list_flatten(spans)
        owner = pc.list_parent_indices(spans)
        lengths = pc.take(pc.fill_null(pc.utf8_length(text), 0), owner)
        start, end = flat.field("start"), flat.field("end")
        bad = pc.or_(pc.less(start, 0), pc.less_equal(end, start))
        for i in pc.indices_nonzero(pc.fill_null(bad, True)).to_pylist():
            reasons[owner[i].as_py()].append("span with start < 0 or end <= start")
        past = pc.greater(end, lengths)
        for i in pc.indices_nonzero(pc.fill_null(past, False)).to_pylist():
            reasons[owner[i].as_py()].append("span ends past the text")
        nolabel = pc.equal(pc.utf8_length(pc.fill_null(flat.field("label"), "")), 0)
        for i in pc.indices_nonzero(nolabel).to_pylist():
            reasons[owner[i].as_py()].append("span without label")

    meta = batch.column("meta").to_pylist()
    for i, m in enumerate(meta):
        if m is None:
            continue
        try:
            if not isinstance(json.loads(m), dict):
                reasons[i].append("meta is not a JSON object")
        except ValueError:
            reasons[i].append("meta is not valid JSON")

    seen: set[str] = set()
    for i, rid in enumerate(ids.to_pylist()):
        if rid is None:
            continue
        if rid in seen:
            reasons[i].append("duplicate id in batch")
        seen.add(rid)

    bad_rows = [i for i, r in enumerate(reasons) if r]
    if not bad_rows:
        return batch, []
    keep = pa.array([not r for r in reasons])
    violations = [Violation(ids[i].as_py(), "; ".join(dict.fromkeys(reasons[i]))) for i in bad_rows]
    return batch.filter(keep), violations
