"""EWC: zero at the start, pulls ΔW toward its anchor as λ grows, Fisher saved/reused, sequential chaining."""

from __future__ import annotations

import json

import pytest
import torch
from corpuskit_trainer import load_config, train
from corpuskit_trainer.adapters import load_adapter, wrap_with_adapter
from corpuskit_trainer.card import read_card
from corpuskit_trainer.config import ModelConfig
from corpuskit_trainer.ewc import EWCPenalty, current_deltas, load_fisher
from corpuskit_trainer.models import load_model
from safetensors import safe_open
from trainer_fixtures import overrides

from corpuskit.errors import CorpuskitError

FAST = {"ewc.fisher_samples": 16, "train.max_steps": 10, "train.lr": 5e-3}


def _run(store, out, **extra):
    return train(load_config(None, overrides(store, out, **{**FAST, **extra})))


def _weighted_drift(adapter_dir, fisher, anchor=None):
    card = read_card(adapter_dir)
    model = load_adapter(load_model(card["base_model"], card["task"], labels=card["labels"]), adapter_dir)
    deltas = current_deltas(model)
    anchor = anchor or {}
    return sum(float((fisher[k].float() * (deltas[k] - anchor.get(k, 0)) ** 2).sum()) for k in fisher), deltas


@pytest.fixture(scope="module")
def sweep(store, v1, tmp_path_factory):
    """The same sft run at λ = 0 (plain LoRA), 1 and 100 on one shared Fisher."""
    first = _run(
        store,
        tmp_path_factory.mktemp("ewc-0"),
        **{"data.dataset": v1, "ewc.mode": "base", "ewc.lam": 0.0, "model.experts": True},
    )
    fisher_file = str(first.output_dir / "fisher.safetensors")
    runs = {0.0: first}
    for lam in (1.0, 100.0):
        runs[lam] = _run(
            store,
            tmp_path_factory.mktemp(f"ewc-{lam}"),
            **{
                "data.dataset": v1,
                "ewc.mode": "base",
                "ewc.lam": lam,
                "ewc.fisher_file": fisher_file,
                "model.experts": True,
            },
        )
    return runs, load_fisher(fisher_file)[0]


def test_fisher_is_saved_normalised_and_covers_experts(sweep):
    runs, fisher = sweep
    path = runs[0.0].output_dir / "fisher.safetensors"
    with safe_open(str(path), framework="pt") as f:
        meta = f.metadata()
    assert meta["mode"] == "base" and meta["normalised"] == "mean=1" and meta["source"] == "clinical@v1"
    total = sum(float(v.double().sum()) for v in fisher.values())
    count = sum(v.numel() for v in fisher.values())
    assert total / count == pytest.approx(1.0, rel=1e-4)
    assert "model.layers.1.mlp.experts.gate_up_proj" in fisher
    assert "model.layers.0.mlp.gate_proj.weight" in fisher
    assert all(torch.isfinite(v).all() and (v >= 0).all() for v in fisher.values())
    card = read_card(runs[1.0].output_dir)
    assert card["ewc"]["mode"] == "base" and card["ewc"]["lam"] == 1.0


def test_penalty_is_zero_at_start_and_positive_after_training(sweep, store):
    runs, fisher = sweep
    card = read_card(runs[1.0].output_dir)
    base = load_model(card["base_model"], "sft")
    fresh = wrap_with_adapter(base, ModelConfig(r=8, alpha=16, experts=True), "sft")
    assert float(EWCPenalty(fresh, fisher, lam=5.0)()) == 0.0
    rows = [json.loads(x) for x in (runs[1.0].output_dir / "metrics.jsonl").read_text().splitlines()]
    logged = [r["ewc_penalty"] for r in rows if "ewc_penalty" in r]
    assert logged[0] < logged[-1] and logged[-1] > 0  # logged, and grows as ΔW leaves the base


def test_penalty_gradient_reaches_expert_lora_weights(sweep):
    runs, fisher = sweep
    card = read_card(runs[0.0].output_dir)
    model = load_adapter(load_model(card["base_model"], "sft"), runs[0.0].output_dir, is_trainable=True)
    EWCPenalty(model, fisher, lam=1.0)().backward()
    expert_grads = [p.grad for n, p in model.named_parameters() if ".mlp.experts." in n and "lora_B" in n]
    assert expert_grads and all(g is not None and g.abs().sum() > 0 for g in expert_grads)


def test_larger_lambda_keeps_delta_w_closer_to_base(sweep):
    runs, fisher = sweep
    drift = {lam: _weighted_drift(r.output_dir, fisher)[0] for lam, r in runs.items()}
    assert drift[0.0] > drift[1.0] > drift[100.0], drift
    assert drift[100.0] < 0.2 * drift[0.0]


def test_layer_subset_and_bf16_storage(store, v1, tmp_path):
    result = _run(
        store,
        tmp_path,
        **{
            "data.dataset": v1,
            "data.task": "classify",
            "ewc.mode": "base",
            "ewc.lam": 1.0,
            "ewc.layers": [0, 2],
            "ewc.fisher_dtype": "bfloat16",
            "train.max_steps": 2,
        },
    )
    fisher, meta = load_fisher(result.output_dir / "fisher.safetensors")
    assert {".layers.0." in k or ".layers.2." in k for k in fisher} == {True}
    assert {v.dtype for v in fisher.values()} == {torch.bfloat16}
    assert meta["dtype"] == "bfloat16" and json.loads(meta["layers"]) == [0, 2]


