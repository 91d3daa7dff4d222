"""Helpers for the trainer tests: store versions of small synthetic clinical records (built in code, no PHI).

A uniquely named module (not conftest) so `from trainer_fixtures import ...` cannot pick up another
folder's conftest when the whole repository's tests run together.
"""

from __future__ import annotations

import random
from pathlib import Path

from corpuskit.records import new_record, stable_id, to_batch
from corpuskit.store import VersionStore

DRUGS = ["aspirin", "metformin", "lisinopril", "atorvastatin", "salbutamol", "阿司匹林"]
CARDIO = [
    "chest pain radiating to the left arm",
    "palpitations and high blood pressure",
    "irregular heartbeat on ECG",
    "胸痛伴心悸",
]
RESP = [
    "persistent cough with wheezing",
    "shortness of breath at night",
    "fever and productive sputum",
    "咳嗽伴气喘",
]


def make_record(i: int, rng: random.Random, split: str, shift: bool = False) -> dict:
    """One record: a class label (cardio/resp) and DRUG/SYMPTOM spans at exact code-point offsets."""
    label = "cardio" if i % 2 == 0 else "resp"
    symptom = rng.choice(CARDIO if label == "cardio" else RESP)
    drug = rng.choice(DRUGS)
    intro = "Follow-up visit: " if shift else "Patient reports "
    text = f"{intro}{symptom}. Started {drug} 10 mg daily."
    s0 = len(intro)
    d0 = text.index(drug, s0 + len(symptom))
    spans = [
        {"start": s0, "end": s0 + len(symptom), "label": "SYMPTOM", "source": "gold"},
        {"start": d0, "end": d0 + len(drug), "label": "DRUG", "source": "gold"},
    ]
    return new_record(
        stable_id("fixture", shift, split, i),
        text,
        lang="en",
        domain="medical",
        doc_type="note",
        spans=spans,
        labels=[label],
        group_id=f"p{i}",
        split=split,
    )


def commit_version(
    root: Path, dataset: str = "clinical", shift: bool = False, sizes=None, parent=None
) -> str:
    sizes = sizes or {"train": 64, "validation": 16, "test": 16, "adversarial_test": 8}
    rng = random.Random(1 if shift else 0)
    splits = {
        name: [to_batch([make_record(i, rng, name, shift) for i in range(n)])] for name, n in sizes.items()
    }
    vid = VersionStore(root).commit(
        dataset,
        splits,
        fingerprint={"fixture": "clinical", "shift": shift, "sizes": sizes},
        manifest={"code_version": "test"},
        parent=parent,
    )
    return vid


def overrides(store: Path, out: Path, **extra) -> dict:
    """Small, fast settings for a tiny DeepSeek-V3 run."""
    base = {
        "data.store": str(store),
        "model.tiny_model": "deepseek_v3",
        "train.output_dir": str(out),
        "train.max_steps": 12,
        "train.batch_size": 8,
        "train.lr": 3e-3,
        "train.eval_steps": 6,
        "train.logging_steps": 2,
        "train.progress": False,
        "data.max_length": 64,
        "train.report_to": [],
    }
    base.update(extra)
    return base
