"""From a corpuskit dataset version to tokenised examples for each task.

- sft/classify template: "<text>\\n### Label:" → " <labels>" (loss on the answer only)
- sft/extract template:  "<text>\\n### Entities (JSON):" → ' [{"label": .., "text": ..}]'
- sft/pretrain template: the text itself (continued pretraining; loss on every token)
- classify: a sequence-classification head on the record's first label
- ner: BIO token labels from character spans, aligned through the tokenizer's offsets mapping

Records a task cannot use (no label, label unseen in train) are counted, never silently lost.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from corpuskit.errors import CorpuskitError

IGNORE = -100
# De-identification placeholders are spans too; they are not what a domain NER model should learn.
SKIP_SPAN_SOURCES = ("deid",)
CLASSIFY_PROMPT, EXTRACT_PROMPT = "\n### Label:", "\n### Entities (JSON):"


@dataclass
class VersionRef:
    dataset: str
    version_id: str
    store: str | None


@dataclass
class TaskData:
    splits: dict[str, Any]  # split name -> tokenised datasets.Dataset
    labels: list[str] | None  # classify: class names; ner: BIO tag names
    dropped: Counter = field(default_factory=Counter)


def resolve(ref: str, store: str | None):
    """(VersionRef, DatasetDict) for DATASET[@VERSION|@TAG] or a bare version id."""
    from corpuskit.store import VersionStore

    vs = VersionStore(store)
    dataset, version_id = vs.find(ref)
    return VersionRef(dataset, version_id, store), vs.load(dataset, version_id)


def spans_of(record: dict) -> list[dict]:
    return sorted(
        (s for s in record.get("spans") or [] if s.get("source") not in SKIP_SPAN_SOURCES),
        key=lambda s: (s["start"], s["end"]),
    )


def class_labels(train) -> list[str]:
    labels = sorted({r[0] for r in train["labels"] if r})
    if len(labels) < 2:
        raise CorpuskitError(f"task=classify needs at least 2 distinct labels in train; found {labels}")
    return labels


def bio_labels(train) -> list[str]:
    kinds = sorted(
        {
            s["label"]
            for spans in train["spans"]
            for s in spans or []
            if s.get("source") not in SKIP_SPAN_SOURCES
        }
    )
    if not kinds:
        raise CorpuskitError(
            "task=ner needs records with spans in train (none found besides de-id placeholders)"
        )
    return ["O"] + [f"{p}-{k}" for k in kinds for p in ("B", "I")]


def sft_example(record: dict, tokenizer, template: str, max_length: int) -> dict | None:
    text = record["text"]
    eos = tokenizer.eos_token or ""
    if template == "pretrain":
        ids = tokenizer(text + eos, add_special_tokens=False, truncation=True, max_length=max_length)[
            "input_ids"
        ]
        return {"input_ids": ids, "labels": list(ids)}
    if template == "classify":
        if not record["labels"]:
            return None
        prompt, answer = CLASSIFY_PROMPT, " " + ", ".join(record["labels"])
    else:
        found = [{"label": s["label"], "text": text[s["start"] : s["end"]]} for s in spans_of(record)]
        prompt, answer = EXTRACT_PROMPT, " " + json.dumps(found, ensure_ascii=False)
    answer_ids = tokenizer(answer + eos, add_special_tokens=False)["input_ids"][: max_length // 2]
    budget = max_length - len(answer_ids)
    # truncate the record text, never the instruction or the answer
    prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    text_ids = tokenizer(text, add_special_tokens=False)["input_ids"][: max(budget - len(prompt_ids), 0)]
    ids = text_ids + prompt_ids + answer_ids
    return {"input_ids": ids, "labels": [IGNORE] * (len(text_ids) + len(prompt_ids)) + answer_ids}


def classify_example(record: dict, tokenizer, label_ids: dict[str, int], max_length: int) -> dict | str:
    if not record["labels"]:
        return "no label"
    if record["labels"][0] not in label_ids:
        return "label not in train"
    enc = tokenizer(record["text"], truncation=True, max_length=max_length)
    return {"input_ids": enc["input_ids"], "labels": label_ids[record["labels"][0]]}


def ner_example(record: dict, tokenizer, tag_ids: dict[str, int], max_length: int) -> dict:
    enc = tokenizer(record["text"], truncation=True, max_length=max_length, return_offsets_mapping=True)
    tags = [IGNORE if start == end else tag_ids["O"] for start, end in enc["offset_mapping"]]
    for span in spans_of(record):
        inside = [
            i
            for i, (start, end) in enumerate(enc["offset_mapping"])
            if start < end and start < span["end"] and end > span["start"]
        ]
        key = f"B-{span['label']}"
        if not inside or key not in tag_ids:
            continue
        tags[inside[0]] = tag_ids[key]
        for i in inside[1:]:
            tags[i] = tag_ids[f"I-{span['label']}"]
    return {"input_ids": enc["input_ids"], "labels": tags}


def build_task_data(
    dsd,
    task: str,
    tokenizer,
    template: str,
    max_length: int,
    splits: list[str],
    train_split: str = "train",
    max_train_records: int | None = None,
    labels: list[str] | None = None,
) -> TaskData:
    """Tokenise `splits` of the DatasetDict for `task`; labels are taken from the train split unless given."""
    from datasets import Dataset

    needs_train = train_split in splits
    if needs_train and train_split not in dsd:
        raise CorpuskitError(f"the version has no '{train_split}' split; it has {list(dsd)}")
    if labels is None and task == "classify":
        labels = class_labels(dsd[train_split])
    elif labels is None and task == "ner":
        labels = bio_labels(dsd[train_split])
    label_ids = {name: i for i, name in enumerate(labels or [])}
    out, dropped = {}, Counter()
    for split in splits:
        if split not in dsd:
            continue
        rows = []
        source = dsd[split]
        if split == train_split and max_train_records:
            source = source.select(range(min(max_train_records, len(source))))
        for record in source:
            if task == "sft":
                ex = sft_example(record, tokenizer, template, max_length)
                ex = ex if ex is not None else "no label"
            elif task == "classify":
                ex = classify_example(record, tokenizer, label_ids, max_length)
            else:
                ex = ner_example(record, tokenizer, label_ids, max_length)
            if isinstance(ex, str):
                dropped[f"{split}: {ex}"] += 1
                continue
            rows.append(ex)
        if rows:
            out[split] = Dataset.from_list(rows)
    if needs_train and train_split not in out:
        raise CorpuskitError(f"no usable {task} examples in '{train_split}' (dropped: {dict(dropped)})")
    return TaskData(out, labels, dropped)


def collator(task: str, tokenizer):
    from transformers import (
        DataCollatorForSeq2Seq,
        DataCollatorForTokenClassification,
        DataCollatorWithPadding,
    )

    if task == "sft":
        return DataCollatorForSeq2Seq(tokenizer, label_pad_token_id=IGNORE, padding=True)
    if task == "ner":
        return DataCollatorForTokenClassification(tokenizer, label_pad_token_id=IGNORE)
    return DataCollatorWithPadding(tokenizer)
