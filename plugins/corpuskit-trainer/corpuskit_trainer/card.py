"""The training card: `training_card.json` (machine-readable) and `README.md` next to the adapter.

The card is what makes an adapter auditable: which dataset version (by id) it was trained on, from which
base, with which targets, EWC settings and Fisher source, and what it scored on test/adversarial_test.
No record text goes in it.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import yaml

from corpuskit.errors import CorpuskitError

CARD_JSON = "training_card.json"


def library_versions() -> dict[str, str]:
    out = {}
    for name in ("corpuskit", "corpuskit-trainer", "torch", "transformers", "peft", "accelerate"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "not installed"
    return out


def write_card(out: Path, card: dict[str, Any]) -> None:
    card = {
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        **card,
        "versions": library_versions(),
    }
    (out / CARD_JSON).write_text(json.dumps(card, ensure_ascii=False, indent=2, default=str), "utf-8")
    (out / "README.md").write_text(render_readme(card), "utf-8")


def read_card(adapter_dir: str | Path) -> dict[str, Any]:
    path = Path(adapter_dir) / CARD_JSON
    if not path.is_file():
        raise CorpuskitError(f"{adapter_dir} has no {CARD_JSON}: not an adapter trained by corpuskit train")
    return json.loads(path.read_text("utf-8"))


def render_readme(card: dict[str, Any]) -> str:
    header = {
        "library_name": "peft",
        "base_model": card["base_model"],
        "tags": ["corpuskit", card["task"], card["adapter"]["method"]]
        + (["ewc"] if card["ewc"]["mode"] != "off" else []),
        "corpuskit": {"dataset": card["dataset"], "version_id": card["version_id"]},
    }
    lines = [
        "---",
        yaml.safe_dump(header, allow_unicode=True, sort_keys=False).rstrip(),
        "---",
        "",
        f"# {card['task']} adapter for `{card['base_model']}`",
        "",
        f"Trained by corpuskit-trainer on dataset **{card['dataset']}** version `{card['version_id']}`.",
        "",
        "```python",
        "from corpuskit_trainer import load_trained",
        "model, tokenizer, card = load_trained('<this folder>')",
        "```",
        "",
        "## Adapter",
        "",
        f"- method: {card['adapter']['method']} (r={card['adapter'].get('r')}, "
        f"alpha={card['adapter'].get('alpha')}, rslora={card['adapter'].get('rslora')}, "
        f"dora={card['adapter'].get('dora')})",
        f"- adapted weights: {card['adapter'].get('n_adapted_weights')} "
        f"({', '.join(card['adapter'].get('target_modules') or [])}"
        f"{'; routed experts' if card['adapter'].get('target_parameters') else ''})",
        "",
        "## EWC",
        "",
    ]
    e = card["ewc"]
    if e["mode"] == "off":
        lines.append("- off")
    else:
        lines += [
            f"- mode: {e['mode']}, λ = {e['lam']} (Fisher normalised to mean 1)",
            f"- Fisher: `{e.get('fisher_file')}` from `{e.get('fisher_source')}` "
            f"({e.get('fisher_samples')} samples, {e.get('fisher_dtype')}, layers {e.get('layers') or 'all'})",
        ]
        if e["mode"] == "sequential":
            lines.append(f"- anchored on `{e.get('prev_adapter')}` (decay {e.get('decay')})")
    lines += ["", "## Metrics", "", "| metric | value |", "|---|---|"]
    lines += [
        f"| {k} | {v:.4g} |" if isinstance(v, float) else f"| {k} | {v} |"
        for k, v in sorted(card.get("metrics", {}).items())
    ]
    if card.get("dropped"):
        lines += ["", "## Records not used", ""] + [f"- {k}: {v}" for k, v in card["dropped"].items()]
    lines += ["", "## Training", "", "```json", json.dumps(card.get("train", {}), indent=2), "```", ""]
    return "\n".join(lines)
