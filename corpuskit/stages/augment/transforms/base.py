"""The transform protocol: a registered component that proposes an edit map for one record.

A transform sees a read-only `RecordView` and a seeded `random.Random`, and
returns a `Proposal` (an `EditMap` plus, for label-changing transforms, the new
labels and meta flags) or None when it has nothing to do on this record. It never
builds the variant itself: the stage applies the map, remaps spans through it
and drops the variant if a span cannot be kept exact.

Kinds:

* ``label_preserving``: must not edit inside a labelled span (the stage checks);
* ``entity_aware``: may replace whole spans with new values of the same label;
* ``adversarial``: made for robustness evaluation; may change labels or flag the
  variant ``contrastive``.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from corpuskit.stages.augment.editmap import Edit, EditMap

KINDS = ("label_preserving", "entity_aware", "adversarial")


class TransformParams(BaseModel):
    """Base for transform params: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid")


@dataclass(frozen=True)
class SpanView:
    start: int
    end: int
    label: str
    source: str | None = None


@dataclass
class RecordView:
    """What a transform may read of a record. `protected[i]` is True inside any span."""

    id: str
    text: str
    lang: str | None = None
    domain: str | None = None
    spans: tuple[SpanView, ...] = ()
    labels: tuple[str, ...] = ()
    _protected: bytearray | None = field(default=None, repr=False)

    @classmethod
    def from_record(cls, rec: Mapping[str, Any]) -> RecordView:
        spans = tuple(
            SpanView(s["start"], s["end"], s["label"], s.get("source")) for s in (rec.get("spans") or [])
        )
        return cls(rec["id"], rec["text"], rec.get("lang"), rec.get("domain"), spans, tuple(rec.get("labels") or ()))

    @property
    def protected(self) -> bytearray:
        if self._protected is None:
            mask = bytearray(len(self.text))
            for s in self.spans:
                mask[max(s.start, 0):min(s.end, len(self.text))] = b"\x01" * (min(s.end, len(self.text)) - max(s.start, 0))
            self._protected = mask
        return self._protected

    def is_free(self, start: int, end: int) -> bool:
        """True when `[start, end)` overlaps no span (an empty range inside a span is not free)."""
        if start == end:
            return not any(s.start < start < s.end for s in self.spans)
        return not any(self.protected[start:end])

    @property
    def language(self) -> str:
        """The record's language, guessed from the text when the record does not say."""
        if self.lang:
            return self.lang
        cjk = sum(1 for ch in self.text[:200] if "\u4e00" <= ch <= "\u9fff")
        return "zh" if cjk * 4 >= min(len(self.text), 200) else "en"


@dataclass
class Proposal:
    """A transform's answer: the edit map and, for label-changing transforms, the new labels."""

    edits: EditMap
    labels: list[str] | None = None  # None: keep the parent's labels
    meta: dict[str, Any] = field(default_factory=dict)  # merged into the variant's meta["augment"]
    # spans to add, in *parent* offsets: each must be exactly a range an edit replaces (a filled placeholder)
    add_spans: list[SpanView] = field(default_factory=list)
    # span label changes, keyed by the span's *parent* (start, end): a negated SYMPTOM may become SYMPTOM_NEG
    relabel_spans: dict[tuple[int, int], str] = field(default_factory=dict)
    # the variant's meaning differs from the parent's on purpose (a contrast pair for evaluation)
    contrastive: bool = False


class Transform:
    """Subclass, set `name`, `kind`, `Params`, and implement `propose`."""

    name: ClassVar[str] = "transform"
    kind: ClassVar[str] = "label_preserving"
    langs: ClassVar[frozenset[str]] = frozenset({"zh", "en"})
    Params: ClassVar[type[TransformParams]] = TransformParams

    def __init__(self, params: Mapping[str, Any] | TransformParams | None = None, **kwargs: Any):
        if isinstance(params, TransformParams):
            self.params = params
        else:
            self.params = self.Params.model_validate({**dict(params or {}), **kwargs})
        self._ready = False

    def setup(self) -> None:
        """Load lexicons and tables; called once before the first record."""

    def ensure_setup(self) -> None:
        if not self._ready:
            self.setup()
            self._ready = True

    def propose(self, rec: RecordView, rng: random.Random) -> Proposal | None:
        raise NotImplementedError

    def params_json(self) -> dict[str, Any]:
        return self.params.model_dump(mode="json")

    def applies_to(self, rec: RecordView) -> bool:
        return rec.language in self.langs


def as_proposal(text: str, edits: list[Edit]) -> Proposal | None:
    """A label-keeping proposal from local edits, or None when there are none."""
    return Proposal(EditMap.from_edits(text, edits)) if edits else None


def pick_edits(candidates: list[Edit], rng: random.Random, n: int) -> list[Edit]:
    """Up to `n` non-overlapping edits chosen at random from `candidates`."""
    if not candidates:
        return []
    order = rng.sample(range(len(candidates)), len(candidates))
    chosen: list[Edit] = []
    for i in order:
        e = candidates[i]
        if not any(_overlap(e, c) for c in chosen):
            chosen.append(e)
            if len(chosen) >= n:
                break
    return chosen


def _overlap(a: Edit, b: Edit) -> bool:
    if a.start == a.end == b.start == b.end:
        return True  # two insertions at one place would have no defined order
    return not (a.end <= b.start or b.end <= a.start)


def edit_count(text_len: int, rate: float, max_edits: int, rng: random.Random) -> int:
    """How many edits to make: about `rate` per character, at least 1, at most `max_edits`."""
    expected = text_len * rate
    n = int(expected) + (1 if rng.random() < expected - int(expected) else 0)
    return max(1, min(max_edits, n))


def sample_positions(rec: RecordView, rng: random.Random, n: int, accept, width: int = 1,
                     tries_per_edit: int = 12) -> list[int]:
    """Up to `n` distinct positions `i` where `accept(i)` holds and `[i, i+width)` is outside every span.

    Samples instead of scanning so long documents cost the same as short ones.
    """
    size = len(rec.text) - width + 1
    if size <= 0:
        return []
    found: set[int] = set()
    for _ in range(n * tries_per_edit):
        i = rng.randrange(size)
        if i in found or not rec.is_free(i, i + width) or not accept(i):
            continue
        if any(abs(i - j) < width + 1 for j in found):
            continue  # keep edits apart so they never overlap
        found.add(i)
        if len(found) >= n:
            break
    return sorted(found)
