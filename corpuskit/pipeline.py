"""YAML → validated config → chained stages → one dataset version.

Everything that can be checked before reading data is checked first, and every
problem is reported at once with its YAML path (`stages[2].params.ratios`):
the JSON Schema in `schemas/pipeline.schema.json`, each stage's registered name,
its pydantic params, input paths, and the chain of required/produced fields.
"""

from __future__ import annotations

import json
import subprocess
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import yaml
from pydantic import ValidationError

import corpuskit
from corpuskit import records, registry
from corpuskit.errors import ConfigError
from corpuskit.stages.base import RunContext, SourceStage, Stage, Timer, checked
from corpuskit.store import VersionStore, canonical_json, file_sha256

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schemas"


def schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / name).read_text("utf-8"))


@dataclass
class PipelineConfig:
    dataset: str
    inputs: list[dict[str, Any]]
    stages: list[Stage]
    raw: dict[str, Any]
    base_dir: Path

    @property
    def source(self) -> SourceStage:
        return self.stages[0]  # type: ignore[return-value]


@dataclass
class BuildResult:
    version_id: str
    dataset: str
    cached: bool
    manifest: dict[str, Any] = field(default_factory=dict)


def _yaml_path(parts: Any) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def load_config(source: str | Path | dict[str, Any]) -> PipelineConfig:
    """Parse and validate a pipeline config. Raises `ConfigError` listing every problem."""
    if isinstance(source, dict):
        raw, base_dir, label = source, Path.cwd(), None
    else:
        path = Path(source)
        label = str(path)
        if not path.is_file():
            raise ConfigError([("", f"pipeline file not found: {path}")], label)
        try:
            raw = yaml.safe_load(path.read_text("utf-8"))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
            raise ConfigError([("", f"{where}invalid YAML ({getattr(exc, 'problem', exc)})")], label) from None
        base_dir = path.resolve().parent
    if not isinstance(raw, dict):
        raise ConfigError([("", "the pipeline must be a YAML mapping with dataset, inputs and stages")], label)

    import jsonschema

    problems: list[tuple[str, str]] = []
    validator = jsonschema.Draft202012Validator(schema("pipeline.schema.json"))
    for err in sorted(validator.iter_errors(raw), key=lambda e: list(map(str, e.absolute_path))):
        problems.append((_yaml_path(err.absolute_path), err.message))

    stages: list[Stage] = []
    for i, spec in enumerate(raw.get("stages") or []):
        if not isinstance(spec, dict) or not isinstance(spec.get("stage"), str):
            continue  # already reported by the schema
        try:
            cls = registry.stages.get(spec["stage"])
        except registry.UnknownComponent as exc:
            problems.append((f"stages[{i}].stage", str(exc)))
            continue
        except ImportError as exc:
            problems.append((f"stages[{i}].stage", f"stage '{spec['stage']}' failed to import: {exc}"))
            continue
        params = spec.get("params") or {}
        if not isinstance(params, dict):
            continue
        try:
            stages.append(cls(params))
        except ValidationError as exc:
            for e in exc.errors():
                problems.append((_yaml_path([f"stages[{i}]", "params", *e["loc"]]).replace(".[", "["), e["msg"]))

    inputs = [dict(x) for x in raw.get("inputs") or [] if isinstance(x, dict)]
    for i, item in enumerate(inputs):
        if isinstance(item.get("path"), str):
            resolved = (base_dir / item["path"]).resolve()
            if not resolved.exists():
                problems.append((f"inputs[{i}].path", f"no such file or folder: {item['path']}"))
            item["_abs_path"] = str(resolved)

    if len(stages) == len(raw.get("stages") or []) and stages:
        problems += check_chain(stages)
        if isinstance(stages[0], SourceStage):
            problems += [(f"inputs{p}", m) for p, m in stages[0].validate_inputs(inputs)]
    if problems:
        raise ConfigError(problems, label)
    return PipelineConfig(raw["dataset"], inputs, stages, raw, base_dir)


