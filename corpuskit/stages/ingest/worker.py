"""What a reader worker does with a task (a few files, or a chunk of rows of one file): read,
normalise, detect, segment and sign each document, and hand back one Arrow batch.

String work (decoding, normalisation, segmentation) runs document by document. The numeric steps
(script counts for the language, MinHash for near-duplicates) run once over all of a task's
documents: a numpy or rensa call costs microseconds however much it is given, so a task of 32
files pays it once instead of 32 times. Records leave as one Arrow batch built column by column,
which costs the main process a few microseconds a record to receive instead of unpickling dicts
and converting them row by row.

Runs in a worker process; everything here is picklable and free of the run context. The main
process does the parts that need the whole stream: dedup, quarantine bookkeeping and batching.
"""

from __future__ import annotations

import hashlib
import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from corpuskit.minhash import lsh_params
from corpuskit.records import DOMAINS, LANGS, batch_from_columns, dump_meta, stable_id
from corpuskit.stages.ingest import dedup, segment
from corpuskit.stages.ingest.classify import KeywordTables, domain_from_path
from corpuskit.stages.ingest.config import IngestParams, InputSpec
from corpuskit.stages.ingest.langdetect import LangGuess, detect_langs
from corpuskit.stages.ingest.normalize import normalize_text
from corpuskit.stages.ingest.readers.base import RawDoc, ReadProblem, reader_for


@dataclass
class FileInfo:
    index: int  # position of the file in the run, for ordering and accounting
    path: str  # absolute, read by the worker
    key: str
    source_path: str  # what `source.path` says
    spec_index: int  # which of the run's inputs it belongs to (workers hold the specs: not pickled per file)
    fmt: str
    sha256: str | None = None


@dataclass
class Task:
    """Whole files for a worker to read (several small ones per task: fewer round trips), or a
    chunk of rows of one file that the main process read (`rows` not None)."""

    files: list[FileInfo]
    rows: list[RawDoc | ReadProblem] | None = None
    last: bool = True


@dataclass
class Problem:
    reason: str
    locator: str = ""
    line: int | None = None
    page: int | None = None


@dataclass
class FileResult:
    """One file's part of a task: its accounting, and how many of the task's dedup units are its
    (units follow each other file by file)."""

    file: FileInfo
    last: bool
    problems: list[Problem] = field(default_factory=list)
    docs_in: int = 0
    encoding: str | None = None
    units: int = 0


@dataclass
class TaskOutput:
    """A task's records and what dedup decides on: a unit is a document (or one record in
    record-level mode); its records are `unit_rows[i]` consecutive rows of `batch`."""

    files: list[FileResult]
    batch: pa.RecordBatch | None = None
    unit_ids: list[str] = field(default_factory=list)
    unit_rows: list[int] = field(default_factory=list)
    digests: list[int] = field(default_factory=list)
    bands: list[list[int]] = field(default_factory=list)


_PARAMS: IngestParams | None = None
_SPECS: list[InputSpec] = []
_KEYWORDS = KeywordTables()  # the built-in lists until init_worker reads the params

# record columns, in the order `_Doc.rows` fills them
_COLUMNS = ("id", "text", "lang", "domain", "doc_type", "meta", "labels", "group_id")
_SOURCE = ("path", "sha256", "encoding", "page", "line", "offset", "section")


def init_worker(params: dict[str, Any], specs: list[dict[str, Any]]) -> None:
    """Process-pool initializer: params and input specs travel once, not with every task."""
    global _PARAMS, _SPECS, _KEYWORDS
    _PARAMS = IngestParams.model_validate(params)
    _SPECS = [InputSpec.model_validate(s) for s in specs]
    _KEYWORDS = KeywordTables(_PARAMS.domain_keywords, _PARAMS.doc_type_keywords)


@dataclass
class _Doc:
    raw: RawDoc
    text: str  # normalised
    page_starts: list[tuple[int, int]]  # PDFs: (offset, page) where each page starts
    order: int  # position among the file's items, so problems found later keep their place


@dataclass
class _FileWork:
    result: FileResult
    docs: list[_Doc] = field(default_factory=list)
    problems: list[tuple[int, Problem]] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)
    units: list[tuple[str, int, str]] = field(default_factory=list)  # (unit id, rows, text)


