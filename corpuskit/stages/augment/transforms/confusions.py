"""Look-alike and sound-alike swaps: homophones (pypinyin), similar-shape characters, OCR confusions.

Chinese homophones come from pypinyin readings of the GB 2312 level-1
characters; the shape and OCR tables are shipped in `lexicons/`. English gets
word homophones (their/there) and Latin OCR slips (rn/m, l/1, O/0).
"""

from __future__ import annotations

import random
import re
from functools import cached_property, lru_cache

from pydantic import Field

from corpuskit.stages.augment.editmap import Edit
from corpuskit.stages.augment.transforms import tables
from corpuskit.stages.augment.transforms.base import (
    Proposal,
    RecordView,
    Transform,
    as_proposal,
    edit_count,
    pick_edits,
    sample_positions,
)
from corpuskit.stages.augment.transforms.chars import RateParams

_WORD = re.compile(r"[A-Za-z']+")


class HomophoneParams(RateParams):
    tone: bool = Field(True, description="Chinese: keep the tone (同音) or only the syllable (近音)")


class Homophone(Transform):
    """Sound-alike swaps. Chinese: a common character with the same pinyin; English: word homophones.

    `咳嗽伴发热` → `咳嗽伴发惹`-style swaps (same reading);  `their` → `there`.
    """

    name = "homophone.v1"
    Params = HomophoneParams

    def propose(self, rec: RecordView, rng: random.Random) -> Proposal | None:
        text = rec.text
        if rec.language == "zh":
            table = tables.pinyin_neighbours(self.params.tone)
            n = edit_count(len(text), self.params.rate, self.params.max_edits, rng)
            pos = sample_positions(rec, rng, n, lambda i: text[i] in table)
            return as_proposal(text, [Edit(i, i + 1, rng.choice(table[text[i]])) for i in pos])
        return _swap_words(rec, rng, tables.en_homophones(), self.params.max_edits)


def _swap_words(rec: RecordView, rng: random.Random, table: dict[str, tuple[str, ...]], max_edits: int):
    cands = []
    for m in _WORD.finditer(rec.text):
        word = m.group()
        alts = table.get(word.lower())
        if alts and rec.is_free(m.start(), m.end()):
            new = rng.choice(alts)
            new = new[:1].upper() + new[1:] if word[:1].isupper() else new
            cands.append(Edit(m.start(), m.end(), new))
    return as_proposal(rec.text, pick_edits(cands, rng, max_edits))


class SimilarShape(Transform):
    """Similar-shape character swaps from the shipped table (`lexicons/zh_similar_shape.tsv`).
    English has no such table and gets Latin look-alikes (rn↔m, cl↔d) instead.

    `已经` → `己经`;  `未见异常` → `末见异常`.
    """

    name = "shape.similar.v1"
    Params = RateParams

    def propose(self, rec: RecordView, rng: random.Random) -> Proposal | None:
        text = rec.text
        if rec.language == "zh":
            table = tables.similar_shapes()
            n = edit_count(len(text), self.params.rate, self.params.max_edits, rng)
            pos = sample_positions(rec, rng, n, lambda i: text[i] in table)
            return as_proposal(text, [Edit(i, i + 1, rng.choice(table[text[i]])) for i in pos])
        return _substring_swaps(rec, rng, _latin_ocr(), self.params)


class OcrConfusion(Transform):
    """OCR misreads from `lexicons/ocr_confusions.tsv`: rn→m, l→1, O→0, cl→d, and Chinese shape slips.

    `Normal` → `N0rmal`;  `Clinic` → `Cl1nic`;  `白细胞` → `自细胞`.
    """

    name = "ocr.confusion.v1"
    Params = RateParams

    @cached_property
    def _table(self) -> dict[str, tuple[str, ...]]:
        return tables.ocr_confusions()

    def propose(self, rec: RecordView, rng: random.Random) -> Proposal | None:
        return _substring_swaps(rec, rng, self._table, self.params)


@lru_cache(maxsize=1)
def _latin_ocr() -> dict[str, tuple[str, ...]]:
    return {k: v for k, v in tables.ocr_confusions().items() if k.isascii()}


# keyed by id() of the lru-cached tables above, which live for the whole process
_PATTERNS: dict[int, re.Pattern] = {}


def _substring_swaps(rec: RecordView, rng: random.Random, table: dict[str, tuple[str, ...]], params) -> Proposal | None:
    """Swap occurrences of table keys (longest first) outside spans."""
    key = id(table)
    pattern = _PATTERNS.get(key)
    if pattern is None:
        pattern = re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)))
        _PATTERNS[key] = pattern
    text = rec.text
    n = edit_count(len(text), params.rate, params.max_edits, rng)
    cands = [Edit(m.start(), m.end(), rng.choice(table[m.group()]))
             for m in pattern.finditer(text) if rec.is_free(m.start(), m.end())]
    return as_proposal(text, pick_edits(cands, rng, n))
