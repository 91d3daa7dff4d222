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
# They are swapped for private-use characters around NFKC and back. re.sub over the few matches
# is ~10× faster than str.translate over a whole CJK text.
_CJK_PUNCT = "".join(c for c in map(chr, range(0xFF01, 0xFF66)) if not c.isalnum())
_PROTECT = {c: chr(0xE000 + i) for i, c in enumerate(_CJK_PUNCT)}
_UNPROTECT = {v: k for k, v in _PROTECT.items()}
_PROTECT_RE = re.compile("[" + re.escape(_CJK_PUNCT) + "]")
_UNPROTECT_RE = re.compile("[\ue000-\ue0ff]")
# full-width letters and digits → ASCII (the part of NFKC people always want)
_FULLWIDTH_ALNUM_RE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_FULLWIDTH_ALL_RE = re.compile("[\uff01-\uff5e\u3000]")


def _halfwidth(m: re.Match[str]) -> str:
    c = m.group()
    return " " if c == "\u3000" else chr(ord(c) - 0xFEE0)


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
    if params.unicode_form != "none" and not unicodedata.is_normalized(params.unicode_form, text):
        if params.keep_cjk_punctuation and params.unicode_form == "NFKC":
            protected = _PROTECT_RE.sub(lambda m: _PROTECT[m.group()], text)
            text = _UNPROTECT_RE.sub(
                lambda m: _UNPROTECT.get(m.group(), m.group()), unicodedata.normalize("NFKC", protected)
            )
        else:
            text = unicodedata.normalize(params.unicode_form, text)
    if params.fullwidth_to_halfwidth:
        text = (_FULLWIDTH_ALNUM_RE if params.keep_cjk_punctuation else _FULLWIDTH_ALL_RE).sub(
            _halfwidth, text
        )
    if params.strip_control:
        text = _CONTROL_RE.sub("", text)
    if params.tidy_whitespace:
        text = _HSPACE_RE.sub(" ", text)
        text = _TRAILING_RE.sub("\n", text)
        text = "\n".join(line.lstrip(" ") if line.startswith(" ") else line for line in text.split("\n"))
        text = _BLANKS_RE.sub("\n\n", text).strip()
    return text
