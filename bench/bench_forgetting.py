"""Forgetting study: LoRA on a domain split with and without EWC, and with an L2 control, over a λ sweep.

    python bench/bench_forgetting.py                                  # SmolLM2-135M, 120 steps, λ sweep
    python bench/bench_forgetting.py --steps 4 --n 32 --lams 0.01     # a small run (minutes on 2 cores)
    python bench/bench_forgetting.py --tiny llama --steps 10          # plumbing only (random weights)

For each run: domain gain = base domain test loss − adapted domain test loss; forgetting = rise in
perplexity on held-out general text. EWC uses the base-anchored Fisher estimated on general text; the L2
control is the same penalty with a uniform Fisher (all ones, i.e. λ/2·‖ΔW‖²) at the same λ scale.
Goals (issue 8): some EWC λ cuts the rise by ≥ 90% while keeping ≥ 95% of the domain gain, and at equal
domain gain EWC forgets less than L2. Prints a table and saves a plot (--out).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from pathlib import Path

import torch
from safetensors.torch import save_file

sys.path.insert(0, str(Path(__file__).parent))
from bench_trainer_common import (
    DOMAIN_FILE,
    GENERAL_FILE,
    base_eval,
    model_overrides,
    read_texts,
    store_version,
)


def train_and_measure(args, store: Path, domain: str, general: str, out: Path, ewc: dict) -> dict:
    from corpuskit_trainer import evaluate, load_config, train

    o = {
        "data.dataset": domain,
        "data.store": str(store),
        "data.task": "sft",
        "data.template": "pretrain",
        "data.max_length": args.seq,
        "train.output_dir": str(out),
        "train.max_steps": args.steps,
        "train.batch_size": args.batch,
        "train.lr": args.lr,
        "train.progress": False,
        "train.report_to": [],
        "data.eval_split": None,
        "model.r": 16,
        "model.alpha": 32,
        "ewc.fisher_data": general,
        "ewc.fisher_samples": args.fisher_samples,
        "ewc.fisher_batch_size": 1,
        **model_overrides(args, out),
        **ewc,
    }
    result = train(load_config(None, o))
    general_loss = evaluate(out, dataset=general, splits=["test"], store=str(store))["test_loss"]
    return {"domain_loss": result.metrics["test_loss"], "general_loss": general_loss}


def uniform_fisher(fisher_file: Path, path: Path) -> Path:
    """The L2 control: ones with the Fisher's keys and shapes (mean 1, like the normalised Fisher)."""
    from corpuskit_trainer.ewc import load_fisher

    fisher, meta = load_fisher(fisher_file)
    save_file(
        {k: torch.ones_like(v) for k, v in fisher.items()},
        str(path),
        metadata={**meta, "mode": "base", "source": "uniform (L2 control)"},
    )
    return path


def summarise(base: dict, rows: list[dict]) -> list[dict]:
    plain = next(r for r in rows if r["method"] == "lora")
    plain_gain = base["domain_loss"] - plain["domain_loss"]
    plain_rise = math.exp(plain["general_loss"]) - math.exp(base["general_loss"])
    for r in rows:
        r["domain_gain"] = base["domain_loss"] - r["domain_loss"]
        r["ppl_rise"] = math.exp(r["general_loss"]) - math.exp(base["general_loss"])
        r["gain_kept"] = r["domain_gain"] / plain_gain if plain_gain > 0 else float("nan")
        r["rise_cut"] = 1 - r["ppl_rise"] / plain_rise if plain_rise > 0 else float("nan")
    return rows


def l2_rise_at_gain(rows: list[dict], gain: float) -> float | None:
    """The L2 control's perplexity rise at a given domain gain, linearly interpolated on its λ curve."""
    pts = sorted((r["domain_gain"], r["ppl_rise"]) for r in rows if r["method"] in ("l2", "lora"))
    for (g0, r0), (g1, r1) in zip(pts, pts[1:]):
        if g0 <= gain <= g1 and g1 > g0:
            return r0 + (r1 - r0) * (gain - g0) / (g1 - g0)
    return None


