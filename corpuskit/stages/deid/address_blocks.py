"""The lines around a street address are the rest of it: town, region, country, postcode, addressee.

Letters, discharge summaries and customer records write an address as a block:

    0104 Hafnarstraeti 5
    Suite 179
    Akureyri
    Iceland 80296

The street recognizers find the first lines; a town alone on a line (Akureyri, TRONDHEIM)
has nothing a pattern or the small NER model can hold on to. Here the lines right under
an ADDRESS span, up to a blank line, that read like address lines (a few capitalised
words, numbers, postcodes; no sentence, no field label) become LOCATION (words only) or
ADDRESS (with a number), as does a town after a comma ending the street's line. A house number just before the street ("935 69 Gordon Terrace")
joins it, and up to two word-only lines right above a street line (a letter head's
addressee and company) become ORGANIZATION. Only text no other detection covers is added.
"""

from __future__ import annotations

import regex

from corpuskit.stages.deid.postprocess import CLINICAL_DENY, Detection, overlaps_none
from corpuskit.stages.deid.propagate import common_words

RECOGNIZER = "AddressBlock"
SCORE = 0.55
MAX_LINES = 3
# a word of a place name, a number or postcode ("53-320", "SW1A 1AA" in two tokens), or a particle
# inside a name ("Chiclana de la Frontera", "Stratford upon Avon")
_TOKEN = (
    r"(?:\p{Lu}[\p{L}'’.-]*|\d[\d-]*\p{Lu}{0,2}|\p{Lu}{1,2}\d[\dA-Z]{0,2}|"
    r"(?:de|la|del|della|di|da|do|dos|du|des|van|von|der|den|y|of|upon|le|am|im)(?=[ \t]+\p{Lu}))"
)
_ADDRESS_LINE = regex.compile(r"[ \t>]*(" + _TOKEN + r"(?:,?[ \t]+" + _TOKEN + r"){0,5}),?[ \t]*")
# a house number in front of the street number a pattern found: the whole run is the address
_NUMBER_BEFORE = regex.compile(r"(?<![\w.,/-])\d{1,6}[A-Za-z]?([ \t]+)$")
_TOWN_AFTER = regex.compile(
    r",[ \t]*("
    + _TOKEN
    + r"(?:[ \t]+"
    + _TOKEN
    + r"){0,3})(?=[ \t]*(?:[.;]?[ \t]*\n|[.;]?[ \t]*$|[.;][ \t]))"
)
_LINE_REST = regex.compile(r"[ \t,.]*(?:\n|$)")


def _free_pieces(start: int, end: int, kept: list[Detection], text: str) -> list[tuple[int, int]]:
    """[start, end) minus the kept spans, trimmed, each piece holding a letter or digit."""
    pieces, pos = [], start
    for d in sorted(kept, key=lambda d: d.start):
        if d.end <= pos or d.start >= end:
            continue
        pieces.append((pos, d.start))
        pos = max(pos, d.end)
    pieces.append((pos, end))
    out = []
    for s, e in pieces:
        while s < e and not text[s].isalnum():
            s += 1
        while e > s and not text[e - 1].isalnum():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _reads_as_address(line: str) -> bool:
    m = _ADDRESS_LINE.fullmatch(line)
    if not m:
        return False
    value = m.group(1)
    common = common_words()
    words = regex.findall(r"\p{L}[\p{L}'’.-]*", value)
    # a heading or a sentence start under the address ("CHIEF COMPLAINT", "The patient")
    return value.lower() not in CLINICAL_DENY and not any(w.rstrip(".").capitalize() in common for w in words)


def extend_address_blocks(text: str, kept: list[Detection]) -> list[Detection]:
    """`kept` plus the rest of each street address's block: a house number just before it ("935 69
    Gordon Terrace"), the town/country/postcode lines under it, and the name and company lines of a
    letter head right above it; sorted by start."""
    added: list[Detection] = []
    for d in kept:
        if d.label != "ADDRESS":
            continue
        m = _NUMBER_BEFORE.search(text, max(0, d.start - 12), d.start)
        if m and overlaps_none(m.start(), m.end(), kept + added):
            added.append(Detection(m.start(), m.end() - len(m.group(1)), "ADDRESS", SCORE, RECOGNIZER))
        street_end = d.end
        tail = _TOWN_AFTER.match(text, d.end)
        if tail and _reads_as_address(tail.group(1)):
            # "5049 Harjukuja 54, SEINÄJOKI": the town after a comma, ending the line or sentence
            start, end = tail.start(1), tail.start(1) + len(tail.group(1).rstrip("."))
            if overlaps_none(start, end, kept + added):
                added.append(Detection(start, end, "LOCATION", SCORE, RECOGNIZER))
            street_end = tail.end()
        if _LINE_REST.match(text, street_end):
            added.extend(_lines_below(text, street_end, kept + added))
        line_start = text.rfind("\n", 0, d.start) + 1
        if not text[line_start : d.start].strip(" \t>"):
            added.extend(_lines_above(text, line_start, kept + added))
    return sorted(kept + added, key=lambda d: d.start)


def _lines_below(text: str, end: int, taken: list[Detection]) -> list[Detection]:
    out: list[Detection] = []
    line_start = text.find("\n", end)
    for _ in range(MAX_LINES):
        if line_start < 0:
            break
        line_start += 1
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end]
        if not line.strip() or not _reads_as_address(line):
            break
        for s, e in _free_pieces(line_start, line_end, taken + out, text):
            # "Akureyri", "Iceland": a place (its surrogate is a town); "Iceland 80296": an address
            label = "ADDRESS" if any(c.isdigit() for c in text[s:e]) else "LOCATION"
            out.append(Detection(s, e, label, SCORE, RECOGNIZER))
        line_start = line_end if line_end < len(text) else -1
    return out


def _lines_above(text: str, line_start: int, taken: list[Detection]) -> list[Detection]:
    """A letter head: "Mijail C Adomo⏎Asc Partners⏎935 69 Gordon Terrace". Up to two lines right above
    the street line, words only, not a heading in capitals ("DISCHARGE INSTRUCTIONS"); what no other
    detection covers there is the addressee's organisation (or a name no recognizer knew)."""
    out: list[Detection] = []
    for _ in range(2):
        if line_start == 0:
            break
        prev_start = text.rfind("\n", 0, line_start - 1) + 1
        line = text[prev_start : line_start - 1]
        words = line.strip(" \t>").split()
        if (
            not words
            or any(c.isdigit() for c in line)
            or (len(words) > 1 and line.isupper())
            or not _reads_as_address(line)
        ):
            break
        for s, e in _free_pieces(prev_start, line_start - 1, taken + out, text):
            out.append(Detection(s, e, "ORGANIZATION", SCORE, RECOGNIZER))
        line_start = prev_start
    return out
