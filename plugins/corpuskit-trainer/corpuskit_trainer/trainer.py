"""transformers.Trainer with the EWC penalty added to the training loss, and the run's arguments/callbacks."""

from __future__ import annotations

import json
from pathlib import Path

import torch
from transformers import EarlyStoppingCallback, Trainer, TrainerCallback, TrainingArguments

from corpuskit.errors import CorpuskitError
from corpuskit_trainer.config import RunConfig

METRICS_FILE = "metrics.jsonl"


class EWCTrainer(Trainer):
    """Adds the EWC penalty `ewc()` (λ/2·Σ F⊙ΔW²) once per optimizer step; logs it as `ewc_penalty`.

    The penalty depends only on the weights, which do not change between the micro-batches of one
    accumulated step, so it is computed on the first micro-batch only (exact, and `grad_accum` times
    cheaper than adding it to every micro-batch). With `every=k > 1` it is applied every k-th optimizer
    step with weight k ("lazy regularization", as StyleGAN2 does for its R1 penalty): an approximation
    that divides its cost by k; `every=1` is exact.
    """

    def __init__(self, *args, ewc=None, ewc_every: int = 1, **kwargs):
        super().__init__(*args, **kwargs)
        self.ewc, self.ewc_every = ewc, max(1, ewc_every)
        self._penalised_step = -1
        self._penalty_sum, self._penalty_n = 0.0, 0

    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
        result = super().compute_loss(
            model, inputs, return_outputs=return_outputs, num_items_in_batch=num_items_in_batch
        )
        step = self.state.global_step
        if self.ewc is None or not model.training or step == self._penalised_step or step % self.ewc_every:
            return result
        self._penalised_step = step
        loss, outputs = result if return_outputs else (result, None)
        penalty = self.ewc()
        # Unless the Trainer already normalised the task loss for accumulation, it divides the loss by the
        # accumulation steps afterwards; pre-multiply so the penalty counts exactly once per step.
        scaled = self.loss_is_scaled_for_ga
        if scaled is None:
            scaled = (
                self.model_accepts_loss_kwargs and num_items_in_batch is not None
            ) or self.compute_loss_func is not None
        weight = self.ewc_every * (1 if scaled else self.current_gradient_accumulation_steps)
        loss = loss + weight * penalty
        self._penalty_sum += float(penalty.detach())
        self._penalty_n += 1
        return (loss, outputs) if return_outputs else loss

    def log(self, logs: dict[str, float], *args, **kwargs) -> None:
        if self._penalty_n and "loss" in logs:
            logs["ewc_penalty"] = self._penalty_sum / self._penalty_n
            self._penalty_sum, self._penalty_n = 0.0, 0
        super().log(logs, *args, **kwargs)


class JsonlMetrics(TrainerCallback):
    """Every log line (train and eval) appended to OUTPUT_DIR/metrics.jsonl by the main process."""

    def __init__(self, path: Path):
        self.path = path

    def on_log(self, args, state, control, logs=None, **kwargs):
        if state.is_world_process_zero and logs:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as f:
                f.write(json.dumps({"step": state.global_step, "epoch": state.epoch, **logs}) + "\n")


def callbacks(cfg: RunConfig, out: Path) -> list[TrainerCallback]:
    cbs: list[TrainerCallback] = [JsonlMetrics(out / METRICS_FILE)]
    if cfg.train.early_stopping_patience:
        cbs.append(EarlyStoppingCallback(early_stopping_patience=cfg.train.early_stopping_patience))
    if "tensorboard" in cfg.train.report_to:
        from transformers.integrations import TensorBoardCallback

        # a fixed folder (not runs/<date>) so `tensorboard --logdir OUTPUT_DIR/tensorboard` just works
        cbs.append(_tensorboard(out / "tensorboard", TensorBoardCallback))
    return cbs


def _tensorboard(logdir: Path, callback_cls):
    from torch.utils.tensorboard import SummaryWriter

    class LazyWriterCallback(callback_cls):  # the writer is created on the main process only
        def _init_summary_writer(self, args):
            self.tb_writer = SummaryWriter(log_dir=str(logdir))

    return LazyWriterCallback()


def training_arguments(cfg: RunConfig, out: Path, has_eval: bool) -> TrainingArguments:
    t = cfg.train
    if t.fp16 and not torch.cuda.is_available():
        raise CorpuskitError("train.fp16 needs a CUDA GPU; on CPU use train.bf16 (or neither)")
    if t.early_stopping_patience and not has_eval:
        raise CorpuskitError("train.early_stopping_patience needs a validation (or test) split to watch")
    metric = t.metric_for_best or "eval_loss"
    greater = not (metric.endswith("loss") or metric.endswith("perplexity"))
    save_steps = t.save_steps or t.eval_steps
    return TrainingArguments(
        output_dir=str(out),
        max_steps=t.max_steps,
        num_train_epochs=t.epochs,
        learning_rate=t.lr,
        per_device_train_batch_size=t.batch_size,
        per_device_eval_batch_size=t.eval_batch_size,
        gradient_accumulation_steps=t.grad_accum,
        warmup_steps=t.warmup_steps,
        weight_decay=t.weight_decay,
        eval_strategy="steps" if has_eval else "no",
        eval_steps=t.eval_steps,
        save_strategy="steps" if (t.save_steps or t.early_stopping_patience) else "no",
        save_steps=save_steps,
        save_total_limit=t.save_total_limit,
        load_best_model_at_end=bool(t.early_stopping_patience),
        metric_for_best_model=metric,
        greater_is_better=greater,
        logging_steps=t.logging_steps,
        logging_first_step=True,
        bf16=t.bf16,
        fp16=t.fp16,
        activation_checkpointing=t.gradient_checkpointing,
        # non-reentrant checkpointing needs no input grads, so frozen embeddings + LoRA just work
        activation_checkpointing_kwargs={"use_reentrant": False} if t.gradient_checkpointing else None,
        seed=t.seed,
        data_seed=t.seed,
        disable_tqdm=not t.progress,
        report_to=[r for r in t.report_to if r != "tensorboard"] or "none",
        label_names=["labels"],
        remove_unused_columns=False,
        ddp_backend=t.ddp_backend,
        ddp_find_unused_parameters=False,
        use_cpu=t.use_cpu if t.use_cpu is not None else not torch.cuda.is_available(),
        dataloader_pin_memory=torch.cuda.is_available(),
    )
