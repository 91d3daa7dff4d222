"""Character tables the char-level transforms share, built once per process.

* Common Chinese characters: GB 2312 level 1 (3,755 characters), decoded with
  Python's own codec — a standard inventory, no data file needed.
* Pinyin readings from pypinyin (primary reading only), for homophone and
  pinyin-IME slips.
* Shipped TSV tables: similar-shape characters, OCR confusions, English homophones.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from importlib.resources import files

QWERTY_ROWS = ("`1234567890-=", "qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./")


def lexicon_path(name: str):
    """A shipped lexicon/table file (a Traversable; use `.read_text()`)."""
    return files("corpuskit.stages.augment") / "lexicons" / name


def read_tsv_groups(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([c for c in line.rstrip("\n").split("\t") if c])
    return rows


@lru_cache(maxsize=1)
def common_zh_chars() -> tuple[str, ...]:
    """GB 2312 level-1 characters (rows 16–55), the usual 'common characters' list."""
    out = []
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                out.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return tuple(out)


@lru_cache(maxsize=2)
def pinyin_neighbours(with_tone: bool) -> dict[str, tuple[str, ...]]:
    """Common character → other common characters with the same reading (tone-exact or not)."""
    from pypinyin import Style, pinyin

    chars = list(common_zh_chars())
    # a list input is taken as already segmented, so each character gets its own reading
    readings = pinyin(chars, style=Style.TONE3 if with_tone else Style.NORMAL, heteronym=False)
    by_reading: dict[str, list[str]] = defaultdict(list)
    for ch, r in zip(chars, readings):
        by_reading[r[0]].append(ch)
    out = {}
    for group in by_reading.values():
        if len(group) > 1:
            for ch in group:
                out[ch] = tuple(c for c in group if c != ch)
    return out


@lru_cache(maxsize=1)
def similar_shapes() -> dict[str, tuple[str, ...]]:
    """Character → characters that look like it (union of the groups it is in)."""
    table: dict[str, set[str]] = defaultdict(set)
    for group in read_tsv_groups(lexicon_path("zh_similar_shape.tsv").read_text("utf-8")):
        for ch in group:
            table[ch].update(c for c in group if c != ch)
    return {k: tuple(sorted(v)) for k, v in table.items()}


@lru_cache(maxsize=1)
def ocr_confusions() -> dict[str, tuple[str, ...]]:
    """Substring → what OCR reads it as (both directions), Latin/digits plus Chinese shapes."""
    table: dict[str, set[str]] = defaultdict(set)
    for a, b, *_ in read_tsv_groups(lexicon_path("ocr_confusions.tsv").read_text("utf-8")):
        table[a].add(b)
        table[b].add(a)
    for ch, others in similar_shapes().items():
        table[ch].update(others)
    return {k: tuple(sorted(v)) for k, v in table.items()}


@lru_cache(maxsize=1)
def en_homophones() -> dict[str, tuple[str, ...]]:
    table: dict[str, set[str]] = defaultdict(set)
    for group in read_tsv_groups(lexicon_path("en_homophones.tsv").read_text("utf-8")):
        for w in group:
            table[w].update(x for x in group if x != w)
    return {k: tuple(sorted(v)) for k, v in table.items()}


@lru_cache(maxsize=1)
def keyboard_neighbours() -> dict[str, str]:
    """QWERTY key → the keys next to it on the same and adjacent rows (lower case)."""
    pos = {ch: (r, c) for r, row in enumerate(QWERTY_ROWS) for c, ch in enumerate(row)}
    out = {}
    for ch, (r, c) in pos.items():
        near = []
        for rr in (r - 1, r, r + 1):
            if 0 <= rr < len(QWERTY_ROWS):
                for cc in (c - 1, c, c + 1):
                    if 0 <= cc < len(QWERTY_ROWS[rr]) and (rr, cc) != (r, c):
                        near.append(QWERTY_ROWS[rr][cc])
        out[ch] = "".join(near)
    return out
