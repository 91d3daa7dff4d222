"""The batched and scan-once forms of ingest's per-document steps give what the plain forms give.

Workers compute language counts and MinHash signatures for a whole task at once, find heading
lines with one scan, and build Arrow batches column by column; each is checked here against the
obvious one-document, line-by-line or row-by-row form it replaces.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuskit import records
from corpuskit.minhash import shingle_hashes, signature, signatures
from corpuskit.stages.ingest import segment
from corpuskit.stages.ingest.dedup import CompactIndex, Deduplicator
from corpuskit.stages.ingest.langdetect import script_counts_many
from corpuskit.stages.ingest.normalize import OTHER_SPACES, tidy_spaces

ROOT = Path(__file__).resolve().parents[2]
ALPHABET = "ab Z\n\t患者咳嗽。，：x\u4e00\U00020000\u3000\xa0é\u0301"
texts = st.lists(st.text(alphabet=ALPHABET, max_size=40), max_size=12)


@settings(max_examples=200, deadline=None)
@given(texts, st.sampled_from([1, 3, 5]))
def test_signatures_of_many_texts_equal_one_text_at_a_time(batch, k):
    matrix, nonempty = signatures(batch, k, 64)
    for row, has, text in zip(matrix, nonempty, batch):
        hashes = shingle_hashes(text, k)
        assert has == bool(len(hashes))
        if has:
            assert np.array_equal(row, signature(hashes, 64))


def test_signatures_of_many_rows_stay_off_rensas_thread_pool():
    # rensa runs >= 256 rows on a rayon pool; a parent that started it and then forks ingest
    # workers left them waiting forever. Sign 600 texts in this process, then ingest with 2 workers
    # tasks of over 256 dedup units (record-level dedup of paragraphs).
    script = textwrap.dedent(
        """
        import sys, tempfile, pathlib
        from corpuskit.minhash import signatures
        from corpuskit.stages.base import RunContext
        from corpuskit.stages.ingest.stage import IngestStage
        signatures([f"document number {i} about cough" for i in range(600)], 5, 128)
        d = pathlib.Path(tempfile.mkdtemp())
        for i in range(40):
            paragraphs = [f"note {i} paragraph {j}: patient reports cough for {i * j} days" for j in range(20)]
            (d / f"{i}.txt").write_text("\\n\\n".join(paragraphs), encoding="utf-8")
        params = {"workers": 2, "granularity": "paragraph", "dedup": {"level": "record"}}
        ctx = RunContext()
        print(sum(b.num_rows for b in IngestStage(params).read([{"path": str(d)}], ctx)))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "800"


def _script_counts_by_regex(text: str) -> tuple[int, int]:
    han = len(re.findall("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]", text))
    return han, len(re.findall("[A-Za-z]{2,}", text))


@settings(max_examples=200, deadline=None)
@given(texts)
def test_script_counts_of_many_texts_equal_a_regex_count_of_each(batch):
    hans, words = script_counts_many(batch)
    assert [(int(h), int(w)) for h, w in zip(hans, words)] == [_script_counts_by_regex(t) for t in batch]


def test_other_spaces_are_every_whitespace_but_space_and_newline():
    assert set(OTHER_SPACES) == {c for c in map(chr, range(0x110000)) if c.isspace()} - {" ", "\n"}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \n\t\xa0\u3000\u2003a患", max_size=30))
def test_tidy_spaces_equals_one_regex_over_all_runs(text):
    assert tidy_spaces(text) == re.sub(r"[^\S\n ][^\S\n]*| [^\S\n]+", " ", text)


def _sections_line_by_line(text: str, domain: str | None) -> list[tuple]:
    """The plain form: every line through `find_heading`."""
    out, start, start_line, heading, pos = [], 0, 1, None, 0
    for i, line in enumerate(text.split("\n")):
        h = segment.find_heading(line, domain, frozenset())
        if h is not None and pos > start:
            out.append((text[start:pos].rstrip("\n"), start, start_line, heading))
            start, start_line = pos, i + 1
        if h is not None:
            heading = h
        pos += len(line) + 1
    out.append((text[start:].rstrip("\n"), start, start_line, heading))
    return [s for s in out if s[0].strip()]