def report(base: dict, rows: list[dict], out: Path) -> None:
    print(f"\nbase: domain loss {base['domain_loss']:.4f}, general ppl {math.exp(base['general_loss']):.3f}")
    print(
        f"{'method':<6} {'λ':>8} {'domain gain':>12} {'gain kept':>10} {'ppl rise':>9} {'rise cut':>9} {'L2 rise@gain':>13}"
    )
    for r in rows:
        l2 = l2_rise_at_gain(rows, r["domain_gain"]) if r["method"] == "ewc" else None
        print(
            f"{r['method']:<6} {r['lam']:>8g} {r['domain_gain']:>12.4f} {r['gain_kept']:>10.1%} "
            f"{r['ppl_rise']:>9.3f} {r['rise_cut']:>9.1%} {'' if l2 is None else f'{l2:.3f}':>13}"
        )
    ok = [r for r in rows if r["method"] == "ewc" and r["rise_cut"] >= 0.9 and r["gain_kept"] >= 0.95]
    print(
        "goal (cut ≥ 90% keeping ≥ 95%):",
        "met at λ = " + ", ".join(f"{r['lam']:g}" for r in ok) if ok else "NOT met",
    )
    out.mkdir(parents=True, exist_ok=True)
    (out / "forgetting.json").write_text(json.dumps({"base": base, "runs": rows}, indent=2))
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib not installed: no plot (pip install 'corpuskit-trainer[bench]')")
        return
    fig, ax = plt.subplots(figsize=(6, 4))
    for method, style in (("ewc", "o-"), ("l2", "s--"), ("lora", "k*")):
        pts = sorted((r["domain_gain"], r["ppl_rise"], r["lam"]) for r in rows if r["method"] == method)
        if pts:
            ax.plot([p[0] for p in pts], [p[1] for p in pts], style, label=method)
            for g, rise, lam in pts:
                ax.annotate(f"{lam:g}", (g, rise), fontsize=7)
    ax.set_xlabel("domain loss gain (higher is better)")
    ax.set_ylabel("general perplexity rise (lower is better)")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out / "forgetting.png", dpi=120)
    print(f"plot: {out / 'forgetting.png'}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--tiny", choices=["deepseek_v3", "deepseek_v2", "llama"])
    p.add_argument("--steps", type=int, default=120)
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--seq", type=int, default=128)
    p.add_argument("--lr", type=float, default=2e-4)
    p.add_argument("--n", type=int, default=960, help="domain training records")
    p.add_argument("--n-test", type=int, default=64)
    p.add_argument("--fisher-samples", type=int, default=128)
    p.add_argument("--lams", type=float, nargs="+", default=[1e-3, 3e-3, 1e-2, 3e-2, 1e-1])
    p.add_argument(
        "--l2-lams", type=float, nargs="*", help="λ values for the L2 control (default: --lams; none: skip it)"
    )
    p.add_argument("--domain", type=Path, default=DOMAIN_FILE)
    p.add_argument("--general", type=Path, default=GENERAL_FILE)
    p.add_argument("--out", type=Path, default=Path("bench/results/forgetting"))
    args = p.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        store = tmp / "store"
        domain = store_version(store, "domain", read_texts(args.domain), args.n, args.n_test, "finance")
        general = store_version(
            store, "general", read_texts(args.general), args.fisher_samples, args.n_test, "general"
        )
        rows = [
            {
                "method": "lora",
                "lam": 0.0,
                **train_and_measure(args, store, domain, general, tmp / "lora", {}),
            }
        ]
        fisher_file = None
        for lam in args.lams:
            ewc = {"ewc.mode": "base", "ewc.lam": lam}
            if fisher_file:
                ewc["ewc.fisher_file"] = str(fisher_file)
            run_dir = tmp / f"ewc-{lam:g}"
            rows.append(
                {"method": "ewc", "lam": lam, **train_and_measure(args, store, domain, general, run_dir, ewc)}
            )
            fisher_file = fisher_file or run_dir / "fisher.safetensors"
        l2_lams = args.lams if args.l2_lams is None else args.l2_lams
        ones = uniform_fisher(fisher_file, tmp / "uniform.safetensors") if l2_lams else None
        for lam in l2_lams:
            ewc = {"ewc.mode": "base", "ewc.lam": lam, "ewc.fisher_file": str(ones)}
            rows.append(
                {
                    "method": "l2",
                    "lam": lam,
                    **train_and_measure(args, store, domain, general, tmp / f"l2-{lam:g}", ewc),
                }
            )
        from corpuskit_trainer.card import read_card

        card = read_card(tmp / "lora")
        base = {
            "domain_loss": base_eval(card["base_model"], card.get("gguf_file"), domain, store, args.seq),
            "general_loss": base_eval(card["base_model"], card.get("gguf_file"), general, store, args.seq),
        }
    report(base, summarise(base, rows), args.out)


if __name__ == "__main__":
    main()
