"""Operators per entity type and the text rewrite that keeps existing spans aligned.

Operators: `placeholder` ([PERSON_1], numbered per document, same value → same
number), `redact` (remove), `mask` (*** with optional kept tail), `hash` (keyed,
dataset-wide), `surrogate` (realistic, locale-right, consistent per group_id),
`date_shift` (per-group keyed offset; intervals preserved), `keep`.

Presidio's AnonymizerEngine is not used for the rewrite: it neither numbers
placeholders per document nor reports how old offsets move, and both are needed here.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from corpuskit.stages.deid.postprocess import Detection
from corpuskit.stages.deid.surrogates import KeyedReplacer, normalize, shift_date

OperatorName = Literal["placeholder", "redact", "mask", "hash", "surrogate", "date_shift", "keep"]
KEYED_OPERATORS = frozenset({"hash", "surrogate", "date_shift"})


class OperatorSpec(BaseModel):
    """How to replace one entity type."""

    model_config = ConfigDict(extra="forbid")
    operator: OperatorName = "placeholder"
    placeholder_format: str = Field("[{label}_{n}]", description="{label} and {n} are filled in")
    masking_char: str = Field("*", min_length=1, max_length=1)
    chars_to_keep: int = Field(0, ge=0, description="mask: characters left visible at the end")
    hash_length: int = Field(12, ge=6, le=64)


def parse_operators(raw: Mapping[str, str | Mapping]) -> dict[str, OperatorSpec]:
    """`{"PERSON": "surrogate", "ID": {"operator": "mask", "chars_to_keep": 4}, "default": "placeholder"}`."""
    out = {}
    for label, spec in raw.items():
        out[label] = OperatorSpec(operator=spec) if isinstance(spec, str) else OperatorSpec(**spec)
    out.setdefault("default", OperatorSpec())
    return out


@dataclass
class Replacement:
    """One rewritten identifier: old offsets, new offsets, label, operator used."""

    old_start: int
    old_end: int
    new_start: int
    new_end: int
    label: str
    operator: str


@dataclass
class DocumentRewriter:
    """Rewrites one document; holds the per-document placeholder numbering."""

    operators: Mapping[str, OperatorSpec]
    replacer: KeyedReplacer | None
    lang: str
    group: str
    _numbers: dict[tuple[str, str], int] = field(default_factory=dict)
    _next: dict[str, int] = field(default_factory=dict)

    def replacement_for(self, det: Detection, value: str) -> tuple[str, str]:
        """(new text, operator actually used) for one detection."""
        spec = self.operators.get(det.label) or self.operators["default"]
        op = spec.operator
        if op in KEYED_OPERATORS and self.replacer is None:
            raise ValueError(f"operator '{op}' for {det.label} needs a key (param key_env or key)")
        if op == "keep":
            return value, op
        if op == "redact":
            return "", op
        if op == "mask":
            keep = min(spec.chars_to_keep, len(value))
            head = "".join(c if c.isspace() else spec.masking_char for c in value[: len(value) - keep])
            return head + value[len(value) - keep :], op
        if op == "hash":
            return f"{det.label}_{self.replacer.hash(det.label, value, spec.hash_length)}", op
        if op == "date_shift" or (op == "surrogate" and det.label == "DATE"):
            shifted = shift_date(value, self.replacer.shift_days(self.group))
            if shifted is not None:
                return shifted, "date_shift"
            return self._placeholder(det.label, value, spec), "placeholder"
        if op == "surrogate":
            return self.replacer.surrogate(det.label, value, self.lang, self.group), op
        return self._placeholder(det.label, value, spec), "placeholder"

    def _placeholder(self, label: str, value: str, spec: OperatorSpec) -> str:
        key = (label, normalize(value))
        if key not in self._numbers:
            self._next[label] = self._next.get(label, 0) + 1
            self._numbers[key] = self._next[label]
        return spec.placeholder_format.format(label=label, n=self._numbers[key])

    def rewrite(self, text: str, detections: Sequence[Detection]) -> tuple[str, list[Replacement]]:
        """The new text and where each replacement landed. `detections` must not overlap."""
        parts: list[str] = []
        done: list[Replacement] = []
        pos = out_len = 0
        for det in sorted(detections, key=lambda d: d.start):
            parts.append(text[pos : det.start])
            out_len += det.start - pos
            new, op = self.replacement_for(det, text[det.start : det.end])
            parts.append(new)
            done.append(Replacement(det.start, det.end, out_len, out_len + len(new), det.label, op))
            out_len += len(new)
            pos = det.end
        parts.append(text[pos:])
        return "".join(parts), done


class OffsetMap:
    """Moves old offsets to new ones after a rewrite.

    A span that touches a replaced identifier grows to cover the whole replacement,
    so a label never ends up pointing at half a placeholder.
    """

    def __init__(self, replacements: Sequence[Replacement]):
        self._reps = sorted(replacements, key=lambda r: r.old_start)
        self._starts = [r.old_start for r in self._reps]

    def _shift_before(self, i: int) -> int:
        if i < 0:
            return 0
        r = self._reps[i]
        return r.new_end - r.old_end

    def start(self, pos: int) -> int:
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and pos < self._reps[i].old_end:
            return self._reps[i].new_start
        return pos + self._shift_before(i)

    def end(self, pos: int) -> int:
        i = bisect_right(self._starts, pos - 1) - 1  # the replacement that holds the last character
        if i >= 0 and pos - 1 < self._reps[i].old_end:
            return self._reps[i].new_end
        return pos + self._shift_before(i)

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """New (start, end), or None when the span vanished (it lay inside a redaction)."""
        s, e = self.start(start), self.end(end)
        return (s, e) if e > s else None
