"""`corpuskit check-leakage` and `corpuskit export`."""

from __future__ import annotations

import json
from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    app.command("check-leakage")(check_leakage)
    app.command("export")(export)


def check_leakage(
    version: str = typer.Argument(..., help="DATASET[@VERSION|@TAG] or a version id."),
    store: Path | None = typer.Option(None, "--store"),
    threshold: float = typer.Option(0.8, "--threshold", help="Near-duplicate Jaccard threshold."),
    as_json: bool = typer.Option(False, "--json"),
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
        typer.echo(f"leakage check of {dataset}@{vid} (near-duplicate threshold {threshold}):")
        for key, value in report.items():
            if isinstance(value, int) and not isinstance(value, bool) and key != "total":
                mark = "ok" if value == 0 else "LEAK"
                examples = report["examples"].get(key) or ""
                typer.echo(f"  {mark:4} {key}: {value} {examples if value else ''}")
        typer.echo("no leakage" if report["ok"] else f"{report['total']} leak(s) found")
    raise typer.Exit(0 if report["ok"] else 1)


def export(
    version: str = typer.Argument(..., help="DATASET[@VERSION|@TAG] or a version id."),
    out: Path = typer.Option(..., "--out", help="Output folder."),
    fmt: str = typer.Option("alpaca", "--format", help="alpaca | sharegpt"),
    task: str = typer.Option("classify", "--task", help="classify | extract | pretrain"),
    template: Path | None = typer.Option(None, "--template", help="YAML file overriding the prompt templates."),
    store: Path | None = typer.Option(None, "--store"),
) -> None:
    """Write the version's splits as alpaca/sharegpt JSONL (+ dataset_info.json for LLaMA-Factory)."""
    from corpuskit.stages.split.export import export_version
    from corpuskit.store import VersionStore

    if fmt not in ("alpaca", "sharegpt"):
        raise typer.BadParameter(f"--format must be alpaca or sharegpt, not '{fmt}'")
    if task not in ("classify", "extract", "pretrain"):
        raise typer.BadParameter(f"--task must be classify, extract or pretrain, not '{task}'")
    vs = VersionStore(store)
    dataset, vid = vs.find(version)
    counts = export_version(vs.load(dataset, vid), out, fmt, task, template, name=dataset)  # type: ignore[arg-type]
    typer.echo(f"wrote {counts} to {out}")
