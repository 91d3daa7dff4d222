"""Records → task examples: span alignment through offsets (CJK, emoji), truncation, drops, metrics."""

from __future__ import annotations

import numpy as np
import pytest
from datasets import Dataset, DatasetDict

from corpuskit.records import new_record
from corpuskit_trainer.data import IGNORE, bio_labels, build_task_data, ner_example, sft_example
from corpuskit_trainer.metrics import bio_spans, classification_metrics, span_f1
from corpuskit_trainer.models import train_tokenizer

TEXT = "患者🙂服用阿司匹林 10 mg; Dr. Wang prescribed metformin."


@pytest.fixture(scope="module")
def tokenizer():
    return train_tokenizer([TEXT, "Patient reports chest pain. 咳嗽伴气喘 🙂"] * 5)


def _span(text, part, label, source="gold"):
    start = text.index(part)
    return {"start": start, "end": start + len(part), "label": label, "source": source}


def test_ner_tags_cover_exactly_the_tokens_of_each_span(tokenizer):
    spans = [
        _span(TEXT, "阿司匹林", "DRUG"),
        _span(TEXT, "metformin", "DRUG"),
        _span(TEXT, "Wang", "NAME", "deid"),
    ]
    record = new_record("r1", TEXT, spans=spans)
    tags = bio_labels(Dataset.from_list([record]))
    assert tags == ["O", "B-DRUG", "I-DRUG"]  # de-id placeholders are not NER targets
    ex = ner_example(record, tokenizer, {t: i for i, t in enumerate(tags)}, 128)
    offsets = tokenizer(TEXT, return_offsets_mapping=True)["offset_mapping"]
    names = [tags[t] if t != IGNORE else None for t in ex["labels"]]
    for span in spans[:2]:
        inside = [i for i, (s, e) in enumerate(offsets) if s < span["end"] and e > span["start"]]
        assert names[inside[0]] == "B-DRUG" and all(names[i] == "I-DRUG" for i in inside[1:])
        # the tagged tokens reach from the span's first to its last character
        assert offsets[inside[0]][0] <= span["start"] and offsets[inside[-1]][1] >= span["end"]
    tagged = {i for i, n in enumerate(names) if n and n != "O"}
    wang = _span(TEXT, "Wang", "NAME")
    assert not any(offsets[i][0] < wang["end"] and offsets[i][1] > wang["start"] for i in tagged)


def test_sft_truncates_the_text_not_the_answer(tokenizer):
    record = new_record("r1", TEXT * 20, labels=["cardio"])
    ex = sft_example(record, tokenizer, "classify", 32)
    answer = tokenizer(" cardio" + tokenizer.eos_token, add_special_tokens=False)["input_ids"]
    assert len(ex["input_ids"]) <= 32
    assert ex["input_ids"][-len(answer) :] == answer
    assert [t for t in ex["labels"] if t != IGNORE] == answer


def test_sft_extract_answers_json_of_spans(tokenizer):
    record = new_record("r1", TEXT, spans=[_span(TEXT, "metformin", "DRUG")])
    ex = sft_example(record, tokenizer, "extract", 128)
    answer = tokenizer.decode([t for t in ex["labels"] if t != IGNORE], skip_special_tokens=True)
    assert answer.strip() == '[{"label": "DRUG", "text": "metformin"}]'


def test_unusable_records_are_counted(tokenizer):
    rows = {
        "train": [new_record(f"t{i}", TEXT, labels=[lab]) for i, lab in enumerate(["a", "b", "a"])]
        + [new_record("t9", TEXT)],
        "test": [new_record("x1", TEXT, labels=["c"]), new_record("x2", TEXT, labels=["a"])],
    }
    dsd = DatasetDict({k: Dataset.from_list(v) for k, v in rows.items()})
    data = build_task_data(dsd, "classify", tokenizer, "classify", 64, ["train", "test"])
    assert data.labels == ["a", "b"]
    assert data.dropped == {"train: no label": 1, "test: label not in train": 1}
    assert len(data.splits["train"]) == 3 and len(data.splits["test"]) == 1


def test_bio_spans_and_span_f1():
    assert bio_spans(["B-X", "I-X", "O", "I-Y", "B-X"]) == {(0, 2, "X"), (3, 4, "Y"), (4, 5, "X")}
    names = ["O", "B-X", "I-X"]
    gold = np.array([[IGNORE, 1, 2, 0, 1, IGNORE]])
    pred = np.eye(3)[[0, 1, 2, 0, 0, 0]][None]  # finds the first span, misses the second
    m = span_f1(pred, gold, names)
    assert (m["span_precision"], m["span_recall"]) == (1.0, 0.5)
    assert m["span_f1"] == pytest.approx(2 / 3)


def test_classification_metrics():
    logits = np.eye(3)[[0, 0, 1, 2]]
    m = classification_metrics(logits, np.array([0, 1, 1, 2]), 3)
    assert m["accuracy"] == 0.75
    assert m["macro_f1"] == pytest.approx(np.mean([2 / 3, 2 / 3, 1.0]))
