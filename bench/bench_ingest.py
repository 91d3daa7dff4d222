"""Ingest throughput and memory against a plain read-and-hash loop, on synthetic txt documents.

    python bench/bench_ingest.py            # 100k docs (~1.5 KB each), also measured at 10k
    python bench/bench_ingest.py --n 2000   # a quick look

Documents are made from the sample corpus (txt/md files and csv/jsonl rows): paragraphs
shuffled and digits changed, so no two are exact duplicates. Each measurement runs in its
own process, so peak RSS (ru_maxrss of the process, and of its worker children) is per run.
Goals from issue 3: ingest at least half as fast as the plain loop; peak RSS under 500 MB
and flat between n/10 and n documents.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PER_FOLDER = 100  # small folders, so a subset of n/10 documents is whole folders


def sample_texts() -> list[str]:
    gold = ROOT / "sample_corpora" / "gold" / "identifiers.jsonl"
    return [
        json.loads(line)["text"] for line in gold.read_text("utf-8").splitlines() if json.loads(line)["exact"]
    ]


def synth_doc(rng: random.Random, texts: list[str], size: int = 1500) -> str:
    paras = [p for p in rng.choice(texts).split("\n") if p.strip()]
    out: list[str] = []
    while sum(len(p) + 1 for p in out) < size:
        block = paras[:]
        rng.shuffle(block)
        out += block
    text = "\n".join(out)[:size]
    return re.sub(r"\d", lambda m: str(rng.randrange(10)), text)


def make_txt_corpus(folder: Path, n: int, seed: int = 0) -> None:
    rng, texts = random.Random(seed), sample_texts()
    for i in range(n):
        sub = folder / f"shard_{i // PER_FOLDER:04d}"
        if i % PER_FOLDER == 0:
            sub.mkdir(parents=True, exist_ok=True)
        (sub / f"doc_{i:07d}.txt").write_text(synth_doc(rng, texts), encoding="utf-8")


def shards_for(n: int) -> list[str]:
    return [f"shard_{k:04d}/**" for k in range((n + PER_FOLDER - 1) // PER_FOLDER)]


# -- measured in a child process -----------------------------------------------------
def run_plain(folder: Path, n: int) -> dict:
    t0, count, size = time.perf_counter(), 0, 0
    for shard in sorted(folder.iterdir())[: (n + PER_FOLDER - 1) // PER_FOLDER]:
        for path in sorted(shard.iterdir()):
            data = path.read_bytes()
            hashlib.sha256(data).hexdigest()
            count += 1
            size += len(data)
    return {"docs": count, "seconds": time.perf_counter() - t0}


def run_ingest(folder: Path, n: int, workers: int) -> dict:
    from corpuskit.stages.base import RunContext
    from corpuskit.stages.ingest.stage import IngestStage

    ctx = RunContext()
    stage = IngestStage({"workers": workers})
    t0, records = time.perf_counter(), 0
    for batch in stage.read([{"path": str(folder), "include": shards_for(n)}], ctx):
        records += batch.num_rows
    stats = ctx.stats["ingest.v1"]
    return {
        "docs": stats["docs_in"],
        "records": records,
        "seconds": time.perf_counter() - t0,
        "quarantined": len(ctx.quarantined),
    }


def child_main(args: argparse.Namespace) -> None:
    folder = Path(args.dir)
    result = (
        run_plain(folder, args.limit)
        if args.child == "plain"
        else run_ingest(folder, args.limit, args.workers)
    )
    result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["children_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps(result))


def measure(script: Path, kind: str, folder: Path, n: int, workers: int) -> dict:
    """Run one measurement in a fresh process (`script --child KIND`) and parse its JSON line."""
    cmd = [
        sys.executable,
        str(script),
        "--child",
        kind,
        "--dir",
        str(folder),
        "--limit",
        str(n),
        "--workers",
        str(workers),
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(rows: list[tuple[int, dict, dict]], label: str) -> None:
    print(f"\n{label}")
    print(
        f"{'docs':>8} {'plain docs/s':>13} {'ingest docs/s':>14} {'ratio':>6} {'ingest RSS MB':>14} {'worker RSS MB':>14}"
    )
    for n, plain, ing in rows:
        # the same documents both ways: a csv file read by the plain loop holds many of them
        p, i = ing["docs"] / plain["seconds"], ing["docs"] / ing["seconds"]
        print(
            f"{n:>8} {p:>13.0f} {i:>14.0f} {i / p:>6.2f} {ing['rss_mb']:>14.0f} {ing['children_rss_mb']:>14.0f}"
        )
    first, last = rows[0][2], rows[-1][2]
    ok_speed = all(i["seconds"] <= 2 * p["seconds"] for _, p, i in rows)
    ok_rss = last["rss_mb"] < 500 and last["rss_mb"] <= first["rss_mb"] * 1.25 + 30
    print(
        f"goal ≥0.5× plain loop: {'met' if ok_speed else 'NOT met'}; "
        f"peak RSS <500 MB and flat: {'met' if ok_rss else 'NOT met'} ({first['rss_mb']:.0f} → {last['rss_mb']:.0f} MB)"
    )


def parse() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000, help="documents at the large size (default 100000)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--keep", type=Path, default=None, help="generate into (and keep) this folder")
    ap.add_argument("--child", choices=["plain", "ingest"], help=argparse.SUPPRESS)
    ap.add_argument("--dir", help=argparse.SUPPRESS)
    ap.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    return ap.parse_args()


def main() -> None:
    args = parse()
    if args.child:
        child_main(args)
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench_ingest_"))
    try:
        t0 = time.perf_counter()
        if not any(folder.glob("shard_*")):
            make_txt_corpus(folder, args.n)
        print(
            f"corpus: {args.n} txt docs in {folder} ({time.perf_counter() - t0:.1f}s to generate); "
            f"workers={args.workers}"
        )
        rows = []
        for n in sorted({max(args.n // 10, 1), args.n}):
            # one unmeasured pass first: both runs then read from the page cache (the first run of a
            # fresh corpus would otherwise pay the disk reads alone, and flatter the ratio up to 5x)
            measure(Path(__file__), "plain", folder, n, args.workers)
            rows.append(
                (
                    n,
                    measure(Path(__file__), "plain", folder, n, args.workers),
                    measure(Path(__file__), "ingest", folder, n, args.workers),
                )
            )
        report(rows, "txt documents, document granularity, exact + near dedup on")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