def run_task(task: Task) -> TaskOutput:
    assert _PARAMS is not None, "init_worker was not called"
    params = _PARAMS
    if task.rows is not None:
        work = [_read(task.files[0], task.rows, task.last, params)]
    else:
        work = [_read(fi, None, True, params) for fi in task.files]
    docs = [d for w in work for d in w.docs]
    guesses = iter(detect_langs([d.text for d in docs], params.mixed_lang_threshold))
    for w in work:
        file_guesses = [next(guesses) for _ in w.docs]
        _guarded(w, lambda w=w, g=file_guesses: _describe_file(w, g, params))
    return _output(work, params)


def _guarded(w: _FileWork, step: Any) -> None:
    """Run one step of one file; an exception in it must not end the build. The file keeps the
    problems found so far, loses its records, and gets a reason that names the failure only."""
    try:
        step()
    except Exception as exc:
        w.problems.append((1 << 62, Problem(failure_reason(exc))))
        w.docs.clear()
        w.rows.clear()
        w.units.clear()


def failure_reason(exc: Exception) -> str:
    """What a reader's crash is recorded as: the exception's type and where it was raised, never its
    message (it can quote the file's text)."""
    last_frame = traceback.extract_tb(exc.__traceback__)[-1]
    return f"reader error: {type(exc).__name__} at {Path(last_frame.filename).name}:{last_frame.lineno}"


def _read(
    fi: FileInfo, rows: list[RawDoc | ReadProblem] | None, last: bool, params: IngestParams
) -> _FileWork:
    w = _FileWork(FileResult(fi, last))

    def read() -> None:
        items = rows
        if items is None:
            data = Path(fi.path).read_bytes()
            fi.sha256 = hashlib.sha256(data).hexdigest()
            reader = reader_for(Path(fi.path), _SPECS[fi.spec_index].reader)
            items = list(reader.read(Path(fi.path), _SPECS[fi.spec_index], params, data))
        for order, item in enumerate(items):
            if isinstance(item, ReadProblem):
                w.problems.append((order, Problem(item.reason, item.locator, item.line, item.page)))
                continue
            w.result.docs_in += 1
            text, page_starts = _doc_text(item, params)
            if not text:
                w.problems.append((order, Problem("empty", item.locator, item.line, item.page)))
                continue
            w.docs.append(_Doc(item, text, page_starts, order))

    _guarded(w, read)
    return w


def _doc_text(raw: RawDoc, params: IngestParams) -> tuple[str, list[tuple[int, int]]]:
    """Normalised text, and for PDFs the (offset, page) where each page starts."""
    if raw.pages is None:
        return normalize_text(raw.text, params.normalize), []
    parts, starts, pos = [], [], 0
    for page, text in raw.pages:
        norm = normalize_text(text, params.normalize)
        if not norm:
            continue
        starts.append((pos, page))
        parts.append(norm)
        pos += len(norm) + 2
    return "\n\n".join(parts), starts


def _path_fields(spec: InputSpec, key: str) -> dict[str, str]:
    if not spec.path_pattern:
        return {}
    m = re.search(spec.path_pattern, key)
    return {k: v for k, v in m.groupdict().items() if v} if m else {}


def _norm_lang(value: str | None) -> str | None:
    if not value:
        return None
    v = value.lower()
    return next(
        (lang for lang in LANGS if v == lang or v.startswith(lang + "-") or v.startswith(lang + "_")), None
    )


def _describe_file(w: _FileWork, guesses: list[LangGuess], params: IngestParams) -> None:
    fi = w.result.file
    spec = _SPECS[fi.spec_index]
    from_path = _path_fields(spec, fi.key)
    folder = domain_from_path(fi.key) or domain_from_path(fi.source_path)
    for doc, guess in zip(w.docs, guesses):
        if not _describe(w, doc, guess, spec, from_path, folder, params):
            w.problems.append((doc.order, Problem("empty", doc.raw.locator, doc.raw.line, doc.raw.page)))
        elif w.result.encoding is None:
            w.result.encoding = doc.raw.encoding


def _first(*candidates: tuple[Any, str]) -> tuple[Any, str]:
    return next((v, s) for v, s in candidates if v)


