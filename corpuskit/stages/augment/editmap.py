"""Edit maps: how a variant's text was made from its parent's, and how spans follow.

A transform never returns a new string. It returns an `EditMap`: the variant's
text as a sequence of pieces, each either a *copy* of a range of the parent's
text or a *replacement* of a parent range by new text (an insertion replaces an
empty range, a deletion replaces with ""). Local edits (a typo) and moves (a
sentence shuffle) are the same thing in this form.

A span survives a variant only if it is kept exact:

* it lies wholly inside one copied piece → same text, shifted offsets; or
* one replacement covers exactly the span's range with non-empty text → the
  span now covers the new text (entity-aware transforms do this on purpose).

Anything else (an edit that cuts into a span, a piece boundary inside it) means
the span cannot be kept exact and the variant is dropped by the stage.

    >>> m = EditMap.from_edits("abc def", [Edit(1, 2, "X"), Edit(4, 4, "++")])
    >>> m.apply("abc def")
    'aXc ++def'
    >>> m.map_span(4, 7)
    MappedSpan(start=6, end=9, replaced=False)
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace `text[start:end]` of the parent by `text` (start == end: an insertion)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Piece:
    """One run of the variant: parent `[src_start, src_end)` copied (text None) or replaced by `text`."""

    src_start: int
    src_end: int
    text: str | None = None

    @property
    def is_copy(self) -> bool:
        return self.text is None


@dataclass(frozen=True, slots=True)
class MappedSpan:
    start: int
    end: int
    replaced: bool  # True when an edit replaced exactly this span (its text is the edit's text)


class EditMapError(ValueError):
    """Edits overlap or fall outside the parent text (a transform bug, never user data)."""


class EditMap:
    """The parent → variant map. Build with `from_edits` (local edits) or `from_pieces` (moves)."""

    __slots__ = ("pieces", "parent_len", "_new_starts", "_copy_index", "_replace_index")

    def __init__(self, pieces: Sequence[Piece], parent_len: int):
        self.pieces = _normalise(pieces)
        self.parent_len = parent_len
        starts, pos = [], 0
        for p in self.pieces:
            if not (0 <= p.src_start <= p.src_end <= parent_len):
                raise EditMapError(f"piece [{p.src_start}, {p.src_end}) outside a parent of length {parent_len}")
            starts.append(pos)
            pos += (p.src_end - p.src_start) if p.is_copy else len(p.text)
        self._new_starts = starts
        # copy pieces sorted by parent offset, for span lookup by bisection
        copies = sorted((p.src_start, p.src_end, i) for i, p in enumerate(self.pieces) if p.is_copy and p.src_end > p.src_start)
        self._copy_index = copies
        self._replace_index = {(p.src_start, p.src_end): i for i, p in enumerate(self.pieces) if not p.is_copy}

    # -- construction ----------------------------------------------------------------
    @classmethod
    def from_edits(cls, parent: str | int, edits: Iterable[Edit]) -> EditMap:
        """Local edits on the parent, in any order; they must not overlap (insertions may touch)."""
        n = parent if isinstance(parent, int) else len(parent)
        ordered = sorted(edits, key=lambda e: (e.start, e.end))
        if not isinstance(parent, int):
            # an edit that writes back what is there is no edit (a swap of "aa", a synonym equal to itself)
            ordered = [e for e in ordered if parent[e.start:e.end] != e.text or e.end > n]
        pieces: list[Piece] = []
        pos = 0
        for e in ordered:
            if e.start < pos or e.end < e.start or e.end > n:
                raise EditMapError(f"edit [{e.start}, {e.end}) overlaps another or falls outside length {n}")
            if e.start > pos:
                pieces.append(Piece(pos, e.start))
            pieces.append(Piece(e.start, e.end, e.text))
            pos = e.end
        if pos < n:
            pieces.append(Piece(pos, n))
        return cls(pieces, n)

    @classmethod
    def from_pieces(cls, parent: str | int, pieces: Iterable[Piece]) -> EditMap:
        """A rearrangement: the variant is the pieces in this order (for moves such as shuffles)."""
        return cls(list(pieces), parent if isinstance(parent, int) else len(parent))

    @classmethod
    def identity(cls, parent: str | int) -> EditMap:
        n = parent if isinstance(parent, int) else len(parent)
        return cls([Piece(0, n)] if n else [], n)

    # -- use ---------------------------------------------------------------------------
    def apply(self, parent: str) -> str:
        if len(parent) != self.parent_len:
            raise EditMapError(f"edit map made for length {self.parent_len}, applied to length {len(parent)}")
        return "".join(parent[p.src_start:p.src_end] if p.is_copy else p.text for p in self.pieces)

    def map_span(self, start: int, end: int) -> MappedSpan | None:
        """Where parent span `[start, end)` is in the variant, or None if it cannot be kept exact."""
        hit = self._replace_index.get((start, end))
        if hit is not None:
            piece = self.pieces[hit]
            if not piece.text:
                return None  # deleted
            s = self._new_starts[hit]
            return MappedSpan(s, s + len(piece.text), True)
        i = bisect.bisect_right(self._copy_index, (start, float("inf"), 0)) - 1
        if i < 0:
            return None
        src_start, src_end, idx = self._copy_index[i]
        if src_start <= start and end <= src_end:
            s = self._new_starts[idx] + (start - src_start)
            return MappedSpan(s, s + (end - start), False)
        return None

    def touched(self) -> list[tuple[int, int]]:
        """Parent ranges that are not copied through unchanged (for tests and reports)."""
        return [(p.src_start, p.src_end) for p in self.pieces if not p.is_copy]

    @property
    def is_identity(self) -> bool:
        pos = 0
        for p in self.pieces:
            if not p.is_copy or p.src_start != pos:
                return False
            pos = p.src_end
        return pos == self.parent_len

    def __len__(self) -> int:
        return len(self.pieces)

    def __repr__(self) -> str:
        return f"EditMap({len(self.pieces)} pieces over {self.parent_len} chars)"


def _normalise(pieces: Iterable[Piece]) -> tuple[Piece, ...]:
    """Drop empty pieces and join copies of adjacent parent ranges, so a no-op never splits a span."""
    out: list[Piece] = []
    for p in pieces:
        if p.src_start == p.src_end and not p.text:
            continue
        if p.is_copy and out and out[-1].is_copy and out[-1].src_end == p.src_start:
            out[-1] = Piece(out[-1].src_start, p.src_end)
        else:
            out.append(p)
    return tuple(out)
