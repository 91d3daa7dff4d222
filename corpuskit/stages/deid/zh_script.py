"""Traditional Chinese read as Simplified for detection, with every offset unchanged.

Records from Taiwan, Hong Kong and Macau arrive in Traditional characters (ingest decodes Big5),
but jieba's dictionary, the context words (患者, 医师, 电话) and the name lexicons are Simplified:
張偉 and 45歲 would slip through. Detection therefore runs on a character-by-character t2s
conversion (OpenCC's table), which keeps the text's length, so spans found there are spans of the
original text; replacement always happens on the original. Phrase-level conversion is not used
because it may change the length; a character whose Simplified form is not one character stays.
"""

from __future__ import annotations

import threading

_lock = threading.Lock()
_converter = None
_table: dict[int, str] = {}  # code point → its one-character Simplified form, where it differs
_seen: set[str] = set()


def _opencc():
    global _converter
    if _converter is None:
        import opencc  # OpenCC's C++ library: conversion tables shipped in the wheel, no download

        _converter = opencc.OpenCC("t2s")
    return _converter


def to_simplified(text: str) -> str:
    """`text` with Traditional characters replaced by their Simplified forms; same length."""
    new = {c for c in text if c >= "\u3400"} - _seen
    if new:
        with _lock:
            conv = _opencc()
            for c in new:
                s = conv.convert(c)
                if s != c and len(s) == 1:
                    _table[ord(c)] = s
                _seen.add(c)
    return text.translate(_table) if _table else text
