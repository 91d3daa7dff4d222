"""corpuskit-trainer: LoRA + EWC fine-tuning of DeepSeek (and llama/qwen2) models on corpuskit versions.

from corpuskit_trainer import load_config, train
result = train(load_config("train.yaml", ["ewc.lam=0.01"]))
result.version_id   # the dataset version the adapter was trained on (also in its training card)
"""

from corpuskit_trainer.config import RunConfig, load_config
from corpuskit_trainer.evaluation import evaluate, load_trained
from corpuskit_trainer.recipe import TrainResult, train

__all__ = ["RunConfig", "TrainResult", "evaluate", "load_config", "load_trained", "train"]
