"""The detection engine: batched, chunked, multi-process detection over many texts.

Texts go through `nlp.pipe` in batches, long ones in overlapping chunks, and
`DeidEngine.detect(..., n_process=N)` forks N workers that each run spaCy *and* the
recognizers (Presidio's own `n_process` parallelises spaCy only). How Presidio is
configured lives in `analyzer.py`.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
from collections.abc import Sequence

from presidio_analyzer import AnalyzerEngine, RecognizerResult

from corpuskit.stages.deid.address_blocks import extend_address_blocks
from corpuskit.stages.deid.analyzer import (  # noqa: F401 - re-exported for callers of engine
    NER_MODEL_CONFIGURATION,
    STOCK_EN_RECOGNIZERS,
    EngineConfig,
    _offline_env,
    build_analyzer,
)
from corpuskit.stages.deid.postprocess import Detection, finalize
from corpuskit.stages.deid.propagate import propagate_names
from corpuskit.stages.deid.zh_script import to_simplified


def chunk_spans(text: str, size: int, overlap: int) -> list[tuple[int, int]]:
    """(start, end) windows of at most `size` characters overlapping by `overlap`, cut at whitespace if possible."""
    if len(text) <= size:
        return [(0, len(text))]
    out, start = [], 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = max(
                text.rfind("\n", start + size // 2, end),
                text.rfind(" ", start + size // 2, end),
                text.rfind("。", start + size // 2, end),
            )
            end = cut + 1 if cut > start else end
        out.append((start, end))
        if end >= len(text):
            break
        start = max(end - overlap, start + 1)
    return out


class DeidEngine:
    """Finds identifiers in many texts at once. Build is lazy; forked workers reuse the parent's engine.

    >>> engine = DeidEngine(EngineConfig(languages=["en"]))
    >>> engine.detect(["Seen by Dr. John Smith on 17 Oct 2022."], ["en"])[0][0].label
    'PERSON'
    """

    def __init__(self, config: EngineConfig | None = None):
        self.config = config or EngineConfig()
        self._analyzer: AnalyzerEngine | None = None
        self._pool = None
        self._pool_size = 0
        self._recognizers: dict[str, tuple[list, list[str]]] = {}

    @classmethod
    def shared(cls, config: EngineConfig) -> DeidEngine:
        """One built engine per configuration and process: stages and commands reuse loaded models."""
        key = config.model_dump_json()
        if key not in _SHARED:
            _SHARED[key] = cls(config)
        engine = _SHARED[key]
        _ = engine.analyzer
        return engine

    @property
    def analyzer(self) -> AnalyzerEngine:
        if self._analyzer is None:
            self._analyzer = build_analyzer(self.config)
        return self._analyzer

    def recognizer_names(self) -> list[str]:
        return sorted({r.name for r in self.analyzer.registry.recognizers})

    # -- detection ------------------------------------------------------------------
    def detect(
        self, texts: Sequence[str], langs: Sequence[str | None], n_process: int = 1
    ) -> list[list[Detection]]:
        """Detections per text, offsets in code points. `langs` entries None/unknown fall back to the first language."""
        langs = [lang if lang in self.config.languages else self.config.languages[0] for lang in langs]
        if n_process <= 1 or len(texts) < 2:
            return self._detect_local(list(texts), langs)
        pool = self._get_pool(n_process)
        jobs = [
            (list(texts[a:b]), langs[a:b])
            for a, b in balanced_jobs(len(texts), n_process, self.config.batch_size)
        ]
        out: list[list[Detection]] = []
        for part in pool.imap(_worker_detect, jobs):
            out.extend(part)
        return out

    def _detect_local(self, texts: list[str], langs: list[str]) -> list[list[Detection]]:
        analyzer = self.analyzer
        pieces: dict[str, list[tuple[int, int, int]]] = {}  # lang -> (doc index, start, end)
        for i, (text, lang) in enumerate(zip(texts, langs)):
            for s, e in chunk_spans(text, self.config.chunk_chars, self.config.chunk_overlap):
                pieces.setdefault(lang, []).append((i, s, e))
        raw: list[list] = [[] for _ in texts]
        for lang, items in pieces.items():
            piece_texts = [texts[i][s:e] for i, s, e in items]
            if lang == "zh" and self.config.zh_traditional:
                # 張偉, 45歲, 醫師 read as 张伟, 45岁, 医师 by jieba and the recognizers; same offsets
                piece_texts = [to_simplified(t) for t in piece_texts]
            artifacts = analyzer.nlp_engine.process_batch(
                piece_texts, lang, batch_size=self.config.batch_size
            )
            for (i, s, _e), (piece, nlp_artifacts) in zip(items, artifacts):
                for r in self._analyze(piece, lang, nlp_artifacts):
                    r.start += s
                    r.end += s
                    raw[i].append(r)
        found = [finalize(text, results) for text, results in zip(texts, raw)]
        if self.config.address_blocks:
            found = [extend_address_blocks(text, kept) for text, kept in zip(texts, found)]
        if self.config.propagate_names:
            found = [propagate_names(text, kept) for text, kept in zip(texts, found)]
        return found

    def _analyze(self, text: str, lang: str, nlp_artifacts) -> list:
        """Presidio's analyze() minus its duplicate removal, which drops a pattern hit inside a longer NER
        span of the same type before `postprocess.finalize` can prefer the pattern."""
        analyzer = self.analyzer
        if lang not in self._recognizers:
            recs = analyzer.registry.get_recognizers(language=lang, all_fields=True)
            self._recognizers[lang] = (recs, sorted({e for r in recs for e in r.supported_entities}))
        recs, entities = self._recognizers[lang]
        results = []
        for rec in recs:
            if not rec.is_loaded:
                rec.load()
                rec.is_loaded = True
            for r in rec.analyze(text=text, entities=entities, nlp_artifacts=nlp_artifacts) or []:
                meta = r.recognition_metadata = r.recognition_metadata or {}
                meta.setdefault(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY, rec.id)
                meta.setdefault(RecognizerResult.RECOGNIZER_NAME_KEY, rec.name)
                results.append(r)
        # recognizer-level enhancement is a no-op for every recognizer used here; go straight to context words
        results = analyzer.context_aware_enhancer.enhance_using_context(text, results, nlp_artifacts, recs)
        return [r for r in results if r.score >= self.config.score_threshold]

    # -- worker processes -------------------------------------------------------------
    def _get_pool(self, n_process: int):
        if self._pool is None or self._pool_size != n_process:
            self.close()
            _ = self.analyzer  # build before forking so workers share it copy-on-write
            global _WORKER_ENGINE
            _WORKER_ENGINE = self
            methods = mp.get_all_start_methods()
            if "fork" in methods:
                # Frozen objects are left out of the children's collections, which would otherwise
                # write to every page of the engine's lexicons and model (copy on write) on first use
                gc.freeze()
                try:
                    self._pool = mp.get_context("fork").Pool(n_process)
                finally:
                    gc.unfreeze()
            else:
                self._pool = mp.get_context("spawn").Pool(
                    n_process, initializer=_init_worker, initargs=(self.config.model_dump(),)
                )
            self._pool_size = n_process
        return self._pool

    def close(self) -> None:
        """Stop worker processes (the stage calls this when its stream ends)."""
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def __getstate__(self):
        return {"config": self.config, "_analyzer": None, "_pool": None, "_pool_size": 0, "_recognizers": {}}


def balanced_jobs(n: int, n_process: int, batch_size: int) -> list[tuple[int, int]]:
    """(start, end) of jobs of at most `batch_size` texts, as many as a multiple of `n_process`.

    Equal jobs keep the workers busy to the end: 60 texts in jobs of 7 are 8 × 7 + 4, and one
    worker runs 32 texts while the other waits after 28; 10 jobs of 6 finish together.
    """
    rounds = -(-n // (n_process * batch_size))
    n_jobs = min(n, n_process * rounds)
    bounds = [n * k // n_jobs for k in range(n_jobs + 1)]
    return list(zip(bounds, bounds[1:]))


_WORKER_ENGINE: DeidEngine | None = None
_SHARED: dict[str, DeidEngine] = {}


def _init_worker(config: dict) -> None:
    global _WORKER_ENGINE
    _WORKER_ENGINE = DeidEngine(EngineConfig(**config))


def _worker_detect(job: tuple[list[str], list[str]]) -> list[list[Detection]]:
    texts, langs = job
    return _WORKER_ENGINE._detect_local(texts, langs)
