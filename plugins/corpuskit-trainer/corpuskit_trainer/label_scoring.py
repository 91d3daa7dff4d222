"""Accuracy and macro-F1 for classification trained as generation (task sft, template classify).

Each candidate label is scored by the log-likelihood the model gives " <label></s>" after the record's
prompt; the best-scoring label is the prediction. This ranks a closed label set instead of sampling free
text, so the metric is deterministic and comparable with the `classify` head's.
"""

from __future__ import annotations

import numpy as np
import torch

from corpuskit_trainer.data import IGNORE, sft_example
from corpuskit_trainer.metrics import classification_metrics


@torch.no_grad()
def score_labels(model, tokenizer, records, labels: list[str], max_length: int, batch_size: int = 16):
    """(log-likelihood matrix [records × labels], gold label index per record) for records with a known label."""
    pairs, gold = [], []
    for record in records:
        if not record["labels"] or record["labels"][0] not in labels:
            continue
        gold.append(labels.index(record["labels"][0]))
        for label in labels:
            pairs.append(sft_example({**record, "labels": [label]}, tokenizer, "classify", max_length))
    model.eval()
    device = next(model.parameters()).device
    scores = []
    for i in range(0, len(pairs), batch_size):
        chunk = pairs[i : i + batch_size]
        width = max(len(p["input_ids"]) for p in chunk)
        pad = tokenizer.pad_token_id
        ids = torch.tensor(
            [p["input_ids"] + [pad] * (width - len(p["input_ids"])) for p in chunk], device=device
        )
        tgt = torch.tensor(
            [p["labels"] + [IGNORE] * (width - len(p["labels"])) for p in chunk], device=device
        )
        mask = (
            torch.arange(width, device=device)[None, :]
            < torch.tensor([len(p["input_ids"]) for p in chunk], device=device)[:, None]
        ).long()
        logits = model(input_ids=ids, attention_mask=mask).logits[:, :-1].float()
        tgt = tgt[:, 1:]
        logp = torch.log_softmax(logits, -1).gather(-1, tgt.clamp(min=0).unsqueeze(-1)).squeeze(-1)
        scores.extend((logp * (tgt != IGNORE)).sum(-1).tolist())
    return np.array(scores).reshape(len(gold), len(labels)), np.array(gold)


def generation_metrics(model, tokenizer, records, labels: list[str], max_length: int, prefix: str) -> dict:
    if not records or len(labels) < 2:
        return {}
    scores, gold = score_labels(model, tokenizer, records, labels, max_length)
    if not len(gold):
        return {}
    m = classification_metrics(scores, gold, len(labels))
    return {f"{prefix}_label_accuracy": m["accuracy"], f"{prefix}_label_macro_f1": m["macro_f1"]}


def sft_label_set(dsd, train_split: str) -> list[str] | None:
    """The closed label set for scoring, from the train split (None when there are not two labels)."""
    from corpuskit.errors import CorpuskitError
    from corpuskit_trainer.data import class_labels

    try:
        return class_labels(dsd[train_split]) if train_split in dsd else None
    except CorpuskitError:
        return None
