"""`corpuskit augment …`: in-process through typer's runner, and once through the real entry point
(which loads every stage's CLI, so it is slow and used sparingly)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import typer
from augment_cases import en_record, zh_record
from typer.testing import CliRunner

from corpuskit.stages.augment.cli import AugmentCliError, register

app = typer.Typer()
register(app)
runner = CliRunner()


def cli(*args: str):
    return runner.invoke(app, ["augment", *args])


def test_list_shows_every_transform():
    res = cli("list", "--json")
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert len(rows) == 16 and {r["kind"] for r in rows} == {"label_preserving", "entity_aware", "adversarial"}


def test_preview_keeps_spans():
    res = cli("preview", "患者头痛三天，伴发热。", "-t", "synonym.lexicon", "--span", "2:4:SYMPTOM", "--domain", "medical")
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[0] == "患者头痛三天，伴发烧。"
    assert "[2:4] SYMPTOM: 头痛" in res.stdout


def test_run_on_jsonl(tmp_path):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (zh_record(), en_record())), encoding="utf-8")
    cfg = tmp_path / "augment.yaml"
    cfg.write_text("variants_per_record: 2\ntransforms: [typo.keyboard, {name: abbrev.swap, weight: 2}]\n")
    res = cli("run", "--in", str(src), "--out", str(dst), "--config", str(cfg))
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in dst.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 6 and sum(r["parent_id"] is not None for r in rows) == 4
    assert "2 records in, 4 variants" in res.stderr
    again = cli("run", "--in", str(src), "--out", str(tmp_path / "again.jsonl"), "--config", str(cfg))
    assert again.exit_code == 0 and (tmp_path / "again.jsonl").read_text(encoding="utf-8") == dst.read_text(encoding="utf-8")


@pytest.mark.parametrize("args, message", [
    (["preview", "abc", "-t", "nope"], "transforms[0]: unknown augmenter 'nope'"),
    (["preview", "abc", "-t", "typo.keyboard", "--params", "{oops"], "--params is not valid JSON"),
    (["preview", "abc", "-t", "typo.keyboard", "--span", "1:9:X"], "offsets outside the text"),
])
def test_mistakes_raise_user_errors(args, message):
    res = cli(*args)
    assert isinstance(res.exception, AugmentCliError) and message in str(res.exception)


def test_bad_jsonl_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x"}\n{"id": "b"}\n', encoding="utf-8")
    res = cli("run", "--in", str(bad), "--out", str(tmp_path / "o.jsonl"))
    assert isinstance(res.exception, AugmentCliError) and "bad.jsonl:2: a record needs at least 'id' and 'text'" in str(res.exception)


def test_entry_point_prints_one_line_and_exits_2():
    res = subprocess.run([sys.executable, "-m", "corpuskit.cli", "augment", "preview", "abc", "-t", "nope"],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert res.stderr.startswith("error: transforms[0]: unknown augmenter 'nope'") and len(res.stderr.strip().splitlines()) == 1
