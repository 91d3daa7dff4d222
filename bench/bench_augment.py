"""Augment throughput: variants per second for char-level and lexicon transforms vs a bare copy loop.

    .venv/bin/python bench/bench_augment.py --n 500

Records are real labelled text when the shared dev sets are present (zh_cEHRNER clinical
notes, en SEC-filings NER sentences; see /work/shared/data/README.md), otherwise a synthetic
zh/en mix. Each run goes through `Stage.run` — Arrow in, contract check, Arrow out — in one
process on one core, one variant per record. Goal: ≥ 1,000 records/s for char-level transforms.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import pyarrow as pa

from corpuskit.records import RECORD_SCHEMA, new_record, to_batch
from corpuskit.stages.augment.stage import AugmentStage
from corpuskit.stages.base import RunContext, Stage

DATA = Path(os.environ.get("CORPUSKIT_DEV_DATA", "/work/shared/data"))
CHAR_LEVEL = ["typo.keyboard", "char.noise", "punct.noise", "width.switch", "homophone", "shape.similar", "ocr.confusion"]
LEXICON = ["synonym.lexicon", "abbrev.swap", "number.format",
           {"name": "entity.swap", "params": {"pool": "both"}}]  # corpus pool: a full pass first
GOAL = 1000.0


class CopyStage(Stage):
    """The baseline: emits each record and one copy of it with a new id, nothing else."""

    name = "bench.copy"

    def process_batch(self, batch, ctx):
        rows = batch.to_pylist()
        out = []
        for r in rows:
            out += [r, {**r, "id": r["id"] + "-copy", "parent_id": r["id"]}]
        return to_batch(out)


def load_records(n: int) -> list[dict]:
    zh, en = [], []
    zh_path = DATA / "zh_cEHRNER" / "data_cEHRNER_dev.json"
    en_path = DATA / "en_sec_filings_ner" / "fin5_train.spans.jsonl"
    if zh_path.exists() and en_path.exists():
        for i, line in enumerate(zh_path.read_text("utf-8").splitlines()[: n // 2]):
            d = json.loads(line)
            spans = [{"start": int(m["offset"]), "end": int(m["offset"]) + len(m["mention"]), "label": m["label"],
                      "source": "gold"} for m in d["mention_data"]]
            zh.append(new_record(f"zh{i}", d["text"], lang="zh", domain="medical", spans=spans))
        for i, line in enumerate(en_path.read_text("utf-8").splitlines()[: n - len(zh)]):
            d = json.loads(line)
            spans = [{"start": e["start"], "end": e["end"], "label": e["label"], "source": "gold"} for e in d["entities"]]
            en.append(new_record(f"en{i}", d["text"], lang="en", domain="finance", spans=spans))
        source = "zh_cEHRNER dev + en SEC filings"
    else:
        for i in range(n // 2):
            zh.append(new_record(f"zh{i}", f"患者头痛{i}天，伴发热，体温38.5℃。已口服布洛芬200mg。血压升高。", lang="zh", domain="medical"))
            en.append(new_record(f"en{i}", f"Patient reports fever for {i} days. BP 150/95, HR 88. Started metformin.",
                                 lang="en", domain="medical"))
        source = "synthetic"
    recs = zh + en
    print(f"{len(recs)} records ({source}), mean {sum(len(r['text']) for r in recs) / len(recs):.0f} chars")
    return recs


def timed(stage: Stage, table: pa.Table, repeat: int) -> tuple[float, int]:
    best, rows = float("inf"), 0
    for _ in range(repeat):
        ctx = RunContext(fingerprint="bench")
        stage.ensure_setup(ctx)
        t0 = time.perf_counter()
        result = stage.run(table, ctx)
        best = min(best, time.perf_counter() - t0)
        rows = result.table.num_rows
    return best, rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=500, help="records (half zh, half en)")
    ap.add_argument("--repeat", type=int, default=2, help="best of this many runs")
    args = ap.parse_args()
    recs = load_records(args.n)
    table = pa.Table.from_batches([to_batch(recs[i:i + 256]) for i in range(0, len(recs), 256)], schema=RECORD_SCHEMA)
    n = len(recs)

    base_s, _ = timed(CopyStage(), table, args.repeat)
    print(f"\n{'transform':<22}{'records/s':>11}{'variants/s':>12}{'vs copy':>9}  goal")
    print(f"{'bare copy loop':<22}{n / base_s:>11,.0f}{n / base_s:>12,.0f}{1:>8.1f}x")
    for group, names in (("char-level", CHAR_LEVEL), ("lexicon", LEXICON)):
        print(f"-- {group}")
        for spec in names:
            name = spec if isinstance(spec, str) else spec["name"] + "(corpus)"
            stage = AugmentStage({"transforms": [spec], "variants_per_record": 1})
            secs, rows = timed(stage, table, args.repeat)
            made = rows - n
            mark = ("ok" if n / secs >= GOAL else "BELOW") if group == "char-level" else ""
            print(f"{name:<22}{n / secs:>11,.0f}{made / secs:>12,.0f}{base_s / secs:>8.2f}x  {mark}")


if __name__ == "__main__":
    main()