def test_sequential_ewc_anchors_on_the_previous_adapter(sweep, store, v2, tmp_path):
    runs, base_fisher = sweep
    prev = runs[1.0].output_dir
    prev_deltas = current_deltas(load_adapter(load_model(read_card(prev)["base_model"], "sft"), prev))
    results = {}
    for lam in (0.0, 100.0):
        results[lam] = _run(
            store,
            tmp_path / f"seq-{lam}",
            **{
                "data.dataset": v2,
                "ewc.mode": "sequential",
                "ewc.prev_adapter": str(prev),
                "ewc.lam": lam,
                "ewc.decay": 0.5,
            },
        )
    card = read_card(results[100.0].output_dir)
    assert card["ewc"]["prev_adapter"] == str(prev) and card["ewc"]["fisher_source"].startswith("clinical@")
    assert card["base_model"] == read_card(prev)["base_model"]
    fisher, meta = load_fisher(results[100.0].output_dir / "fisher.safetensors")
    assert meta["mode"] == "sequential" and meta["decay"] == "0.5"
    assert set(fisher) == set(base_fisher)
    assert any(not torch.allclose(fisher[k].float(), base_fisher[k].float()) for k in fisher)
    drift = {lam: _weighted_drift(r.output_dir, fisher, prev_deltas)[0] for lam, r in results.items()}
    assert drift[100.0] < 0.2 * drift[0.0], drift
    rows = [json.loads(x) for x in (results[100.0].output_dir / "metrics.jsonl").read_text().splitlines()]
    assert [r["ewc_penalty"] for r in rows if "ewc_penalty" in r][0] < 1e-6  # zero at the anchor


def test_config_errors_are_specific():
    with pytest.raises(CorpuskitError, match="ewc.mode is off"):
        load_config(None, {"data.dataset": "x", "model.tiny_model": "deepseek_v3", "ewc.lam": 0.1})
    with pytest.raises(CorpuskitError, match="prev_adapter"):
        load_config(None, {"data.dataset": "x", "model.tiny_model": "deepseek_v3", "ewc.mode": "sequential"})
    with pytest.raises(CorpuskitError, match="ewc.lamda"):
        load_config(None, {"data.dataset": "x", "model.tiny_model": "deepseek_v3", "ewc.lamda": 0.1})


def test_sequential_ewc_on_a_4bit_base_is_refused_with_the_way_out():
    from corpuskit_trainer.ewc_setup import sequential_fisher

    cfg = load_config(
        None,
        {
            "data.dataset": "x",
            "model.model": "some/base",
            "model.quantize_4bit": True,
            "ewc.mode": "sequential",
            "ewc.prev_adapter": "runs/v1",
            "ewc.lam": 1.0,
        },
    )
    with pytest.raises(CorpuskitError, match="4-bit base.*ewc.fisher_file"):
        sequential_fisher(cfg, None, None, {"dataset": "x", "version_id": "v"}, None)


@pytest.mark.parametrize("block_elements", [1 << 18, 24, 1])
def test_fused_linear_penalty_matches_autograd_on_peft_delta(monkeypatch, block_elements):
    """The blockwise penalty with its precomputed gradients equals autograd through peft's
    get_delta_weight — whole weights in one block, several rows per block, one row per block."""
    from corpuskit_trainer import ewc
    from peft import LoraConfig, get_peft_model

    monkeypatch.setattr(ewc, "_BLOCK_ELEMENTS", block_elements)

    from corpuskit_trainer.targets import adapted_weights

    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(12, 10), torch.nn.ReLU(), torch.nn.Linear(10, 6))
    model = get_peft_model(
        net, LoraConfig(r=3, lora_alpha=6, target_modules=["0", "2"], init_lora_weights=False)
    )
    layers = adapted_weights(model)
    # peft's LoRA Linear is recognised by module and name: a rename upstream must fail here, not silently
    # fall back to the weight-sized autograd path
    assert all(ewc._is_plain_linear_lora(layer, "default") for layer, _ in layers.values())
    fisher = {k: torch.rand_like(p) * 3 for k, (_, p) in layers.items()}
    anchor = {k: torch.randn_like(p) * 0.1 for k, (_, p) in layers.items()}
    fused = EWCPenalty(model, fisher, lam=0.7, anchor=anchor)()
    fused.backward()
    grads = {n: p.grad.clone() for n, p in model.named_parameters() if p.requires_grad}
    model.zero_grad()
    reference = (
        sum(
            ((layer.get_delta_weight("default") - anchor[k]) ** 2 * fisher[k]).sum()
            for k, (layer, _) in layers.items()
        )
        * 0.35
    )
    reference.backward()
    assert float(fused) == pytest.approx(float(reference), rel=1e-5)
    for n, p in model.named_parameters():
        if p.requires_grad:
            assert torch.allclose(grads[n], p.grad, rtol=1e-4, atol=1e-6), n
