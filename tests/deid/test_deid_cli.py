"""`corpuskit deid detect` (stable contract) and `corpuskit eval-deid` (per-type and binary scores)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from corpuskit.stages.deid.cli import register
from corpuskit.stages.deid.evaluate import Report, evaluate, score_document

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "sample_corpora" / "gold" / "identifiers.jsonl"
runner = CliRunner()
app = typer.Typer()
register(app)


def test_commands_are_wired_into_corpuskit():
    # what the `corpuskit` console script runs
    proc = subprocess.run(
        [sys.executable, "-c", "from corpuskit.cli import main; main()", "deid", "labels"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-1000:]
    assert "PERSON" in proc.stdout and "LICENSE_PLATE" in proc.stdout


def write_jsonl(path: Path, items: list[dict]) -> Path:
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in items), encoding="utf-8")
    return path


def test_detect_contract(tmp_path, engine):
    src = write_jsonl(
        tmp_path / "in.jsonl",
        [
            {"id": "a", "text": "Call (617) 555-1234 x204 about John Smith.", "lang": "en"},
            {"id": "b", "text": "患者张伟，手机13812345678。", "lang": "zh"},
            {"id": "c", "text": "No identifiers at all."},
        ],
    )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["deid", "detect", "--in", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == ["a", "b", "c"]
    for line in lines:
        assert set(line) == {"id", "spans"}
        for s in line["spans"]:
            assert set(s) == {"start", "end", "label", "score"} and 0 <= s["score"] <= 1
    text_b = "患者张伟，手机13812345678。"
    assert {(s["label"], text_b[s["start"] : s["end"]]) for s in lines[1]["spans"]} == {
        ("PERSON", "张伟"),
        ("PHONE", "13812345678"),
    }
    assert lines[2]["spans"] == []
    assert "张伟" not in out.read_text(encoding="utf-8")  # spans only, never text


@pytest.mark.parametrize(
    "args,message",
    [
        (["deid", "detect", "--in", "missing.jsonl", "--out", "o.jsonl"], "no such file"),
        (["eval-deid", "missing.jsonl"], "no such file"),
    ],
)
def test_user_mistakes_are_one_line_errors(tmp_path, args, message):
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_bad_input_lines_name_file_and_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x"}\nnot json\n', encoding="utf-8")
    result = runner.invoke(app, ["deid", "detect", "--in", str(bad), "--out", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2 and "bad.jsonl:2" in result.output
    wrong_lang = write_jsonl(tmp_path / "lang.jsonl", [{"id": "a", "text": "x", "lang": "fr"}])
    result = runner.invoke(
        app, ["deid", "detect", "--in", str(wrong_lang), "--out", str(tmp_path / "o.jsonl")]
    )
    assert result.exit_code == 2 and "lang" in result.output


def test_scores_per_type_binary_and_characters():
    report = Report()
    gold = [
        {"start": 0, "end": 10, "label": "PER"},
        {"start": 20, "end": 25, "label": "PHONE_NUMBER"},
        {"start": 30, "end": 34, "label": "TITLE"},
    ]
    pred = [
        {"start": 0, "end": 5, "label": "PERSON"},
        {"start": 20, "end": 25, "label": "ID"},
        {"start": 40, "end": 42, "label": "DATE"},
    ]
    score_document(report, gold, pred)
    data = report.to_json()
    assert data["per_type"]["PERSON"]["recall"] == 1.0 and data["per_type"]["PHONE"]["recall"] == 0.0
    assert (
        data["per_type"]["DATE"]["precision"] == 0.0 and "TITLE" not in data["per_type"]
    )  # TITLE is not scored
    assert data["binary"]["recall"] == 1.0 and data["binary"]["precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert data["binary"]["char_recall"] == pytest.approx(10 / 15, abs=1e-3)
    p, r = 2 / 3, 1.0
    assert data["binary"]["f2"] == pytest.approx(5 * p * r / (4 * p + r), abs=1e-3)


def test_eval_deid_with_label_map_and_pred_file(tmp_path):
    gold = write_jsonl(
        tmp_path / "gold.jsonl",
        [
            {
                "id": "d1",
                "text": "Dr. Amelia Watson, tel (617) 555-1234.",
                "lang": "en",
                "spans": [
                    {"start": 4, "end": 17, "label": "DOCTOR_NAME"},
                    {"start": 23, "end": 37, "label": "TEL"},
                ],
            }
        ],
    )
    pred = write_jsonl(
        tmp_path / "pred.jsonl",
        [{"id": "d1", "spans": [{"start": 4, "end": 17, "label": "PERSON", "score": 0.9}]}],
    )
    label_map = tmp_path / "map.yaml"
    label_map.write_text("DOCTOR_NAME: PERSON\nTEL: PHONE\n", encoding="utf-8")
    result = runner.invoke(
        app, ["eval-deid", str(gold), "--label-map", str(label_map), "--pred", str(pred), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["per_type"]["PERSON"]["recall"] == 1.0 and data["per_type"]["PHONE"]["recall"] == 0.0
    assert data["binary"]["recall"] == 0.5
    table = runner.invoke(app, ["eval-deid", str(gold), "--label-map", str(label_map)])
    assert table.exit_code == 0 and "PHONE" in table.output and "character-level" in table.output


def test_detection_quality_on_the_sample_corpora_gold(engine):
    """A regression floor on the repo's gold spans (synthetic documents in every format)."""
    from corpuskit.stages.deid.cli import detect_records
    from corpuskit.stages.deid.evaluate import read_jsonl

    docs = read_jsonl(GOLD)
    predicted = {p["id"]: p["spans"] for p in detect_records(docs)}
    data = evaluate(docs, predicted).to_json()
    assert data["binary"]["recall"] >= 0.98 and data["binary"]["precision"] >= 0.85
    for label in ("ID", "PHONE", "MRN", "EMAIL", "BANK_CARD", "AGE", "DATE"):
        assert data["per_type"][label]["recall"] >= 0.99, label
    assert data["per_type"]["PERSON"]["recall"] >= 0.95
    assert data["per_type"]["ADDRESS"]["recall"] >= 0.90
