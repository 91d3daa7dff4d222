"""EWC step-time overhead vs plain LoRA on the same model and data (goal ≤ 1.15×).

    python bench/bench_ewc.py                      # SmolLM2-135M, LoRA r=16 on q/k/v/o/gate/up/down
    python bench/bench_ewc.py --tiny deepseek_v3 --steps 10   # plumbing check in seconds

Both runs go through `corpuskit_trainer.train` with identical settings except `ewc.mode`; the Fisher is
estimated before the timed loop (its one-off cost is printed separately). Step time is the Trainer's
train_runtime / steps after one warm-up run of each.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_trainer_common import DOMAIN_FILE, model_overrides, read_texts, store_version


def run(args, store: Path, ref: str, out: Path, ewc: bool) -> tuple[float, float]:
    from corpuskit_trainer import load_config, train

    o = {
        "data.dataset": ref,
        "data.store": str(store),
        "data.task": "sft",
        "data.template": "pretrain",
        "data.max_length": args.seq,
        "train.output_dir": str(out),
        "train.max_steps": args.steps,
        "train.batch_size": args.batch,
        "train.progress": False,
        "train.report_to": [],
        "train.logging_steps": args.steps,
        "data.eval_split": None,
        "data.test_splits": [],
        "model.r": 16,
        "model.alpha": 32,
        **model_overrides(args, out),
    }
    if ewc:
        o.update(
            {
                "ewc.mode": "base",
                "ewc.lam": 0.01,
                "ewc.fisher_samples": args.fisher_samples,
                "ewc.fisher_batch_size": 4,
            }
        )
    t0 = time.perf_counter()
    result = train(load_config(None, o))
    total = time.perf_counter() - t0
    runtime = next(h["train_runtime"] for h in result.trainer.state.log_history if "train_runtime" in h)
    return runtime / args.steps, total - runtime


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument(
        "--tiny", choices=["deepseek_v3", "deepseek_v2", "llama"], help="tiny random model instead of SmolLM2"
    )
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--seq", type=int, default=128)
    p.add_argument("--n", type=int, default=400, help="training records")
    p.add_argument("--fisher-samples", type=int, default=32)
    p.add_argument("--domain", type=Path, default=DOMAIN_FILE)
    args = p.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        ref = store_version(store, "domain", read_texts(args.domain), args.n, 16, "finance")
        results = {}
        for name, ewc in (("lora", False), ("lora+ewc", True)):
            run(args, store, ref, Path(tmp) / f"warm-{name}", ewc)  # warm-up: allocator, kernels, page cache
            results[name] = run(args, store, ref, Path(tmp) / name, ewc)
    model = args.tiny or "SmolLM2-135M"
    ratio = results["lora+ewc"][0] / results["lora"][0]
    print(f"\nEWC step-time overhead on {model} (batch {args.batch}, seq {args.seq}, {args.steps} steps)")
    print(f"{'run':<10} {'s/step':>8} {'setup s':>8}")
    for name, (step, setup) in results.items():
        print(f"{name:<10} {step:>8.3f} {setup:>8.1f}")
    verdict = "meets" if ratio <= 1.15 else "MISSES"
    print(f"ratio {ratio:.3f}× — {verdict} the ≤ 1.15× goal (setup includes the one-off Fisher estimate)")


if __name__ == "__main__":
    main()
