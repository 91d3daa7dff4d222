"""The training loop's options: early stopping, resume, accumulation/bf16/checkpointing, logs, merge, YAML, CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
import yaml
from corpuskit_trainer import load_config, train
from corpuskit_trainer.cli import register
from trainer_fixtures import overrides
from typer.testing import CliRunner

from corpuskit.errors import CorpuskitError


def _rows(out: Path) -> list[dict]:
    return [json.loads(x) for x in (out / "metrics.jsonl").read_text().splitlines()]


def test_early_stopping_stops(store, v1, tmp_path):
    cfg = load_config(
        None,
        overrides(
            store,
            tmp_path,
            **{
                "data.dataset": v1,
                "data.task": "classify",
                "train.max_steps": 60,
                "train.eval_steps": 1,
                "train.early_stopping_patience": 2,
                "train.metric_for_best": "eval_accuracy",
            },
        ),
    )
    result = train(cfg)
    assert result.trainer.state.global_step < 60
    assert result.trainer.state.best_metric is not None
    assert len([r for r in _rows(tmp_path) if "eval_accuracy" in r]) == result.trainer.state.global_step


def test_resume_from_checkpoint_continues(store, v1, tmp_path):
    common = {"data.dataset": v1, "data.task": "sft", "train.save_steps": 2, "train.logging_steps": 1}
    train(load_config(None, overrides(store, tmp_path, **common, **{"train.max_steps": 4})))
    assert (tmp_path / "checkpoint-4").is_dir()
    before = len(_rows(tmp_path))
    result = train(
        load_config(
            None, overrides(store, tmp_path, **common, **{"train.max_steps": 8, "train.resume": True})
        )
    )
    assert result.trainer.state.global_step == 8
    new_steps = [r["step"] for r in _rows(tmp_path)[before:] if "loss" in r]
    assert new_steps and min(new_steps) == 5  # picked up after step 4, not from scratch


def test_accumulation_bf16_checkpointing_tensorboard_and_merge(store, v1, tmp_path):
    from transformers import AutoModelForCausalLM

    result = train(
        load_config(
            None,
            overrides(
                store,
                tmp_path,
                **{
                    "data.dataset": v1,
                    "train.grad_accum": 2,
                    "train.bf16": True,
                    "train.gradient_checkpointing": True,
                    "train.max_steps": 6,
                    "ewc.mode": "base",
                    "ewc.lam": 1.0,
                    "ewc.fisher_samples": 8,
                    "train.report_to": ["tensorboard"],
                    "train.merge": True,
                },
            ),
        )
    )
    assert result.trainer.state.global_step == 6
    losses = [r["loss"] for r in _rows(tmp_path) if "loss" in r]
    assert losses[-1] < losses[0]
    assert list((tmp_path / "tensorboard").glob("events.out.tfevents.*"))
    merged = AutoModelForCausalLM.from_pretrained(tmp_path / "merged")
    assert merged.config.model_type == "deepseek_v3"


def test_yaml_config_with_overrides(store, v1, tmp_path):
    path = tmp_path / "train.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "data": {"dataset": v1, "task": "classify", "store": str(store)},
                "model": {"tiny_model": "deepseek_v3", "r": 4},
                "train": {"max_steps": 3, "output_dir": "nowhere"},
            }
        )
    )
    cfg = load_config(
        path, ["train.output_dir=" + str(tmp_path / "o"), "model.r=2", "ewc.mode=base", "ewc.lam=0.5"]
    )
    assert cfg.model.r == 2 and cfg.train.max_steps == 3 and cfg.ewc.lam == 0.5
    assert cfg.train.output_dir == str(tmp_path / "o")
    assert cfg.data.eval_split == "validation"
    assert (
        load_config(path, ["data.eval_split=null"]).data.eval_split is None
    )  # no evaluation during training
    with pytest.raises(CorpuskitError, match="section.key=value"):
        load_config(path, ["r=2"])
    with pytest.raises(CorpuskitError, match="model.rank"):
        load_config(path, ["model.rank=2"])


def test_cli_errors_are_one_line(tmp_path, store):
    app = typer.Typer()
    register(app)
    result = CliRunner().invoke(
        app,
        ["train", "nosuch@latest", "--tiny-model", "deepseek_v3", "--store", str(store), "-o", str(tmp_path)],
    )
    assert result.exit_code == 2
    assert "no version" in result.output or "no dataset" in result.output
    assert "Traceback" not in result.output
    result = CliRunner().invoke(app, ["eval-model", str(tmp_path)])
    assert result.exit_code == 2 and "training_card.json" in result.output


def test_corpuskit_train_and_eval_model_commands(store, v1, tmp_path):
    """The installed `corpuskit` command gains train/eval-model through the plugin's entry point."""
    exe = Path(sys.executable).with_name("corpuskit")
    env = {**os.environ, "CORPUSKIT_STORE": str(store), "OMP_NUM_THREADS": "1"}
    run = subprocess.run(
        [
            str(exe),
            "train",
            v1,
            "--task",
            "classify",
            "--tiny-model",
            "deepseek_v3",
            "-o",
            str(tmp_path / "a"),
            "--max-steps",
            "3",
            "--set",
            "train.report_to=[]",
            "--set",
            "data.max_length=48",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip().splitlines()[-1] == str(tmp_path / "a")
    run = subprocess.run(
        [str(exe), "eval-model", str(tmp_path / "a"), "--split", "test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "test_accuracy" in json.loads(run.stdout)


def test_ewc_penalty_once_per_optimizer_step_and_lazy_every(store, v1, tmp_path, monkeypatch):
    from corpuskit_trainer.ewc import EWCPenalty

    calls = []
    original = EWCPenalty.forward
    monkeypatch.setattr(EWCPenalty, "forward", lambda self: (calls.append(1), original(self))[1])
    common = {
        "data.dataset": v1,
        "train.grad_accum": 2,
        "train.batch_size": 4,
        "train.max_steps": 4,
        "train.logging_steps": 1,
        "ewc.mode": "base",
        "ewc.lam": 1.0,
        "ewc.fisher_samples": 4,
    }
    train(load_config(None, overrides(store, tmp_path / "a", **common)))
    assert len(calls) == 4  # one per optimizer step, not one per micro-batch
    calls.clear()
    train(load_config(None, overrides(store, tmp_path / "b", **common, **{"ewc.every": 2})))
    assert len(calls) == 2
    logged = [r["step"] for r in _rows(tmp_path / "b") if "ewc_penalty" in r]
    assert logged == [1, 3]
