"""The trainer's CUDA paths, end to end, on a machine with an NVIDIA GPU (CI has none, so this is a script).

    python scripts/gpu_check.py [--out DIR] [--json FILE]

Each check trains a tiny random DeepSeek-V3 (or llama) on a small synthetic store version through the
same `train()` the CLI calls, and asserts what a user would look at: the run finished on the GPU, its
losses are finite, the adapter (and Fisher) were saved, and what the option promises held (4-bit base
weights, fp16 gradient scaling, the NCCL rank). Prints one line per check and exits non-zero if any
failed; `--json` writes the results for a report.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins" / "corpuskit-trainer" / "tests"))

import torch  # noqa: E402
from trainer_fixtures import commit_version, overrides  # noqa: E402

from corpuskit.store import VersionStore  # noqa: E402


def _rows(out: Path) -> list[dict]:
    return [json.loads(x) for x in (out / "metrics.jsonl").read_text().splitlines()]


def _losses(out: Path) -> list[float]:
    return [r["loss"] for r in _rows(out) if "loss" in r]


def _train(store: Path, out: Path, **extra):
    """One tiny run through `train()`; asserts what every check needs: it trained on the GPU and its
    logged losses are finite."""
    from corpuskit_trainer import load_config, train

    result = train(load_config(None, overrides(store, out, **extra)))
    assert _on_gpu(result), "trainable weights not on the GPU"
    assert all(math.isfinite(x) for x in _losses(out)), _losses(out)
    return result


def _on_gpu(result) -> bool:
    return all(p.device.type == "cuda" for p in result.trainer.model.parameters() if p.requires_grad)


def check_sft_bf16(store: Path, out: Path) -> dict:
    """bf16 autocast, gradient accumulation, activation checkpointing and base EWC (Fisher on the GPU)."""
    r = _train(
        store,
        out,
        **{
            "data.dataset": "clinical@v1",
            "data.task": "sft",
            "data.template": "pretrain",
            "train.bf16": True,
            "train.grad_accum": 2,
            "train.gradient_checkpointing": True,
            "train.logging_steps": 1,
            "ewc.mode": "base",
            "ewc.lam": 1.0,
            "ewc.fisher_samples": 16,
        },
    )
    rows = [row for row in _rows(out) if "loss" in row]
    assert rows[-1]["ewc_penalty"] > 0, "the EWC penalty never moved off zero"
    assert (out / "fisher.safetensors").is_file() and (out / "adapter_model.safetensors").is_file()
    return {"steps": r.trainer.state.global_step, "last_loss": rows[-1]["loss"], "eval": r.metrics}


def check_classify_fp16(store: Path, out: Path) -> dict:
    """fp16 with the GradScaler, early stopping, base EWC whose Fisher needs a separately loaded LM."""
    r = _train(
        store,
        out,
        **{
            "data.dataset": "clinical@v1",
            "data.task": "classify",
            "train.fp16": True,
            "train.max_steps": 30,
            "train.eval_steps": 3,
            "train.early_stopping_patience": 2,
            "train.metric_for_best": "eval_accuracy",
            "ewc.mode": "base",
            "ewc.lam": 0.5,
            "ewc.fisher_samples": 16,
        },
    )
    assert r.trainer.accelerator.scaler is not None, "fp16 ran without a gradient scaler"
    assert 0.0 <= r.metrics["test_accuracy"] <= 1.0
    return {"steps": r.trainer.state.global_step, "test_accuracy": r.metrics["test_accuracy"]}


def check_sequential_ewc(store: Path, out: Path, prev: Path) -> dict:
    """Online EWC on the next version (fp32), anchored on the fp16 run's adapter and Fisher."""
    r = _train(
        store,
        out,
        **{
            "data.dataset": "clinical@latest",
            "data.task": "classify",
            "train.max_steps": 6,
            "ewc.mode": "sequential",
            "ewc.lam": 1.0,
            "ewc.prev_adapter": str(prev),
            "ewc.fisher_samples": 16,
        },
    )
    return {"steps": r.trainer.state.global_step, "test_accuracy": r.metrics["test_accuracy"]}


def check_ner_bf16(store: Path, out: Path) -> dict:
    r = _train(
        store,
        out,
        **{"data.dataset": "clinical@v1", "data.task": "ner", "train.bf16": True, "train.max_steps": 6},
    )
    return {"steps": r.trainer.state.global_step, "test_span_f1": r.metrics["test_span_f1"]}


def check_qlora(store: Path, out: Path, family: str) -> dict:
    """4-bit NF4 base weights through bitsandbytes, LoRA in bf16 on top."""
    r = _train(
        store,
        out,
        **{
            "data.dataset": "clinical@v1",
            "data.task": "sft",
            "data.template": "pretrain",
            "model.tiny_model": family,
            "model.quantize_4bit": True,
            "train.bf16": True,
            "train.max_steps": 6,
        },
    )
    kinds = {type(m).__name__ for m in r.trainer.model.modules()}
    assert "Linear4bit" in kinds, f"no 4-bit layers in the model: {sorted(kinds)[:20]}"
    return {"steps": r.trainer.state.global_step, "last_loss": _losses(out)[-1]}


