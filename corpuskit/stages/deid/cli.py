"""CLI: `corpuskit eval-deid GOLD.jsonl` and `corpuskit deid detect --in IN.jsonl --out OUT.jsonl`.

`deid detect` is a stable contract any evaluation harness can drive:
input lines `{"id", "text", "lang"}`, output lines
`{"id", "spans": [{"start", "end", "label", "score"}]}`, code-point offsets,
canonical labels (`corpuskit deid labels` lists them).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

deid_app = typer.Typer(no_args_is_help=True, help="De-identification: detect identifiers, list labels.")


def _fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    raise typer.Exit(2)


def _engine(languages: list[str], n_process: int):
    from corpuskit.stages.deid.engine import DeidEngine, EngineConfig

    return DeidEngine.shared(EngineConfig(languages=languages))


def detect_records(items: list[dict], n_process: int = 1) -> list[dict]:
    """Run detection over `{"id","text","lang"}` items; returns `{"id","spans"}` items in the same order."""
    from corpuskit.stages.deid.stage import guess_lang

    engine = _engine(["en", "zh"], n_process)
    texts = [str(x.get("text") or "") for x in items]
    langs = [x.get("lang") or guess_lang(t) for x, t in zip(items, texts)]
    try:
        found = engine.detect(texts, langs, n_process=n_process)
    finally:
        engine.close()
    return [{"id": x["id"], "spans": [d.to_json() for d in dets]} for x, dets in zip(items, found)]


@deid_app.command("detect")
def detect(
    in_path: Path = typer.Option(..., "--in", help='JSON lines {"id","text","lang"}.'),
    out_path: Path = typer.Option(
        ..., "--out", help='JSON lines {"id","spans":[{"start","end","label","score"}]}.'
    ),
    n_process: int = typer.Option(1, "--n-process", min=1, help="Worker processes."),
) -> None:
    """Detect identifiers; writes spans only (never text), one line per input line."""
    from corpuskit.stages.deid.evaluate import read_jsonl

    if not in_path.is_file():
        _fail(f"no such file: {in_path}")
    try:
        items = read_jsonl(in_path)
    except ValueError as exc:
        _fail(str(exc))
    for n, x in enumerate(items, 1):
        if not isinstance(x.get("text"), str):
            _fail(f"{in_path}: item {n} (id {x['id']}) has no string 'text'")
        if x.get("lang") not in (None, "zh", "en"):
            _fail(
                f"{in_path}: item {n} (id {x['id']}) has lang {x.get('lang')!r}; use zh, en or leave it out"
            )
    out = detect_records(items, n_process)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with open(out_path, "w", encoding="utf-8") as fh:
        for item in out:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(out)} documents, {sum(len(x['spans']) for x in out)} spans → {out_path}", file=sys.stderr)


@deid_app.command("labels")
def labels() -> None:
    """List the canonical labels."""
    from corpuskit.stages.deid.labels import CANONICAL_LABELS

    for name, what in CANONICAL_LABELS.items():
        print(f"{name:14} {what}")


def eval_deid(
    gold: Path = typer.Argument(
        ..., help='Gold JSON lines {"id","text","lang","spans":[{"start","end","label"}]}.'
    ),
    label_map: Optional[Path] = typer.Option(
        None, "--label-map", help="JSON/YAML {gold_label: canonical or null}."
    ),
    pred: Optional[Path] = typer.Option(
        None, "--pred", help="Score this `deid detect` output instead of running detection."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    n_process: int = typer.Option(1, "--n-process", min=1),
) -> None:
    """Per-type precision/recall/F2 and binary character-level recall of detection on a gold file."""
    from corpuskit.stages.deid.evaluate import evaluate, read_jsonl, read_label_map

    for p in (gold, label_map, pred):
        if p is not None and not p.is_file():
            _fail(f"no such file: {p}")
    try:
        docs = read_jsonl(gold)
        mapping = read_label_map(label_map)
        for n, d in enumerate(docs, 1):
            if not isinstance(d.get("text"), str) or not isinstance(d.get("spans"), list):
                raise ValueError(f"{gold}: document {n} (id {d['id']}) needs 'text' and a 'spans' list")
        predicted = read_jsonl(pred) if pred else detect_records(docs, n_process)
    except (ValueError, KeyError) as exc:
        _fail(str(exc))
    report = evaluate(docs, {p["id"]: p.get("spans") or [] for p in predicted}, mapping)
    data = report.to_json()
    if as_json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return
    print(f"{data['documents']} documents")
    print(f"{'label':14} {'gold':>6} {'pred':>6} {'prec':>7} {'recall':>7} {'F2':>7}")
    for label, s in data["per_type"].items():
        print(
            f"{label:14} {s['gold']:6d} {s['pred']:6d} {s['precision']:7.3f} {s['recall']:7.3f} {s['f2']:7.3f}"
        )
    b = data["binary"]
    print(
        f"{'ANY (binary)':14} {b['gold']:6d} {b['pred']:6d} {b['precision']:7.3f} {b['recall']:7.3f} {b['f2']:7.3f}"
    )
    print(f"character-level: recall {b['char_recall']:.4f}, precision {b['char_precision']:.4f}")


def register(app: typer.Typer) -> None:
    """Add `deid detect|labels` and `eval-deid` to the corpuskit CLI."""
    app.add_typer(deid_app, name="deid")
    app.command("eval-deid")(eval_deid)
