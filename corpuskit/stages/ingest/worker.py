"""What a reader worker does with one file (or a chunk of rows): read, normalise, detect, segment, sign.

Runs in a worker process; everything here is picklable and free of the run
context. The main process does the parts that need the whole stream: dedup,
quarantine bookkeeping and batching.
"""

from __future__ import annotations

import hashlib
import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpuskit.minhash import lsh_params
from corpuskit.records import DOMAINS, LANGS, dump_meta, stable_id
from corpuskit.stages.ingest import classify, dedup, segment
from corpuskit.stages.ingest.config import IngestParams, InputSpec
from corpuskit.stages.ingest.langdetect import detect_lang
from corpuskit.stages.ingest.normalize import normalize_text
from corpuskit.stages.ingest.readers.base import RawDoc, ReadProblem, reader_for


@dataclass
class FileInfo:
    index: int  # position of the file in the run, for ordering and accounting
    path: str  # absolute, read by the worker
    key: str
    source_path: str  # what `source.path` says
    spec: InputSpec
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
class Unit:
    """What dedup decides on: a document (or one record in record-level mode) and its records."""

    doc_id: str
    digest: int
    bands: list[int]
    records: list[dict[str, Any]]


@dataclass
class Problem:
    reason: str
    locator: str = ""
    line: int | None = None
    page: int | None = None


@dataclass
class TaskResult:
    file: FileInfo
    last: bool
    units: list[Unit] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    docs_in: int = 0
    encoding: str | None = None


_PARAMS: IngestParams | None = None


def init_worker(params: dict[str, Any]) -> None:
    """Process-pool initializer: params travel once, not with every task."""
    global _PARAMS
    _PARAMS = IngestParams.model_validate(params)


def run_task(task: Task) -> list[TaskResult]:
    assert _PARAMS is not None, "init_worker was not called"
    if task.rows is not None:
        return [_run(task.files[0], task.rows, task.last)]
    return [_run(fi, None, True) for fi in task.files]


def _run(fi: FileInfo, rows: list[RawDoc | ReadProblem] | None, last: bool) -> TaskResult:
    result = TaskResult(fi, last)
    try:
        if rows is None:
            data = Path(fi.path).read_bytes()
            fi.sha256 = hashlib.sha256(data).hexdigest()
            reader = reader_for(Path(fi.path), fi.spec.reader)
            rows = list(reader.read(Path(fi.path), fi.spec, _PARAMS, data))
        for item in rows:
            if isinstance(item, ReadProblem):
                result.problems.append(Problem(item.reason, item.locator, item.line, item.page))
                continue
            result.docs_in += 1
            out = make_units(item, fi, _PARAMS)
            if isinstance(out, Problem):
                result.problems.append(out)
            else:
                result.units += out
                result.encoding = result.encoding or item.encoding
    except Exception as exc:  # one strange file must not end the build; the reason names the failure only
        last_frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(last_frame.filename).name}:{last_frame.lineno}"
        result.problems.append(Problem(f"reader error: {type(exc).__name__} at {where}"))
        result.units.clear()
    return result


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


def make_units(raw: RawDoc, fi: FileInfo, params: IngestParams) -> list[Unit] | Problem:
    """One document → its records (segments), with language, domain, doc_type, group and dedup keys."""
    spec, sha = fi.spec, fi.sha256 or ""
    text, page_starts = _doc_text(raw, params)
    if not text:
        return Problem("empty", raw.locator, raw.line, raw.page)
    from_path = _path_fields(spec, fi.key)
    guess = detect_lang(text, params.mixed_lang_threshold)
    lang, lang_source = next(
        (
            (v, s)
            for v, s in (
                (spec.lang, "config"),
                (_norm_lang(raw.lang), "field"),
                (_norm_lang(from_path.get("lang")), "path_pattern"),
                (guess.lang, "detected"),
                (params.default_lang, "default"),
            )
            if v
        )
    )
    folder = classify.domain_from_path(fi.key) or classify.domain_from_path(fi.source_path)
    detected = classify.classify_domain(text, params.domain_keywords) if params.classify_domain else None
    domain, domain_source = next(
        (
            (v, s)
            for v, s in (
                (spec.domain, "config"),
                (raw.domain, "field"),
                (from_path.get("domain"), "path_pattern"),
                (folder, "folder"),
                (detected, "keywords"),
                ("general", "default"),
            )
            if v in DOMAINS
        )
    )
    doc_type = (
        spec.doc_type
        or raw.doc_type
        or from_path.get("doc_type")
        or classify.classify_doc_type(text, params.doc_type_keywords)
    )
    doc_id = stable_id(sha, raw.locator, length=15)
    group_id = raw.group_id or from_path.get("group_id") or spec.group_id or doc_id
    headings = [normalize_text(h, params.normalize) for h in raw.headings]
    segments = segment.segment(
        text, params.granularity, domain=domain, max_tokens=params.max_tokens, headings=headings
    )
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
    records = []
    for i, seg in enumerate(segments):
        page = raw.page
        for start, p in page_starts:
            if start <= seg.offset:
                page = p
        meta = {**base_meta, "segment": i, "segments": len(segments)}
        if seg.section:
            meta["section"] = seg.section
        records.append(
            {
                "id": stable_id(
                    sha,
                    raw.locator,
                    params.granularity,
                    params.max_tokens if params.granularity == "chunk" else "",
                    i,
                ),
                "text": seg.text,
                "lang": lang,
                "domain": domain,
                "doc_type": doc_type,
                "source": {
                    "path": fi.source_path,
                    "sha256": sha,
                    "encoding": raw.encoding,
                    "page": page,
                    "line": raw.line if raw.line is not None else seg.line,
                    "offset": seg.offset,
                    "section": seg.section,
                },
                "meta": dump_meta(meta),  # JSON here, in the worker, not in the parent's batching
                "spans": [],
                "labels": list(raw.labels),
                "group_id": group_id,
            }
        )
    if not records:
        return Problem("empty", raw.locator, raw.line, raw.page)
    d = params.dedup
    bands, rows = lsh_params(d.threshold, d.num_perm) if d.near else (0, 0)  # cached after the first

    def keys(t: str) -> list[int]:
        return dedup.band_keys(t, d.num_perm, bands, rows, d.shingle_chars) if d.near else []

    if d.level == "document":
        return [Unit(doc_id, dedup.text_digest(text), keys(text), records)]
    return [Unit(r["id"], dedup.text_digest(r["text"]), keys(r["text"]), [r]) for r in records]
