"""Where the Fisher comes from for each EWC mode (the penalty itself is in `ewc.py`).

- base: the causal-LM loss on reference text (`ewc.fisher_data`, default the training text) at the base
  weights. For sft the adapter-wrapped model is used directly (LoRA's B starts at zero, so ΔW = 0); for the
  classify/ner heads a causal LM of the same base is loaded, since "what the model knew" is language modelling.
- sequential: the task loss on the previous version's data, at the previous adapter's solution, combined
  with the previous Fisher by online decay; the anchor is the previous adapter's ΔW.
"""

from __future__ import annotations

import json
from pathlib import Path

import torch
from torch import nn

from corpuskit.errors import CorpuskitError
from corpuskit_trainer import data as task_data
from corpuskit_trainer import ewc
from corpuskit_trainer.config import RunConfig
from corpuskit_trainer.targets import adapted_weights


def fisher_batches(cfg: RunConfig, tokenizer, ref: str, template: str, task: str, labels: list[str] | None):
    """Batches of the reference split, formatted for `task` (labels taken from the trained label set)."""
    from torch.utils.data import DataLoader

    _, dsd = task_data.resolve(ref, cfg.data.store)
    split = cfg.ewc.fisher_split
    if split not in dsd:
        raise CorpuskitError(f"ewc.fisher_data '{ref}' has no split '{split}' (it has {list(dsd)})")
    records = dsd[split].select(range(min(cfg.ewc.fisher_samples, len(dsd[split]))))
    label_ids = {name: i for i, name in enumerate(labels or [])}
    rows = []
    for record in records:
        if task == "sft":
            ex = task_data.sft_example(record, tokenizer, template, cfg.data.max_length)
        elif task == "classify":
            ex = task_data.classify_example(record, tokenizer, label_ids, cfg.data.max_length)
        else:
            ex = task_data.ner_example(record, tokenizer, label_ids, cfg.data.max_length)
        if isinstance(ex, dict):
            rows.append(ex)
    collate = task_data.collator(task, tokenizer)
    return DataLoader(rows, batch_size=cfg.ewc.fisher_batch_size, collate_fn=collate)


def base_fisher(
    cfg: RunConfig, peft_model: nn.Module, tokenizer, base_source: str, device: torch.device | None = None
) -> dict[str, torch.Tensor]:
    ref = cfg.ewc.fisher_data or cfg.data.dataset
    batches = fisher_batches(cfg, tokenizer, ref, "pretrain", "sft", None)
    targets = {name: p for name, (_, p) in adapted_weights(peft_model).items()}
    if cfg.data.task == "sft" and not cfg.model.quantize_4bit:
        return ewc.estimate_fisher(peft_model, targets, batches)
    # The classify/ner heads are no language model, and no gradient reaches a 4-bit weight: the Fisher is
    # taken on a full-precision causal LM of the same base, loaded for this and freed after.
    from corpuskit_trainer.models import load_model

    lm = load_model(
        base_source, "sft", gguf_file=cfg.model.gguf_file, trust_remote_code=cfg.model.trust_remote_code
    )
    if device is not None:
        lm.to(device)
    lm_params = dict(lm.named_parameters())
    missing = [n for n in targets if n not in lm_params]
    if missing:
        raise CorpuskitError(
            f"cannot estimate the base Fisher: the causal LM of '{base_source}' lacks {missing[:2]}"
        )
    fisher = ewc.estimate_fisher(lm, {n: lm_params[n] for n in targets}, batches)
    del lm, lm_params
    if device is not None and device.type == "cuda":
        torch.cuda.empty_cache()
    return fisher


