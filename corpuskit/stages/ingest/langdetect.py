"""zh/en detection by script: Han characters against Latin words.

A Han character and an English word each count one unit (a Chinese word is
1–2 characters, so this slightly favours Chinese, which is what mixed clinical
notes full of Latin abbreviations need). The dominant side wins; a document is
`mixed` when the minority side has at least `threshold` of the units.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Han code point ranges: CJK extension A, unified ideographs, compatibility ideographs, planes 2+
_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2EBEF))


def script_counts(text: str) -> tuple[int, int]:
    """(Han characters, runs of two or more ASCII letters) of one text."""
    han, words = script_counts_many([text])
    return int(han[0]), int(words[0])


def script_counts_many(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """`script_counts` of many texts, counted over the code points of all of them joined by "\n"
    (neither Han nor a letter, so no run crosses from one text into the next): a handful of numpy
    calls per batch instead of per text, and a third of what two regex `findall`s cost."""
    joined = "\n".join(texts)
    cp = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    han_mask = np.zeros(len(cp), dtype=bool)
    for lo, hi in _HAN_RANGES:
        han_mask |= (cp >= lo) & (cp <= hi)
    folded = cp | 32  # A-Z → a-z; nothing else lands in a-z
    letter = (folded >= 0x61) & (folded <= 0x7A)
    run_start = np.zeros(len(cp), dtype=bool)
    if len(cp) >= 2:
        run_start[:-1] = letter[:-1] & letter[1:]  # a letter followed by a letter ...
        run_start[1:-1] &= ~letter[:-2]  # ... that does not continue a run
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    starts = np.concatenate(([0], np.cumsum(lengths + 1)[:-1]))
    ends = starts + lengths

    def per_text(mask: np.ndarray) -> np.ndarray:
        total = np.concatenate(([0], np.cumsum(mask, dtype=np.int64)))
        return total[ends] - total[starts]

    return per_text(han_mask), per_text(run_start)


@dataclass(frozen=True)
class LangGuess:
    lang: str | None  # None when the text has neither script (numbers only)
    zh_share: float
    mixed: bool


def detect_lang(text: str, threshold: float = 0.2, sample: int = 20000) -> LangGuess:
    return detect_langs([text], threshold, sample)[0]


def detect_langs(texts: list[str], threshold: float = 0.2, sample: int = 20000) -> list[LangGuess]:
    """`detect_lang` of many texts, counted in one pass (see `script_counts_many`)."""
    hans, words = script_counts_many([t[:sample] for t in texts])
    return [_guess(int(h), int(w), threshold) for h, w in zip(hans, words)]


def _guess(han: int, words: int, threshold: float) -> LangGuess:
    total = han + words
    if total == 0:
        return LangGuess(None, 0.0, False)
    share = han / total
    lang = "zh" if han >= words else "en"
    minority = min(share, 1 - share)
    return LangGuess(lang, round(share, 3), minority >= threshold)
