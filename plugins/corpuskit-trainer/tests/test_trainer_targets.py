"""LoRA targets per model_type really carry adapters; unsupported combinations fail with clear messages."""

from __future__ import annotations

import pytest
import torch
from corpuskit_trainer.adapters import wrap_with_adapter
from corpuskit_trainer.config import ModelConfig
from corpuskit_trainer.models import tiny_config, train_tokenizer
from corpuskit_trainer.targets import adapted_weights, plan_targets, verify_targets
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM

from corpuskit.errors import CorpuskitError

TEXTS = ["Patient reports chest pain. Started aspirin 10 mg daily.", "咳嗽伴气喘, 胸痛伴心悸."] * 4


@pytest.fixture(scope="module")
def tokenizer():
    return train_tokenizer(TEXTS)


def tiny(family, tokenizer):
    torch.manual_seed(0)
    return AutoModelForCausalLM.from_config(tiny_config(family, tokenizer))


def test_deepseek_v3_adapts_mla_dense_and_shared_mlps_and_experts(tokenizer):
    model = wrap_with_adapter(tiny("deepseek_v3", tokenizer), ModelConfig(r=4, experts=True), "sft")
    names = set(adapted_weights(model))
    # the MLA projections of every layer
    for i in range(3):
        for proj in ("q_a_proj", "q_b_proj", "kv_a_proj_with_mqa", "kv_b_proj", "o_proj"):
            assert f"model.layers.{i}.self_attn.{proj}.weight" in names
    # the dense MLP (layer 0) and the shared experts: what peft 0.21.2 would silently skip
    for proj in ("gate_proj", "up_proj", "down_proj"):
        assert f"model.layers.0.mlp.{proj}.weight" in names
        assert f"model.layers.1.mlp.shared_experts.{proj}.weight" in names
    # routed experts through target_parameters
    assert "model.layers.1.mlp.experts.gate_up_proj" in names
    assert "model.layers.2.mlp.experts.down_proj" in names
    assert not any("mlp.gate." in n or "lm_head" in n for n in names)
    # adapters are live: a non-zero B changes the output of each adapted kind of weight
    x = torch.randint(0, len(tokenizer), (1, 12))
    before = model(x).logits
    for name, (layer, _) in adapted_weights(model).items():
        torch.nn.init.normal_(layer.lora_B["default"].weight, std=0.1)
        assert layer.get_delta_weight("default").abs().sum() > 0, name
    assert not torch.allclose(model(x).logits, before)


def test_plain_peft_rewrite_is_detected(tokenizer):
    """Without our guard peft rewrites gate/up/down on deepseek_v3 (peft issue 3711); verify_targets catches it."""
    model = tiny("deepseek_v3", tokenizer)
    plan = plan_targets(model, None, mlp=True, experts=False)
    peft_model = get_peft_model(model, LoraConfig(r=4, target_modules=plan.modules))
    with pytest.raises(CorpuskitError, match="3711"):
        verify_targets(peft_model, plan)


def test_experts_off_leaves_routed_experts_alone(tokenizer):
    names = set(adapted_weights(wrap_with_adapter(tiny("deepseek_v3", tokenizer), ModelConfig(r=4), "sft")))
    assert not any(".mlp.experts." in n for n in names)
    assert "model.layers.2.mlp.shared_experts.up_proj.weight" in names


def test_llama_targets_dense_projections(tokenizer):
    names = set(adapted_weights(wrap_with_adapter(tiny("llama", tokenizer), ModelConfig(r=4), "sft")))
    assert len(names) == 3 * 7
    assert (
        "model.layers.2.self_attn.k_proj.weight" in names and "model.layers.0.mlp.down_proj.weight" in names
    )


def test_deepseek_v2_targets(tokenizer):
    names = set(adapted_weights(wrap_with_adapter(tiny("deepseek_v2", tokenizer), ModelConfig(r=4), "sft")))
    assert "model.layers.1.self_attn.kv_b_proj.weight" in names
    assert "model.layers.0.mlp.gate_proj.weight" in names


def test_rslora_scaling(tokenizer):
    model = wrap_with_adapter(tiny("deepseek_v3", tokenizer), ModelConfig(r=4, alpha=8, rslora=True), "sft")
    layer = next(iter(adapted_weights(model).values()))[0]
    assert layer.scaling["default"] == pytest.approx(8 / 4**0.5)


def test_dora_on_linear_targets(tokenizer):
    model = wrap_with_adapter(tiny("deepseek_v3", tokenizer), ModelConfig(r=4, dora=True), "sft")
    layer = next(iter(adapted_weights(model).values()))[0]
    assert layer.use_dora["default"]


def test_dora_refused_on_expert_parameters(tokenizer):
    with pytest.raises(CorpuskitError, match="DoRA works only on nn.Linear"):
        wrap_with_adapter(tiny("deepseek_v3", tokenizer), ModelConfig(dora=True, experts=True), "sft")


def test_ia3_with_explicit_targets(tokenizer):
    model = wrap_with_adapter(tiny("deepseek_v3", tokenizer), ModelConfig(method="ia3"), "sft")
    assert model.peft_config["default"].peft_type.value == "IA3"
    assert model(torch.randint(0, len(tokenizer), (1, 8))).logits.shape[-1] == len(tokenizer)


def test_prefix_tuning_refused_on_mla_works_on_llama(tokenizer):
    with pytest.raises(CorpuskitError, match="prefix tuning does not work on deepseek_v3"):
        wrap_with_adapter(tiny("deepseek_v3", tokenizer), ModelConfig(method="prefix"), "sft")
    model = wrap_with_adapter(
        tiny("llama", tokenizer), ModelConfig(method="prefix", num_virtual_tokens=4), "sft"
    )
    x = torch.randint(0, len(tokenizer), (2, 8))
    out = model(input_ids=x, labels=x)
    out.loss.backward()
    assert any(p.grad is not None for p in model.parameters() if p.requires_grad)


@pytest.mark.skipif(torch.cuda.is_available(), reason="checks the CPU message; on CUDA QLoRA is allowed")
def test_qlora_refused_on_cpu():
    from corpuskit_trainer.models import load_model

    with pytest.raises(CorpuskitError, match="needs a CUDA GPU"):
        load_model("unused", "sft", quantize_4bit=True)


def test_unknown_target_is_a_clear_error(tokenizer):
    with pytest.raises(CorpuskitError, match="name no nn.Linear"):
        wrap_with_adapter(tiny("deepseek_v3", tokenizer), ModelConfig(targets=["q_proj"]), "sft")
    with pytest.raises(CorpuskitError, match="routed experts"):
        wrap_with_adapter(tiny("llama", tokenizer), ModelConfig(experts=True), "sft")
