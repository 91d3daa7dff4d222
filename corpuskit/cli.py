"""The `corpuskit` command: thin — parse, call the Python API, print.

Stage folders add their own commands through `corpuskit/stages/<stage>/cli.py:register(app)`;
installed plugins (the trainer) through the `corpuskit.cli` entry-point group.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from corpuskit import registry
from corpuskit.errors import ConfigError, CorpuskitError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Versioned, de-identified Arrow datasets from raw domain documents.")
console = Console(stderr=True)
out = Console()

StoreOpt = typer.Option(None, "--store", help="Store folder (default: $CORPUSKIT_STORE or ./store).")
BUILTIN_STAGE_CLIS = ("ingest", "deid", "annotate", "augment", "split")


@app.command()
def build(
    pipeline: Path = typer.Argument(..., help="Pipeline YAML file."),
    store: Optional[Path] = StoreOpt,
    strict: bool = typer.Option(False, "--strict", help="Fail the build instead of quarantining bad input."),
) -> None:
    """Build the dataset version a pipeline describes and print its id (a cache hit if it exists)."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from corpuskit.pipeline import run_pipeline

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=console, transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task("building", total=None)

        def progress(what: str, n: int) -> None:
            bar.update(task, description=f"building: {n} {what}")

        result = run_pipeline(pipeline, store=store, strict=strict, progress=progress)
    m = result.manifest
    note = "cache hit, nothing rebuilt" if result.cached else f"{m['counts']['total']} records"
    console.print(f"{result.dataset}@{result.version_id} ({note}; {m['quarantine']['count']} quarantined)")
    out.print(result.version_id)


@app.command()
def versions(dataset: Optional[str] = typer.Argument(None), store: Optional[Path] = StoreOpt,
             as_json: bool = typer.Option(False, "--json", help="One JSON list, for scripts.")) -> None:
    """List datasets, or the versions of one dataset (oldest first) with their tags."""
    from corpuskit.store import VersionStore

    vs = VersionStore(store)
    names = [dataset] if dataset else vs.datasets()
    rows = []
    for name in names:
        tags = vs.tags(name)
        for m in vs.versions(name):
            rows.append({"dataset": name, "id": m["id"], "created": m["created"], "parent": m.get("parent"),
                         "records": m["counts"]["total"], "tags": sorted(k for k, v in tags.items() if v == m["id"])})
    if as_json:
        out.print_json(json.dumps(rows, ensure_ascii=False))
        return
    table = Table("dataset", "created", "records", "tags")
    # ids are what users copy: never wrap or elide them, however narrow the terminal
    table.add_column("version", no_wrap=True, min_width=16)
    table.add_column("parent", no_wrap=True, min_width=16)
    for r in rows:
        table.add_row(r["dataset"], r["created"][:19], str(r["records"]), ",".join(r["tags"]), r["id"],
                      r["parent"] or "-")
    out.print(table)


@app.command()
def show(version: str = typer.Argument(..., help="DATASET[@VERSION|@TAG] or a version id."),
         store: Optional[Path] = StoreOpt,
         as_json: bool = typer.Option(False, "--json", help="Print the whole manifest as JSON.")) -> None:
    """Show a version's manifest summary."""
    from corpuskit.store import VersionStore

    vs = VersionStore(store)
    dataset, vid = vs.find(version)
    m = vs.manifest(dataset, vid)
    if as_json:
        out.print_json(json.dumps(m, ensure_ascii=False))
        return
    out.print(f"[bold]{dataset}@{vid}[/bold]  parent={m.get('parent')}  created={m['created']}")
    out.print(f"code {m.get('code_version')}; {m['counts']['total']} records; splits {m['counts']['records']}")
    for st in m.get("stages", []):
        out.print(f"  {st['name']} v{st['version']}: {st.get('seconds', 0):.2f}s {st.get('stats', {})}")
    q = m.get("quarantine", {})
    out.print(f"quarantined: {q.get('count', 0)} {q.get('by_reason', {})}")
    out.print(f"path: {vs.version_dir(dataset, vid)}")


