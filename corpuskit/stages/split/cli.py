"""`corpuskit check-leakage` and `corpuskit export`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    app.command("check-leakage")(check_leakage)
    app.command("export")(export)


def check_leakage(
    version: Annotated[str, typer.Argument(help="NAME, NAME@VERSION-ID, NAME@TAG or a bare version id.")],
    store: Annotated[Path | None, typer.Option("--store", help="Store folder (default $CORPUSKIT_STORE or ./store).")] = None,
    threshold: Annotated[float, typer.Option("--threshold", min=0.05, max=0.99,
                                             help="Near-duplicate Jaccard threshold.")] = 0.8,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Check a stored version for leakage between splits; exits 1 if any count is not zero."""
    from corpuskit.stages.split.leakage import leakage_report
    from corpuskit.store import VersionStore

    vs = VersionStore(store)
    dataset, vid = vs.find(version)
    report = leakage_report(vs.load(dataset, vid), threshold=threshold)
    if as_json:
        typer.echo(json.dumps(report, indent=2))
    else:
        _print_report(f"{dataset}@{vid}", report, threshold)
    raise typer.Exit(0 if report["ok"] else 1)


def _print_report(version: str, report: dict, threshold: float) -> None:
    from rich.console import Console
    from rich.table import Table

    sizes = ", ".join(f"{name} {n}" for name, n in report.get("sizes", {}).items())
    table = Table(title=f"leakage check of {version} ({sizes}; near-duplicate threshold {threshold})",
                  title_justify="left")
    for column in ("", "check", "count", "examples (record ids)"):
        table.add_column(column)
    for key, value in report.items():
        if isinstance(value, int) and not isinstance(value, bool) and key != "total":
            examples = "; ".join(",".join(e) if isinstance(e, list) else str(e) for e in report["examples"][key])
            table.add_row("ok" if value == 0 else "LEAK", key.replace("_", " "), str(value), examples)
    console = Console(width=max(Console().width, 120))
    console.print(table)
    console.print("no leakage" if report["ok"] else f"{report['total']} leak(s) found")


def export(
    version: Annotated[str, typer.Argument(help="NAME, NAME@VERSION-ID, NAME@TAG or a bare version id.")],
    out: Annotated[Path, typer.Option("--out", help="Output folder.")],
    fmt: Annotated[str, typer.Option("--format", help="alpaca | sharegpt")] = "alpaca",
    task: Annotated[str, typer.Option("--task", help="classify | extract | pretrain")] = "classify",
    template: Annotated[Path | None, typer.Option("--template", help="YAML file overriding prompt templates.")] = None,
    span_source: Annotated[list[str] | None, typer.Option(
        "--span-source", help="extract: span sources that are entities, e.g. lf, human (default: all but deid).")] = None,
    store: Annotated[Path | None, typer.Option("--store", help="Store folder (default $CORPUSKIT_STORE or ./store).")] = None,
) -> None:
    """Write the version's splits as alpaca/sharegpt JSONL (+ dataset_info.json for LLaMA-Factory)."""
    from corpuskit.stages.split.export import export as export_splits

    if fmt not in ("alpaca", "sharegpt"):
        raise typer.BadParameter(f"--format must be alpaca or sharegpt, not '{fmt}'")
    if task not in ("classify", "extract", "pretrain"):
        raise typer.BadParameter(f"--task must be classify, extract or pretrain, not '{task}'")
    counts = export_splits(version, out, fmt, task, store=store, template_file=template,  # type: ignore[arg-type]
                           span_sources=set(span_source) if span_source else None)
    for split, c in counts.items():
        skipped = f" ({c['skipped']} without labels skipped)" if c["skipped"] else ""
        typer.echo(f"{split}: {c['written']} examples → {out / (split + '.jsonl')}{skipped}")
    typer.echo(f"LLaMA-Factory: {out / 'dataset_info.json'}")
