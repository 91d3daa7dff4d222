"""A name found once is a name everywhere in its document, and so are the names listed beside it.

Clinical notes name a person in full once ("Mr. John Ulrich", "患者王建国") and then bare
("Ulrich tolerated the procedure", "建国…王建国诉"); the NER model and the context patterns
catch the labelled mention and often not the rest. De-identification systems since the i2b2
challenges carry a found name through its document; corpuskit does it after overlaps are
resolved, adding only spans that touch no other detection.

Lists work the same way: in "Drs. Smith, Jones and Patel" or "founders: Morrison, Rogers and
Torres" one recognised item (or every item a known name) makes the whole list names.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

import regex

from corpuskit.stages.deid.english_words import common_word
from corpuskit.stages.deid.postprocess import CLINICAL_DENY, NER_RECOGNIZERS, Detection, overlaps_none
from corpuskit.stages.deid.recognizers.base import NAME_WORD
from corpuskit.stages.deid.recognizers.en_names import COMMON_LOWER, lexicons

RECOGNIZER = "NamePropagation"
PROPAGATED_SCORE = 0.6
# a weak pattern's guess is not carried: one wrong "PERSON" would spread (NER guesses: see _is_source)
MIN_SOURCE_SCORE = 0.5
_HAN_NAME = regex.compile(r"^\p{Han}{2,4}$")
_LATIN_WORD = regex.compile(NAME_WORD)
# a name in a note typed in capitals: "SON JOHN IN TO VISIT … JOHN STATES"
_CAPS_WORD = regex.compile(r"(?<![\p{L}'’])\p{Lu}{2}[\p{Lu}'’-]*(?![\p{L}])")
_POSSESSIVE = regex.compile(r"['’]s$")
# a name in a note typed in lower case: "daughters sarah and margie … margie from Middle River"
_LOWER_WORD = regex.compile(r"(?<![\p{L}'’-])\p{Ll}{4,}(?![\p{L}'’-])")
# one word per item: a capitalised word just before or after ("Chris Hernandez, and Chief Financial
# Officer") means the items are longer phrases, not a list of names
_LIST = regex.compile(
    r"(?<![\p{L}\p{N}.]|\p{Lu}\p{L}*[ \t]+)"
    + NAME_WORD
    + r"(?:,[ \t]+"
    + NAME_WORD
    + r")*,?[ \t]+(?:and|&)[ \t]+"
    + NAME_WORD
    + r"(?![\p{L}\p{N}]|[ \t]+\p{Lu})"
)
_HONORIFICS = frozenset("Mr Mrs Ms Miss Dr Drs Prof Sir Madam Mister Doctor Patient Nurse".split())


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Capitalised words that are sentence starts, months or clinical terms, never carried alone."""
    months = (
        "January February March April May June July August September October November December "
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
    ).split()
    words = {w.capitalize() for w in COMMON_LOWER} | set(months) | _HONORIFICS
    return frozenset(words | {w.capitalize() for w in CLINICAL_DENY if " " not in w})


def _is_source(text: str, d: Detection) -> bool:
    """A name sure enough to spread: a pattern's (score ≥ 0.5), or the NER model's when it reads as a
    full name — a known first name first or a known surname last. The model tags a contract's defined
    terms PERSON ("each Subsidiary", "such Equipment Advance"); spread, one guess would become dozens."""
    if d.label != "PERSON" or d.score < MIN_SOURCE_SCORE:
        return False
    if d.recognizer not in NER_RECOGNIZERS:
        return True
    words = text[d.start : d.end].split()
    first, last = lexicons()
    return len(words) > 1 and (words[0] in first or _POSSESSIVE.sub("", words[-1]) in last)


