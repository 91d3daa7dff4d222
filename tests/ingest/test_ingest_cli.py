"""`corpuskit ingest scan` and `corpuskit ingest readers` through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys

from ingest_fixtures import ZH_NOTE, bad_jsonl


def corpuskit(*args: str) -> subprocess.CompletedProcess:
    """The installed entry point, in a new process (slow: plugins import torch)."""
    return subprocess.run(
        [sys.executable, "-c", "from corpuskit.cli import main; main()", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def ingest_cli(*args: str):
    """The same commands in-process (typer's runner), for the cases that need no process boundary."""
    from typer.testing import CliRunner

    from corpuskit.stages.ingest.cli import ingest_app

    return CliRunner().invoke(ingest_app, list(args))


def test_scan_reports_counts_and_quarantine_without_text(tmp_path):
    (tmp_path / "note.txt").write_text(ZH_NOTE, encoding="utf-8")
    bad_jsonl(tmp_path / "rows.jsonl")
    (tmp_path / "zero.txt").write_bytes(b"")
    res = ingest_cli("scan", str(tmp_path), "--json", "--workers", "0", "--out", str(tmp_path / "out.jsonl"))
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert report["stats"]["files_in"] == 3 and report["records"] == 3
    assert sorted(e["reason"].split(":")[0] for e in report["quarantine"]) == [
        "empty",
        "malformed JSONL",
        "malformed JSONL",
        "missing text field",
    ]
    assert "张三" not in res.stdout  # counts and reasons only
    written = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    assert len(written) == 3 and any("张三" in r["text"] for r in written)


def test_scan_user_mistakes_exit_2_with_one_line(tmp_path):
    for args in (
        ["scan", str(tmp_path), "--granularity", "sentence"],
        ["scan", str(tmp_path), "--path-pattern", "(?P<patient>x)"],
    ):
        res = ingest_cli(*args)
        assert res.exit_code == 2, args
        assert res.stderr.startswith("error: ") and res.stderr.count("\n") == 1


def test_strict_scan_fails_on_a_bad_file(tmp_path):
    (tmp_path / "x.txt").write_bytes(b"\x00\x01\x02" * 100)
    res = ingest_cli("scan", str(tmp_path), "--strict", "--workers", "0")
    assert res.exit_code == 2 and "binary" in res.stderr


def test_installed_command_lists_readers_and_refuses_a_missing_path(tmp_path):
    res = corpuskit("ingest", "readers")
    assert res.returncode == 0 and "pdf.v1" in res.stdout and ".docx" in res.stdout
    res = corpuskit("ingest", "scan", str(tmp_path / "missing"))
    assert res.returncode == 2 and res.stderr == f"error: no such file or folder: {tmp_path / 'missing'}\n"
