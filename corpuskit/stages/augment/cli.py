"""CLI: `corpuskit augment list | preview | run`.

* `list` shows every registered transform with its kind and languages;
* `preview` shows what one transform does to a text you type (nothing is stored);
* `run` applies the stage to a JSONL file of records outside a pipeline.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
import yaml
from pydantic import ValidationError

from corpuskit import registry
from corpuskit.errors import CorpuskitError

augment_app = typer.Typer(no_args_is_help=True, help="Augmentation: list transforms, preview them, run the stage on JSONL.")


class AugmentCliError(CorpuskitError):
    """A mistake in an `augment` command line; `corpuskit` prints it as one line and exits 2."""


def _fail(message: str) -> None:
    raise AugmentCliError(message)


def _first_line(doc: str | None) -> str:
    """The docstring's first paragraph on one line."""
    return " ".join((doc or "").strip().split("\n\n")[0].split())


@augment_app.command("list")
def list_transforms(as_json: bool = typer.Option(False, "--json", help="Machine-readable output.")) -> None:
    """Every registered transform: name, kind, languages, what it does."""
    rows = []
    for name in registry.augmenters.names():
        cls = registry.augmenters.get(name)
        rows.append({"name": name, "kind": cls.kind, "langs": sorted(cls.langs), "summary": _first_line(cls.__doc__)})
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        print(f"{r['name']:<22} {r['kind']:<17} {','.join(r['langs']):<6} {r['summary']}")


def _parse_span(text: str, raw: str) -> dict:
    try:
        start, end, label = raw.split(":", 2)
        start_i, end_i = int(start), int(end)
    except ValueError:
        _fail(f"--span '{raw}': expected START:END:LABEL, e.g. 2:4:SYMPTOM")
    if not (0 <= start_i < end_i <= len(text)):
        _fail(f"--span '{raw}': offsets outside the text (length {len(text)})")
    return {"start": start_i, "end": end_i, "label": label, "source": "gold"}


@augment_app.command("preview")
def preview(
    text: str = typer.Argument(..., help="The text to transform."),
    transform: str = typer.Option(..., "--transform", "-t", help="Transform name, e.g. typo.keyboard or homophone.v1."),
    lang: Optional[str] = typer.Option(None, "--lang", help="zh or en (default: guessed from the text)."),
    domain: Optional[str] = typer.Option(None, "--domain", help="medical, legal, finance or general."),
    params: str = typer.Option("{}", "--params", help="Transform params as JSON."),
    span: list[str] = typer.Option([], "--span", help="A labelled span START:END:LABEL (repeatable)."),
    n: int = typer.Option(3, "-n", min=1, max=100, help="How many variants."),
    seed: int = typer.Option(0, "--seed"),
) -> None:
    """Show variants of TEXT made by one transform, with their spans."""
    from corpuskit.records import new_record
    from corpuskit.stages.augment.stage import AugmentStage
    from corpuskit.stages.base import RunContext

    try:
        spec = {"name": transform, "params": json.loads(params)}
    except json.JSONDecodeError as exc:
        _fail(f"--params is not valid JSON ({exc.msg})")
    spans = [_parse_span(text, s) for s in span]
    try:
        stage = AugmentStage({"transforms": [spec], "variants_per_record": n, "seed": seed, "max_tries": 8})
        rows = stage.run([new_record("preview", text, lang=lang, domain=domain, spans=spans)],
                         RunContext(fingerprint="preview")).to_pylist()
    except ValidationError as exc:
        _fail("; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors()))
    except CorpuskitError as exc:
        _fail(str(exc))
    variants = [r for r in rows if r["parent_id"]]
    if not variants:
        print(f"{transform} has nothing to change in this text", file=sys.stderr)
        return
    for r in variants:
        print(r["text"])
        for s in r["spans"]:
            print(f"    [{s['start']}:{s['end']}] {s['label']}: {r['text'][s['start']:s['end']]}")


@augment_app.command("run")
def run(
    inp: Path = typer.Option(..., "--in", exists=True, dir_okay=False, help="JSONL records (id, text, lang, spans…)."),
    out: Path = typer.Option(..., "--out", help="JSONL output: originals and variants."),
    config: Optional[Path] = typer.Option(None, "--config", exists=True, dir_okay=False,
                                          help="YAML or JSON with the stage params (as under `params:` in a pipeline)."),
    transform: list[str] = typer.Option([], "--transform", "-t", help="Transform names (instead of --config)."),
    variants: Optional[int] = typer.Option(None, "--variants", min=0, help="Variants per record."),
    seed: str = typer.Option("cli", "--seed", help="Seed string standing in for the build fingerprint."),
) -> None:
    """Apply the augment stage to a JSONL file of records."""
    from corpuskit.records import COLUMNS
    from corpuskit.stages.augment.stage import AugmentStage
    from corpuskit.stages.base import RunContext

    params: dict = {}
    if config is not None:
        try:
            params = yaml.safe_load(config.read_text("utf-8")) or {}
        except yaml.YAMLError as exc:
            _fail(f"{config}: not valid YAML ({exc.__class__.__name__})")
        if not isinstance(params, dict):
            _fail(f"{config}: expected a mapping of stage params")
    if transform:
        params["transforms"] = list(transform)
    if variants is not None:
        params["variants_per_record"] = variants
    recs = []
    with inp.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                _fail(f"{inp}:{lineno}: not valid JSON")
            if not isinstance(rec, dict) or "id" not in rec or "text" not in rec:
                _fail(f"{inp}:{lineno}: a record needs at least 'id' and 'text'")
            recs.append({k: v for k, v in rec.items() if k in COLUMNS})
    ctx = RunContext(fingerprint=seed)
    try:
        result = AugmentStage(params).run(recs, ctx)
    except ValidationError as exc:
        _fail("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg'].removeprefix('Value error, ')}"
                        for e in exc.errors()))
    except CorpuskitError as exc:
        _fail(str(exc))
    with out.open("w", encoding="utf-8") as fh:
        for row in result.to_pylist():
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    stats = ctx.stats.get("augment.v1", {})
    print(f"{len(recs)} records in, {stats.get('variants', 0)} variants, {len(ctx.quarantined)} dropped → {out}",
          file=sys.stderr)


def register(app: typer.Typer) -> None:
    app.add_typer(augment_app, name="augment")