def _describe(
    w: _FileWork,
    doc: _Doc,
    guess: LangGuess,
    spec: InputSpec,
    from_path: dict[str, str],
    folder: str | None,
    params: IngestParams,
) -> bool:
    """One document → its records (segments) in `w.rows`, with language, domain, doc_type, group and
    its dedup unit(s) in `w.units`. False when it has no text to make a record of."""
    raw, text, fi = doc.raw, doc.text, w.result.file
    sha = fi.sha256 or ""
    lang, lang_source = _first(
        (spec.lang, "config"),
        (_norm_lang(raw.lang), "field"),
        (_norm_lang(from_path.get("lang")), "path_pattern"),
        (guess.lang, "detected"),
        (params.default_lang, "default"),
    )
    given = next(
        (
            (v, s)
            for v, s in (
                (spec.domain, "config"),
                (raw.domain, "field"),
                (from_path.get("domain"), "path_pattern"),
                (folder, "folder"),
            )
            if v in DOMAINS
        ),
        None,
    )
    detected = None if given or not params.classify_domain else _KEYWORDS.domain(text)  # only when needed
    domain, domain_source = given or (
        (detected, "keywords") if detected in DOMAINS else ("general", "default")
    )
    doc_type = spec.doc_type or raw.doc_type or from_path.get("doc_type") or _KEYWORDS.doc_type(text)
    doc_id = stable_id(sha, raw.locator, length=15)
    group_id = raw.group_id or from_path.get("group_id") or spec.group_id or doc_id
    headings = [normalize_text(h, params.normalize) for h in raw.headings]
    segments = segment.segment(
        text, params.granularity, domain=domain, max_tokens=params.max_tokens, headings=headings
    )
    if not segments:
        return False
    base_meta = {
        **raw.meta,
        "doc_id": doc_id,
        "format": fi.fmt,
        "mixed": guess.mixed,
        "zh_share": guess.zh_share,
        "lang_source": lang_source,
        "domain_source": domain_source,
    }
    if params.granularity == "document":
        base_meta["sections"] = segment.section_headings(text, domain, headings)
    chunk_size = params.max_tokens if params.granularity == "chunk" else ""
    labels = list(raw.labels)
    record_level = params.dedup.level == "record"
    for i, seg in enumerate(segments):
        page = raw.page
        for start, p in doc.page_starts:
            if start <= seg.offset:
                page = p
        meta = {**base_meta, "segment": i, "segments": len(segments)}
        if seg.section:
            meta["section"] = seg.section
        record_id = stable_id(sha, raw.locator, params.granularity, chunk_size, i)
        line = raw.line if raw.line is not None else seg.line
        w.rows.append(
            (
                record_id,
                seg.text,
                lang,
                domain,
                doc_type,
                dump_meta(meta),  # JSON here, in the worker, not in the main process
                labels,
                group_id,
                (fi.source_path, sha, raw.encoding, page, line, seg.offset, seg.section),
            )
        )
        if record_level:
            w.units.append((record_id, 1, seg.text))
    if not record_level:
        w.units.append((doc_id, len(segments), text))
    return True


def _output(work: list[_FileWork], params: IngestParams) -> TaskOutput:
    out = TaskOutput([w.result for w in work])
    for w in work:
        w.result.problems = [p for _, p in sorted(w.problems, key=lambda item: item[0])]
        w.result.units = len(w.units)
    units = [u for w in work for u in w.units]
    rows = [r for w in work for r in w.rows]
    if not rows:
        return out
    out.unit_ids = [u[0] for u in units]
    out.unit_rows = [u[1] for u in units]
    out.digests = [dedup.text_digest(u[2]) for u in units]
    d = params.dedup
    if d.near:
        bands, band_rows = lsh_params(d.threshold, d.num_perm)  # cached after the first
        out.bands = dedup.band_keys_many([u[2] for u in units], d.num_perm, bands, band_rows, d.shingle_chars)
    else:
        out.bands = [[] for _ in units]
    columns: dict[str, Any] = dict(zip(_COLUMNS, map(list, zip(*(r[:8] for r in rows)))))
    columns["source"] = dict(zip(_SOURCE, map(list, zip(*(r[8] for r in rows)))))
    out.batch = batch_from_columns(columns, len(rows))
    return out