def check_chain(stages: list[Stage]) -> list[tuple[str, str]]:
    """Each stage's required fields must be produced upstream; the source comes first, once."""
    problems = []
    available: set[str] = set(records.INTRINSIC_FIELDS)
    for i, st in enumerate(stages):
        where = f"stages[{i}].stage"
        if i == 0 and not st.is_source:
            problems.append((where, f"the first stage must read the inputs (e.g. ingest), not '{st.name}'"))
        if i > 0 and st.is_source:
            problems.append((where, f"'{st.name}' reads input files and can only be the first stage"))
        missing = sorted(set(st.requires) - available)
        if missing:
            problems.append((where, f"'{st.name}' requires {missing}, which no earlier stage produces"))
        if "split" in available and "split" in st.produces:
            problems.append((where, f"'{st.name}' assigns splits again; only one split stage is allowed"))
        available |= set(st.produces)
    return problems


def fingerprint_parts(cfg: PipelineConfig, hashed_inputs: list[dict[str, Any]]) -> dict[str, Any]:
    """What a version id is made of: never paths as spelled, never the store location."""
    return {
        "corpuskit": corpuskit.__version__,
        "dataset": cfg.dataset,
        "inputs": hashed_inputs,
        "input_options": [
            {k: v for k, v in item.items() if k not in ("path", "_abs_path")} for item in cfg.inputs
        ],
        "stages": [st.describe() for st in cfg.stages],
    }


def hash_inputs(cfg: PipelineConfig) -> list[dict[str, Any]]:
    files = cfg.source.list_inputs(cfg.inputs)
    out = [{"input": f.get("input", 0), "key": f["key"], "sha256": file_sha256(f["path"])} for f in files]
    return sorted(out, key=lambda f: (f["input"], f["key"]))


def code_version() -> str:
    """corpuskit version plus the git commit it was built from, when there is one."""
    try:
        sha = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"], cwd=Path(__file__).parent,
            capture_output=True, text=True, timeout=5, check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], cwd=Path(__file__).parent,
            capture_output=True, text=True, timeout=5,
        ).stdout.strip()
        return f"{corpuskit.__version__}+g{sha}{'.dirty' if dirty else ''}"
    except (OSError, subprocess.SubprocessError):
        return corpuskit.__version__


def run_pipeline(source: str | Path | dict[str, Any], store: str | Path | None = None, strict: bool = False,
                 progress: Callable[[str, int], None] | None = None) -> BuildResult:
    """Build the version a pipeline describes, or return it from the store if it exists."""
    cfg = load_config(source)
    vs = VersionStore(store)
    hashed = hash_inputs(cfg)
    parts = fingerprint_parts(cfg, hashed)
    writer = vs.begin(cfg.dataset, parts)
    if writer.cached:
        return BuildResult(writer.version_id, cfg.dataset, True, vs.manifest(cfg.dataset, writer.version_id))
    previous = vs.versions(cfg.dataset)
    parent = previous[-1]["id"] if previous else None

    with writer:
        ctx = RunContext(fingerprint=writer.version_id, strict=strict, workdir=str(writer.scratch),
                         progress=progress)
        timers = [Timer() for _ in cfg.stages]
        stream = _chain(cfg, ctx, timers, writer.scratch)
        written = 0
        for batch in stream:
            writer.write([batch])
            written += batch.num_rows
            if progress:
                progress("records", written)
        manifest = _manifest(cfg, ctx, timers, hashed)
        vid = writer.commit(manifest, parent=parent)
    return BuildResult(vid, cfg.dataset, False, vs.manifest(cfg.dataset, vid))


def _chain(cfg: PipelineConfig, ctx: RunContext, timers: list[Timer], workdir: Path) -> Iterator[pa.RecordBatch]:
    for st in cfg.stages:
        st.ensure_setup(ctx)
    stream: Iterator[pa.RecordBatch] = timers[0].wrap(checked(cfg.source, cfg.source.read(cfg.inputs, ctx), ctx))
    for i, st in enumerate(cfg.stages[1:], start=1):
        if st.full_pass:
            spill = workdir / f"_spill_{i}.arrow"
            _spill(stream, spill)
            scan = _scanner(spill)
            t0 = time.perf_counter()
            st.fit(scan, ctx)
            timers[i].seconds += time.perf_counter() - t0
            upstream = scan()
        else:
            upstream = stream
        stream = timers[i].wrap(checked(st, st.process(upstream, ctx), ctx))
    return stream