def _needles(text: str, sources: list[Detection]) -> tuple[set[str], set[str]]:
    """What to look for: whole names (Han names, Latin names of several words), and Latin name words."""
    common = common_words()
    whole: set[str] = set()
    words: set[str] = set()
    for d in sources:
        value = text[d.start : d.end].strip()
        if _HAN_NAME.match(value):
            whole.add(value)
            continue
        parts = [w for w in _LATIN_WORD.findall(value) if len(w) >= 3 and w not in common]
        parts += [w for w in _CAPS_WORD.findall(value) if len(w) >= 3 and _caps_name(w, common)]
        if value.islower():  # no word of the dictionaries, which a lower-case note writes as often
            parts += [w for w in _LOWER_WORD.findall(value) if w not in COMMON_LOWER and not common_word(w)]
        words.update(parts)
        if len(parts) > 1:
            whole.add(value)
    return whole, words


def _caps_name(word: str, common: frozenset[str]) -> bool:
    """A word of a name found in capitals that may be carried: a known first name (JOHN), or a known surname
    that is no ordinary word — capitals hide what case would tell ('E/D FAIR', 'PICC PLACEMENT')."""
    name = word.capitalize()
    if name in common:
        return False
    first, last = lexicons()
    return name in first or (name in last and not common_word(word.lower()))


def _word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and text[i].isalnum()


def _mentions(text: str, whole: set[str], words: set[str]) -> list[tuple[int, int]]:
    """Where the names occur: whole names first, longest first, then single words outside them.
    Latin names need word edges (Lee is not in Leeds); Han text has none to need."""
    spans: list[tuple[int, int]] = []
    for name in sorted(whole, key=len, reverse=True):
        han = bool(_HAN_NAME.match(name))
        i = text.find(name)
        while i >= 0:
            end = i + len(name)
            if (han or not (_word_char(text, i - 1) or _word_char(text, end))) and _free_span(i, end, spans):
                spans.append((i, end))
            i = text.find(name, i + 1)
    if words:
        # one scan over the text's capitalised words: compiling a pattern of this document's names
        # would cost more than the scan (~2 ms against ~0.1 ms for a 3 KB note)
        scans = [_LATIN_WORD.finditer(text)]
        if any(w.isupper() for w in words):
            scans.append(_CAPS_WORD.finditer(text))
        if any(w.islower() for w in words):
            scans.append(_LOWER_WORD.finditer(text))
        for m in itertools.chain(*scans):
            s, e = m.span()
            if (
                m.group() in words
                and not (_word_char(text, s - 1) or _word_char(text, e))
                and _free_span(s, e, spans)
            ):
                spans.append((s, e))
    return spans


