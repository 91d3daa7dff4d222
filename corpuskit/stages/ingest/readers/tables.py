"""Readers for many-record files: JSONL, JSON, CSV/TSV, Parquet, with a field mapping.

They stream: rows are yielded one at a time from the main process, so a
million-row export never sits in memory. A bad row is quarantined with its
line or row number; the other rows go on.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from corpuskit.stages.ingest.encoding import DecodeError, decode
from corpuskit.stages.ingest.readers.base import RawDoc, Reader, ReadProblem


def row_to_doc(
    row: Mapping[str, Any], spec: Any, locator: str, line: int | None, encoding: str | None = None
) -> RawDoc | ReadProblem:
    """Map one row through the input's `fields:` mapping."""
    fm = spec.fields
    if fm.text not in row or row[fm.text] is None:
        return ReadProblem(f"missing text field: '{fm.text}'", locator=locator, line=line)
    text = row[fm.text]
    if not isinstance(text, str):
        return ReadProblem(f"text field is not a string: '{fm.text}'", locator=locator, line=line)

    def get(name: str | None) -> Any:
        if not name:
            return None
        value = row.get(name)
        return None if value in ("", None) else value

    labels = get(fm.label)
    labels = (
        [str(x) for x in labels]
        if isinstance(labels, list)
        else ([str(labels)] if labels is not None else [])
    )
    meta = {k: row.get(k) for k in fm.meta if k in row}
    if get(fm.date) is not None:
        meta["date"] = str(get(fm.date))
    rid = get(fm.id)
    if rid is not None:
        meta["source_id"] = str(rid)
    return RawDoc(
        text,
        encoding=encoding,
        line=line,
        locator=locator,
        id=str(rid) if rid is not None else None,
        group_id=_str(get(fm.group)),
        doc_type=_str(get(fm.doc_type)),
        lang=_str(get(fm.lang)),
        domain=_str(get(fm.domain)),
        labels=labels,
        meta=meta,
    )


def _str(v: Any) -> str | None:
    return None if v is None else str(v)


class JsonlReader(Reader):
    """One JSON object per line (UTF-8, BOM tolerated). Blank lines are skipped."""

    name = "jsonl.v1"
    extensions = (".jsonl", ".ndjson")
    streaming = True

    def read(self, path: Path, spec: Any, params: Any, data: bytes = b"") -> Iterator[RawDoc | ReadProblem]:
        encoding = spec.encoding or "utf-8"
        with open(path, "rb") as fh:
            for n, raw in enumerate(fh, start=1):
                loc = f"line:{n}"
                try:
                    line = raw.decode(encoding)
                except UnicodeDecodeError:
                    yield ReadProblem(f"undecodable: line {n}", locator=loc, line=n)
                    continue
                if n == 1:
                    line = line.lstrip("\ufeff")
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except ValueError:
                    yield ReadProblem(f"malformed JSONL: line {n}", locator=loc, line=n)
                    continue
                if not isinstance(row, dict):
                    yield ReadProblem(f"malformed JSONL: line {n} is not an object", locator=loc, line=n)
                    continue
                yield row_to_doc(row, spec, loc, n, encoding)


class JsonReader(Reader):
    """A JSON file holding a list of records (at the top, or under `json_records: a.b`), or one record.
    Parsed whole, so it is held to `max_file_mb`."""

    name = "json.v1"
    extensions = (".json",)

    def read(self, path: Path, spec: Any, params: Any, data: bytes = b"") -> Iterator[RawDoc | ReadProblem]:
        try:
            decoded = decode(data, spec.encoding)
            obj = json.loads(decoded.text)
        except DecodeError as exc:
            yield ReadProblem(str(exc))
            return
        except ValueError as exc:
            yield ReadProblem(f"corrupt JSON: line {getattr(exc, 'lineno', '?')}")
            return
        for key in filter(None, spec.json_records.split(".")):
            obj = obj.get(key) if isinstance(obj, dict) else None
        if isinstance(obj, dict):
            obj = [obj]
        if not isinstance(obj, list):
            yield ReadProblem(f"no list of records at json_records: '{spec.json_records}'")
            return
        for i, row in enumerate(obj):
            if not isinstance(row, dict):
                yield ReadProblem(f"malformed JSON record: index {i} is not an object", locator=f"index:{i}")
                continue
            yield row_to_doc(row, spec, f"index:{i}", None, decoded.encoding)


class CsvReader(Reader):
    """CSV with a header row; encoding detected from the first 64 KB unless given."""

    name = "csv.v1"
    extensions = (".csv",)
    streaming = True
    delimiter = ","

    def read(self, path: Path, spec: Any, params: Any, data: bytes = b"") -> Iterator[RawDoc | ReadProblem]:
        with open(path, "rb") as fh:
            head = fh.read(65536)
        try:
            encoding = decode(head, spec.encoding).encoding if head else "utf-8"
        except DecodeError as exc:
            if exc.reason != "undecodable" or len(head) < 65536:
                yield ReadProblem(str(exc))
                return
            encoding = "utf-8"  # a multi-byte character cut at 64 KB; rows will tell
        csv.field_size_limit(1 << 30)
        with open(path, encoding=encoding, newline="") as fh:
            reader = csv.DictReader(fh, delimiter=spec.delimiter or self.delimiter)
            try:
                header = reader.fieldnames or []
            except (UnicodeDecodeError, csv.Error):
                yield ReadProblem("undecodable: header")
                return
            if spec.fields.text not in header:
                yield ReadProblem(f"missing text field: '{spec.fields.text}'")
                return
            n = 0
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except (UnicodeDecodeError, csv.Error) as exc:
                    yield ReadProblem(
                        f"malformed CSV: row {n + 1} ({type(exc).__name__})", locator=f"row:{n + 1}"
                    )
                    break  # the reader cannot resynchronise after a decode error
                n += 1
                yield row_to_doc(row, spec, f"row:{n}", reader.line_num, encoding)


class TsvReader(CsvReader):
    name = "tsv.v1"
    extensions = (".tsv", ".tab")
    delimiter = "\t"


class ParquetReader(Reader):
    """Parquet read in record batches (pyarrow), only the mapped columns."""

    name = "parquet.v1"
    extensions = (".parquet", ".pq")
    streaming = True

    def read(self, path: Path, spec: Any, params: Any, data: bytes = b"") -> Iterator[RawDoc | ReadProblem]:
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            pf = pq.ParquetFile(path)
        except (pa.ArrowInvalid, OSError) as exc:
            yield ReadProblem(f"corrupt parquet: {type(exc).__name__}")
            return
        names = set(pf.schema_arrow.names)
        if spec.fields.text not in names:
            yield ReadProblem(f"missing text field: '{spec.fields.text}'")
            return
        fm = spec.fields
        wanted = [
            c
            for c in [fm.text, fm.id, fm.group, fm.label, fm.date, fm.doc_type, fm.lang, fm.domain, *fm.meta]
            if c and c in names
        ]
        n = 0
        try:
            for batch in pf.iter_batches(batch_size=1024, columns=list(dict.fromkeys(wanted))):
                for row in batch.to_pylist():
                    n += 1
                    yield row_to_doc(row, spec, f"row:{n}", None)
        except (pa.ArrowInvalid, OSError) as exc:
            yield ReadProblem(f"corrupt parquet: row {n + 1} ({type(exc).__name__})", locator=f"row:{n + 1}")
