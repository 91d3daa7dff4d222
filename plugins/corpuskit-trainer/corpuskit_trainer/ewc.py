"""Elastic weight consolidation on LoRA updates, in one screen.

    penalty = λ/2 · Σ_w Σ F_w ⊙ (ΔW_w − A_w)²

- ΔW_w is the adapter's update to base weight w: `scaling · B·A` for a Linear, the same for peft's
  expert ParamWrappers (fused 3-D expert tensors). For DoRA it is the low-rank direction only.
- F_w is a diagonal Fisher: the mean squared gradient of the loss with respect to the weight the model
  actually uses (W + ΔW), estimated on a reference set and normalised to a global mean of 1 so λ means the
  same on any model (raw values are ~1e-8 and would underflow in bf16).
- base-anchored: A = 0 (stay near the pretrained model) and F is estimated at the base weights on general text.
- sequential (online EWC): A = the previous adapter's ΔW and F = decay · F_prev + F_new, F_new estimated at
  the previous solution on the previous data version; the combined F is saved with the new adapter so the
  next version chains on it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import torch
from safetensors.torch import load_file, safe_open, save_file
from torch import nn

from corpuskit.errors import CorpuskitError
from corpuskit_trainer.targets import adapted_weights, layer_index

FISHER_FILE = "fisher.safetensors"


def estimate_fisher(
    model: nn.Module, weights: dict[str, torch.Tensor], batches: Iterable[dict]
) -> dict[str, torch.Tensor]:
    """Raw diagonal Fisher {name: E[grad²]} of `weights` (frozen parameters of `model`) over `batches`."""
    was_training = model.training
    model.eval()  # no dropout noise in the importance estimate
    flags = {name: p.requires_grad for name, p in weights.items()}
    for p in weights.values():
        p.requires_grad_(True)
        p.grad = None
    fisher = {name: torch.zeros_like(p, dtype=torch.float32) for name, p in weights.items()}
    n = 0
    try:
        for batch in batches:
            device = next(iter(weights.values())).device
            loss = model(**{k: v.to(device) for k, v in batch.items()}).loss
            loss.backward()
            for name, p in weights.items():
                if p.grad is not None:
                    fisher[name] += p.grad.detach().float() ** 2
                    p.grad = None
            n += 1
    finally:
        for name, p in weights.items():
            p.requires_grad_(flags[name])
            p.grad = None
        model.zero_grad(set_to_none=True)
        model.train(was_training)
    if n == 0:
        raise CorpuskitError(
            "the Fisher reference data produced no batches; check ewc.fisher_data / fisher_split"
        )
    return {name: f / n for name, f in fisher.items()}


def normalise(fisher: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    total = sum(f.double().sum() for f in fisher.values())
    count = sum(f.numel() for f in fisher.values())
    mean = float(total / count)
    if mean <= 0:
        raise CorpuskitError("the Fisher is all zeros (no gradient reached the adapted weights)")
    return {name: f / mean for name, f in fisher.items()}


def select_layers(fisher: dict[str, torch.Tensor], layers: list[int] | None) -> dict[str, torch.Tensor]:
    """Keep only weights in `layers` (None keeps all): the Fisher is as large as the adapted weights."""
    if layers is None:
        return fisher
    keep = set(layers)
    out = {k: v for k, v in fisher.items() if layer_index(k) in keep}
    if not out:
        raise CorpuskitError(f"ewc.layers {sorted(keep)} match no adapted weight")
    return out


def save_fisher(fisher: dict[str, torch.Tensor], path: Path, dtype: str, metadata: dict[str, str]) -> None:
    torch_dtype = {"float32": torch.float32, "bfloat16": torch.bfloat16}[dtype]
    path.parent.mkdir(parents=True, exist_ok=True)
    save_file(
        {k: v.to(torch_dtype).contiguous().cpu() for k, v in fisher.items()},
        str(path),
        metadata={**metadata, "normalised": "mean=1", "dtype": dtype},
    )


def load_fisher(path: str | Path) -> tuple[dict[str, torch.Tensor], dict[str, str]]:
    path = Path(path)
    if not path.is_file():
        raise CorpuskitError(f"Fisher file not found: {path}")
    with safe_open(str(path), framework="pt") as f:
        meta = f.metadata() or {}
    return load_file(str(path)), meta


def combine_online(previous: dict[str, torch.Tensor], new: dict[str, torch.Tensor], decay: float):
    """Online EWC: F = decay · F_prev + F_new (names only in one side keep their own value).

    F_prev comes from disk (CPU) and F_new from wherever the model ran (the GPU): the sum is on the CPU,
    where the combined Fisher is saved from anyway."""
    out = {k: decay * v.float().cpu() for k, v in previous.items()}
    for k, v in new.items():
        out[k] = out.get(k, 0) + v.float().cpu()
    return normalise(out)


# Rows of ΔW handled at once: ~1 MB of float32, so ΔW and F⊙ΔW of a block stay in cache.
_BLOCK_ELEMENTS = 1 << 18


class _LowRankFisherQuadratic(torch.autograd.Function):
    """Σ F ⊙ (s·B·A − anchor)² for a Linear LoRA, never holding a weight-sized tensor.

    Autograd would keep ΔW, √F⊙ΔW and their gradients for the whole weight until the backward — for a
    7B model with every projection adapted that is tens of GB. Here ΔW is built a block of rows at a
    time, and since the output is a scalar the gradients are finished in the same pass
    (∂/∂B = 2s·G·Aᵀ, ∂/∂A = 2s·Bᵀ·G with G = F⊙(ΔW − anchor)); only LoRA-sized tensors are kept for
    the backward, which just scales them by the incoming gradient.
    """

    @staticmethod
    def forward(ctx, lora_a, lora_b, fisher, anchor, scaling: float):
        a, b = lora_a.float(), lora_b.float()
        grad_a, grad_b = torch.zeros_like(a), torch.empty_like(b)
        total = a.new_zeros(())
        rows = max(1, _BLOCK_ELEMENTS // a.shape[1])
        for start in range(0, b.shape[0], rows):
            block = slice(start, start + rows)
            delta = torch.matmul(b[block], a).mul_(scaling)
            if anchor is not None:
                delta.sub_(anchor[block])
            g = delta.mul(fisher[block])
            total += torch.dot(g.reshape(-1), delta.reshape(-1))
            torch.matmul(g, a.t(), out=grad_b[block])
            grad_a.addmm_(b[block].t(), g)
        ctx.save_for_backward(grad_a, grad_b)
        ctx.scaling, ctx.dtypes = scaling, (lora_a.dtype, lora_b.dtype)
        return total

    @staticmethod
    def backward(ctx, grad_out):
        grad_a, grad_b = ctx.saved_tensors
        factor = 2.0 * ctx.scaling * grad_out
        return (grad_a * factor).to(ctx.dtypes[0]), (grad_b * factor).to(ctx.dtypes[1]), None, None, None


class EWCPenalty(nn.Module):
    """λ/2 · Σ F ⊙ (ΔW − anchor)² over the adapted weights that have a Fisher entry."""

    def __init__(
        self,
        peft_model: nn.Module,
        fisher: dict[str, torch.Tensor],
        lam: float,
        anchor: dict[str, torch.Tensor] | None = None,
        adapter: str = "default",
    ):
        super().__init__()
        self.lam, self.adapter = lam, adapter
        layers = adapted_weights(peft_model)
        unknown = sorted(set(fisher) - set(layers))
        if unknown:
            raise CorpuskitError(
                f"the Fisher has {len(unknown)} weights the adapter does not adapt "
                f"(e.g. {unknown[0]}); was it estimated for another model or targets?"
            )
        self.terms = [(name, layers[name][0]) for name in sorted(fisher)]
        if not self.terms:
            raise CorpuskitError("the Fisher is empty: no adapted weight to anchor")
        # Plain dicts, not buffers: the Fisher is saved next to the adapter, never inside it.
        self.fisher = {name: fisher[name] for name, _ in self.terms}
        self.anchor = {name: a.float() for name, a in (anchor or {}).items() if name in self.fisher}

    def forward(self) -> torch.Tensor:
        total = None
        for name, layer in self.terms:
            term = self._term(name, layer)
            total = term if total is None else total + term
        return 0.5 * self.lam * total

    def _term(self, name: str, layer: nn.Module) -> torch.Tensor:
        lora_a = layer.lora_A[self.adapter].weight
        if self.fisher[name].device != lora_a.device:  # the Trainer moved the model after we were built
            self.fisher[name] = self.fisher[name].to(lora_a.device)
            if name in self.anchor:
                self.anchor[name] = self.anchor[name].to(lora_a.device)
        fisher, anchor = self.fisher[name], self.anchor.get(name)
        if _is_plain_linear_lora(layer, self.adapter):
            return _LowRankFisherQuadratic.apply(
                lora_a, layer.lora_B[self.adapter].weight, fisher, anchor, float(layer.scaling[self.adapter])
            )
        # expert ParamWrappers, DoRA, fan-in-fan-out layers: peft's own ΔW, differentiated by autograd
        delta = layer.get_delta_weight(self.adapter).float()
        if anchor is not None:
            delta = delta - anchor
        flat = delta.reshape(-1)
        return torch.dot(flat * fisher.reshape(-1), flat)


# peft's LoRA over nn.Linear and over bitsandbytes' 4-/8-bit Linears (QLoRA): ΔW = s·B·A in all three
_PLAIN_LORA_LINEARS = {
    ("peft.tuners.lora.layer", "Linear"),
    ("peft.tuners.lora.bnb", "Linear4bit"),
    ("peft.tuners.lora.bnb", "Linear8bitLt"),
}


def _is_plain_linear_lora(layer: nn.Module, adapter: str) -> bool:
    return (
        (type(layer).__module__, type(layer).__name__) in _PLAIN_LORA_LINEARS
        and not layer.fan_in_fan_out
        and not layer.use_dora.get(adapter, False)
        and layer.lora_A[adapter].weight.dim() == 2
    )


def current_deltas(peft_model: nn.Module, adapter: str = "default") -> dict[str, torch.Tensor]:
    """ΔW of every adapted weight, detached: the anchor for sequential EWC."""
    with torch.no_grad():
        return {
            name: layer.get_delta_weight(adapter).detach().float().clone()
            for name, (layer, _) in adapted_weights(peft_model).items()
        }