def sequential_fisher(
    cfg: RunConfig, peft_model: nn.Module, tokenizer, prev_card: dict, labels: list[str] | None
) -> dict[str, torch.Tensor]:
    if cfg.model.quantize_4bit:
        raise CorpuskitError(
            "sequential EWC cannot estimate its Fisher on a 4-bit base (no gradient reaches 4-bit weights); "
            "give ewc.fisher_file (a Fisher estimated on a full-precision run), or use ewc.mode=base"
        )
    prev_ref = cfg.ewc.fisher_data or f"{prev_card['dataset']}@{prev_card['version_id']}"
    batches = fisher_batches(cfg, tokenizer, prev_ref, cfg.data.template, cfg.data.task, labels)
    targets = {name: p for name, (_, p) in adapted_weights(peft_model).items()}
    # gradients w.r.t. the frozen base weight equal those w.r.t. W + ΔW, the previous solution
    return ewc.estimate_fisher(peft_model, targets, batches)


def setup_penalty(
    cfg: RunConfig,
    peft_model: nn.Module,
    tokenizer,
    base_source: str,
    out: Path,
    labels: list[str] | None,
    prev_card: dict | None,
    main_process_first,
    device: torch.device | None = None,
) -> ewc.EWCPenalty | None:
    """Estimate (or load) the Fisher, save it with the adapter, and build the penalty module.

    `device`: where a separately loaded causal LM (the classify/ner base Fisher) runs; the adapted model
    runs wherever it already is."""
    if cfg.ewc.mode == "off":
        return None
    path = out / ewc.FISHER_FILE
    with main_process_first(desc="EWC Fisher"):
        if path.is_file() and _same_source(path, cfg, _source(cfg, prev_card)):
            fisher, _ = ewc.load_fisher(path)  # another rank (or an earlier run being resumed) made it
        elif cfg.ewc.fisher_file:
            fisher, _ = ewc.load_fisher(cfg.ewc.fisher_file)
            fisher = ewc.select_layers(fisher, cfg.ewc.layers)
            ewc.save_fisher(fisher, path, cfg.ewc.fisher_dtype, _metadata(cfg, f"file:{cfg.ewc.fisher_file}"))
        else:
            if cfg.ewc.mode == "base":
                raw = base_fisher(cfg, peft_model, tokenizer, base_source, device)
                fisher = ewc.normalise(ewc.select_layers(raw, cfg.ewc.layers))
            else:
                raw = sequential_fisher(cfg, peft_model, tokenizer, prev_card, labels)
                fisher = ewc.normalise(ewc.select_layers(raw, cfg.ewc.layers))
                prev_path = Path(cfg.ewc.prev_adapter) / ewc.FISHER_FILE
                if prev_path.is_file():
                    previous, _ = ewc.load_fisher(prev_path)
                    fisher = ewc.combine_online(
                        ewc.select_layers(previous, cfg.ewc.layers), fisher, cfg.ewc.decay
                    )
            ewc.save_fisher(fisher, path, cfg.ewc.fisher_dtype, _metadata(cfg, _source(cfg, prev_card)))
            fisher, _ = ewc.load_fisher(path)  # train with exactly what was stored (bf16 included)
    anchor = ewc.current_deltas(peft_model) if cfg.ewc.mode == "sequential" else None
    return ewc.EWCPenalty(peft_model, fisher, cfg.ewc.lam, anchor=anchor)


def _source(cfg: RunConfig, prev_card: dict | None) -> str:
    if cfg.ewc.fisher_data:
        return cfg.ewc.fisher_data
    if cfg.ewc.mode == "sequential" and prev_card:
        return f"{prev_card['dataset']}@{prev_card['version_id']}"
    return cfg.data.dataset


def _metadata(cfg: RunConfig, source: str) -> dict[str, str]:
    return {
        "mode": cfg.ewc.mode,
        "source": source,
        "split": cfg.ewc.fisher_split,
        "samples": str(cfg.ewc.fisher_samples),
        "batch_size": str(cfg.ewc.fisher_batch_size),
        "layers": json.dumps(cfg.ewc.layers),
        "decay": str(cfg.ewc.decay),
    }


def _same_source(path: Path, cfg: RunConfig, source: str) -> bool:
    _, meta = ewc.load_fisher(path)
    return meta == {**meta, **_metadata(cfg, source)}
