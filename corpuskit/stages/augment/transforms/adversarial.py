"""Adversarial transforms: distractor sentences, negation insertion, antonym swaps.

These make robustness-evaluation variants. Each declares what it does to labels:

* `adv.distractor.v1` keeps the labels (the facts are unchanged) — a model whose
  prediction moves is fooled by surface words;
* `adv.negation.v1` and `adv.antonym.v1` change the meaning: the variant is
  flagged `contrastive`, and with `label_map` / `span_label_map` set, record
  labels and the negated span's label are rewritten as you declare.

All set `transform.kind = "adversarial"`; the split stage sends adversarial
variants of test records to `adversarial_test`.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache

import yaml
from pydantic import Field

from corpuskit.stages.augment.editmap import Edit, EditMap
from corpuskit.stages.augment.transforms import tables
from corpuskit.stages.augment.transforms.base import Proposal, RecordView, Transform, TransformParams, pick_edits
from corpuskit.stages.augment.transforms.entities import is_identifier_label
from corpuskit.stages.augment.transforms.lexicon import Lexicon

_BOUNDARY = re.compile(r"(?<=[。！？；.!?;])\s*")


@lru_cache(maxsize=8)
def _shipped(name: str) -> dict:
    return yaml.safe_load(tables.lexicon_path(name).read_text("utf-8")) or {}


class LabelEffectParams(TransformParams):
    label_map: dict[str, str] = Field(default_factory=dict,
                                      description="record label → label of the variant (e.g. positive → negative)")


class DistractorParams(TransformParams):
    sentences: dict[str, list[str]] = Field(default_factory=dict,
                                            description="your own distractors by language, used instead of the shipped ones")
    count: int = Field(1, ge=1, le=10)


class DistractorSentence(Transform):
    """Insert true-sounding, label-irrelevant sentences at sentence boundaries. Labels are kept.

    `咳嗽三天。` → `咳嗽三天。患者家属有高血压病史。`
    """

    name = "adv.distractor.v1"
    kind = "adversarial"
    Params = DistractorParams

    def _pool(self, rec: RecordView) -> list[str]:
        lang = rec.language
        if self.params.sentences:
            return list(self.params.sentences.get(lang, []))
        by_domain = _shipped("distractors.yaml")["distractors"].get(lang, {})
        return list(by_domain.get(rec.domain or "general") or by_domain.get("general", []))

    def propose(self, rec: RecordView, rng: random.Random) -> Proposal | None:
        pool = self._pool(rec)
        text = rec.text
        slots = sorted({m.end() for m in _BOUNDARY.finditer(text) if rec.is_free(m.end(), m.end())} | {len(text)})
        if not pool:
            return None
        sep = "" if rec.language == "zh" else " "
        edits = []
        for pos in rng.sample(slots, min(self.params.count, len(slots))):
            sentence = rng.choice(pool)
            # en: a space before the sentence at the end, after it elsewhere
            ins = (sep + sentence) if pos == len(text) else (sentence + sep)
            edits.append(Edit(pos, pos, ins))
        return Proposal(EditMap.from_edits(text, edits), meta={"effect": "labels kept"})


class NegationParams(LabelEffectParams):
    target_labels: list[str] | None = Field(None, description="span labels to negate; default every non-identifier label")
    span_label_map: dict[str, str] = Field(default_factory=dict,
                                           description="label of a negated span → its new label (SYMPTOM → SYMPTOM_NEG)")
    max_edits: int = Field(1, ge=1, le=100)


class NegationInsertion(Transform):
    """Negate a mention by inserting a cue before it (`no`, `denies`; `无`, `否认`). Meaning changes:
    the variant is contrastive; labels follow `label_map` / `span_label_map`.

    `Patient reports [fever].` → `Patient reports no [fever].`;  `伴[发热]` → `伴无[发热]`.
    """

    name = "adv.negation.v1"
    kind = "adversarial"
    Params = NegationParams

    def propose(self, rec: RecordView, rng: random.Random) -> Proposal | None:
        lang = rec.language
        conf = _shipped("negation.yaml")["negation"][lang]
        already = tuple(c.lower() for c in conf["already"])
        targets = []
        for s in rec.spans:
            if s.source == "deid" or is_identifier_label(s.label):
                continue
            if self.params.target_labels is not None and s.label not in self.params.target_labels:
                continue
            before = rec.text[max(0, s.start - 16):s.start].lower().rstrip()
            if before.endswith(already):
                continue  # already negated
            if not rec.is_free(s.start, s.start):
                continue
            targets.append(s)
        if not targets:
            return None
        chosen = rng.sample(targets, min(self.params.max_edits, len(targets)))
        edits, relabel = [], {}
        for s in chosen:
            cue = rng.choice(conf["cues"])
            if lang == "en" and s.start > 0 and not rec.text[s.start - 1].isspace():
                cue = " " + cue
            edits.append(Edit(s.start, s.start, cue))
            if s.label in self.params.span_label_map:
                relabel[(s.start, s.end)] = self.params.span_label_map[s.label]
        return Proposal(EditMap.from_edits(rec.text, edits), labels=_mapped(rec, self.params.label_map),
                        relabel_spans=relabel, contrastive=True, meta={"negated": [s.label for s in chosen]})


def _mapped(rec: RecordView, label_map: dict[str, str]) -> list[str] | None:
    if not label_map:
        return None
    return [label_map.get(label, label) for label in rec.labels]


class AntonymParams(LabelEffectParams):
    max_edits: int = Field(1, ge=1, le=100)


@lru_cache(maxsize=2)
def _antonyms(lang: str) -> Lexicon:
    table: dict[str, set[str]] = {}
    for a, b in _shipped("antonyms.yaml")["antonyms"].get(lang, []):
        table.setdefault(a, set()).add(b)
        table.setdefault(b, set()).add(a)
    return Lexicon(table)


class AntonymSwap(Transform):
    """Label-changing word swaps (升高 ↔ 降低, positive ↔ negative, profit ↔ loss) outside spans.
    The variant is contrastive; record labels follow `label_map`.

    `血糖升高` → `血糖降低`;  `Troponin positive` → `Troponin negative`.
    """

    name = "adv.antonym.v1"
    kind = "adversarial"
    Params = AntonymParams

    def propose(self, rec: RecordView, rng: random.Random) -> Proposal | None:
        edits = pick_edits(_antonyms(rec.language).candidates(rec, rng), rng, self.params.max_edits)
        if not edits:
            return None
        return Proposal(EditMap.from_edits(rec.text, edits), labels=_mapped(rec, self.params.label_map),
                        contrastive=True, meta={"swapped": len(edits)})
