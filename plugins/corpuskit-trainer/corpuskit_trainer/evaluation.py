"""Reload a trained adapter from its card, and evaluate it on any split of any dataset version."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import torch

from corpuskit.errors import CorpuskitError
from corpuskit_trainer import data as task_data
from corpuskit_trainer.adapters import load_adapter
from corpuskit_trainer.card import read_card
from corpuskit_trainer.label_scoring import generation_metrics
from corpuskit_trainer.metrics import add_perplexity, metrics_fn
from corpuskit_trainer.models import load_model, load_tokenizer


def load_trained(adapter_dir: str | Path, merge: bool = False):
    """(model, tokenizer, card) for an adapter folder written by `corpuskit train`.

    >>> model, tokenizer, card = load_trained("runs/clinical-cls")  # doctest: +SKIP
    >>> card["version_id"]  # the dataset version it was trained on  # doctest: +SKIP
    """
    card = read_card(adapter_dir)
    tokenizer = load_tokenizer(str(adapter_dir))
    base = load_model(
        card["base_model"],
        card["task"],
        labels=card.get("labels"),
        gguf_file=card.get("gguf_file"),
        pad_token_id=tokenizer.pad_token_id,
    )
    model = load_adapter(base, adapter_dir)
    if merge:
        model = model.merge_and_unload()
    model.eval()
    return model, tokenizer, card


def evaluate(
    adapter_dir: str | Path,
    dataset: str | None = None,
    splits: list[str] | None = None,
    store: str | None = None,
    batch_size: int = 16,
) -> dict[str, Any]:
    """Metrics of the adapter on `splits` (default test and adversarial_test) of `dataset`
    (default: the version it was trained on)."""
    from transformers import Trainer, TrainingArguments

    model, tokenizer, card = load_trained(adapter_dir)
    ref_text = dataset or f"{card['dataset']}@{card['version_id']}"
    ref, dsd = task_data.resolve(ref_text, store if store is not None else card.get("store"))
    splits = splits or [s for s in ("test", "adversarial_test") if s in dsd]
    missing = [s for s in splits if s not in dsd]
    if missing or not splits:
        raise CorpuskitError(
            f"{ref.dataset}@{ref.version_id} has no split(s) {missing or splits}; it has {list(dsd)}"
        )
    data = task_data.build_task_data(
        dsd,
        card["task"],
        tokenizer,
        card.get("template") or "classify",
        card["data"]["max_length"],
        splits,
        labels=card.get("labels"),
    )
    with tempfile.TemporaryDirectory() as tmp:
        args = TrainingArguments(
            output_dir=tmp,
            per_device_eval_batch_size=batch_size,
            report_to="none",
            use_cpu=not torch.cuda.is_available(),
            label_names=["labels"],
            remove_unused_columns=False,
            disable_tqdm=True,
        )
        trainer = Trainer(
            model=model,
            args=args,
            data_collator=task_data.collator(card["task"], tokenizer),
            processing_class=tokenizer,
            compute_metrics=metrics_fn(card["task"], card.get("labels")),
        )
        metrics: dict[str, Any] = {"dataset": ref.dataset, "version_id": ref.version_id}
        for split in splits:
            if split in data.splits:
                split_metrics = trainer.evaluate(data.splits[split], metric_key_prefix=split)
                metrics.update(
                    add_perplexity(split_metrics, split) if card["task"] == "sft" else split_metrics
                )
    if card["task"] == "sft" and card.get("label_set"):
        for split in splits:
            metrics.update(
                generation_metrics(
                    model, tokenizer, dsd[split], card["label_set"], card["data"]["max_length"], split
                )
            )
    noise = ("_runtime", "_per_second", "_model_preparation_time")
    return {k: v for k, v in metrics.items() if k != "epoch" and not k.endswith(noise)}