@app.command()
def diff(a: str, b: str, store: Optional[Path] = StoreOpt,
         as_json: bool = typer.Option(False, "--json")) -> None:
    """Records added/removed/changed (by id) from version A to B, and distribution deltas."""
    from corpuskit.store import VersionStore
    from corpuskit.store.diff import diff_versions

    d = diff_versions(VersionStore(store), a, b)
    if as_json:
        out.print_json(json.dumps(d, ensure_ascii=False))
        return
    out.print(f"{d['a']} → {d['b']}: +{d['added']} added, -{d['removed']} removed, "
              f"~{d['changed']} changed, {d['unchanged']} unchanged")
    for key, delta in d["deltas"].items():
        if delta:
            out.print(f"  {key}: {delta}")


@app.command()
def tag(version: str, name: str, store: Optional[Path] = StoreOpt) -> None:
    """Give a version a name (`corpuskit tag clinical@3fa2 v1-release`)."""
    from corpuskit.store import VersionStore

    vs = VersionStore(store)
    dataset, vid = vs.find(version)
    vs.tag(dataset, vid, name)
    out.print(f"{dataset}@{name} → {vid}")


@app.command()
def apply(
    stage: str = typer.Argument(..., help="Registered stage name, e.g. deid or split.grouped.v1."),
    version: str = typer.Argument(..., help="DATASET[@VERSION|@TAG] to run it on."),
    params: Optional[Path] = typer.Option(None, "--params", help="YAML/JSON file with the stage's params."),
    set_: list[str] = typer.Option([], "--set", help="One param as KEY=YAML_VALUE; repeatable."),
    dataset: Optional[str] = typer.Option(None, "--dataset", help="Write to another dataset name."),
    store: Optional[Path] = StoreOpt,
) -> None:
    """Run one stage on an existing version; prints the new version id (its parent is VERSION)."""
    import yaml

    from corpuskit.pipeline import apply_stage

    values = yaml.safe_load(params.read_text("utf-8")) if params else {}
    for item in set_:
        key, sep, value = item.partition("=")
        if not sep:
            raise typer.BadParameter(f"--set expects KEY=VALUE, got '{item}'")
        values[key] = yaml.safe_load(value)
    result = apply_stage(version, stage, values, store=store, dataset=dataset)
    console.print(f"{result.dataset}@{result.version_id} (parent {result.manifest.get('parent')}"
                  f"{', cache hit' if result.cached else ''})")
    out.print(result.version_id)


@app.command("stages")
def list_stages() -> None:
    """List registered stages, readers, recognizers and augmenters (built-in and plugins)."""
    for reg in (registry.stages, registry.readers, registry.recognizers, registry.augmenters, registry.cli_plugins):
        out.print(f"[bold]{reg.kind}s[/bold] ({reg.group}): {', '.join(reg.names()) or '-'}")


def _register_extensions() -> None:
    for stage in BUILTIN_STAGE_CLIS:
        try:
            module = importlib.import_module(f"corpuskit.stages.{stage}.cli")
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith(f"corpuskit.stages.{stage}"):
                continue
            raise
        module.register(app)
    for name in registry.cli_plugins.names():
        registry.cli_plugins.get(name)(app)


def main() -> None:
    _register_extensions()
    try:
        # without standalone mode click returns (not raises) the code of a typer.Exit
        rc = app(standalone_mode=False)
        if isinstance(rc, int) and rc:
            sys.exit(rc)
    except ConfigError as exc:
        where = f"{exc.source}: " if exc.source else ""
        for path, msg in exc.problems:
            print(f"error: {where}{path + ': ' if path else ''}{msg}", file=sys.stderr)
        sys.exit(2)
    except (CorpuskitError, FileNotFoundError, registry.UnknownComponent) as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
    except (typer.Exit, SystemExit) as exc:
        sys.exit(getattr(exc, "exit_code", getattr(exc, "code", 0)) or 0)
    except typer.Abort:
        console.print("aborted")
        sys.exit(1)
    except Exception as exc:  # noqa: BLE001
        # click's usage errors (typer vendors its own click, so match by shape, not by class)
        if hasattr(exc, "show") and isinstance(getattr(exc, "exit_code", None), int):
            exc.show()
            sys.exit(exc.exit_code)
        raise

if __name__ == "__main__":
    main()
