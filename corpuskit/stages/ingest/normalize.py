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
_CJK_PUNCT = "".join(c for c in map(chr, range(0xFF01, 0xFF66)) if not c.isalnum())
# Characters NFKC leaves alone and never joins to a neighbour (ASCII, CJK unified ideographs,
# private use): the text can be cut before any of them and each piece normalised on its own
# with the same result. Only the pieces that start with something else need unicodedata,
# which costs ~70 ns per character on Chinese text: ~100 µs for a 1.5 KB note, most of
# normalisation, when one ideographic space makes the whole note "not normalised".
_STABLE = "\x00-\x7f\u4e00-\u9fff\ue000-\uf8ff"
_PUNCT = re.escape(_CJK_PUNCT)
# a run of other characters, with the stable character before it (a base a mark may join)
_UNSTABLE_RUN = re.compile(f"[{_STABLE}]?[^{_STABLE}]+")
# the same with the kept punctuation as stable too (never the base of a run: it must stay as is)
_UNSTABLE_RUN_KEEP = re.compile(f"[{_STABLE}]?[^{_STABLE}{_PUNCT}]+")
# full-width letters and digits → ASCII (the part of NFKC people always want)
_FULLWIDTH_ALNUM_RE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_FULLWIDTH_ALL_RE = re.compile("[\uff01-\uff5e\u3000]")


def _halfwidth(m: re.Match[str]) -> str:
    c = m.group()
    return " " if c == "\u3000" else chr(ord(c) - 0xFEE0)


# C0/C1 controls except \t and \n, plus zero-width and bidi marks that only hide things
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ufffe]")
# Whitespace other than newline and space: every character `str.isspace` (and regex `\s`) accepts.
# Tidying replaces each with a space, then each run of spaces with one: the same as one regex
# over all runs (`[^\S\n ][^\S\n]*| [^\S\n]+`), whose scan of every character cost ~25 µs per
# 1.5 KB note; `in` and `replace` per character kind run at memchr speed.
OTHER_SPACES = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + ("\u2028\u2029\u202f\u205f\u3000")
)
_SPACE_RUN_RE = re.compile(" {2,}")
_BLANKS_RE = re.compile(r"\n{3,}")


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")


def _nfkc(m: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", m.group())


def unicode_normalize(text: str, form: str, keep_cjk_punctuation: bool) -> str:
    """`unicodedata.normalize(form, text)`, NFKC only where it can change something, and with
    Chinese full-width punctuation kept when asked."""
    if form == "none" or unicodedata.is_normalized(form, text):
        return text
    if form != "NFKC":
        return unicodedata.normalize(form, text)
    return (_UNSTABLE_RUN_KEEP if keep_cjk_punctuation else _UNSTABLE_RUN).sub(_nfkc, text)


def tidy_spaces(text: str) -> str:
    """Each run of whitespace within a line (tabs, NBSP, ideographic space, several spaces) → one space."""
    for c in OTHER_SPACES:
        if c in text:
            text = text.replace(c, " ")
    return _SPACE_RUN_RE.sub(" ", text) if "  " in text else text


def normalize_text(text: str, params: NormalizeParams) -> str:
    """Apply the configured normalisation. Newlines are always normalised to `\\n`."""
    text = normalize_newlines(text)
    text = unicode_normalize(text, params.unicode_form, params.keep_cjk_punctuation)
    if params.fullwidth_to_halfwidth:
        text = (_FULLWIDTH_ALNUM_RE if params.keep_cjk_punctuation else _FULLWIDTH_ALL_RE).sub(
            _halfwidth, text
        )
    if params.strip_control:
        text = _CONTROL_RE.sub("", text)
    if params.tidy_whitespace:
        text = tidy_spaces(text)
        if " \n" in text or "\n " in text:  # else only the text's own ends, which strip() below takes
            text = "\n".join(line.strip(" ") for line in text.split("\n"))
        if "\n\n\n" in text:
            text = _BLANKS_RE.sub("\n\n", text)
        text = text.strip()
    return text