def _spill(stream: Iterator[pa.RecordBatch], path: Path) -> None:
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_stream(sink, records.RECORD_SCHEMA) as w:
        for batch in stream:
            w.write_batch(batch)


def _scanner(path: Path) -> Callable[[], Iterator[pa.RecordBatch]]:
    def scan() -> Iterator[pa.RecordBatch]:
        with pa.memory_map(str(path)) as source:
            yield from pa.ipc.open_stream(source)

    return scan


def _manifest(cfg: PipelineConfig, ctx: RunContext, timers: list[Timer], hashed: list[dict]) -> dict[str, Any]:
    # Timers measure time spent pulling from a stage's generator, which includes its
    # upstream stages (they are lazy); a stage's own time is the difference.
    own, below = [], 0.0
    for i, t in enumerate(timers):
        if cfg.stages[i].full_pass:
            below = 0.0  # its input was spilled to disk first; its timer starts from zero
        own.append(max(t.seconds - below, 0.0))
        below = t.seconds
    return {
        "code_version": code_version(),
        "config": json.loads(canonical_json({k: v for k, v in cfg.raw.items()})),
        "inputs": {"files": len(hashed), "items": hashed},
        "stages": [
            {**st.describe(), "stats": ctx.stats.get(st.name, {}), "seconds": round(own[i], 3)}
            for i, st in enumerate(cfg.stages)
        ],
        "quarantine": quarantine_summary(ctx),
        "reports": ctx.reports,
    }


def quarantine_summary(ctx: RunContext) -> dict[str, Any]:
    """Every quarantined input or record with its reason, plus counts by stage and by reason."""
    reasons = Counter(e.reason.split(":")[0] for e in ctx.quarantined)
    return {
        "count": len(ctx.quarantined),
        "by_stage": ctx.quarantine_counts(),
        "by_reason": dict(sorted(reasons.items())),
        "entries": [e.to_json() for e in ctx.quarantined],
    }


def apply_stage(ref: str, stage: str, params: dict[str, Any] | None = None, store: str | Path | None = None,
                dataset: str | None = None, strict: bool = False) -> BuildResult:
    """Run one stage over an existing version; the result is a new version whose parent is `ref`.

    This is how each stage is used alone from the CLI (`corpuskit apply deid clinical@latest`).
    """
    vs = VersionStore(store)
    src_dataset, src_id = vs.find(ref)
    cls = registry.stages.get(stage)
    try:
        st = cls(params or {})
    except ValidationError as exc:
        raise ConfigError([(_yaml_path(["params", *e["loc"]]), e["msg"]) for e in exc.errors()]) from None
    if st.is_source:
        raise ConfigError([("stage", f"'{st.name}' reads input files; use `corpuskit build` with a pipeline")])
    out_dataset = dataset or src_dataset
    parts = {"corpuskit": corpuskit.__version__, "dataset": out_dataset,
             "parent": f"{src_dataset}@{src_id}", "stages": [st.describe()]}
    writer = vs.begin(out_dataset, parts)
    if writer.cached:
        return BuildResult(writer.version_id, out_dataset, True, vs.manifest(out_dataset, writer.version_id))
    source = vs.load(src_dataset, src_id)

    def scan() -> Iterator[pa.RecordBatch]:
        for split in source.values():
            yield from split.data.to_batches(max_chunksize=1024)

    with writer:
        ctx = RunContext(fingerprint=writer.version_id, strict=strict, workdir=str(writer.scratch))
        st.ensure_setup(ctx)
        timer = Timer()
        if st.full_pass:
            st.fit(scan, ctx)
        writer.write(timer.wrap(checked(st, st.process(scan(), ctx), ctx)))
        manifest = {
            "code_version": code_version(),
            "config": {"apply": {"stage": st.name, "params": st.fingerprint_params(), "on": f"{src_dataset}@{src_id}"}},
            "inputs": {"version": f"{src_dataset}@{src_id}"},
            "stages": [{**st.describe(), "stats": ctx.stats.get(st.name, {}), "seconds": round(timer.seconds, 3)}],
            "quarantine": quarantine_summary(ctx),
            "reports": ctx.reports,
        }
        vid = writer.commit(manifest, parent=src_id if out_dataset == src_dataset else f"{src_dataset}@{src_id}")
    return BuildResult(vid, out_dataset, False, vs.manifest(out_dataset, vid))