def _free_span(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return all(end <= s or start >= e for s, e in spans)


def propagate_names(text: str, kept: list[Detection]) -> list[Detection]:
    """`kept` (non-overlapping) plus PERSON spans for the other mentions of its names; sorted by start."""
    sources = [d for d in kept if _is_source(text, d)]
    added: list[Detection] = []
    if sources:
        # the NER model's "Ulrich" (ORGANIZATION) is the person found elsewhere: relabel, so the
        # surrogate and the placeholder number are the person's
        ner_guess = {(d.start, d.end): i for i, d in enumerate(kept) if d.recognizer in NER_RECOGNIZERS}
        kept = list(kept)
        covered: list[tuple[int, int]] = []  # mentions over other detections, widened after the loop:
        # widening reorders `kept`, and `ner_guess` holds indices into it
        for start, end in _mentions(text, *_needles(text, sources)):
            i = ner_guess.get((start, end))
            if i is not None and kept[i].label in ("ORGANIZATION", "LOCATION"):
                d = kept[i]
                kept[i] = Detection(d.start, d.end, "PERSON", d.score, d.recognizer)
            elif overlaps_none(start, end, kept):
                added.append(Detection(start, end, "PERSON", PROPAGATED_SCORE, RECOGNIZER))
            else:
                covered.append((start, end))
        for start, end in covered:
            kept = _widen_cut_names(kept, start, end)
    kept = kept + added
    kept = kept + _place_mentions(text, kept)
    return sorted(kept + _listed_names(text, kept), key=lambda d: d.start)


_WARD = regex.compile(r"(\p{L}{5,})[ \t]*\d{1,2}[A-Z]?")
# the patterns that find where a patient was (a contract's defined terms, "Lenders", stay where found)
_PLACE_RECOGNIZERS = frozenset({"HealthcareFacilityRecognizer", "ResidencePlaceRecognizer"})


def _place_mentions(text: str, kept: list[Detection]) -> list[Detection]:
    """The other mentions of a hospital, ward or town a pattern found once ('SENT TO QUARTERMAIN 2' …
    'ON QUARTERMAIN 2', 'to GH' … 'GH EW'). Only these patterns' finds travel: the NER model's guesses
    and ordinary words stay where they were found. Case is kept for short names (GH), ignored from five
    characters on."""
    sources = {
        text[d.start : d.end]
        for d in kept
        if d.recognizer in _PLACE_RECOGNIZERS
        and d.score >= MIN_SOURCE_SCORE
        and _place_source(text[d.start : d.end])
    }
    labels = {text[d.start : d.end]: d.label for d in kept if text[d.start : d.end] in sources}
    for value in list(sources):  # a ward names its building: 'QUARTERMAIN 2' … 'F-MICU/QUARTERMAIN/CCU'
        ward = _WARD.fullmatch(value)
        if ward and not common_word(ward.group(1)):
            sources.add(ward.group(1))
            labels[ward.group(1)] = labels[value]
    out: list[Detection] = []
    for value in sorted(sources, key=len, reverse=True):
        pattern = regex.compile(
            r"(?<![\p{L}\p{N}])" + regex.escape(value) + r"(?![\p{L}\p{N}])",
            regex.IGNORECASE if len(value) >= 5 else 0,
        )
        for m in pattern.finditer(text):
            if overlaps_none(m.start(), m.end(), kept) and overlaps_none(m.start(), m.end(), out):
                out.append(Detection(m.start(), m.end(), labels[value], PROPAGATED_SCORE, RECOGNIZER))
    return out


def _place_source(value: str) -> bool:
    """A found place worth carrying: an acronym in capitals (GH, BMC) or a name of four or more
    characters that is not all ordinary words."""
    words = regex.findall(r"\p{L}+", value)
    if not words:
        return False
    if len(words) == 1 and value.isupper() and value.isalpha():
        return len(value) >= 2
    return len(value) >= 4 and not all(common_word(w) for w in words)


def _widen_cut_names(kept: list[Detection], start: int, end: int) -> list[Detection]:
    """A mention of a found name that holds only shorter PERSON spans becomes the whole name: jieba cut
    向上/官婉清, so 官婉清 was found here and 上官婉清 elsewhere; the placeholder must cover 上 too."""
    inside = [d for d in kept if d.start < end and start < d.end]
    if not inside or any(
        d.label != "PERSON" or d.start < start or d.end > end or (d.start, d.end) == (start, end)
        for d in inside
    ):
        return kept
    widened = Detection(start, end, "PERSON", max(d.score for d in inside), inside[0].recognizer)
    return [d for d in kept if d not in inside] + [widened]


def _listed_names(text: str, kept: list[Detection]) -> list[Detection]:
    """Items of a one-word-per-item list with a recognised name in it, or made of known names only."""
    first, last = lexicons()
    common = common_words()
    out: list[Detection] = []
    for m in _LIST.finditer(text):
        items = [(w.start(), w.end()) for w in _LATIN_WORD.finditer(text, m.start(), m.end())]
        words = [text[s:e] for s, e in items]
        if any(w in common for w in words):
            continue  # "Monday, Tuesday and Friday", "Patient and Family"
        named = any(d.label == "PERSON" and d.start < e and s < d.end for s, e in items for d in kept)
        if named or all(w in first or w in last for w in words):
            out.extend(
                Detection(s, e, "PERSON", PROPAGATED_SCORE, RECOGNIZER)
                for s, e in items
                if overlaps_none(s, e, kept)
            )
    return out
