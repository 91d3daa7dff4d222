"""`ingest.v1`: walk the inputs, read files in a worker pool, dedup in stream order, emit record batches.

Accounting: every listed input file ends as "ingested" (at least one record) or
"quarantined" (none; its quarantine entries say why), so
`files_in == files_ingested + files_quarantined` in the stage stats. A file can
be ingested and still have quarantine entries (one bad JSONL line, one scanned
PDF page).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import pyarrow as pa
from pydantic import ValidationError

from corpuskit import records, registry
from corpuskit.errors import CorpuskitError
from corpuskit.keys import key_id
from corpuskit.stages.base import QuarantineEntry, RunContext, SourceStage, StrictModeError
from corpuskit.stages.ingest import walk, worker
from corpuskit.stages.ingest.config import IngestParams, InputSpec
from corpuskit.stages.ingest.dedup import CompactIndex, Deduplicator
from corpuskit.stages.ingest.readers.base import ReadProblem, reader_for

NAME = "ingest.v1"


class IngestStage(SourceStage):
    """Files in, records out. See `IngestParams` for the knobs and `InputSpec` for per-input options.

    >>> from corpuskit.stages.base import RunContext
    >>> ctx = RunContext()
    >>> batches = IngestStage({"granularity": "section"}).read([{"path": "sample_corpora/medical"}], ctx)
    """

    name = NAME
    version = "1"
    Params: ClassVar[type[IngestParams]] = IngestParams
    produces = frozenset(
        {"lang", "domain", "doc_type", "source", "meta", "group_id", "dup_cluster", "labels"}
    )
    params: IngestParams

    def fingerprint_params(self) -> dict[str, Any]:
        """Params that change the output: not the worker count, batch size or strictness."""
        p = self.params.model_dump(mode="json", exclude={"workers", "batch_size", "strict", "path_key_env"})
        secret = path_secret(self.params)
        if secret is not None:  # another key writes other digests: another version (the key stays secret)
            p["path_key_id"] = key_id(secret)
        return p

    # -- inputs ------------------------------------------------------------------------
    @staticmethod
    def parse_inputs(inputs: Iterable[Mapping[str, Any]]) -> list[InputSpec]:
        return [InputSpec.model_validate(dict(item)) for item in inputs]

    def validate_inputs(self, inputs: list[Mapping[str, Any]]) -> list[tuple[str, str]]:
        problems = []
        for i, item in enumerate(inputs):
            try:
                spec = InputSpec.model_validate(dict(item))
            except ValidationError as exc:
                for e in exc.errors():
                    loc = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in e["loc"])
                    problems.append((f"[{i}]{loc}", e["msg"]))
                continue
            if spec.reader and spec.reader not in registry.readers:
                problems.append(
                    (
                        f"[{i}].reader",
                        f"unknown reader '{spec.reader}'; known: {', '.join(registry.readers.names())}",
                    )
                )
        return problems

    def list_inputs(self, inputs: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
        known = _known_extensions()
        secret = path_secret(self.params)
        out = []
        for i, spec in enumerate(self.parse_inputs(inputs)):
            for path, key in walk.iter_files(spec, known):
                shown = walk.pseudonymize_path(key, secret) if secret else key
                out.append({"path": str(path), "key": shown, "input": i})
        return out

    # -- reading -----------------------------------------------------------------------
    def read(self, inputs: list[Mapping[str, Any]], ctx: RunContext) -> Iterator[pa.RecordBatch]:
        specs = self.parse_inputs(inputs)
        run = _Run(self.params, ctx)
        tasks = run.tasks(specs)
        buffer: list[pa.RecordBatch] = []
        rows = 0
        for output in _ordered_map(worker.run_task, tasks, self.params, specs):
            batch = run.take(output)
            if batch is not None and batch.num_rows:
                buffer.append(batch)
                rows += batch.num_rows
            if rows >= self.params.batch_size:
                yield pa.concat_batches(buffer)
                buffer, rows = [], 0
        if buffer:
            yield pa.concat_batches(buffer)
        run.finish()


def _known_extensions() -> frozenset[str]:
    exts = set()
    for name in registry.readers.names():
        exts.update(e.lower() for e in getattr(registry.readers.get(name), "extensions", ()))
    return frozenset(exts)


def path_secret(params: IngestParams) -> bytes | None:
    """The key for `path_names: pseudonymize` (None with `keep`); its absence is an error, never a
    silent fallback to the real names."""
    if params.path_names == "keep":
        return None
    value = os.environ.get(params.path_key_env)
    if not value:
        raise CorpuskitError(
            f"ingest path_names: pseudonymize needs a secret key in the environment variable "
            f"{params.path_key_env} (unkeyed digests of names could be reversed by guessing names)"
        )
    return value.encode("utf-8")


class _Run:
    """State of one ingest run in the main process: accounting, dedup and quarantine."""

    def __init__(self, params: IngestParams, ctx: RunContext):
        self.params, self.ctx = params, ctx
        self.path_secret = path_secret(params)
        self.dedup = Deduplicator()
        self.files: dict[int, Counter] = {}
        self.formats: Counter = Counter()
        self.encodings: Counter = Counter()
        self.langs: Counter = Counter()
        self.domains: Counter = Counter()
        self.file_shas = CompactIndex()  # first file with each content, to tell byte-identical copies

    def stat(self, key: str, value: int = 1) -> None:
        self.ctx.stat(NAME, key, value)

    def quarantine(self, reason: str, path: str, **detail: Any) -> None:
        if self.params.strict and not self.ctx.strict:
            raise StrictModeError(f"{NAME}: {path}: {reason}")
        self.ctx.quarantine(
            NAME, reason, path=path, **{k: v for k, v in detail.items() if v not in (None, "")}
        )

    # -- the task stream (runs lazily, as the worker window advances) ------------------
    def tasks(self, specs: list[InputSpec]) -> Iterator[worker.Task]:
        group: list[worker.FileInfo] = []
        group_bytes = 0
        for fi, reader, size, refused in self._files(specs):
            spec = specs[fi.spec_index]
            if refused or reader.streaming:
                if group:  # keep file order: what came before goes first
                    yield worker.Task(group)
                    group, group_bytes = [], 0
            if refused:  # through the workers like any file, so results and quarantine stay in file order
                yield worker.Task([fi], [ReadProblem(refused)], last=True)
                continue
            if not reader.streaming:
                group.append(fi)
                group_bytes += size
                if len(group) >= 32 or group_bytes >= 4 << 20:
                    yield worker.Task(group)
                    group, group_bytes = [], 0
                continue
            chunk: list = []
            try:
                fi.sha256 = _sha256_file(Path(fi.path))
                for item in reader.read(Path(fi.path), spec, self.params):
                    chunk.append(item)
                    if len(chunk) >= self.params.batch_size:
                        yield worker.Task([fi], chunk, last=False)
                        chunk = []
            except Exception as exc:  # as in the workers: the rows so far stay, the file gets a reason
                chunk.append(ReadProblem(worker.failure_reason(exc)))
            yield worker.Task([fi], chunk, last=True)
        if group:
            yield worker.Task(group)

    def _files(self, specs: list[InputSpec]) -> Iterator[tuple[worker.FileInfo, Any, int, str | None]]:
        """Input files in order: (file, reader, size, why it is refused before anyone reads it)."""
        known = _known_extensions()
        index = 0
        for spec_index, spec in enumerate(specs):
            root_is_file = walk.input_root(spec).is_file()
            for path, key in walk.iter_files(spec, known):
                index += 1
                src = walk.source_path(spec, key, root_is_file, self.path_secret)
                fmt = path.suffix.lower().lstrip(".") or "none"
                self.formats[fmt] += 1
                self.stat("files_in")
                fi = worker.FileInfo(index, str(path), key, src, spec_index, fmt)
                reader, size, reason = self._check(path, spec)
                self.files[index] = Counter()
                yield fi, reader, size, reason

    def _check(self, path: Path, spec: InputSpec) -> tuple[Any, int, str | None]:
        """(reader, size, why the file is refused before anyone reads it, or None)."""
        try:
            size = path.stat().st_size
            reader = reader_for(path, spec.reader)
        except OSError as exc:
            return None, 0, f"unreadable: {type(exc).__name__}"
        if reader is None:
            return None, size, f"unsupported format: no reader for '{path.suffix or path.name}'"
        if size == 0:
            return reader, size, "empty: zero bytes"
        limit = self.params.max_table_file_mb if reader.streaming else self.params.max_file_mb
        if size > limit * 1024 * 1024:
            return reader, size, f"over size limit: {size / 1048576:.1f} MB > {limit:g} MB"
        self.stat("bytes_in", size)
        return reader, size, None

    # -- results, in file order --------------------------------------------------------
    def take(self, output: worker.TaskOutput) -> pa.RecordBatch | None:
        """A task's records, in file order, less the exact duplicates, with their dup_cluster."""
        keep: list[bool] = []
        clusters: list[str | None] = []
        renamed: dict[int, str] = {}  # unit → the key of the byte-identical copy it came from
        u = 0  # the file's first unit: units follow each other file by file
        for result in output.files:
            fi, counts = result.file, self.files[result.file.index]
            for p in result.problems:
                self.quarantine(p.reason, fi.source_path, locator=p.locator, line=p.line, page=p.page)
                counts["problems"] += 1
            counts["docs_in"] += result.docs_in
            if result.encoding:
                counts["enc:" + result.encoding] = 1
            copy = fi.sha256 and self.file_shas.setdefault(int(fi.sha256[:15], 16), fi.index) != fi.index
            for j in range(u, u + result.units):
                unit_id = output.unit_ids[j]
                if copy:  # a byte-identical copy of an earlier file would repeat its ids: qualify them by key
                    unit_id = records.stable_id(unit_id, fi.key, length=15)
                    renamed[j] = fi.key
                cluster = self._dedup(unit_id, output.digests[j], output.bands[j], fi)
                keep.append(cluster is not None)
                clusters.append(cluster)
                if cluster is None:
                    counts["duplicates"] += 1
                else:
                    counts["records"] += output.unit_rows[j]
            u += result.units
            if result.last:
                self._close_file(fi, self.files.pop(fi.index))
        batch = output.batch
        if batch is None or not any(keep):
            return None
        sizes = np.asarray(output.unit_rows)
        if renamed:
            batch = _qualify_copies(batch, sizes, renamed)
        dup_cluster = pa.array(np.repeat(np.asarray(clusters, dtype=object), sizes), pa.string())
        batch = batch.set_column(batch.schema.get_field_index("dup_cluster"), "dup_cluster", dup_cluster)
        if not all(keep):
            batch = batch.filter(pa.array(np.repeat(np.asarray(keep), sizes)))
        self.langs.update(batch.column("lang").to_pylist())  # a compute call costs more on a small batch
        self.domains.update(batch.column("domain").to_pylist())
        return batch

    def _dedup(self, unit_id: str, digest: int, bands: list[int], fi: worker.FileInfo) -> str | None:
        """The unit's dup_cluster, or None when it is an exact duplicate that is dropped."""
        value = int(unit_id[:15], 16)
        first, cluster = self.dedup.decide(digest, bands, value, self.params.dedup.exact == "drop")
        if first is not None:
            self.stat("duplicates_exact")
            # a dedup drop is policy, not a failure: recorded, but never fails a --strict build
            self.ctx.quarantined.append(
                QuarantineEntry(
                    NAME, "exact duplicate", unit_id, fi.source_path, {"duplicate_of": f"{first:015x}"}
                )
            )
            return None
        if cluster is None:  # no band keys: nothing to compare with
            return unit_id[:15]
        if cluster != value:
            self.stat("near_duplicates")
        return f"{cluster:015x}"

    def _close_file(self, fi: worker.FileInfo, counts: Counter) -> None:
        for key in counts:
            if key.startswith("enc:"):
                self.encodings[key[4:]] += 1
        self.stat("docs_in", counts["docs_in"])
        self.stat("records_emitted", counts["records"])
        if counts["records"]:
            self.stat("files_ingested")
            return
        if not counts["problems"] and not counts["duplicates"]:
            self.quarantine("empty: no documents", fi.source_path)  # a csv with only a header, blank jsonl
        self.stat("files_quarantined")

    def finish(self) -> None:
        for key, counter in (
            ("formats", self.formats),
            ("encodings", self.encodings),
            ("langs", self.langs),
            ("domains", self.domains),
        ):
            self.ctx.stat(NAME, key, dict(sorted(counter.items())), add=False)
        for key in (
            "files_in",
            "files_ingested",
            "files_quarantined",
            "docs_in",
            "records_emitted",
            "duplicates_exact",
            "near_duplicates",
            "bytes_in",
        ):
            self.ctx.stats.setdefault(NAME, {}).setdefault(key, 0)


