"""The stage protocol: a small object over a stream of Arrow record batches.

A stage declares its registry `name`, its `version` (part of every dataset
fingerprint, so bump it when output changes), a pydantic `Params` model, and
the record fields it `requires` and `produces`. Heavy resources load in
`setup()`, never in `__init__`, so a pipeline can be validated without loading
a single model.

Three shapes:

* `Stage.process(batches, ctx)` maps a stream of batches to a stream of batches;
* `SourceStage.read(inputs, ctx)` makes the first stream from input files;
* a stage with `full_pass = True` (split) gets `fit(scan, ctx)` first, where
  `scan()` streams the whole corpus once more from disk, so it can build a
  compact index (groups, labels) without holding record text in memory.

Drops are data: a stage that refuses a record or an input calls
`ctx.quarantine(...)` with a reason, and the manifest counts it.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

import pyarrow as pa
from pydantic import BaseModel, ConfigDict

from corpuskit import records


class StageParams(BaseModel):
    """Base for stage parameters: unknown keys are errors, not silently ignored."""

    model_config = ConfigDict(extra="forbid")


@dataclass
class QuarantineEntry:
    stage: str
    reason: str
    record_id: str | None = None
    path: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out = {"stage": self.stage, "reason": self.reason}
        if self.record_id is not None:
            out["record_id"] = self.record_id
        if self.path is not None:
            out["path"] = self.path
        if self.detail:
            out["detail"] = self.detail
        return out


class StrictModeError(RuntimeError):
    """Raised instead of quarantining when the build runs with --strict."""


@dataclass
class RunContext:
    """What a stage sees of the build it runs in: quarantine, stats, fingerprint, work dir."""

    fingerprint: str = "adhoc"
    strict: bool = False
    workdir: str | None = None
    quarantined: list[QuarantineEntry] = field(default_factory=list)
    stats: dict[str, dict[str, Any]] = field(default_factory=dict)
    # named reports a stage hands to the manifest (split puts "leakage" and "splits" here)
    reports: dict[str, Any] = field(default_factory=dict)
    progress: Callable[[str, int], None] | None = None

    def quarantine(self, stage: str, reason: str, *, record_id: str | None = None,
                   path: str | None = None, **detail: Any) -> None:
        entry = QuarantineEntry(stage, reason, record_id, path, detail)
        if self.strict:
            where = path or record_id or "?"
            raise StrictModeError(f"{stage}: {where}: {reason}")
        self.quarantined.append(entry)

    def stat(self, stage: str, key: str, value: Any = 1, *, add: bool = True) -> None:
        bucket = self.stats.setdefault(stage, {})
        bucket[key] = bucket.get(key, 0) + value if add else value

    def quarantine_counts(self) -> dict[str, int]:
        return dict(Counter(e.stage for e in self.quarantined))


class Stage:
    """A transform over record batches. Subclass and set the class attributes."""

    name: ClassVar[str] = "stage"
    version: ClassVar[str] = "1"
    Params: ClassVar[type[StageParams]] = StageParams
    requires: ClassVar[frozenset[str]] = frozenset({"id", "text"})
    produces: ClassVar[frozenset[str]] = frozenset()
    full_pass: ClassVar[bool] = False
    is_source: ClassVar[bool] = False

    def __init__(self, params: Mapping[str, Any] | StageParams | None = None, **kwargs: Any):
        if isinstance(params, StageParams):
            self.params = params
        else:
            self.params = self.Params.model_validate({**dict(params or {}), **kwargs})
        self._ready = False

    # -- lifecycle -----------------------------------------------------------------
    def setup(self, ctx: RunContext) -> None:
        """Load models and lexicons. Called once before the first batch."""

    def ensure_setup(self, ctx: RunContext) -> None:
        if not self._ready:
            self.setup(ctx)
            self._ready = True

    def fit(self, scan: Callable[[], Iterator[pa.RecordBatch]], ctx: RunContext) -> None:
        """Full-pass stages build their index here; `scan()` may be called more than once."""

    def process(self, batches: Iterable[pa.RecordBatch], ctx: RunContext) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            yield self.process_batch(batch, ctx)

    def process_batch(self, batch: pa.RecordBatch, ctx: RunContext) -> pa.RecordBatch:
        raise NotImplementedError(f"{type(self).__name__} must implement process or process_batch")

    # -- description ---------------------------------------------------------------
    def fingerprint_params(self) -> dict[str, Any]:
        """The params that define this stage's output (all of them, by default)."""
        return self.params.model_dump(mode="json")

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version, "params": self.fingerprint_params()}

    # -- standalone use -------------------------------------------------------------
    def run(self, data: Any, ctx: RunContext | None = None) -> StageResult:
        """Run this stage alone on records (list of dicts, Arrow table/batch, or a `datasets.Dataset`).

        >>> result = SomeStage({"param": 1}).run([records.new_record("r1", "text")])
        >>> result.table.num_rows, result.quarantined
        """
        ctx = ctx or RunContext()
        self.ensure_setup(ctx)
        table = as_table(data)

        def scan() -> Iterator[pa.RecordBatch]:
            return iter(table.to_batches())

        if self.full_pass:
            self.fit(scan, ctx)
        out = list(checked(self, self.process(scan(), ctx), ctx))
        result = pa.Table.from_batches(out, schema=records.RECORD_SCHEMA)
        return StageResult(result, ctx.quarantined, ctx.stats.get(self.name, {}))


