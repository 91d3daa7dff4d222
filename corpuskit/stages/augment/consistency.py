"""The consistency filter: drop variants whose predicted label differs from what it should be.

A predictor takes a list of record dicts and returns, for each, a label or a
list of labels. `keywords` is the built-in rule; anything else is imported from
a dotted path (`mypkg.models:predict` or `mypkg.models.predict`), so a real model
can be plugged in without touching corpuskit.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from typing import Any

from corpuskit.errors import CorpuskitError
from corpuskit.stages.augment.config import ConsistencySpec

Predictor = Callable[[list[dict[str, Any]]], Sequence[Any]]


class PredictorError(CorpuskitError):
    """The consistency predictor cannot be loaded or returned something unusable."""


def keyword_predictor(keywords: dict[str, list[str]]) -> Predictor:
    """Each record gets the labels whose keywords occur in its text (Latin keywords as whole words)."""
    patterns = {
        label: re.compile("|".join(
            rf"(?<![A-Za-z0-9]){re.escape(w)}(?![A-Za-z0-9])" for w in sorted(words, key=len, reverse=True)),
            re.IGNORECASE)
        for label, words in keywords.items() if words
    }

    def predict(recs: list[dict[str, Any]]) -> list[list[str]]:
        return [sorted(label for label, p in patterns.items() if p.search(r["text"])) for r in recs]

    return predict


def load_predictor(spec: ConsistencySpec) -> Predictor:
    if spec.predictor == "keywords":
        if not spec.keywords:
            raise PredictorError("consistency.predictor 'keywords' needs consistency.keywords: {label: [words]}")
        return keyword_predictor(spec.keywords)
    path = spec.predictor
    module_name, _, attr = path.partition(":") if ":" in path else path.rpartition(".")
    try:
        fn = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise PredictorError(f"consistency.predictor: cannot import '{path}' ({exc.__class__.__name__}: {exc})") from None
    if not callable(fn):
        raise PredictorError(f"consistency.predictor: '{path}' is not callable")
    return fn


def as_label_set(prediction: Any) -> frozenset[str]:
    if prediction is None:
        return frozenset()
    if isinstance(prediction, str):
        return frozenset([prediction])
    return frozenset(str(p) for p in prediction)


class ConsistencyFilter:
    """Keeps the variants whose prediction matches their parent's (or their own labels)."""

    def __init__(self, spec: ConsistencySpec):
        self.spec = spec
        self.predict = load_predictor(spec)

    def checks(self, kind: str) -> bool:
        return kind in self.spec.kinds

    def _predict(self, recs: list[dict[str, Any]]) -> list[frozenset[str]]:
        out: list[frozenset[str]] = []
        size = self.spec.batch_size
        for i in range(0, len(recs), size):
            chunk = recs[i:i + size]
            preds = list(self.predict(chunk))
            if len(preds) != len(chunk):
                raise PredictorError(
                    f"consistency.predictor returned {len(preds)} predictions for {len(chunk)} records")
            out += [as_label_set(p) for p in preds]
        return out

    def keep(self, pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> list[bool]:
        """For (parent, variant) pairs: True where the variant passes."""
        if not pairs:
            return []
        variant_preds = self._predict([v for _, v in pairs])
        if self.spec.compare == "labels":
            return [p == frozenset(v.get("labels") or []) for p, (_, v) in zip(variant_preds, pairs)]
        parents = {p["id"]: p for p, _ in pairs}
        parent_preds = dict(zip(parents, self._predict(list(parents.values()))))
        return [p == parent_preds[par["id"]] for p, (par, _) in zip(variant_preds, pairs)]
