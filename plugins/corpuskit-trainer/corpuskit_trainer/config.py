"""The training config: one pydantic model, loadable from YAML, overridable with `section.key=value`.

    data:   {dataset: clinical@latest, task: classify}
    model:  {tiny_model: deepseek_v3, method: lora, r: 8}
    ewc:    {mode: base, lam: 0.01, fisher_data: general@latest}
    train:  {max_steps: 50, output_dir: runs/clinical-cls}

Unknown keys are errors (a typo in `lam` must not silently train without EWC).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from corpuskit.errors import CorpuskitError

Task = Literal["sft", "classify", "ner"]
Template = Literal["classify", "extract", "pretrain"]
Method = Literal["lora", "ia3", "prefix"]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DataConfig(_Section):
    dataset: str = Field("", description="DATASET[@VERSION|@TAG] in the corpuskit store.")
    store: str | None = Field(None, description="Store folder (default $CORPUSKIT_STORE or ./store).")
    task: Task = "sft"
    template: Template = Field("classify", description="sft only: how records become prompts.")
    train_split: str = "train"
    eval_split: str | None = Field(
        "validation",
        description="Evaluated during training (early stopping); falls back to test; null = none.",
    )
    test_splits: list[str] = Field(default_factory=lambda: ["test", "adversarial_test"])
    max_length: int = 256
    max_train_records: int | None = None


class ModelConfig(_Section):
    model: str | None = Field(None, description="Local path or hub id, loaded with from_pretrained.")
    tiny_model: Literal["deepseek_v3", "deepseek_v2", "llama"] | None = Field(
        None, description="Build a tiny random model of this family (tests, demos)."
    )
    gguf_file: str | None = None
    method: Method = "lora"
    r: int = 8
    alpha: float = 16.0
    dropout: float = 0.0
    targets: list[str] | None = Field(None, description="Module names to adapt (default: per model_type).")
    mlp: bool = Field(True, description="Also adapt dense and shared-expert MLPs (gate/up/down).")
    experts: bool = Field(False, description="deepseek_v2/v3: LoRA on routed experts via target_parameters.")
    rslora: bool = False
    dora: bool = False
    quantize_4bit: bool = Field(False, description="QLoRA: 4-bit base weights (CUDA only).")
    num_virtual_tokens: int = 16
    trust_remote_code: bool = False


class EWCConfig(_Section):
    mode: Literal["off", "base", "sequential"] = "off"
    lam: float = Field(0.0, ge=0, description="λ on the Fisher normalised to mean 1.")
    fisher_data: str | None = Field(
        None,
        description="Reference DATASET@VERSION for the Fisher (default: the training data's train split).",
    )
    fisher_split: str = "train"
    fisher_file: str | None = Field(
        None, description="Reuse a saved Fisher (safetensors) instead of estimating."
    )
    fisher_samples: int = 64
    fisher_batch_size: int = Field(
        1, description="1 = per-sample Fisher; larger batches are cheaper, coarser."
    )
    fisher_dtype: Literal["float32", "bfloat16"] = "float32"
    layers: list[int] | None = Field(None, description="Limit the Fisher and penalty to these layer indices.")
    prev_adapter: str | None = Field(None, description="sequential: adapter dir to anchor on.")
    every: int = Field(
        1, ge=1, description="Apply the penalty every k optimizer steps with weight k (lazy; 1 = exact)."
    )
    decay: float = Field(
        0.9, ge=0, le=1, description="sequential: weight of the previous Fisher (online EWC)."
    )

    @model_validator(mode="after")
    def _check_mode(self) -> EWCConfig:
        if self.lam > 0 and self.mode == "off":
            raise ValueError("ewc.lam is set but ewc.mode is off; add ewc.mode=base (or sequential)")
        if self.mode == "sequential" and not self.prev_adapter:
            raise ValueError(
                "ewc.mode=sequential needs ewc.prev_adapter (the adapter trained on the previous version)"
            )
        return self


class TrainConfig(_Section):
    output_dir: str = "runs/adapter"
    max_steps: int = -1
    epochs: float = 1.0
    lr: float = 2e-4
    batch_size: int = 8
    eval_batch_size: int = 16
    grad_accum: int = 1
    warmup_steps: int = 0
    weight_decay: float = 0.0
    eval_steps: int = 50
    logging_steps: int = 10
    save_steps: int | None = None
    save_total_limit: int = 2
    early_stopping_patience: int | None = None
    metric_for_best: str | None = Field(None, description="Default: eval_loss.")
    bf16: bool = False
    fp16: bool = False
    gradient_checkpointing: bool = False
    seed: int = 42
    resume: str | bool | None = Field(None, description="true = last checkpoint in output_dir, or a path.")
    merge: bool = Field(False, description="Also save the merged model to OUTPUT_DIR/merged.")
    progress: bool = True
    report_to: list[str] = Field(default_factory=lambda: ["tensorboard"])
    ddp_backend: str | None = None
    use_cpu: bool | None = None


class RunConfig(_Section):
    data: DataConfig = Field(default_factory=DataConfig)
    model: ModelConfig = Field(default_factory=ModelConfig)
    ewc: EWCConfig = Field(default_factory=EWCConfig)
    train: TrainConfig = Field(default_factory=TrainConfig)

    @model_validator(mode="after")
    def _check(self) -> RunConfig:
        if not self.data.dataset:
            raise ValueError("data.dataset is required (DATASET[@VERSION])")
        if bool(self.model.model) == bool(self.model.tiny_model):
            raise ValueError("give exactly one of model.model (path or hub id) and model.tiny_model")
        if self.model.method != "lora" and (self.ewc.mode != "off" or self.model.dora or self.model.rslora):
            raise ValueError(f"EWC, DoRA and rsLoRA need method=lora (got method={self.model.method})")
        return self


def load_config(
    path: str | Path | None = None, overrides: dict[str, Any] | list[str] | None = None
) -> RunConfig:
    """Config from an optional YAML file plus `section.key=value` overrides (YAML-typed values)."""
    raw: dict[str, Any] = {}
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise CorpuskitError(f"config file not found: {p}")
        raw = yaml.safe_load(p.read_text("utf-8")) or {}
        if not isinstance(raw, dict):
            raise CorpuskitError(f"{p}: the config must be a mapping with data/model/ewc/train sections")
    items = overrides.items() if isinstance(overrides, dict) else (parse_override(o) for o in overrides or [])
    for key, value in items:
        _set_dotted(raw, key, value)
    try:
        return RunConfig.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(x) for x in e['loc']) or '<root>'}: {e['msg']}" for e in exc.errors()
        )
        raise CorpuskitError(f"invalid training config{f' {path}' if path else ''}: {problems}") from None


def parse_override(text: str) -> tuple[str, Any]:
    key, sep, value = text.partition("=")
    if not sep or "." not in key:
        raise CorpuskitError(f"override '{text}' must look like section.key=value (e.g. ewc.lam=0.01)")
    return key.strip(), yaml.safe_load(value) if value.strip() else None


def _set_dotted(raw: dict[str, Any], key: str, value: Any) -> None:
    *parents, leaf = key.split(".")
    node = raw
    for part in parents:
        node = node.setdefault(part, {})
        if not isinstance(node, dict):
            raise CorpuskitError(f"override '{key}': '{part}' is not a section")
    node[leaf] = value  # None is a value too: `--set data.eval_split=null` turns evaluation off
