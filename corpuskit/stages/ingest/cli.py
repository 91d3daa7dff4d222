"""CLI: `corpuskit ingest scan PATH` (a dry run: what would be ingested, what quarantined, and why)
and `corpuskit ingest readers` (which reader takes which extension).

`scan` prints counts, file paths and reasons only, never record text; `--out FILE.jsonl` writes
the records themselves to a file the user names.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Optional

import typer

ingest_app = typer.Typer(
    no_args_is_help=True, help="Ingest: read raw files into records (dry runs, readers)."
)


def _fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    # SystemExit, not typer.Exit: click in non-standalone mode turns Exit into a return value
    raise SystemExit(2)


@ingest_app.command("readers")
def readers() -> None:
    """List registered readers and the file extensions each one takes."""
    from corpuskit import registry

    for name in registry.readers.names():
        cls = registry.readers.get(name)
        kind = "rows" if getattr(cls, "streaming", False) else "file"
        print(f"{name:12} {kind:5} {' '.join(getattr(cls, 'extensions', ()))}")


@ingest_app.command("scan")
def scan(
    path: Path = typer.Argument(..., help="A file or folder."),
    include: Optional[list[str]] = typer.Option(None, "--include", help="Glob; repeatable."),
    exclude: Optional[list[str]] = typer.Option(None, "--exclude", help="Glob; repeatable."),
    path_pattern: Optional[str] = typer.Option(
        None, "--path-pattern", help="Regex with (?P<group_id>…)/(?P<doc_type>…)."
    ),
    granularity: str = typer.Option(
        "document", "--granularity", help="document, section, paragraph or chunk."
    ),
    max_tokens: int = typer.Option(512, "--max-tokens", help="Chunk size for --granularity chunk."),
    text_field: Optional[str] = typer.Option(
        None, "--text-field", help="Text column of csv/jsonl/parquet rows."
    ),
    workers: int = typer.Option(2, "--workers", min=0),
    out: Optional[Path] = typer.Option(None, "--out", help="Write the records as JSON lines to this file."),
    as_json: bool = typer.Option(False, "--json", help="Print the stats and quarantine as JSON."),
    strict: bool = typer.Option(False, "--strict", help="Stop at the first file that would be quarantined."),
) -> None:
    """Run ingest on PATH without building a version: counts, languages, domains and every quarantined file."""
    from pydantic import ValidationError

    from corpuskit.stages.base import RunContext, StrictModeError, checked
    from corpuskit.stages.ingest.stage import IngestStage

    if not path.exists():
        _fail(f"no such file or folder: {path}")
    spec: dict = {"path": str(path)}
    for key, value in (("include", include), ("exclude", exclude), ("path_pattern", path_pattern)):
        if value:
            spec[key] = value
    if out and path.is_dir() and out.resolve().is_relative_to(path.resolve()):
        # never read back the file this scan is writing
        spec["exclude"] = [*spec.get("exclude", []), out.resolve().relative_to(path.resolve()).as_posix()]
    if text_field:
        spec["fields"] = {"text": text_field}
    try:
        stage = IngestStage(
            {"granularity": granularity, "max_tokens": max_tokens, "workers": workers, "strict": strict}
        )
    except ValidationError as exc:
        _fail("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()))
    problems = stage.validate_inputs([spec])
    if problems:
        _fail("; ".join(f"{p}: {m}" for p, m in problems))
    ctx = RunContext()
    stage.ensure_setup(ctx)
    n = 0
    try:
        sink = open(out, "w", encoding="utf-8") if out else None
        try:
            for batch in checked(stage, stage.read([spec], ctx), ctx):
                n += batch.num_rows
                if sink:
                    for row in batch.to_pylist():
                        sink.write(json.dumps(row, ensure_ascii=False) + "\n")
        finally:
            if sink:
                sink.close()
    except StrictModeError as exc:
        _fail(str(exc))
    stats = ctx.stats.get(stage.name, {})
    entries = [e.to_json() for e in ctx.quarantined]
    if as_json:
        print(json.dumps({"records": n, "stats": stats, "quarantine": entries}, ensure_ascii=False, indent=2))
        return
    print(
        f"{stats.get('files_in', 0)} files: {stats.get('files_ingested', 0)} ingested, "
        f"{stats.get('files_quarantined', 0)} quarantined; {n} records"
    )
    for key in ("formats", "encodings", "langs", "domains"):
        print(f"  {key}: " + ", ".join(f"{k}={v}" for k, v in stats.get(key, {}).items()))
    print(
        f"  duplicates: {stats.get('duplicates_exact', 0)} exact (dropped), "
        f"{stats.get('near_duplicates', 0)} near (kept, clustered)"
    )
    if entries:
        print("quarantined:")
        for reason, count in Counter(e["reason"].split(":")[0] for e in entries).most_common():
            print(f"  {count:6}  {reason}")
        for e in entries[:50]:
            where = e.get("path", "") + (
                f" ({e['detail']['locator']})" if e.get("detail", {}).get("locator") else ""
            )
            print(f"  - {where}: {e['reason']}")
        if len(entries) > 50:
            print(f"  … {len(entries) - 50} more (use --json)")


def register(app: typer.Typer) -> None:
    app.add_typer(ingest_app, name="ingest")