def _qualify_copies(batch: pa.RecordBatch, sizes: np.ndarray, renamed: dict[int, str]) -> pa.RecordBatch:
    """Ids of the records of units that came from a byte-identical copy of an earlier file,
    qualified by the copy's key (record id, and the `doc_id` in meta)."""
    ids, metas = batch.column("id").to_pylist(), batch.column("meta").to_pylist()
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1])).tolist()
    for j, key in renamed.items():
        for row in range(starts[j], starts[j] + int(sizes[j])):
            meta = records.load_meta(metas[row])
            meta["doc_id"] = records.stable_id(meta["doc_id"], key, length=15)
            ids[row], metas[row] = records.stable_id(ids[row], key), records.dump_meta(meta)
    batch = batch.set_column(
        batch.schema.get_field_index("id"), batch.schema.field("id"), pa.array(ids, pa.string())
    )
    return batch.set_column(batch.schema.get_field_index("meta"), "meta", pa.array(metas, pa.string()))


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _ordered_map(
    fn: Callable[[worker.Task], worker.TaskOutput],
    tasks: Iterator[worker.Task],
    params: IngestParams,
    specs: list[InputSpec],
) -> Iterator[worker.TaskOutput]:
    """Results in task order, with at most a few tasks in flight per worker so memory stays flat."""
    init_args = (params.model_dump(mode="json"), [s.model_dump(mode="json") for s in specs])
    if params.workers <= 1:
        worker.init_worker(*init_args)
        yield from map(fn, tasks)
        return
    window = params.workers * 4
    # fork where there is one: no re-import per worker, and it works from notebooks and `python -`;
    # the workers only parse files, so threads the parent may hold (torch, tokenizers) stay unused
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(
        params.workers,
        mp_context=multiprocessing.get_context(method),
        initializer=worker.init_worker,
        initargs=init_args,
    )
    pending: deque = deque()
    try:
        for task in tasks:
            pending.append(pool.submit(fn, task))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
