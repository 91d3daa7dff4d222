"""zh/en detection by script: Han characters against Latin words.

A Han character and an English word each count one unit (a Chinese word is
1–2 characters, so this slightly favours Chinese, which is what mixed clinical
notes full of Latin abbreviations need). The dominant side wins; a document is
`mixed` when the minority side has at least `threshold` of the units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@dataclass(frozen=True)
class LangGuess:
    lang: str | None  # None when the text has neither script (numbers only)
    zh_share: float
    mixed: bool


def detect_lang(text: str, threshold: float = 0.2, sample: int = 20000) -> LangGuess:
    head = text[:sample]
    han = len(_HAN.findall(head))
    words = len(_LATIN_WORD.findall(head))
    total = han + words
    if total == 0:
        return LangGuess(None, 0.0, False)
    share = han / total
    lang = "zh" if han >= words else "en"
    minority = min(share, 1 - share)
    return LangGuess(lang, round(share, 3), minority >= threshold)
