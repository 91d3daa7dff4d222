"""Wrap a base model with the configured adapter (LoRA, rsLoRA, DoRA, IA3, prefix tuning) and reload one."""

from __future__ import annotations

from pathlib import Path

from torch import nn

from corpuskit.errors import CorpuskitError
from corpuskit_trainer.config import ModelConfig
from corpuskit_trainer.targets import MLA_TYPES, keep_targets_as_written, plan_targets, verify_targets

TASK_TYPES = {"sft": "CAUSAL_LM", "classify": "SEQ_CLS", "ner": "TOKEN_CLS"}


def wrap_with_adapter(model: nn.Module, cfg: ModelConfig, task: str):
    """The peft model, with its targets verified (see `targets.py`)."""
    from peft import IA3Config, LoraConfig, PrefixTuningConfig, TaskType, get_peft_model

    model_type = model.config.model_type
    task_type = TaskType[TASK_TYPES[task]]
    if cfg.method == "prefix":
        if model_type in MLA_TYPES:
            raise CorpuskitError(
                f"prefix tuning does not work on {model_type}: MLA caches a compressed KV (kv_lora_rank) that the "
                "prefix's per-head keys/values do not match. Use method=lora (or ia3) for DeepSeek V2/V3."
            )
        return get_peft_model(
            model, PrefixTuningConfig(task_type=task_type, num_virtual_tokens=cfg.num_virtual_tokens)
        )
    plan = plan_targets(model, cfg.targets, cfg.mlp, cfg.experts)
    if cfg.method == "ia3":
        if plan.parameters:
            raise CorpuskitError("IA3 cannot adapt the fused expert parameters; set model.experts=false")
        peft_config = IA3Config(
            task_type=task_type,
            target_modules=plan.modules,
            feedforward_modules=[m for m in plan.modules if m in ("up_proj", "gate_proj", "down_proj")],
        )
        peft_model = get_peft_model(model, peft_config)
        _verify_ia3(peft_model, plan)
        return peft_model
    if cfg.dora and plan.parameters:
        raise CorpuskitError(
            "DoRA works only on nn.Linear targets, not on the routed-expert parameters; "
            "set model.experts=false or model.dora=false"
        )
    peft_config = LoraConfig(
        task_type=task_type,
        r=cfg.r,
        lora_alpha=cfg.alpha,
        lora_dropout=cfg.dropout,
        target_modules=plan.modules,
        target_parameters=plan.parameters or None,
        use_rslora=cfg.rslora,
        use_dora=cfg.dora,
    )
    if cfg.quantize_4bit:
        from peft import prepare_model_for_kbit_training

        model = prepare_model_for_kbit_training(model)
    with keep_targets_as_written(model_type):
        peft_model = get_peft_model(model, peft_config)
    verify_targets(peft_model, plan)
    return peft_model


def _verify_ia3(peft_model: nn.Module, plan) -> None:
    from peft.tuners.ia3.layer import IA3Layer

    adapted = {
        f"{n.removeprefix('base_model.model.')}.weight"
        for n, m in peft_model.named_modules()
        if isinstance(m, IA3Layer)
    }
    if adapted != set(plan.expected):
        raise CorpuskitError(
            f"IA3 adapted {len(adapted)} weights, planned {len(plan.expected)}; check model.targets"
        )


def load_adapter(base: nn.Module, adapter_dir: str | Path, is_trainable: bool = False):
    """`PeftModel.from_pretrained` with the same target handling as training used."""
    from peft import PeftModel

    with keep_targets_as_written(base.config.model_type):
        return PeftModel.from_pretrained(base, str(adapter_dir), is_trainable=is_trainable)
