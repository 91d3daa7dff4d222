"""Each task trains on a real store version: loss falls, the card names the version, reload/merge agree."""

from __future__ import annotations

import json

import pytest
import torch
from corpuskit_trainer import evaluate, load_config, load_trained, train
from corpuskit_trainer.card import read_card
from trainer_fixtures import overrides


def _losses(out):
    rows = [json.loads(line) for line in (out / "metrics.jsonl").read_text().splitlines()]
    return [r["loss"] for r in rows if "loss" in r], [r["eval_loss"] for r in rows if "eval_loss" in r]


@pytest.fixture(scope="module")
def runs(store, v1, tmp_path_factory):
    out = {}
    for task, extra in [("sft", {"data.template": "classify"}), ("classify", {}), ("ner", {})]:
        path = tmp_path_factory.mktemp(f"run-{task}")
        cfg = load_config(None, overrides(store, path, **{"data.dataset": v1, "data.task": task, **extra}))
        out[task] = train(cfg)
    return out


@pytest.mark.parametrize("task", ["sft", "classify", "ner"])
def test_loss_falls_and_card_names_the_version(runs, task, store):
    result = runs[task]
    train_losses, eval_losses = _losses(result.output_dir)
    assert eval_losses[-1] < train_losses[0] * 0.85, (train_losses, eval_losses)
    assert eval_losses[-1] < eval_losses[0]
    card = read_card(result.output_dir)
    from corpuskit.store import VersionStore

    assert card["version_id"] == VersionStore(store).resolve("clinical", "v1") == result.version_id
    assert card["dataset"] == "clinical" and card["task"] == task
    assert result.version_id in (result.output_dir / "README.md").read_text()
    assert (result.output_dir / "adapter_model.safetensors").is_file()
    # evaluated on test and adversarial_test, both present in the fixture version
    assert "test_loss" in result.metrics and "adversarial_test_loss" in result.metrics


def test_task_metrics(runs):
    assert runs["classify"].metrics["test_accuracy"] >= 0.9  # the fixture classes are separable by words
    assert 0 <= runs["classify"].metrics["test_macro_f1"] <= 1
    assert runs["ner"].metrics["test_span_f1"] > 0
    assert runs["sft"].metrics["test_perplexity"] == pytest.approx(
        2.718281828 ** runs["sft"].metrics["test_loss"]
    )
    # classification as generation: reported on every evaluated split (a random frozen base learns the
    # mapping too slowly for a threshold here; test_label_scores_are_answer_log_likelihoods checks the scoring)
    assert 0 <= runs["sft"].metrics["test_label_accuracy"] <= 1
    assert "adversarial_test_label_macro_f1" in runs["sft"].metrics


def test_label_scores_are_answer_log_likelihoods(runs, store):
    from corpuskit_trainer.data import resolve, sft_example
    from corpuskit_trainer.label_scoring import score_labels

    result = runs["sft"]
    model, tokenizer = result.trainer.model.eval(), result.trainer.processing_class
    _, dsd = resolve(f"clinical@{result.version_id}", str(store))
    records = list(dsd["test"].select(range(3)))
    scores, gold = score_labels(model, tokenizer, records, ["cardio", "resp"], 64, batch_size=4)
    assert scores.shape == (3, 2) and list(gold) == [
        ["cardio", "resp"].index(r["labels"][0]) for r in records
    ]
    for i, record in enumerate(records):
        for j, label in enumerate(["cardio", "resp"]):
            ex = sft_example({**record, "labels": [label]}, tokenizer, "classify", 64)
            n_answer = sum(t != -100 for t in ex["labels"][1:])
            device = next(model.parameters()).device  # the Trainer moved it to the GPU, where there is one
            with torch.no_grad():
                loss = model(
                    input_ids=torch.tensor([ex["input_ids"]], device=device),
                    labels=torch.tensor([ex["labels"]], device=device),
                ).loss
            assert scores[i, j] == pytest.approx(-float(loss) * n_answer, rel=1e-4, abs=1e-4)


@pytest.mark.parametrize("task", ["sft", "classify", "ner"])
def test_adapter_reloads_and_merges_to_the_same_outputs(runs, task):
    result = runs[task]
    trained = result.trainer.model.eval()
    tokenizer = result.trainer.processing_class
    batch = tokenizer(
        [
            "Patient reports chest pain radiating to the left arm. Started aspirin 10 mg daily.",
            "Follow-up visit: 咳嗽伴气喘.",
        ],
        return_tensors="pt",
        padding=True,
    ).to(next(trained.parameters()).device)  # compared on the device it was trained on (CPU or GPU)
    with torch.no_grad():
        expected = trained(**batch).logits
        reloaded, _, card = load_trained(result.output_dir)
        assert card["version_id"] == result.version_id
        assert torch.allclose(reloaded.to(batch.input_ids.device)(**batch).logits, expected, atol=1e-5)
        merged, _, _ = load_trained(result.output_dir, merge=True)
        assert not hasattr(merged, "peft_config")
        assert torch.allclose(merged.to(batch.input_ids.device)(**batch).logits, expected, atol=1e-4)


def test_evaluate_reproduces_the_test_metrics(runs):
    result = runs["classify"]
    metrics = evaluate(result.output_dir)
    assert metrics["version_id"] == result.version_id
    assert metrics["test_accuracy"] == pytest.approx(result.metrics["test_accuracy"])
    assert metrics["adversarial_test_loss"] == pytest.approx(
        result.metrics["adversarial_test_loss"], rel=1e-4
    )


def test_evaluate_sft_scores_labels(runs):
    metrics = evaluate(runs["sft"].output_dir, splits=["test"])
    assert metrics["test_label_accuracy"] == pytest.approx(runs["sft"].metrics["test_label_accuracy"])


def test_evaluate_on_another_version(runs, v2):
    metrics = evaluate(runs["ner"].output_dir, dataset=v2, splits=["test"])
    assert "test_span_f1" in metrics and "adversarial_test_loss" not in metrics


def test_sft_extract_and_pretrain_templates_train(store, v1, tmp_path):
    for template in ("extract", "pretrain"):
        cfg = load_config(
            None,
            overrides(
                store,
                tmp_path / template,
                **{"data.dataset": v1, "data.task": "sft", "data.template": template, "train.max_steps": 6},
            ),
        )
        result = train(cfg)
        train_losses, eval_losses = _losses(result.output_dir)
        assert eval_losses[-1] < train_losses[0]