def check_qlora_ewc(store: Path, out: Path) -> dict:
    """QLoRA with base EWC: trains, or refuses with a CorpuskitError that says why (never a stack dump)."""
    from corpuskit.errors import CorpuskitError

    try:
        r = _train(
            store,
            out,
            **{
                "data.dataset": "clinical@v1",
                "data.task": "sft",
                "data.template": "pretrain",
                "model.quantize_4bit": True,
                "train.bf16": True,
                "train.max_steps": 4,
                "ewc.mode": "base",
                "ewc.lam": 1.0,
                "ewc.fisher_samples": 8,
            },
        )
    except CorpuskitError as exc:
        return {"refused": str(exc)}
    return {"steps": r.trainer.state.global_step, "trained": True}


def check_torchrun_nccl(store: Path, out: Path) -> dict:
    """The CLI under torchrun on the GPU: one NCCL rank, EWC Fisher made by rank 0."""
    env = {**os.environ, "CORPUSKIT_STORE": str(store)}
    cmd = [
        sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "1", "--master_port", "29561",
        "-m", "corpuskit_trainer.cli", "train", "clinical@v1", "--task", "classify",
        "--tiny-model", "deepseek_v3", "-o", str(out), "--max-steps", "4", "--batch-size", "8",
        "--ewc", "base", "--ewc-lambda", "1.0", "--set", "ewc.fisher_samples=8",
        "--set", "train.report_to=[]", "--set", "train.logging_steps=1", "--set", "train.bf16=true",
        "--set", "train.ddp_backend=nccl",
    ]  # fmt: skip
    run = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    steps = [r["step"] for r in _rows(out) if "loss" in r]
    assert steps == [1, 2, 3, 4], steps
    return {"steps": steps[-1]}


def check_eval_cli(store: Path, adapter: Path) -> dict:
    """`eval-model` reloads a saved adapter on the GPU and scores the version's test splits."""
    env = {**os.environ, "CORPUSKIT_STORE": str(store)}
    cmd = [sys.executable, "-m", "corpuskit_trainer.cli", "eval-model", str(adapter)]
    run = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    metrics = json.loads(run.stdout)
    assert 0.0 <= metrics["test_accuracy"] <= 1.0, metrics
    return {"test_accuracy": metrics["test_accuracy"]}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, default=None, help="work folder (default: a temporary one)")
    p.add_argument("--json", type=Path, default=None, help="write the results here")
    args = p.parse_args()
    if not torch.cuda.is_available():
        print("no CUDA device here: nothing to check (the CPU paths are covered by the test suite)")
        return 2
    work = args.out or Path(tempfile.mkdtemp(prefix="gpu_check_"))
    store = work / "store"
    v1 = commit_version(store)
    commit_version(store, shift=True, parent=v1)
    VersionStore(store).tag("clinical", v1, "v1")
    has_bnb = _has("bitsandbytes")
    checks = [
        ("sft_bf16_accum_ckpt_ewc", lambda: check_sft_bf16(store, work / "sft_bf16")),
        ("classify_fp16_early_stop_ewc", lambda: check_classify_fp16(store, work / "cls_fp16")),
        ("sequential_ewc_next_version", lambda: check_sequential_ewc(store, work / "seq", work / "cls_fp16")),
        ("ner_bf16", lambda: check_ner_bf16(store, work / "ner")),
        ("eval_cli_reload", lambda: check_eval_cli(store, work / "cls_fp16")),
        ("torchrun_nccl", lambda: check_torchrun_nccl(store, work / "ddp")),
    ]
    if has_bnb:
        checks += [
            ("qlora_deepseek_v3", lambda: check_qlora(store, work / "qlora_v3", "deepseek_v3")),
            ("qlora_llama", lambda: check_qlora(store, work / "qlora_llama", "llama")),
            ("qlora_with_ewc", lambda: check_qlora_ewc(store, work / "qlora_ewc")),
        ]
    env = {
        "gpu": torch.cuda.get_device_name(0),
        "torch": torch.__version__,
        **{name: _version(name) for name in ("transformers", "peft", "accelerate", "bitsandbytes")},
    }
    print(json.dumps(env))
    results = []
    for name, fn in checks:
        t0 = time.perf_counter()
        try:
            detail, ok = fn(), True
        except Exception as exc:  # a check's failure is a result, the next check still runs
            detail, ok = (
                {"error": f"{type(exc).__name__}: {exc}"[:2000], "trace": traceback.format_exc()[-3000:]},
                False,
            )
        results.append({"check": name, "ok": ok, "seconds": round(time.perf_counter() - t0, 1), **detail})
        print(
            f"{'PASS' if ok else 'FAIL'} {name} ({results[-1]['seconds']} s) "
            f"{json.dumps({k: v for k, v in detail.items() if k != 'trace'}, default=str)[:400]}",
            flush=True,
        )
        if not ok:
            print(detail["trace"], flush=True)
    if not has_bnb:
        print("SKIP qlora: bitsandbytes is not installed (pip install 'corpuskit-trainer[qlora]')")
    if args.json:
        args.json.write_text(json.dumps({"env": env, "results": results}, indent=2, default=str))
    return 0 if all(r["ok"] for r in results) else 1


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def _version(dist: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return None


if __name__ == "__main__":
    sys.exit(main())
