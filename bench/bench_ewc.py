"""EWC step-time overhead vs plain LoRA on the same model and data (goal ≤ 1.15×).

    python bench/bench_ewc.py                      # SmolLM2-135M, LoRA r=16 on q/k/v/o/gate/up/down
    python bench/bench_ewc.py --tiny deepseek_v3 --steps 10   # plumbing check in seconds

Both runs go through `corpuskit_trainer.train` with identical settings except `ewc.mode`; the Fisher is
estimated before the timed loop (a one-off cost, not a step). Each optimizer step is timed by a callback;
the first step of each run is dropped, runs alternate (lora, ewc, lora, ewc) so background load hits both,
and medians are compared (means with --every > 1, where only every k-th step pays).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_trainer_common import DOMAIN_FILE, StepTimer, model_overrides, read_texts, store_version


def run(args, store: Path, ref: str, out: Path, ewc: bool) -> list[float]:
    """Step times (the first, warm-up step dropped) of one training run."""
    from corpuskit_trainer import load_config, train

    o = {
        "data.dataset": ref,
        "data.store": str(store),
        "data.task": "sft",
        "data.template": "pretrain",
        "data.max_length": args.seq,
        "train.output_dir": str(out),
        "train.max_steps": args.steps + 1,
        "train.batch_size": args.batch,
        "train.progress": False,
        "train.report_to": [],
        "train.logging_steps": args.steps + 1,
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
                "ewc.every": args.every,
            }
        )
    timer = StepTimer()
    train(load_config(None, o), extra_callbacks=[timer])
    return timer.times[1:]


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
    p.add_argument("--every", type=int, default=1, help="ewc.every (1 = exact penalty every step)")
    p.add_argument("--repeats", type=int, default=2, help="alternating runs of each")
    args = p.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        ref = store_version(store, "domain", read_texts(args.domain), args.n, 16, "finance")
        times: dict[str, list[float]] = {"lora": [], "lora+ewc": []}
        for i in range(args.repeats):  # alternate, so load from other processes hits both alike
            for name, ewc in (("lora", False), ("lora+ewc", True)):
                times[name] += run(args, store, ref, Path(tmp) / f"{name}-{i}", ewc)
    model = args.tiny or "SmolLM2-135M"
    med = {name: statistics.median(ts) for name, ts in times.items()}
    mean = {name: statistics.fmean(ts) for name, ts in times.items()}
    # with ewc.every > 1 only every k-th step pays the penalty, so the amortised cost is the mean
    ratio = (mean if args.every > 1 else med)["lora+ewc"] / (mean if args.every > 1 else med)["lora"]
    print(
        f"\nEWC step-time overhead on {model} (batch {args.batch}, seq {args.seq}, ewc.every {args.every}, "
        f"{args.repeats}x{args.steps} timed steps each)"
    )
    print(f"{'run':<10} {'median s/step':>14} {'mean':>8} {'min':>8} {'max':>8}")
    for name, ts in times.items():
        print(f"{name:<10} {med[name]:>14.3f} {mean[name]:>8.3f} {min(ts):>8.3f} {max(ts):>8.3f}")
    verdict = "meets" if ratio <= 1.15 else "MISSES"
    basis = "means" if args.every > 1 else "medians"
    print(
        f"ratio of {basis} {ratio:.3f}x: {verdict} the <= 1.15x goal (the one-off Fisher estimate is not a step)"
    )
    if args.every > 1 and args.steps < 2 * args.every:
        print(f"warning: --steps {args.steps} < 2 x --every {args.every}: too few penalised steps to measure")


if __name__ == "__main__":
    main()
