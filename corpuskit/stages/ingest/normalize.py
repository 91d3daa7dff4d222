"""Configurable text normalisation: newlines, Unicode form, full-width forms, control chars, whitespace.

Runs on every document before language detection, segmentation and dedup, so
all of them see the same text. The raw bytes stay addressable through
`source.sha256`.
"""

from __future__ import annotations

import re
import unicodedata

from corpuskit.stages.ingest.config import NormalizeParams

# Full-width punctuation a Chinese writer means (，：；（）！？ etc.); NFKC would make them ASCII.
_CJK_PUNCT = [c for c in map(chr, range(0xFF01, 0xFF66)) if not c.isalnum()]
_PROTECT = {ord(c): 0xE000 + i for i, c in enumerate(_CJK_PUNCT)}
_UNPROTECT = {v: ord(k) for k, v in ((c, 0xE000 + i) for i, c in enumerate(_CJK_PUNCT))}
# full-width letters and digits → ASCII (the part of NFKC people always want)
_FULLWIDTH_ALNUM = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp).isalnum()}
_FULLWIDTH_ALL = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
# C0/C1 controls except \t and \n, plus zero-width and bidi marks that only hide things
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ufffe]")
_HSPACE_RE = re.compile(r"[^\S\n]+")  # any whitespace except newline (tabs, NBSP, ideographic space)
_TRAILING_RE = re.compile(r" +\n")
_BLANKS_RE = re.compile(r"\n{3,}")


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")


def normalize_text(text: str, params: NormalizeParams) -> str:
    """Apply the configured normalisation. Newlines are always normalised to `\\n`."""
    text = normalize_newlines(text)
    if params.unicode_form != "none":
        if params.keep_cjk_punctuation and params.unicode_form == "NFKC":
            text = unicodedata.normalize("NFKC", text.translate(_PROTECT)).translate(_UNPROTECT)
        else:
            text = unicodedata.normalize(params.unicode_form, text)
    if params.fullwidth_to_halfwidth:
        text = text.translate(_FULLWIDTH_ALNUM if params.keep_cjk_punctuation else _FULLWIDTH_ALL)
    if params.strip_control:
        text = _CONTROL_RE.sub("", text)
    if params.tidy_whitespace:
        text = _HSPACE_RE.sub(" ", text)
        text = _TRAILING_RE.sub("\n", text)
        text = "\n".join(line.lstrip(" ") if line.startswith(" ") else line for line in text.split("\n"))
        text = _BLANKS_RE.sub("\n\n", text).strip()
    return text
