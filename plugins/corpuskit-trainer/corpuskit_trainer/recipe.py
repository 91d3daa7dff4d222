"""The training recipe, top to bottom: setup → train → evaluate → save.

One function, `train(cfg)`, over transformers.Trainer and peft. It runs unchanged under `torchrun` and
`accelerate launch` (the Trainer reads the launcher's environment); work that must happen once — building
the tiny base, estimating the Fisher — runs on the main process first and the other ranks load its result.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpuskit.errors import CorpuskitError
from corpuskit_trainer import data as task_data
from corpuskit_trainer.adapters import load_adapter, wrap_with_adapter
from corpuskit_trainer.card import read_card, write_card
from corpuskit_trainer.config import RunConfig
from corpuskit_trainer.ewc_setup import setup_penalty
from corpuskit_trainer.label_scoring import generation_metrics, sft_label_set
from corpuskit_trainer.metrics import add_perplexity, metrics_fn
from corpuskit_trainer.models import build_tiny_base, load_model, load_tokenizer
from corpuskit_trainer.targets import adapted_weights
from corpuskit_trainer.trainer import EWCTrainer, callbacks, training_arguments


@dataclass
class TrainResult:
    output_dir: Path
    dataset: str
    version_id: str
    metrics: dict[str, float]
    trainer: Any  # the transformers.Trainer, for callers that want the model or its state


def train(cfg: RunConfig, extra_callbacks: list | None = None) -> TrainResult:
    """Train an adapter on a corpuskit dataset version as `cfg` says; returns where it was saved.

    `extra_callbacks` are `transformers.TrainerCallback`s added to the run (timers, custom loggers).
    """
    # ---- setup: data version, base model, adapter, EWC ---------------------------------------
    ref, dsd = task_data.resolve(cfg.data.dataset, cfg.data.store)
    out = Path(cfg.train.output_dir)
    eval_split = _eval_split(cfg.data.eval_split, dsd)
    args = training_arguments(cfg, out, has_eval=eval_split is not None)
    prev_card = read_card(cfg.ewc.prev_adapter) if cfg.ewc.mode == "sequential" else None

    base_source = _base_source(cfg, prev_card, out, dsd, args)
    tokenizer = load_tokenizer(base_source, cfg.model.gguf_file, cfg.model.trust_remote_code)
    splits = [cfg.data.train_split, *([eval_split] if eval_split else []), *cfg.data.test_splits]
    data = task_data.build_task_data(
        dsd,
        cfg.data.task,
        tokenizer,
        cfg.data.template,
        cfg.data.max_length,
        list(dict.fromkeys(splits)),
        cfg.data.train_split,
        cfg.data.max_train_records,
    )
    if prev_card and prev_card.get("labels") not in (None, data.labels):
        raise CorpuskitError(
            "the previous adapter was trained on a different label set "
            f"({len(prev_card['labels'])} labels vs {len(data.labels or [])}); sequential EWC "
            "needs the same head"
        )
    base = load_model(
        base_source,
        cfg.data.task,
        labels=data.labels,
        gguf_file=cfg.model.gguf_file,
        quantize_4bit=cfg.model.quantize_4bit,
        trust_remote_code=cfg.model.trust_remote_code,
        pad_token_id=tokenizer.pad_token_id,
    )
    if prev_card:  # continue from the previous adapter's weights; its targets define this one's
        model = load_adapter(base, cfg.ewc.prev_adapter, is_trainable=True)
    else:
        model = wrap_with_adapter(base, cfg.model, cfg.data.task)
    device = _training_device(args)
    if device is not None and cfg.ewc.mode != "off" and not _placed_at_load(model):
        model.to(device)  # the Trainer would move it there anyway; the Fisher's passes then run on the GPU
    penalty = setup_penalty(
        cfg, model, tokenizer, base_source, out, data.labels, prev_card, args.main_process_first, device
    )

    # ---- train ---------------------------------------------------------------------------------
    trainer = EWCTrainer(
        model=model,
        args=args,
        ewc=penalty,
        ewc_every=cfg.ewc.every,
        train_dataset=data.splits[cfg.data.train_split],
        eval_dataset=data.splits.get(eval_split) if eval_split else None,
        data_collator=task_data.collator(cfg.data.task, tokenizer),
        processing_class=tokenizer,
        compute_metrics=metrics_fn(cfg.data.task, data.labels),
        callbacks=callbacks(cfg, out) + list(extra_callbacks or []),
    )
    train_output = trainer.train(resume_from_checkpoint=cfg.train.resume or None)

    # ---- evaluate on test and adversarial_test, where present ---------------------------------
    metrics: dict[str, float] = {
        "train_loss": train_output.training_loss,
        "global_step": trainer.state.global_step,
    }
    for split in dict.fromkeys([*([eval_split] if eval_split else []), *cfg.data.test_splits]):
        if split in data.splits:
            split_metrics = trainer.evaluate(data.splits[split], metric_key_prefix=split)
            metrics.update(add_perplexity(split_metrics, split) if cfg.data.task == "sft" else split_metrics)

    label_set = None
    if cfg.data.task == "sft" and cfg.data.template == "classify":  # classification as generation
        label_set = sft_label_set(dsd, cfg.data.train_split)
        for split in dict.fromkeys([*([eval_split] if eval_split else []), *cfg.data.test_splits]):
            if label_set and split in dsd:
                metrics.update(
                    generation_metrics(
                        trainer.model, tokenizer, dsd[split], label_set, cfg.data.max_length, split
                    )
                )

    # ---- save: adapter, tokenizer, Fisher (already in out/), card, optional merged model -----
    if trainer.is_world_process_zero():
        trainer.save_model(str(out))
        tokenizer.save_pretrained(str(out))
        write_card(
            out, {**_card(cfg, ref, base_source, model, data, metrics, prev_card), "label_set": label_set}
        )
        if cfg.train.merge:
            _save_merged(model, tokenizer, out / "merged", cfg)
    trainer.accelerator.wait_for_everyone()
    return TrainResult(out, ref.dataset, ref.version_id, metrics, trainer)


def _training_device(args):
    """The accelerator this process trains on, or None for CPU runs and DeepSpeed/FSDP, which shard the
    model themselves."""
    if args.device.type == "cpu" or args.deepspeed or args.fsdp:
        return None
    return args.device


def _placed_at_load(model) -> bool:
    """A device map or bitsandbytes weights: from_pretrained already put the model where it runs."""
    return bool(getattr(model, "hf_device_map", None) or getattr(model, "quantization_method", None))


def _eval_split(wanted: str | None, dsd) -> str | None:
    if wanted is None:
        return None
    if wanted in dsd:
        return wanted
    return "test" if "test" in dsd else None


def _base_source(cfg: RunConfig, prev_card: dict | None, out: Path, dsd, args) -> str:
    """The base model path/id; a tiny base is built once (main process first) under OUTPUT_DIR/base."""
    if prev_card:
        if cfg.model.model and cfg.model.model != prev_card["base_model"]:
            raise CorpuskitError(
                f"model.model '{cfg.model.model}' differs from the previous adapter's base "
                f"'{prev_card['base_model']}'; sequential EWC continues the same base"
            )
        return prev_card["base_model"]
    if cfg.model.model:
        return cfg.model.model
    base_dir = out / "base"
    with args.main_process_first(desc="tiny base model"):
        if not (base_dir / "config.json").is_file():
            train = dsd[cfg.data.train_split] if cfg.data.train_split in dsd else None
            # a demo tokenizer needs a few thousand texts at most; more only costs time
            texts = train.select(range(min(len(train), 5000)))["text"] if train is not None else []
            build_tiny_base(cfg.model.tiny_model, texts, base_dir, cfg.train.seed)
    return str(base_dir.resolve())


def _save_merged(model, tokenizer, path: Path, cfg: RunConfig) -> None:
    if cfg.model.quantize_4bit:
        raise CorpuskitError(
            "merging into 4-bit weights loses precision; reload the base in bf16 and merge there"
        )
    if cfg.model.method == "prefix":
        raise CorpuskitError("prefix tuning has no weights to merge; drop train.merge")
    merged = model.merge_and_unload()
    merged.save_pretrained(str(path))
    tokenizer.save_pretrained(str(path))


def _card(cfg: RunConfig, ref, base_source: str, model, data, metrics: dict, prev_card: dict | None) -> dict:
    peft_config = model.peft_config["default"]
    adapted = adapted_weights(model) if cfg.model.method == "lora" else {}
    return {
        "dataset": ref.dataset,
        "version_id": ref.version_id,
        "store": ref.store,
        "task": cfg.data.task,
        "template": cfg.data.template if cfg.data.task == "sft" else None,
        "labels": data.labels,
        "dropped": dict(data.dropped),
        "base_model": base_source,
        "base_model_type": model.config.model_type,
        "tiny_model": cfg.model.tiny_model,
        "gguf_file": cfg.model.gguf_file,
        "adapter": {
            "method": cfg.model.method,
            "r": cfg.model.r,
            "alpha": cfg.model.alpha,
            "rslora": cfg.model.rslora,
            "dora": cfg.model.dora,
            "target_modules": sorted(getattr(peft_config, "target_modules", None) or []),
            "target_parameters": sorted(getattr(peft_config, "target_parameters", None) or []),
            "n_adapted_weights": len(adapted),
        },
        "ewc": {
            **cfg.ewc.model_dump(),
            "fisher_file": "fisher.safetensors" if cfg.ewc.mode != "off" else None,
            "fisher_source": (
                cfg.ewc.fisher_data
                or (f"{prev_card['dataset']}@{prev_card['version_id']}" if prev_card else cfg.data.dataset)
            ),
        },
        "train": cfg.train.model_dump(),
        "data": cfg.data.model_dump(),
        "metrics": metrics,
    }
