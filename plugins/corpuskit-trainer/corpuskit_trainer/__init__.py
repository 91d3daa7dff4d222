"""corpuskit-trainer: LoRA + EWC fine-tuning of DeepSeek (and llama/qwen2) models on corpuskit versions.

from corpuskit_trainer import load_config, train
result = train(load_config("train.yaml", ["ewc.lam=0.01"]))
result.version_id   # the dataset version the adapter was trained on (also in its training card)
"""

from importlib import import_module
from typing import Any

# Names resolve on first use: the `corpuskit` CLI loads this package through its entry point on
# every start, and importing torch/peft/transformers eagerly costs seconds even for `--help`.
_EXPORTS = {
    "RunConfig": "corpuskit_trainer.config",
    "load_config": "corpuskit_trainer.config",
    "evaluate": "corpuskit_trainer.evaluation",
    "load_trained": "corpuskit_trainer.evaluation",
    "TrainResult": "corpuskit_trainer.recipe",
    "train": "corpuskit_trainer.recipe",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'corpuskit_trainer' has no attribute {name!r}")
    value = getattr(import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value
