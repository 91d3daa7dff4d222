"""Evaluation metrics: accuracy and macro-F1 (classify), span-level F1 (ner), loss and perplexity (sft).

Small enough to write out rather than pull in scikit-learn for two formulas; span F1 follows seqeval's
strict-IOB2 reading (a span is B-X followed by I-X; a stray I-X starts a new span, as conlleval does).
"""

from __future__ import annotations

import math

import numpy as np

IGNORE = -100


def classification_metrics(logits: np.ndarray, labels: np.ndarray, num_labels: int) -> dict[str, float]:
    pred = logits.argmax(-1)
    f1s = []
    for c in range(num_labels):
        tp = int(((pred == c) & (labels == c)).sum())
        fp = int(((pred == c) & (labels != c)).sum())
        fn = int(((pred != c) & (labels == c)).sum())
        if tp + fp + fn:  # classes absent from both gold and predictions do not dilute the mean
            f1s.append(2 * tp / (2 * tp + fp + fn))
    return {"accuracy": float((pred == labels).mean()), "macro_f1": float(np.mean(f1s)) if f1s else 0.0}


def bio_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, label) token spans in a BIO sequence, end exclusive."""
    spans, start, kind = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind
        if start is not None and not continues:
            spans.add((start, i, kind))
            start, kind = None, None
        if prefix == "B" or (prefix == "I" and not continues):
            start, kind = i, label
    return spans


def span_f1(logits: np.ndarray, labels: np.ndarray, names: list[str]) -> dict[str, float]:
    pred = logits.argmax(-1)
    tp = n_pred = n_gold = 0
    for p_row, g_row in zip(pred, labels):
        keep = g_row != IGNORE
        gold = bio_spans([names[i] for i in g_row[keep]])
        guess = bio_spans([names[i] for i in p_row[keep]])
        tp += len(gold & guess)
        n_pred += len(guess)
        n_gold += len(gold)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"span_precision": precision, "span_recall": recall, "span_f1": f1}


def metrics_fn(task: str, labels: list[str] | None):
    """A `compute_metrics` for transformers.Trainer, or None for sft (the loss is the metric)."""
    if task == "classify":
        return lambda ev: classification_metrics(_arr(ev.predictions), _arr(ev.label_ids), len(labels))
    if task == "ner":
        return lambda ev: span_f1(_arr(ev.predictions), _arr(ev.label_ids), labels)
    return None


def add_perplexity(metrics: dict[str, float], prefix: str) -> dict[str, float]:
    loss = metrics.get(f"{prefix}_loss")
    if loss is not None:
        metrics[f"{prefix}_perplexity"] = math.exp(min(loss, 50.0))
    return metrics


def _arr(x) -> np.ndarray:
    return np.asarray(x[0] if isinstance(x, tuple) else x)