LINES = [
    "主诉：胸痛3天",
    "  现病史: 发热",
    "Item 1A. Risk Factors",
    "# Title",
    "#",
    "## Two",
    "一、重大风险提示",
    "第三条 付款",
    "ARTICLE IV",
    "7. Governing Law",
    "\t",
    "\x1c诊断",
    "hpi:",
    "Plan",
    "plain words",
    "",
    "ITEM 7.",
    "（一）治疗",
    "【主诉】",
    "Management's Discussion and Analysis of x   ",
    "Section 3.2",
    "\u3000主诉",
    "Assessment and Plan:",
    "3. the lower-case line",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(LINES), max_size=15),
    st.sampled_from([None, "medical", "legal", "finance", "general"]),
)
def test_sections_found_by_one_scan_equal_line_by_line(lines, domain):
    text = "\n".join(lines)
    got = [(s.text, s.offset, s.line, s.section) for s in segment.sections(text, domain)]
    assert got == _sections_line_by_line(text, domain)


def test_sections_of_the_sample_corpora_equal_line_by_line():
    for path in sorted((ROOT / "sample_corpora").rglob("*.txt")) + sorted(
        (ROOT / "sample_corpora").rglob("*.md")
    ):
        text = path.read_bytes().decode("utf-8", "replace")
        for domain in (None, "medical", "legal", "finance"):
            got = [(s.text, s.offset, s.line, s.section) for s in segment.sections(text, domain)]
            assert got == _sections_line_by_line(text, domain), path.name


def test_batch_from_columns_equals_to_batch_of_the_same_records():
    rows = [
        records.new_record(
            "a1",
            "患者咳嗽",
            lang="zh",
            meta={"k": 1},
            labels=["x"],
            group_id="g",
            source={
                "path": "p",
                "sha256": "s",
                "encoding": "utf-8",
                "page": None,
                "line": 3,
                "offset": 0,
                "section": "主诉",
            },
        ),
        records.new_record(
            "a2",
            "cough",
            lang="en",
            domain="medical",
            doc_type="note",
            meta={},
            source={
                "path": "q",
                "sha256": "t",
                "encoding": None,
                "page": 2,
                "line": None,
                "offset": 5,
                "section": None,
            },
        ),
    ]
    columns = {
        name: [r[name] for r in rows]
        for name in ("id", "text", "lang", "domain", "doc_type", "meta", "labels", "group_id")
    }
    columns["source"] = {f: [r["source"][f] for r in rows] for f in rows[0]["source"]}
    assert records.batch_from_columns(columns, 2).equals(records.to_batch(rows))


def _decide_one_by_one(digests, bands, values, drop_exact):
    """The plain form: two dicts instead of the compact open-addressing tables."""
    exact, band_index, out = {}, {}, []
    for digest, keys, value in zip(digests, bands, values):
        if drop_exact and digest in exact:
            out.append((exact[digest], None))
            continue
        exact.setdefault(digest, value)
        if not keys:
            out.append((None, None))
            continue
        found = [band_index[k] for k in keys if k in band_index]
        cluster = found[0] if found else value
        for k in keys:
            band_index.setdefault(k, cluster)
        out.append((None, cluster))
    return out


@pytest.mark.parametrize("drop_exact", [True, False])
def test_dedup_decisions_equal_plain_dicts(drop_exact):
    rng = random.Random(1)
    digests = [rng.randrange(1, 40) for _ in range(600)]  # many repeats, within and across tasks
    bands = [[] if rng.random() < 0.1 else [rng.randrange(1, 300) for _ in range(4)] for _ in range(600)]
    values = list(range(1000, 1600))
    dedup = Deduplicator()
    got = [dedup.decide(d, b, v, drop_exact) for d, b, v in zip(digests, bands, values)]
    assert got == _decide_one_by_one(digests, bands, values, drop_exact)
    assert any(first is not None for first, _ in got) == drop_exact
    assert any(cluster not in (None, v) for (_, cluster), v in zip(got, values))


def test_compact_index_is_the_first_insert_wins_map_it_claims():
    idx, plain = CompactIndex(capacity=4), {}
    rng = random.Random(2)
    for _ in range(3000):
        k, v = rng.randrange(1, 2000), rng.randrange(10**6)
        assert idx.setdefault(k, v) == plain.setdefault(k, v)
    assert len(idx) == len(plain) and all(idx.get(k) == v for k, v in plain.items())
