"""`corpuskit train` and `corpuskit eval-model`, added to the main CLI through the `corpuskit.cli` entry point."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import Any

import typer

from corpuskit.errors import CorpuskitError


def register(app: typer.Typer) -> None:
    app.command("train")(train_command)
    app.command("eval-model")(eval_command)


def train_command(
    dataset: str | None = typer.Argument(
        None, help="DATASET[@VERSION|@TAG] to train on (or data.dataset in --config)."
    ),
    config: Path | None = typer.Option(
        None, "--config", "-c", help="YAML config (data/model/ewc/train sections)."
    ),
    task: str | None = typer.Option(None, "--task", help="sft | classify | ner"),
    template: str | None = typer.Option(None, "--template", help="sft: classify | extract | pretrain"),
    model: str | None = typer.Option(None, "--model", help="Base model: local path or hub id."),
    tiny_model: str | None = typer.Option(
        None, "--tiny-model", help="Tiny random model: deepseek_v3 | deepseek_v2 | llama."
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Adapter output folder."),
    max_steps: int | None = typer.Option(None, "--max-steps"),
    epochs: float | None = typer.Option(None, "--epochs"),
    lr: float | None = typer.Option(None, "--lr"),
    batch_size: int | None = typer.Option(None, "--batch-size"),
    method: str | None = typer.Option(None, "--method", help="lora | ia3 | prefix"),
    ewc: str | None = typer.Option(None, "--ewc", help="off | base | sequential"),
    ewc_lambda: float | None = typer.Option(None, "--ewc-lambda", help="λ on the mean-1 Fisher."),
    fisher_data: str | None = typer.Option(
        None, "--fisher-data", help="Reference DATASET@VERSION for the Fisher."
    ),
    prev_adapter: Path | None = typer.Option(
        None, "--prev-adapter", help="sequential EWC: previous adapter."
    ),
    merge: bool | None = typer.Option(None, "--merge/--no-merge", help="Also save the merged model."),
    resume: str | None = typer.Option(
        None, "--resume", help="'true' (last checkpoint) or a checkpoint path."
    ),
    store: Path | None = typer.Option(
        None, "--store", help="Store folder (default $CORPUSKIT_STORE or ./store)."
    ),
    set_: list[str] = typer.Option(
        [], "--set", help="Any config key: --set ewc.fisher_samples=128 (repeatable)."
    ),
) -> None:
    """Train a LoRA/IA3/prefix adapter (optionally with EWC) on a dataset version; prints the adapter folder."""
    from corpuskit_trainer.config import load_config
    from corpuskit_trainer.recipe import train

    flags: dict[str, Any] = {
        "data.dataset": dataset,
        "data.task": task,
        "data.template": template,
        "data.store": _str(store),
        "model.model": model,
        "model.tiny_model": tiny_model,
        "model.method": method,
        "train.output_dir": _str(output),
        "train.max_steps": max_steps,
        "train.epochs": epochs,
        "train.lr": lr,
        "train.batch_size": batch_size,
        "train.merge": merge,
        "train.resume": {"true": True, "false": None}.get(resume.lower(), resume) if resume else None,
        "ewc.mode": ewc,
        "ewc.lam": ewc_lambda,
        "ewc.fisher_data": fisher_data,
        "ewc.prev_adapter": _str(prev_adapter),
    }
    try:
        from corpuskit_trainer.config import parse_override

        overrides = {k: v for k, v in flags.items() if v is not None}
        overrides.update(dict(parse_override(s) for s in set_))
        with contextlib.redirect_stdout(sys.stderr):  # stdout carries only the adapter folder
            result = train(load_config(config, overrides))
    except CorpuskitError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    if not result.trainer.is_world_process_zero():
        return  # under torchrun/accelerate one rank reports
    summary = {k: v for k, v in result.metrics.items() if not k.endswith(("_runtime", "_per_second"))}
    typer.echo(
        f"trained on {result.dataset}@{result.version_id}: {json.dumps(summary, default=str)}", err=True
    )
    typer.echo(str(result.output_dir))


def eval_command(
    adapter: Path = typer.Argument(..., help="Adapter folder written by `corpuskit train`."),
    data: str | None = typer.Option(
        None, "--data", help="DATASET[@VERSION] (default: the one it was trained on)."
    ),
    split: list[str] = typer.Option(
        [], "--split", help="Split(s) to evaluate (default: test, adversarial_test)."
    ),
    store: Path | None = typer.Option(None, "--store"),
    batch_size: int = typer.Option(16, "--batch-size"),
) -> None:
    """Evaluate a trained adapter; prints metrics as JSON."""
    from corpuskit_trainer.evaluation import evaluate

    try:
        with contextlib.redirect_stdout(sys.stderr):  # stdout carries only the metrics JSON
            metrics = evaluate(adapter, data, list(split) or None, _str(store), batch_size)
    except CorpuskitError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    json.dump(metrics, sys.stdout, indent=2, default=str)
    sys.stdout.write("\n")


def _str(path: Path | None) -> str | None:
    return str(path) if path is not None else None


def main() -> None:
    """`python -m corpuskit_trainer.cli train ...`: the same commands without the main CLI (e.g. for torchrun)."""
    app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False)
    register(app)
    app()


if __name__ == "__main__":
    main()
