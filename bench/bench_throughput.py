"""Training throughput of `corpuskit train` vs a minimal hand-written Trainer+peft script (goal ≥ 1.0×).

    python bench/bench_throughput.py                          # SmolLM2-135M
    python bench/bench_throughput.py --tiny llama --steps 10  # plumbing check in seconds

Same base weights, same tokenised records, same LoRA targets, batch and sequence length; the baseline is
what a user would write by hand: tokenizer → Dataset → LoraConfig → get_peft_model → Trainer.train().
Targets are the attention projections, which peft targets the same way on every architecture (on
deepseek_v2/v3 plain peft would silently retarget gate/up/down to the experts: peft issue 3711).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_trainer_common import DOMAIN_FILE, StepTimer, model_overrides, read_texts, store_version


def corpuskit_run(args, store: Path, ref: str, out: Path):
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
        "model.mlp": False,
        **model_overrides(args, out),
    }
    timer = StepTimer()
    result = train(load_config(None, o), extra_callbacks=[timer])
    runtime = next(h["train_runtime"] for h in result.trainer.state.log_history if "train_runtime" in h)
    return Measure(args.steps * args.batch / runtime, timer.times[1:]), result


@dataclass
class Measure:
    samples_per_s: float  # from the Trainer's train_runtime (first step and loop overhead included)
    step_times: list[float]  # each optimizer step after the first


def baseline_run(
    args, texts: list[str], base: str, gguf: str | None, targets: list[str], out: Path
) -> Measure:
    """The hand-written script: nothing corpuskit-specific."""
    import torch
    from datasets import Dataset
    from peft import LoraConfig, get_peft_model
    from transformers import (
        AutoModelForCausalLM,
        AutoTokenizer,
        DataCollatorForLanguageModeling,
        Trainer,
        TrainingArguments,
    )

    kw = {"gguf_file": gguf} if gguf else {}
    tok = AutoTokenizer.from_pretrained(base, **kw)
    tok.pad_token = tok.pad_token or tok.eos_token
    ds = Dataset.from_dict({"text": [t + tok.eos_token for t in texts]}).map(
        lambda b: tok(b["text"], truncation=True, max_length=args.seq, add_special_tokens=False),
        batched=True,
        remove_columns=["text"],
    )
    base_model = AutoModelForCausalLM.from_pretrained(base, **kw)
    if gguf:  # weights are dequantised floats, but Trainer refuses a model still marked as GGUF-quantised
        base_model.hf_quantizer = None
        del base_model.config.quantization_config
        base_model.is_quantized = False
    model = get_peft_model(
        base_model, LoraConfig(r=16, lora_alpha=32, target_modules=targets, task_type="CAUSAL_LM")
    )
    targs = TrainingArguments(
        output_dir=str(out),
        max_steps=args.steps,
        per_device_train_batch_size=args.batch,
        learning_rate=2e-4,
        logging_steps=args.steps,
        report_to="none",
        save_strategy="no",
        disable_tqdm=True,
        use_cpu=not torch.cuda.is_available(),
        seed=42,
    )
    timer = StepTimer()  # the same callback as the corpuskit run gets: both pay for it alike
    trainer = Trainer(
        model=model,
        args=targs,
        train_dataset=ds,
        data_collator=DataCollatorForLanguageModeling(tok, mlm=False),
        callbacks=[timer],
    )
    runtime = trainer.train().metrics["train_runtime"]
    return Measure(args.steps * args.batch / runtime, timer.times[1:])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--tiny", choices=["deepseek_v3", "deepseek_v2", "llama"])
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--seq", type=int, default=128)
    p.add_argument("--n", type=int, default=400)
    p.add_argument("--domain", type=Path, default=DOMAIN_FILE)
    p.add_argument("--repeats", type=int, default=4, help="alternating timed runs of each; medians reported")
    args = p.parse_args()

    from corpuskit_trainer import data as task_data
    from corpuskit_trainer.card import read_card

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        ref = store_version(store, "domain", read_texts(args.domain), args.n, 16, "finance")
        _, result = corpuskit_run(args, store, ref, Path(tmp) / "ck")  # warm-up; builds the tiny base if any
        card = read_card(result.output_dir)
        _, dsd = task_data.resolve(ref, str(store))
        texts = dsd["train"]["text"]
        targets = card["adapter"]["target_modules"]
        baseline_run(
            args, texts, card["base_model"], card.get("gguf_file"), targets, Path(tmp) / "b"
        )  # warm-up
        ours_runs: list[Measure] = []
        theirs_runs: list[Measure] = []

        def ours():
            ours_runs.append(corpuskit_run(args, store, ref, Path(tmp) / "ck")[0])

        def theirs():
            theirs_runs.append(
                baseline_run(args, texts, card["base_model"], card.get("gguf_file"), targets, Path(tmp) / "b")
            )

        for i in range(args.repeats):  # alternate, and swap who goes first, so load and order hit both alike
            for run in (ours, theirs) if i % 2 == 0 else (theirs, ours):
                run()
    model = args.tiny or "SmolLM2-135M"
    print(
        f"\nthroughput on {model} (batch {args.batch}, seq ≤ {args.seq}, {args.repeats}×{args.steps} steps each)"
    )
    print(f"{'':22} {'samples/s (runtime)':>20} {'samples/s (median step)':>24}  runs (runtime)")
    rows = {}
    for name, runs in (("corpuskit train", ours_runs), ("Trainer+peft script", theirs_runs)):
        by_runtime = statistics.median(m.samples_per_s for m in runs)
        by_step = args.batch / statistics.median(t for m in runs for t in m.step_times)
        rows[name] = (by_runtime, by_step)
        listed = ", ".join(f"{m.samples_per_s:.1f}" for m in runs)
        print(f"{name:22} {by_runtime:>20.1f} {by_step:>24.1f}  {listed}")
    (o_rt, o_st), (t_rt, t_st) = rows.values()
    for label, ratio in (("runtime", o_rt / t_rt), ("median step", o_st / t_st)):
        print(f"ratio by {label}: {ratio:.3f}× — {'meets' if ratio >= 1.0 else 'MISSES'} the ≥ 1.0× goal")


if __name__ == "__main__":
    main()
