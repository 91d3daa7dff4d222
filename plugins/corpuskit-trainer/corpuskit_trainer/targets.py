"""Which weights an adapter adapts, per `model_type`, and a check that peft really adapted them.

peft 0.21.2 on transformers 5 rewrites the targets `gate_proj/up_proj/down_proj` (and `all-linear`) on
deepseek_v2/v3 into the fused routed-expert parameters, because it assumes an adapter trained on the v4
layout; the dense MLPs and shared experts then silently get no LoRA (upstream peft issue 3711). Our adapters
are written for the v5 layout, so `keep_targets_as_written()` turns that rewrite off while injecting and
loading, and `verify_targets()` fails the run if the adapted set differs from the intended one — so a later
peft that changes the rewrite cannot silently train the wrong layers.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

import torch
from torch import nn

from corpuskit.errors import CorpuskitError

MLA_TYPES = frozenset({"deepseek_v2", "deepseek_v3", "deepseek_v32"})
DENSE_ATTENTION = ["q_proj", "k_proj", "v_proj", "o_proj"]
MLP = ["gate_proj", "up_proj", "down_proj"]
EXPERT_PARAMETERS = ["mlp.experts.gate_up_proj", "mlp.experts.down_proj"]
_LAYER_INDEX = re.compile(r"\.layers\.(\d+)\.")


@dataclass(frozen=True)
class TargetPlan:
    modules: list[str]  # leaf names of nn.Linear modules
    parameters: list[str]  # peft target_parameters (fused expert tensors)
    expected: frozenset[str]  # full names of every weight that must carry an adapter


def default_modules(config, mlp: bool = True) -> list[str]:
    """LoRA targets for the architecture: MLA projections on DeepSeek V2/V3, q/k/v/o elsewhere."""
    if config.model_type in MLA_TYPES:
        q = ["q_a_proj", "q_b_proj"] if getattr(config, "q_lora_rank", None) else ["q_proj"]
        attention = q + ["kv_a_proj_with_mqa", "kv_b_proj", "o_proj"]
    else:
        attention = list(DENSE_ATTENTION)
    return attention + (MLP if mlp else [])


def plan_targets(model: nn.Module, modules: list[str] | None, mlp: bool, experts: bool) -> TargetPlan:
    """Resolve leaf names to the full weight names they should adapt (the set `verify_targets` checks)."""
    model_type = model.config.model_type
    modules = list(modules) if modules else default_modules(model.config, mlp)
    parameters: list[str] = []
    if experts:
        if model_type not in MLA_TYPES:
            raise CorpuskitError(
                f"model.experts applies to deepseek_v2/v3 routed experts, not to '{model_type}'"
            )
        parameters = list(EXPERT_PARAMETERS)
    expected = {
        f"{name}.weight"
        for name, mod in model.named_modules()
        if isinstance(mod, nn.Linear) and name.rsplit(".", 1)[-1] in modules and not _is_head(name)
    }
    expected |= {name for name, _ in model.named_parameters() if any(name.endswith(p) for p in parameters)}
    missing = [m for m in modules if not any(n.endswith(f".{m}.weight") for n in expected)]
    if missing:
        raise CorpuskitError(f"model.targets {missing} name no nn.Linear in this {model_type} model")
    return TargetPlan(modules, parameters, frozenset(expected))


def _is_head(name: str) -> bool:
    return name.rsplit(".", 1)[-1] in ("lm_head", "score", "classifier")


@contextlib.contextmanager
def keep_targets_as_written(model_type: str) -> Iterator[None]:
    """Inject/load adapters on deepseek_v2/v3 without peft's v4→v5 MoE target rewrite (peft issue 3711)."""
    if model_type not in MLA_TYPES:
        yield
        return
    import peft.utils.transformers_weight_conversion as conversion

    original = conversion.convert_peft_config_for_transformers
    conversion.convert_peft_config_for_transformers = lambda *args, **kwargs: None
    try:
        yield
    finally:
        conversion.convert_peft_config_for_transformers = original


def adapted_weights(peft_model: nn.Module) -> dict[str, tuple[nn.Module, torch.nn.Parameter]]:
    """{base weight name: (LoRA layer, frozen base parameter)} for every LoRA-carrying weight.

    Names are the base model's own parameter names (`model.layers.0.self_attn.o_proj.weight`,
    `model.layers.1.mlp.experts.gate_up_proj`), so a Fisher estimated here keys the same way as the model.
    """
    from peft.tuners.lora.layer import LoraLayer, ParamWrapper

    out: dict[str, tuple[nn.Module, torch.nn.Parameter]] = {}
    for name, module in peft_model.named_modules():
        if not isinstance(module, LoraLayer) or not module.lora_A:
            continue
        base_name = _strip_peft_prefixes(name)
        if isinstance(module, ParamWrapper):
            key = f"{base_name}.{module.parameter_name}"
            param = getattr(module.get_base_layer(), module.parameter_name)
        else:
            key = f"{base_name}.weight"
            param = module.get_base_layer().weight
        out[key] = (module, param)
    return out


def _strip_peft_prefixes(name: str) -> str:
    name = name.removeprefix("base_model.model.")
    # nested ParamWrappers (gate_up_proj inside down_proj) sit at `experts.base_layer`
    return re.sub(r"(\.base_layer)+$", "", name.replace(".base_layer.", "."))


def verify_targets(peft_model: nn.Module, plan: TargetPlan) -> None:
    """Fail loudly when the weights that carry LoRA differ from the plan."""
    actual = set(adapted_weights(peft_model))
    missing, extra = plan.expected - actual, actual - plan.expected
    if missing or extra:
        raise CorpuskitError(
            f"peft adapted a different set of weights than planned: {len(missing)} missing "
            f"(e.g. {sorted(missing)[:3]}), {len(extra)} unexpected (e.g. {sorted(extra)[:3]}). "
            "This is the peft MoE target rewrite (peft issue 3711) or a targets typo; check model.targets."
        )


def layer_index(weight_name: str) -> int | None:
    m = _LAYER_INDEX.search(f".{weight_name}")
    return int(m.group(1)) if m else None
