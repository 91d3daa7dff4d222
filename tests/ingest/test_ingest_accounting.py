"""Every input file ends as records or quarantine entries; strict mode; workers; stable ids; the pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_fixtures import bad_jsonl, broken_corpus, good_corpus, ingest, reasons_by_file

from corpuskit.stages.base import RunContext, StrictModeError
from corpuskit.stages.ingest.stage import IngestStage


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("mixed")
    good_corpus(root / "good")
    broken_corpus(root / "bad")
    bad_jsonl(root / "bad" / "mixed.jsonl")
    return root


def test_inputs_equal_ingested_plus_quarantined(mixed):
    inputs = [{"path": str(mixed), "include": ["*"]}]
    rows, ctx = ingest(inputs)
    stats = ctx.stats["ingest.v1"]
    listed = IngestStage().list_inputs(inputs)
    assert stats["files_in"] == len(listed) == 25
    assert stats["files_in"] == stats["files_ingested"] + stats["files_quarantined"]
    # every quarantined file has at least one entry naming it; every ingested file has records
    quarantined_paths = {e.path for e in ctx.quarantined}
    record_paths = {r["source"]["path"] for r in rows}
    for item in listed:
        src = f"{mixed}/{item['key']}"
        assert src in record_paths or src in quarantined_paths, item["key"]
    assert len(record_paths) == stats["files_ingested"]
    assert stats["records_emitted"] == len(rows) == stats["records_out"]


def test_list_inputs_keys_are_relative_posix_and_sorted(mixed):
    listed = IngestStage().list_inputs([{"path": str(mixed)}, {"path": str(mixed / "good" / "rows.csv")}])
    keys = [x["key"] for x in listed if x["input"] == 0]
    assert keys == sorted(keys) and "good/note_gbk.txt" in keys and "bad/data.xyz" not in keys
    assert all(Path(x["path"]).is_absolute() for x in listed)
    assert listed[-1] == {"path": str(mixed / "good" / "rows.csv"), "key": "rows.csv", "input": 1}


def test_include_exclude_globs(mixed):
    listed = IngestStage().list_inputs(
        [{"path": str(mixed), "include": ["good/*.txt", "*.pdf"], "exclude": ["**/zh.*"]}]
    )
    assert [x["key"] for x in listed] == [
        "bad/scanned.pdf",
        "bad/truncated.pdf",
        "good/contract_big5.txt",
        "good/note_bom.txt",
        "good/note_gbk.txt",
        "good/note_utf16.txt",
        "good/note_utf8.txt",
        "good/two_pages.pdf",
    ]


def test_many_include_globs_select_the_same_files(tmp_path):
    """Hundreds of globs (one per folder of a sharded corpus) are matched as one pattern."""
    for shard in range(300):
        (tmp_path / f"shard_{shard:03d}").mkdir()
        (tmp_path / f"shard_{shard:03d}" / "doc.txt").write_text("x", encoding="utf-8")
    wanted = [f"shard_{k:03d}/**" for k in range(0, 300, 7)] + ["shard_299/doc.[tT]xt"]
    listed = IngestStage().list_inputs([{"path": str(tmp_path), "include": wanted}])
    expected = sorted({f"shard_{k:03d}/doc.txt" for k in [*range(0, 300, 7), 299]})
    assert [x["key"] for x in listed] == expected


def test_walk_streams_keys_in_sorted_order(tmp_path):
    """Folders are walked depth first in name order, which must equal the sorted keys: a folder
    "a" sorts as "a/", after "a.txt" and "a-b.txt" and before "a0.txt"."""
    names = ["a.txt", "a-b.txt", "a0.txt", "a/z.txt", "a/b/c.txt", "a b/x.txt", "ab.txt", "B.txt", "a/a.txt"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    keys = [x["key"] for x in IngestStage().list_inputs([{"path": str(tmp_path)}])]
    assert keys == sorted(names)


def test_strict_param_fails_the_build(mixed):
    with pytest.raises(StrictModeError, match="bad/"):
        ingest([{"path": str(mixed / "bad")}], strict=True)


def test_strict_context_fails_the_build(mixed):
    with pytest.raises(StrictModeError):
        ingest([{"path": str(mixed / "bad")}], ctx=RunContext(strict=True))


def test_strict_build_passes_clean_input_with_duplicates(tmp_path):
    (tmp_path / "a.txt").write_text("Section 1. The Buyer shall pay on delivery.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Section 1. The Buyer shall pay on delivery.", encoding="utf-8")
    rows, ctx = ingest([{"path": str(tmp_path)}], strict=True)
    assert len(rows) == 1 and ctx.quarantined[0].reason == "exact duplicate"


def test_worker_pool_gives_the_same_records_in_the_same_order(mixed):
    inputs = [{"path": str(mixed), "include": ["*"]}]
    serial, ctx0 = ingest(inputs, workers=0, batch_size=3, granularity="section")
    pooled, ctx2 = ingest(inputs, workers=2, batch_size=3, granularity="section")
    assert serial == pooled
    assert [e.to_json() for e in ctx0.quarantined] == [e.to_json() for e in ctx2.quarantined]


def test_ids_are_stable_and_follow_content_not_location(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    good_corpus(a)
    good_corpus(b / "moved")
    first, _ = ingest([{"path": str(a)}], granularity="section")
    again, _ = ingest([{"path": str(a)}], granularity="section")
    moved, _ = ingest([{"path": str(b)}], granularity="section")
    assert [r["id"] for r in first] == [r["id"] for r in again]
    assert sorted(r["id"] for r in first) == sorted(r["id"] for r in moved)
    assert len({r["id"] for r in first}) == len(first)


def test_copies_kept_with_dedup_off_get_distinct_ids(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("主诉：胸痛2小时。\n诊断：急性心肌梗死。", encoding="utf-8")
    rows, _ = ingest([{"path": str(tmp_path)}], granularity="section", dedup={"exact": "keep"})
    assert len(rows) == 4 and len({r["id"] for r in rows}) == 4
    assert len({r["dup_cluster"] for r in rows}) == 1


def test_validate_inputs_reports_every_problem_with_its_path():
    problems = IngestStage().validate_inputs(
        [
            {"path": "x", "unknown_key": 1},
            {"path": "y", "path_pattern": "(?P<patient>\\d+)"},
            {"path": "z", "reader": "nope.v1", "encoding": "klingon"},
        ]
    )
    paths = [p for p, _ in problems]
    assert "[0].unknown_key" in paths and "[1].path_pattern" in paths and "[2].encoding" in paths
    assert len(problems) == 3  # the reader is checked once the spec itself is valid


def test_unknown_params_are_refused():
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        IngestStage({"granularity": "sentence"})
    with pytest.raises(ValidationError):
        IngestStage({"dedup": {"threshold": 1.5}})


def test_through_the_pipeline_runner_into_the_store(tmp_path):
    from corpuskit.pipeline import run_pipeline

    data = tmp_path / "data"
    good_corpus(data / "medical")
    broken_corpus(data / "medical" / "broken")
    cfg = {
        "dataset": "ingest_smoke",
        "inputs": [{"path": str(data), "include": ["*"]}],
        "stages": [{"stage": "ingest", "params": {"granularity": "section", "workers": 0}}],
    }
    result = run_pipeline(cfg, store=tmp_path / "store")
    manifest = result.manifest
    stage = manifest["stages"][0]
    assert stage["name"] == "ingest.v1"
    assert (
        stage["stats"]["files_in"] == stage["stats"]["files_ingested"] + stage["stats"]["files_quarantined"]
    )
    assert manifest["quarantine"]["count"] == len(manifest["quarantine"]["entries"]) > 0
    assert manifest["inputs"]["files"] == stage["stats"]["files_in"]
    again = run_pipeline(cfg, store=tmp_path / "store")
    assert again.cached and again.version_id == result.version_id


def test_worker_count_and_batch_size_do_not_change_the_fingerprint():
    a = IngestStage({"workers": 0, "batch_size": 10, "granularity": "section"}).describe()
    b = IngestStage({"workers": 8, "strict": True, "granularity": "section"}).describe()
    assert a == b and a["params"]["granularity"] == "section"
    assert IngestStage({"max_tokens": 100}).describe() != IngestStage().describe()


def test_reading_streams_batches_before_the_corpus_is_read(tmp_path):
    for i in range(1000):
        (tmp_path / f"n{i:03d}.txt").write_text(
            f"Patient {i} reports cough for {i % 9 + 1} days.", encoding="utf-8"
        )
    for workers in (0, 2):
        ctx = RunContext()
        stream = IngestStage({"workers": workers, "batch_size": 10}).read([{"path": str(tmp_path)}], ctx)
        first = next(stream)
        assert first.num_rows >= 10
        # the walk runs only a few tasks (of up to 32 small files) ahead of the consumer
        assert ctx.stats["ingest.v1"]["files_in"] <= 300
        rest = sum(b.num_rows for b in stream)
        assert first.num_rows + rest == 1000 == ctx.stats["ingest.v1"]["files_ingested"]


def test_a_missing_input_is_an_error_not_an_empty_dataset(tmp_path):
    with pytest.raises(FileNotFoundError, match="input not found"):
        IngestStage().list_inputs([{"path": str(tmp_path / "nope")}])


class _CrashingReader:
    """A reader with a bug: it yields one document, then raises (a fault injected on purpose)."""

    name = "crash.v1"
    extensions = (".crash",)
    streaming = False

    def read(self, path, spec, params, data=b""):
        from corpuskit.stages.ingest.readers.base import RawDoc

        yield RawDoc(
            "First document of a file whose reader then fails. Patient John Smith.", encoding="utf-8"
        )
        raise RuntimeError("secret text John Smith")


class _CrashingTableReader(_CrashingReader):
    name = "crashrows.v1"
    streaming = True


@pytest.mark.parametrize("reader", ["crash.v1", "crashrows.v1"])
@pytest.mark.parametrize("workers", [0, 2])
def test_a_crashing_reader_costs_its_file_not_the_build(tmp_path, monkeypatch, reader, workers):
    from corpuskit import registry

    monkeypatch.setitem(registry.readers._items, "crash.v1", _CrashingReader)
    monkeypatch.setitem(registry.readers._items, "crashrows.v1", _CrashingTableReader)
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "x.txt").write_text("whatever", encoding="utf-8")
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "y.txt").write_text("A healthy note about a cough that lasted three days.", "utf-8")
    rows, ctx = ingest(
        [{"path": str(tmp_path / "bad"), "reader": reader}, {"path": str(tmp_path / "good")}], workers=workers
    )
    reasons = reasons_by_file(ctx)
    [bad_path] = [p for p in reasons if p.endswith("x.txt")]
    assert len(reasons[bad_path]) == 1 and reasons[bad_path][0].startswith("reader error: RuntimeError at ")
    assert "John Smith" not in str([e.to_json() for e in ctx.quarantined])  # the message is never recorded
    stats = ctx.stats["ingest.v1"]
    assert stats["files_in"] == 2 == stats["files_ingested"] + stats["files_quarantined"]
    assert any(r["text"].startswith("A healthy note") for r in rows)
    if reader == "crash.v1":  # a whole-file reader's partial output is dropped with the file
        assert len(rows) == 1 and stats["files_quarantined"] == 1
    else:  # rows streamed before the crash stay, as with a bad JSONL line
        assert len(rows) == 2 and stats["files_ingested"] == 2