class SourceStage(Stage):
    """A stage that makes records from input files (ingest)."""

    is_source = True
    requires = frozenset()

    def read(self, inputs: list[Mapping[str, Any]], ctx: RunContext) -> Iterator[pa.RecordBatch]:
        raise NotImplementedError

    def validate_inputs(self, inputs: list[Mapping[str, Any]]) -> list[tuple[str, str]]:
        """Problems with the pipeline's `inputs` entries as (path like "[0].encoding", message)."""
        return []

    def list_inputs(self, inputs: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
        """Every input file, as `{"path": abs path, "key": stable relative key, "input": index}`.

        The runner hashes these files for the version fingerprint before any stage runs.
        Each entry of `inputs` carries `_abs_path` (its `path` resolved against the
        pipeline YAML's folder) when it comes from a pipeline; standalone callers
        may pass only `path`.
        """
        raise NotImplementedError


@dataclass
class StageResult:
    table: pa.Table
    quarantined: list[QuarantineEntry]
    stats: dict[str, Any]

    def to_pylist(self) -> list[dict[str, Any]]:
        return self.table.to_pylist()


def as_table(data: Any) -> pa.Table:
    if isinstance(data, pa.Table):
        tbl = data
    elif isinstance(data, pa.RecordBatch):
        tbl = pa.Table.from_batches([data])
    elif hasattr(data, "data") and hasattr(data, "features"):  # datasets.Dataset
        tbl = data.data.table if hasattr(data.data, "table") else data.data
    else:
        return pa.Table.from_batches([records.to_batch(list(data))], schema=records.RECORD_SCHEMA)
    return pa.Table.from_batches([records.conform(b) for b in tbl.to_batches()], schema=records.RECORD_SCHEMA)


def checked(stage: Stage, batches: Iterable[pa.RecordBatch], ctx: RunContext) -> Iterator[pa.RecordBatch]:
    """The stage boundary: conform each output batch and quarantine records that break the contract."""
    for batch in batches:
        good, bad = records.validate_batch(records.conform(batch))
        for v in bad:
            ctx.quarantine(stage.name, f"record contract: {v.reason}", record_id=v.record_id)
        ctx.stat(stage.name, "records_out", good.num_rows)
        if good.num_rows:
            yield good


class Timer:
    def __init__(self) -> None:
        self.seconds = 0.0

    def wrap(self, it: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        it = iter(it)
        while True:
            t0 = time.perf_counter()
            try:
                item = next(it)
            except StopIteration:
                self.seconds += time.perf_counter() - t0
                return
            self.seconds += time.perf_counter() - t0
            yield item
