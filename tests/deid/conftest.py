"""Shared fixtures for the deid tests: one engine (spaCy + jieba loaded once per session)."""

from __future__ import annotations

import pytest

from corpuskit.stages.deid.engine import DeidEngine, EngineConfig

THRESHOLD = EngineConfig().score_threshold


@pytest.fixture(scope="session")
def engine() -> DeidEngine:
    eng = DeidEngine.shared(EngineConfig())  # the instance DeidStage with default params reuses
    yield eng
    eng.close()


@pytest.fixture(scope="session")
def recognize(engine):
    """recognize(RecognizerClass, text, lang) -> {(label, value)} the recognizer alone finds above threshold."""
    from corpuskit.stages.deid.labels import canonical

    def run(cls, text: str, lang: str) -> set[tuple[str, str]]:
        rec = cls(supported_language=lang)
        rec.load()
        artifacts = engine.analyzer.nlp_engine.process_text(text, lang)
        results = rec.analyze(text, rec.supported_entities, artifacts) or []
        results = engine.analyzer.context_aware_enhancer.enhance_using_context(
            text, results, artifacts, [rec]
        )
        return {(canonical(r.entity_type), text[r.start : r.end]) for r in results if r.score >= THRESHOLD}

    return run
