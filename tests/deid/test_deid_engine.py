"""Engine: no network during build and analysis, chunking of long texts, worker processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from corpuskit.stages.deid.engine import DeidEngine, EngineConfig, chunk_spans

NO_NETWORK_SCRIPT = textwrap.dedent("""
    import json, socket, sys
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args[:2])[:80])
        raise OSError("network disabled by test")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    try:  # the trap works: a deliberate attempt is recorded
        socket.create_connection(("example.org", 80))
    except OSError:
        pass
    assert len(attempts) == 1
    attempts.clear()

    from corpuskit.stages.deid.engine import STOCK_EN_RECOGNIZERS, DeidEngine, EngineConfig
    # Presidio's own e-mail recognizer is the one that calls tldextract: include it on purpose
    engine = DeidEngine(EngineConfig(stock_recognizers=[*STOCK_EN_RECOGNIZERS, "EmailRecognizer"]))
    assert "EmailRecognizer" in engine.recognizer_names()
    found = engine.detect(
        ["Mail john.smith@example.co.uk or visit https://www.example.org today; IP 10.0.0.8.",
         "邮箱zhang@x.cn联系，网址https://example.cn/a。"], ["en", "zh"])
    print(json.dumps({"attempts": attempts, "labels": sorted({d.label for doc in found for d in doc})}))
""")


def test_engine_build_and_analysis_make_no_network_attempt(tmp_path):
    # a fresh interpreter, an empty tldextract cache, and every socket entry point refusing and recording
    env = {**os.environ, "TLDEXTRACT_CACHE": str(tmp_path / "tld-cache"), "HOME": str(tmp_path)}
    env.pop("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", None)
    proc = subprocess.run(
        [sys.executable, "-c", NO_NETWORK_SCRIPT], capture_output=True, text=True, env=env, timeout=300
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["attempts"] == []
    assert {"EMAIL", "URL", "IP"} <= set(result["labels"])


def test_default_presidio_engine_would_have_tried_the_network_guard():
    # the guard is ours, not an accident: tldextract's module-level extractor has no URLs after setup
    import tldextract.tldextract as tld

    DeidEngine(EngineConfig(languages=["en"])).analyzer  # noqa: B018 - building applies the guard
    assert tld.TLD_EXTRACTOR.suffix_list_urls == ()


def test_chunk_spans_cover_text_with_overlap():
    text = ("word " * 3000).strip()
    spans = chunk_spans(text, 1000, 100)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        assert s2 < e1 and e1 - s2 <= 100 + 5  # overlapping windows
        assert e1 - s1 <= 1000


def test_long_document_is_chunked_and_offsets_stay_right(engine):
    cfg = EngineConfig(chunk_chars=1000, chunk_overlap=100)
    small = DeidEngine(cfg)
    small._analyzer = engine.analyzer  # same models, smaller chunks
    filler = "The patient was comfortable overnight and tolerated diet. " * 40
    text = filler + "Call (617) 555-1234 x204. " + filler + "MRN: 00455192 " + filler
    dets = small.detect([text], ["en"])[0]
    found = {(d.label, text[d.start : d.end]) for d in dets}
    assert ("PHONE", "(617) 555-1234 x204") in found
    assert ("MRN", "00455192") in found
    # the same identifier seen by two overlapping chunks is reported once
    assert sum(1 for d in dets if d.label == "PHONE") == 1
    assert len(chunk_spans(text, 1000, 100)) > 3


def test_worker_processes_give_the_same_detections(engine):
    texts = [f"Patient John Smith{i}, MRN: 1000{i}234, seen 17 Oct 2022." for i in range(6)]
    texts += [f"患者张伟，住院号：ZY2023{i}315，手机1381234567{i}。" for i in range(6)]
    langs = ["en"] * 6 + ["zh"] * 6
    one = engine.detect(texts, langs, n_process=1)
    two = engine.detect(texts, langs, n_process=2)
    engine.close()
    assert one == two
    assert all(doc for doc in one)


def test_worker_jobs_are_equal_and_cover_every_text():
    from corpuskit.stages.deid.engine import balanced_jobs

    for n, n_process, batch in [(60, 2, 7), (1, 2, 7), (3, 2, 32), (100, 2, 32), (257, 3, 16), (64, 2, 32)]:
        jobs = balanced_jobs(n, n_process, batch)
        assert jobs[0][0] == 0 and jobs[-1][1] == n
        assert all(a < b and b == c for (a, b), (c, _) in zip(jobs, jobs[1:] + [(n, n)]))
        sizes = [b - a for a, b in jobs]
        assert max(sizes) <= batch and max(sizes) - min(sizes) <= 1
        assert len(jobs) % n_process == 0 or len(jobs) == n
    # the uneven split this replaced: 8 jobs of 7 and one of 4
    assert [b - a for a, b in balanced_jobs(60, 2, 7)] == [6] * 10


def test_context_keywords_equal_presidio_keyword_list(engine):
    """The artifact's keyword set is Presidio's keyword list (set_keywords over the lemmas), as a set."""
    from presidio_analyzer.nlp_engine import NlpArtifacts

    nlp_engine = engine.analyzer.nlp_engine
    texts = {
        "en": "Seen by Dr. Smith at 10:30: MRN is 00455192; phone (617) 555-1234. The patient is well and was seen!",
        "zh": "患者张伟，男，45岁。住院号：ZY20230315，联系电话13812345678，地址：北京市海淀区中关村大街1号。",
    }
    for lang, text in texts.items():
        artifacts = nlp_engine.process_text(text, lang)
        expected = set(NlpArtifacts.set_keywords(nlp_engine, artifacts.lemmas, lang))
        assert artifacts.keywords == expected
        assert expected and not {"the", "is", "be", ":", "，"} & expected


def test_every_pattern_is_compiled_when_the_engine_is_built():
    """Forked workers inherit compiled patterns; Presidio would compile the gated URL/IP ones in each worker."""
    analyzer = DeidEngine(EngineConfig(languages=["en", "zh"])).analyzer
    patterns = [p for r in analyzer.registry.recognizers for p in getattr(r, "patterns", None) or []]
    assert len(patterns) > 50
    assert all(p.compiled_regex is not None for p in patterns)
    url = next(r for r in analyzer.registry.recognizers if r.name == "UrlRecognizer")
    assert all(p.compiled_with_flags == url.global_regex_flags for p in url.patterns)
