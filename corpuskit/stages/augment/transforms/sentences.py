"""Sentence order shuffles inside a section (sections are separated by blank lines).

A move, not a local edit: the edit map is the sentences' pieces in a new order,
with the whitespace between them left where it was. Sentences joined by a span
move together, so every span stays exact.
"""

from __future__ import annotations

import random
import re

from pydantic import Field

from corpuskit.stages.augment.editmap import EditMap, Piece
from corpuskit.stages.augment.transforms.base import Proposal, RecordView, Transform, TransformParams

_SECTION = re.compile(r"\r?\n[ \t\r]*\n\s*")
# a sentence ends at terminal punctuation (and closing quotes/brackets after it)
_SENT_END = re.compile(r"[。！？!?；;]+[”’\"')）]*|(?<=[a-z0-9)\]])\.(?=\s)|\.$")
_TERMINAL = tuple("。！？!?；;.”’\"')）")
# a section heading such as "主诉：" or "History:" stays at the top of its section
_HEADING = re.compile(r"[^\n。.!?！？：:]{1,20}[：:]\s*")


class ShuffleParams(TransformParams):
    min_sentences: int = Field(2, ge=2, description="sections with fewer movable sentences are left alone")
    sections: int = Field(1, ge=1, description="how many sections to shuffle per variant")


class SentenceShuffle(Transform):
    """Shuffle sentence order inside one section.

    `咳嗽三天。发热一天。无胸痛。` → `发热一天。无胸痛。咳嗽三天。`
    """

    name = "sentence.shuffle.v1"
    Params = ShuffleParams

    def propose(self, rec: RecordView, rng: random.Random) -> Proposal | None:
        text = rec.text
        sections = self._sections(text)
        units_by_section = []
        for start, end in sections:
            # only whole, terminated sentences move; anything else (an unterminated line, a sentence a
            # span reaches into from outside its section) keeps its place while the others permute
            movable = [u for u in self._units(rec, start, end)
                       if text[u[0]:u[1]].rstrip().endswith(_TERMINAL) and not _cut_by_span(rec, u)]
            if len(movable) >= self.params.min_sentences:
                units_by_section.append(movable)
        if not units_by_section:
            return None
        chosen = rng.sample(units_by_section, min(self.params.sections, len(units_by_section)))
        moves: dict[tuple[int, int], tuple[int, int]] = {}
        for units in chosen:
            order = list(units)
            for _ in range(5):
                rng.shuffle(order)
                if order != units:
                    break
            else:
                order = units[1:] + units[:1]
            moves.update(zip(units, order))
        return Proposal(EditMap.from_pieces(text, self._pieces(text, moves)))

    @staticmethod
    def _sections(text: str) -> list[tuple[int, int]]:
        out, pos = [], 0
        for m in _SECTION.finditer(text):
            out.append((pos, m.start()))
            pos = m.end()
        out.append((pos, len(text)))
        return [(s, e) for s, e in out if e > s]

    @staticmethod
    def _units(rec: RecordView, start: int, end: int) -> list[tuple[int, int]]:
        """Sentences of one section as (start, end) without surrounding whitespace; span-joined."""
        text = rec.text
        heading = _HEADING.match(text, start, end)
        if heading and not any(sp.start < heading.end() < sp.end for sp in rec.spans):
            start = heading.end()
        cuts = [m.end() for m in _SENT_END.finditer(text, start, end)]
        bounds, pos = [], start
        for c in cuts + [end]:
            if c <= pos:
                continue
            s, e = pos, c
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                bounds.append((s, e))
            pos = c
        merged: list[tuple[int, int]] = []
        for s, e in bounds:
            # a span crossing from the previous unit into this one glues them
            if merged and any(sp.start < s and sp.end > merged[-1][1] for sp in rec.spans):
                merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
        return merged

    @staticmethod
    def _pieces(text: str, moves: dict[tuple[int, int], tuple[int, int]]) -> list[Piece]:
        """Walk the parent in order; a moved unit's slot is filled by the unit it swapped with."""
        pieces, pos = [], 0
        for slot in sorted(moves):
            if slot[0] > pos:
                pieces.append(Piece(pos, slot[0]))
            src = moves[slot]
            pieces.append(Piece(src[0], src[1]))
            pos = slot[1]
        if pos < len(text):
            pieces.append(Piece(pos, len(text)))
        return pieces


def _cut_by_span(rec: RecordView, unit: tuple[int, int]) -> bool:
    s, e = unit
    return any(sp.start < s < sp.end or sp.start < e < sp.end for sp in rec.spans)
