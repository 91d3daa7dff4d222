"""The same `train` command under torchrun: 2 CPU ranks (gloo), EWC Fisher made once and shared."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from corpuskit_trainer.card import read_card


def test_two_rank_torchrun(store, v1, tmp_path):
    out = tmp_path / "ddp"
    # CPU ranks on any machine: on a one-GPU box two NCCL ranks would both want cuda:0 and cuda:1
    env = {**os.environ, "CORPUSKIT_STORE": str(store), "OMP_NUM_THREADS": "1", "CUDA_VISIBLE_DEVICES": ""}
    cmd = [
        sys.executable,
        "-m",
        "torch.distributed.run",
        "--nproc_per_node",
        "2",
        "--master_port",
        "29533",
        "-m",
        "corpuskit_trainer.cli",
        "train",
        v1,
        "--task",
        "classify",
        "--tiny-model",
        "deepseek_v3",
        "-o",
        str(out),
        "--max-steps",
        "4",
        "--batch-size",
        "8",
        "--ewc",
        "base",
        "--ewc-lambda",
        "1.0",
        "--set",
        "ewc.fisher_samples=8",
        "--set",
        "train.report_to=[]",
        "--set",
        "data.max_length=48",
        "--set",
        "train.logging_steps=1",
    ]
    run = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    rows = [json.loads(x) for x in (out / "metrics.jsonl").read_text().splitlines()]
    train_rows = [r for r in rows if "loss" in r]
    # one log line per step, written by rank 0 only
    assert [r["step"] for r in train_rows] == [1, 2, 3, 4]
    # 2 ranks × 8 per device = 16 records per step over 64 train records: 4 steps is one epoch
    assert train_rows[-1]["epoch"] == 1.0
    assert all(r["ewc_penalty"] >= 0 for r in train_rows)
    assert read_card(out)["version_id"]
    assert (out / "fisher.safetensors").is_file()
