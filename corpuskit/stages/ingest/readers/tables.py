"""Readers for many-record files: JSONL, JSON, CSV/TSV, Parquet, with a field mapping.

They stream: rows are yielded one at a time from the main process, so a
million-row export never sits in memory. A bad row is quarantined with its
line or row number; the other rows go on.
"""

from __future__ import annotations

import codecs
import csv
import json
import os
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

    UTF-8 files (with or without BOM) stream through ijson (yajl, in C): each record is yielded as
    the parser reaches it, so a multi-GB export of one list never sits in memory, and the records
    before a corrupt spot are kept (the file gets a `corrupt JSON` entry, like a bad JSONL line).
    Other encodings (UTF-16, GBK) and a file that is one single record are parsed whole, so those
    are held to `max_file_mb`. Locators are `index:N` either way, so record ids do not depend on
    which path read the file.
    """

    name = "json.v1"
    extensions = (".json",)
    streaming = True

    def read(self, path: Path, spec: Any, params: Any, data: bytes = b"") -> Iterator[RawDoc | ReadProblem]:
        limit = params.max_file_mb * 1024 * 1024
        with open(path, "rb") as fh:
            head = fh.read(1 << 16)
            start = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
            if _utf8_json(head[start:], spec.encoding):
                fh.seek(start)
                yield from self._stream(fh, spec, limit, "utf-8-sig" if start else "utf-8")
                return
            if path.stat().st_size > limit:
                yield ReadProblem(
                    f"over size limit: a JSON file that is not UTF-8 is read whole (> {params.max_file_mb:g} MB)"
                )
                return
            data = head + fh.read()
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
            yield _json_row(row, i, spec, decoded.encoding)

    def _stream(self, fh: Any, spec: Any, limit: float, encoding: str) -> Iterator[RawDoc | ReadProblem]:
        import ijson

        prefix = ".".join(filter(None, spec.json_records.split(".")))
        origin = fh.tell()
        try:  # what is at the prefix: a list of records, one record, or nothing
            kind = next((event for at, event, _ in ijson.parse(fh) if at == prefix), None)
        except Exception as exc:  # yajl's errors are its own classes (and decode errors)
            yield ReadProblem(f"corrupt JSON: {_json_error(exc)}")
            return
        fh.seek(origin)
        if kind == "start_map" and os.fstat(fh.fileno()).st_size > limit:
            yield ReadProblem("over size limit: a JSON file that is one record is read whole")
            return
        if kind == "start_map":  # one record
            items = ijson.items(fh, prefix, use_float=True)
        elif kind == "start_array":
            items = ijson.items(fh, f"{prefix}.item" if prefix else "item", use_float=True)
        else:
            yield ReadProblem(f"no list of records at json_records: '{spec.json_records}'")
            return
        i = -1
        try:
            for i, row in enumerate(items):
                yield _json_row(row, i, spec, encoding)
        except Exception as exc:
            where = f"after index {i}" if i >= 0 else "before the first record"
            yield ReadProblem(f"corrupt JSON: {where} ({_json_error(exc)})", locator=f"index:{i + 1}")


def _utf8_json(head: bytes, forced: str | None) -> bool:
    """Whether a JSON file can stream: UTF-8 (as far as its first 64 KB show) and not told otherwise."""
    if forced and codecs.lookup(forced).name not in ("utf-8", "utf-8-sig"):
        return False
    if not head or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
        return False
    try:  # final=False: a character cut by the 64 KB boundary is fine
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _json_error(exc: Exception) -> str:
    """The kind of parse error, never the text around it (it can hold record text)."""
    return "not valid UTF-8" if isinstance(exc, UnicodeDecodeError) else type(exc).__name__


def _json_row(row: Any, i: int, spec: Any, encoding: str | None) -> RawDoc | ReadProblem:
    if not isinstance(row, dict):
        return ReadProblem(f"malformed JSON record: index {i} is not an object", locator=f"index:{i}")
    return row_to_doc(row, spec, f"index:{i}", None, encoding)


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
