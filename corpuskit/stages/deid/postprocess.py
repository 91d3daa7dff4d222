"""From Presidio results to final spans: canonical labels, clinical deny-lists, one label per character.

spaCy's small English model tags field labels ("DOB", "MRN") as organisations,
durations ("3 days", "daily") as dates and ECG findings ("ST changes") as
entities; these filters apply to NER output only — pattern recognizers are
trusted to have their own checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import regex
from spacy.lang.en.stop_words import STOP_WORDS

from corpuskit.stages.deid.english_words import (
    common_word,
    deletions,
    listed_word,
    near_drug,
    one_edit_from,
    ordinary_word,
    region_names,
)
from corpuskit.stages.deid.labels import canonical

NER_RECOGNIZERS = frozenset({"SpacyRecognizer"})

CLINICAL_DENY = frozenset(
    line.strip().lower()
    for line in (Path(__file__).with_name("clinical_deny.txt")).read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)
# single words shaped like drugs, findings and procedures (Lisinopril, Polyuria, Creatinine)
_CLINICAL_WORD = regex.compile(
    r"(?i)^[a-z]+(?:pril|statin|olol|sartan|formin|mab|nib|cillin|mycin|cycline|oxacin|azole|prazole|dipine|tidine|"
    r"parin|zepam|azepam|triptan|profen|oxone|sone|olone|afil|gliptin|glutide|flozin|vir|uria|emia|itis|osis|"
    r"ectomy|otomy|ostomy|plasty|scopy|graphy|algia|pathy|penia|cytosis|inine|amine|ase|ide|ate)$"
)
# a month's name or the start of it ('Oct', 'Janu', 'Sept'), not any word that starts like one ('24 CM
# MARK', 'decreased', 'augment')
_MONTH_NAMES = "january february march april may june july august september october november december".split()
_MONTHS = regex.compile(
    r"(?i)\b(?:"
    + "|".join(sorted({m[:n] for m in _MONTH_NAMES for n in range(3, len(m) + 1)}, key=len, reverse=True))
    + r")\b"
)
_DURATION = regex.compile(
    r"(?i)^(?:the\s+)?(?:(?:past|last|next|previous|following|first|second|third|few|several|many|\d+(?:\.\d+)?|"
    r"a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d+\s*-\s*\d+|\d+\s+to\s+\d+|(?:\d+\s+)?1/2|"
    r"over|about|approx\.?|~)\s+)*"
    r"(?:more\s+)?(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|mos?|years?|yrs?|decades?)"
    r"(?:\s+(?:ago|old|later|earlier|prior|before|after))?$"
)


@dataclass(frozen=True)
class Detection:
    """One identifier found in a text: code-point offsets, canonical label, score, recognizer name."""

    start: int
    end: int
    label: str
    score: float
    recognizer: str

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "label": self.label, "score": round(self.score, 4)}


def overlaps_none(start: int, end: int, detections: list[Detection]) -> bool:
    """True when [start, end) touches none of `detections`."""
    return all(end <= d.start or start >= d.end for d in detections)


# what a number must look like to be a date in NER output: month/day with a real month and day (not a
# blood pressure 119/50, nor a range 25-27 or a decimal 4.1, which nursing notes are full of), a
# three-part date, or an ordinal day
_NUMERIC_DATE = regex.compile(
    r"(?<![\d/.-])(?:"
    r"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?![\d.]|/\d{3})"  # 7/22
    # three parts with one separator twice, not a blood gas (90/30/7.36/18: another part follows)
    r"|(?:0?[1-9]|1[0-2])([/.-])(?:0?[1-9]|[12]\d|3[01])\1(?:\d{4}|\d{2})(?![\d/.%])"  # 7/22/2014, not 12/10/40%
    r"|(?:0?[1-9]|[12]\d|3[01])([/.])(?:0?[1-9]|1[0-2])\2(?:\d{4}|\d{2})(?![\d/.])"  # 22.7.2014
    r"|(?:19|20)\d{2}([/.-])(?:0?[1-9]|1[0-2])\3(?:0?[1-9]|[12]\d|3[01])(?![\d/.])"  # 2014-07-22
    r")|\d{1,2}(?:st|nd|rd|th)\b"
)


_ORDINAL = regex.compile(r"\d{1,2}(?:st|nd|rd|th)")
_THE_ORDINAL = regex.compile(r"(?i)\bthe\s+\d")
_MEASURE = regex.compile(r"\d\s*(?:mg|mcg|g|kg|ml|mL|L|cc|mmHg|mmol|%|/|bpm|cm|mm)\b|/\d|%")


def _known_region(value: str) -> bool:
    return _LEADING_THE.sub("", value).strip().lower() in region_names()


_STOPPED = regex.compile(r"(?i)\b(?:d/?c['’]?e?d|dc['’]?ed)\b")
_SIDES = frozenset("l r lt rt left right bil bilat".split())
_SOAP_HEADING = regex.compile(r"[SOAPR][-:][ \t]*\p{L}")
_CREDENTIAL_THEN_LOWER = regex.compile(r"(?:MD|RN|NP|PA|DO|RRT|LPN)[ \t]+\p{Ll}+")
_SCHEDULE = regex.compile(r"\d{1,2}(?:/\d{1,2}){3,}")
_SLASHED_DIGITS = frozenset("0123456789/")


def _in_schedule(text: str, start: int, end: int) -> bool:
    """The span lies in a run of four or more slashed hours an equal step apart ('24/06/12/18', every six
    hours): a dosing schedule, no date ('treatments 10/03/10/04' are two dates run together)."""
    while start > 0 and text[start - 1] in _SLASHED_DIGITS:
        start -= 1
    while end < len(text) and text[end] in _SLASHED_DIGITS:
        end += 1
    if _SCHEDULE.fullmatch(text, start, end) is None:
        return False
    hours = [int(h) for h in text[start:end].split("/")]
    steps = {(b - a) % 24 for a, b in zip(hours, hours[1:])}
    return max(hours) <= 24 and len(steps) == 1 and 0 not in steps


# a blood gas or lab series after a slash: '80/48/7.45.34.7' is no IP address
_AFTER_NUMBER_SLASH = regex.compile(r"\d/")
# spaCy calls long bare numbers DATE; they are rarely dates but often identifiers (ZIP, card, account)
# ten or more digits with only phone punctuation between them: not a blood gas, 191/31/7.40/20
_PHONE_SHAPE = regex.compile(r"\+?\s*[\d(](?:[\d\s().-]*\d){9,}")
# five digits or more: not a range, 55-58, nor one of three-digit values, 'sbp 88-106'
_LONG_NUMBER = regex.compile(r"(?=(?:\D*\d){5})(?!\d{1,3}[ ]?-[ ]?\d{1,3}$)\d[\d -]{3,}\d")
_YEAR = regex.compile(r"\b(?:19|20)\d{2}\b")
_REPORT_HEADING = regex.compile(
    r"(?i)^(?:management['’]s\s+discussion\s+and\s+analysis|quantitative\s+and\s+qualitative\s+disclosures)\b"
)
_LEADING_THE = regex.compile(r"(?i)^the\s+")
_QUOTES = regex.compile(r"[()'\"’]")
_LAYOUT = regex.compile(r"[\n\t|;]+|:\s| {2,}")
_LAYOUT_GAP = regex.compile(r"[\n\t]| {2,}")


def ner_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """An NER span cut at line breaks, tabs, runs of spaces and field separators ("Labs/Imaging: Alk" → two pieces).

    The small model often runs an entity across layout; the pieces are judged one by one
    so a real name on the next line survives while the field label does not.
    """
    out, pos = [], start
    for m in _LAYOUT.finditer(text, start, end):
        out.append(trim(text, pos, m.start()))
        pos = m.end()
    out.append(trim(text, pos, end))
    return [(s, e) for s, e in out if e > s]


# the first four or more letters of each listed word: how a note shortens a drug (Levo, Ceftaz, Vanco)
_DENY_PREFIXES = frozenset(w[:n] for w in CLINICAL_DENY if " " not in w for n in range(4, len(w)))

# what makes an all-capitals span a real organisation or place when NER finds it in capitals
_KIND_WORD = regex.compile(
    r"\b(?:HOSPITAL|MEDICAL|CENTER|CENTRE|CLINIC|HEALTH(?:CARE)?|UNIVERSITY|COLLEGE|SCHOOL|BANK|LLC|CORP|COMPANY|"
    r"GROUP|NURSING HOME|REHAB|REHABILITATION|INSTITUTE|FOUNDATION|ASSOCIATES|PARTNERS|COUNTY|CITY|AUTHORITY|"
    r"VENTURES?|LENDING|CAPITAL|HOLDINGS|TRUST|FUND|COMMISSION|DEPARTMENT|AGENCY|BOARD|L\.?P)\b"
    r"|,\s*INC\b|\bINC\."  # INC only as a legal form: in a note 'WITH INC LFT'S' is increased
)


# the review-of-systems prefix a nurse writes before a finding: 'GU-foley', 'CV-Hypotensive', 'Resp:'
_SYSTEM_HEADING = regex.compile(
    r"(?i)^(?:CV|GU|GI|ID|RESP|NEURO|HEME|SKIN|ENDO|MS|PULM|CARDIAC|RENAL|PSYCH|SOCIAL|ACCESS|ACTIVITY)\s*[-:]"
)


# shorthand only clinical notes use; three different ones make a text a note
_NOTE_SHORTHAND = regex.compile(
    r"(?i)(?<![\p{L}/])(?:pt|s/p|c/o|mg|mcg|bp|hr|prn|po|npo|sob|abd|cxr|ekg|inr|ptt|hct|wbc|gtts?|foley|afebrile|"
    r"sbp|ivf?|prbcs?|u/o|d/c'?d|w/|intubated|extubated|trach|micu|sicu|ccu|csru|sats?|"
    r"meds|vss|nad|cta|rrr|bid|tid|qhs|"
    # a respiratory therapist's note: 'Pt cont on mech vent as per flowsheet. MDI given. ABG's adequate.'
    r"abgs?|peep|fio2|ett|mdis?|sxn|ogt|ngt|cvp|pcwp|psv|simv|cpap|bipap|neb|flowsheet|vent|mech|suct|"
    r"icu|o2|rn|dsg|drsg|uo|carevue|careview)(?![\p{L}/])"
)


_LETTERS_AND_DIGITS = regex.compile(r"(?!\d+(?:st|nd|rd|th)\b)(?=\S*\d)(?=\S*[A-Za-z])\S+")  # not '4th'


def clinical_note(text: str) -> bool:
    return len({m.group().lower() for m in _NOTE_SHORTHAND.finditer(text[:5000])}) >= 3


# a clause, not a name: 'HAVE HOME HEALTH AID', 'WILL NEED REHAB'
_CLAUSE_OPENER = regex.compile(r"(?i)(?:have|has|will|needs?|get|got|with|for|to|and|or|the|a|an)\b")


def shouting(text: str) -> bool:
    """True for a note written (mostly) in capitals: the NER model reads every capitalised run there
    as a company or a place ('HUSBAND IN VISITING', 'INCREASED'), so its output needs a kind word."""
    letters = [c for c in text[:5000] if c.isalpha()]
    return len(letters) > 40 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def keep_ner_result(text: str, label: str, in_capitals: bool = False, in_note: bool = False) -> bool:
    """False for NER output that is a known clinical (or contract boilerplate) false positive.
    `in_capitals`: the document is written in capitals; `in_note`: it reads as clinical shorthand."""
    value = text.strip()
    if label in ("PERSON", "ORGANIZATION", "LOCATION") and _STOPPED.search(value):
        return False  # "Sheaths dc'd", "Foley d/c'd": something taken out, never a name
    if label in ("PERSON", "ORGANIZATION", "LOCATION") and _SOAP_HEADING.match(value):
        return False  # 'S-Orally intubated', 'O-Neuro': a SOAP note's letter and its first word
    if label in ("PERSON", "ORGANIZATION", "LOCATION") and (
        not value[:1].isalnum() or "~" in value or "+" in value
    ):
        return False  # '~mn', '+ cocci', 'Pulm~', 'ca+,mag+': a name starts with a letter or a digit, and holds no ~ or +
    if label in ("PERSON", "ORGANIZATION", "LOCATION") and not any(c.islower() for c in value):
        if in_capitals and in_note and not _KIND_WORD.search(value.upper()) and not _known_region(value):
            # a note in capitals: its names are found by the capitals rules, not by NER (a state or a country
            # the model found stays: 'FROM THE BAHAMAS', 'SISTER IN MASSACHUSETTS')
            return False
        if sum(w.lower() in STOP_WORDS and w.lower() not in _NAME_JOINERS for w in value.split()) >= 2:
            return False  # 'REQUIRE REHAB & WOULD BE VERY DIFFICULT TO RETURN': a sentence, kind word or not
        if (
            label != "LOCATION"
            and " " in value
            and (not _KIND_WORD.search(value) or _CLAUSE_OPENER.match(value))
        ):
            return False  # 'CCU NURSING PROGRESS NOTE', 'BILAT LE EDEMA', 'HAVE HOME HEALTH': shorthand
    if label in ("PERSON", "ORGANIZATION", "LOCATION") and (
        _LETTERS_AND_DIGITS.fullmatch(value)
        or "/" in value
        or (label != "LOCATION" and any(_LETTERS_AND_DIGITS.fullmatch(w) for w in value.split()))
        or (
            label != "LOCATION"
            and not any(c.isalpha() for c in value)
            and sum(c.isdigit() for c in value) < 4
        )
    ):
        return False  # 'x3', '850u', 'A&O x3 Pt', '~10', 'C.O./C.I./SVR' (a postcode read as a company stays)
    if label in ("PERSON", "ORGANIZATION") and (
        _SYSTEM_HEADING.match(value)
        or (
            in_note
            and any(w.lower() in CLINICAL_DENY for w in regex.split(r"[\s&.,-]+", value) if len(w) > 2)
        )
    ):
        return False  # 'GU-foley', 'CV-Hypotensive'; in a note 'Titrate Lasix', 'IV Heparin', 'Cont on ABX'
    if (
        in_note
        and label in ("PERSON", "ORGANIZATION", "LOCATION")  # not a month written short: Janu(ary), Janumet
        and " " not in value
        and len(value) >= 4
        and value.lower() in _DENY_PREFIXES
        and not known_name(value)
    ):
        return False  # 'Levo', 'Ceftaz', 'Vanco': a drug written short in a note
    if in_note and label in ("PERSON", "ORGANIZATION", "LOCATION") and dictionary_words(value, label):
        return (
            False  # 'Diltiazem', 'Ativan gtts', 'Telephone', 'Resp Rate': drugs and ordinary words in a note
        )
    if label in ("PERSON", "ORGANIZATION", "LOCATION") and any(
        m.group(1).lower() not in _COMMON_TLD for m in _RUN_ON.finditer(value)
    ):
        return False  # 'TPN tommorrow.small', 'time.?trach': two sentences run together (not 'Amazon.com')
    if label == "LOCATION" and " " not in value and value.islower() and len(value) < 5:
        return False  # 'md', 'swan' in a lower-case note
    bare = _LEADING_THE.sub("", value).strip("'’s ")
    if value.lower() in CLINICAL_DENY or bare.lower() in CLINICAL_DENY or len(value) < 2:
        return False
    if _REPORT_HEADING.match(value):
        return False  # "Management's Discussion and Analysis of Financial Condition…": a 10-K item title
    if label == "LOCATION" and value.lower() in ("north", "south", "east", "west"):
        return False  # a ward, '6 North'
    if label == "DATE":
        if _TIME_RANGE.match(value) and not all(_YEAR.fullmatch(t) for t in _CLOCK.findall(value)):
            return False  # a shift, '1900-0700', 'from 2000 to 2400' (but 'from 2000 to 2005' is years)
        cleaned = _QUOTES.sub("", value)
        if _DURATION.match(cleaned):
            return False
        # 'yesterday', 'the weekend', '10 mg daily' are not dates; a year is (i2b2 marks years)
        numeric = _NUMERIC_DATE.search(value)
        if numeric and _ORDINAL.fullmatch(numeric.group()) and not _THE_ORDINAL.search(value):
            numeric = None  # '60s 1st AV block': an ordinal dates nothing alone ('the 11th' does)
        return bool(
            _MONTHS.search(value)
            or numeric
            or _PHONE_SHAPE.fullmatch(value)  # a phone number read as a date is still an identifier
            or _YEAR.search(value)
            or _LONG_NUMBER.fullmatch(value)
        )
    if any(c.isdigit() for c in value) and (label == "PERSON" or _MEASURE.search(value)):
        return False  # 'BP 126/74', 'Atorvastatin 40', '+14.7%'
    if " " not in value and value.isupper() and len(value) > 1 and (label != "LOCATION" or len(value) < 6):
        return False  # NSTEMI, MISCELLANEOUS, HEENT: headings and acronyms (TRONDHEIM stays)
    if label == "PERSON" and any(len(w) > 2 and w.isupper() for w in value.split()):
        return False  # 'Tender RUQ': a finding with an abbreviation, not a name
    if " " not in value and _CLINICAL_WORD.match(value):
        return False
    if label in ("PERSON", "ORGANIZATION") and (_CLINICAL_LAST_WORD.search(value) or _DECIMAL.search(value)):
        return False  # 'Glasgow Coma Scale', 'Tylenol PRN', 'INR 2.3'
    if label == "PERSON" and any(w[:1].islower() and w not in _NAME_PARTICLES for w in value.split()[1:-1]):
        return False  # 'Coumadin per Anticoagulation'; not 'Ludwig van Beethoven'
    if label in ("PERSON", "ORGANIZATION") and value[:1].islower():
        return False
    if (
        label == "PERSON"
        and " " not in value
        and value.endswith("ed")
        and ordinary_word(value)
        and not known_name(value)
    ):
        return False  # 'Maintained excellent abg': a verb opening a sentence, in any text
    return True


_COLOURS = frozenset("brown green white black gray grey tan pink red yellow".split())
_OPENER_BEFORE = regex.compile(r"(?:^|[\n.:;,!?]|-{1,2}|\s-)\s*$")
_OPENER_AFTER = regex.compile(r"[ \t]+[a-z]|[ \t]*\+")


_RUN_ON = regex.compile(r"\p{Ll}{2}\.\??(\p{Ll}+)")
# function words inside names: 'THE UNIVERSITY OF TEXAS AT AUSTIN' is no sentence
_NAME_JOINERS = frozenset("of the and at for on in de la du".split())
_WORD_SPLIT = regex.compile(r"[\s&.,/+'’-]+")


def dictionary_words(value: str, label: str) -> bool:
    """True for an NER span in a clinical note that the dictionaries explain: it holds a drug's name
    ('Ativan gtts', 'Calcium Gluconate'), or it is one ordinary English word ('Alert', 'Telephone'), or
    ordinary words with shorthand ('Resp Rate', 'L groin'). A word the name lexicons know is a name
    first; a place needs shorthand alone, since cities are ordinary words too ('Boston')."""
    words = [w for w in _WORD_SPLIT.split(value) if w]
    if not words or any(known_name(w) for w in words):
        return False
    if any(len(w) > 3 and (near_drug(w) or near_clinical(w)) for w in words):
        return True  # 'Diltiazem', 'Ativan gtts', and misspelt: 'Fetanyl', 'Amioderone', 'Yankeur', 'Nuero'
    # a side or a number with shorthand: 'L groin', 'PS of 15', "Sxn'd", 'gm+ cocci'; an acronym
    # with ordinary words: 'CT Scan', 'BS Post', 'LS Clear' (not 'VA Medical Center': a kind word)
    # ('inc.' in a note is increased: 'HR inc.', 'SBP grad. inc.')
    acronym = label != "LOCATION" and not _KIND_WORD.search(_INC.sub("", value.upper()))
    # beside an acronym, a word of four letters or fewer is shorthand too: 'BUN & Crea', 'PCV Insp', 'HR inc.'
    beside_acronym = acronym and any(_ACRONYM_WORD.fullmatch(w) for w in words)
    shorthand = [
        len(w) == 1
        or w.isdigit()
        or w.lower() in CLINICAL_DENY
        or (acronym and _ACRONYM_WORD.fullmatch(w))
        or (beside_acronym and len(w) <= 4)
        for w in words
    ]
    ordinary = [s or ordinary_word(w) for s, w in zip(shorthand, words)]
    if label == "LOCATION":  # a verb's past is no place: 'Alert to person only, Confused,' (but 'Reading' is)
        return (
            all(shorthand)
            or (len(words) == 1 and words[0].lower().endswith("ed") and ordinary_word(words[0]))
            # in lower case, ordinary words with shorthand: 'ruq pain' (a town in lower case is a word alone), or
            # a side: 'l anticub'
            or (
                value.islower()
                and len(words) > 1
                and (all(ordinary) and any(shorthand) or words[0] in _SIDES)
            )
        )
    if len(words) > 1:  # 'Home Depot', 'Sacred Heart' are ordinary words and a name: shorthand must show
        return all(ordinary) and any(shorthand)
    # one word the dictionary lists, though rarely, and the name lists lack: 'Sheaths', 'Thrush', 'Weaned &'
    return ordinary[0] or listed_word(words[0])


# deny-listed clinical words of five letters or more, and each with one letter taken out (symmetric
# deletes, as for drugs): a nurse's 'Yankeur', 'Nuero', 'Trendelenberg' are the words they misspell
_DENY_WORDS = frozenset(w for w in CLINICAL_DENY if len(w) >= 5 and w.isalpha())
_DENY_DELETIONS = frozenset(d for w in _DENY_WORDS for d in deletions(w))


def near_clinical(word: str) -> bool:
    """A deny-listed clinical word of five letters or more, or a word one edit away from one."""
    w = word.lower()
    if len(w) < 5 or not w.isalpha():
        return False
    if common_word(w):
        return w in _DENY_WORDS  # 'Vital' is one letter from 'vitals' and a word of its own
    return one_edit_from(w, _DENY_WORDS, _DENY_DELETIONS)


# an acronym of shorthand, not a hospital's (UMMC, MGH, BIDMC end as hospitals' do)
_ACRONYM_WORD = regex.compile(r"(?![A-Z]*(?:H|MC|HC)$)[A-Z]{2,4}")
_INC = regex.compile(r",?\s*\bINC\b\.?")


def known_name(word: str) -> bool:
    from corpuskit.stages.deid.recognizers.en_names import lexicons

    first, last = lexicons()
    return word.capitalize() in first or word.capitalize() in last


def shorthand_opener(text: str, start: int, end: int, label: str) -> bool:
    """A single capitalised word that opens a line or a sentence and runs into lower case or a sign
    ('Urine + for UTI', 'Goal keep SBP >90', 'Order written to…'): a note's shorthand, which the NER
    model reads as a person — unless the word is a first name or a surname the name lists know."""
    value = text[start:end]
    return (
        label == "PERSON"
        and " " not in value
        and (not known_name(value) or value.lower() in _COLOURS)  # 'Brown soft stool', 'Green drainage'
        and value[:1].isupper()
        and _OPENER_BEFORE.search(text, max(0, start - 3), start) is not None
        and _OPENER_AFTER.match(text, end) is not None
    )


_CLOCK_LEAD = regex.compile(r"(?:[01]\d|2[0-3])[0-5]\d\b")
_TIME_BEFORE = regex.compile(
    # also at the start of a line or a clause ('2000 c/o nausea'), and after a count ('.45 X 2000')
    r"(?i)(?:~|@|\bat|\bapprox\.?|\baround|\babout|\bby|\buntil|\btill|\bdue|\bx|^|[,;:])[ \t]*$",
    regex.MULTILINE,
)


def clock_time(text: str, start: int, end: int) -> bool:
    """A note's time of day the NER model reads as a year: 'KUB ~ 1930', 'neo added ~2000', 'd/c'd at
    1900 d/t' (four digits a clock can show, after ~, @, at, about or until)."""
    return bool(_CLOCK_LEAD.match(text, start, end)) and bool(
        _TIME_BEFORE.search(text, max(0, start - 8), start)
    )


_LINE_END = regex.compile(r"[ \t]*[:;]?[ \t]*(?:\n|$)")


def heading_line(text: str, start: int, end: int) -> bool:
    """An NER span of two or more ordinary words alone on its line ('Systems Review', 'Review of
    Systems:'): a note's heading, not a company. A word the name lists know keeps it ('Holy Cross')."""
    if text[text.rfind("\n", 0, start) + 1 : start].strip() or not _LINE_END.match(text, end):
        return False
    words = [w for w in _WORD_SPLIT.split(text[start:end]) if w]
    return (
        len(words) >= 2
        and all(common_word(w) or w.lower() in _NAME_JOINERS for w in words)
        and not any(known_name(w) for w in words)
    )


# what follows an eponym (Crohn's disease, Foley catheter, Gram negative, Hoehn and Yahr stage) or a
# drug's brand name (Humira 40 mg, Sinemet 25/100 TID): the NER model reads both as people or companies
_EPONYM_NOUN = (
    r"(?:disease|syndrome|sign|palsy|sarcoma|lymphoma|tumou?r|test|maneuver|manoeuvre|catheter|stain|negative|"
    r"positive|scale|score|stage|classification|criteria|reflex|procedure|operation|repair|fracture|ulcer|node|"
    r"phenomenon|triad|equation|formula|tube|drain|needle|forceps|incision|cannula|shunt|filter|valve|stent|"
    r"solution|hernia|cyst|gland|duct|canal|cells?|virus|aneurysm|anomaly|deformity|contracture|splint|tear|"
    r"dressing|protocol|regimen|block|curve|index|coma|esophagus|diverticulum|thyroiditis|encephalopathy|"
    r"respirations?|breathing|"
    # findings read off an eponymous exam or image: "Kussmaul negative", "Hoffmann absent", "Kerley B lines"
    r"absent|present|intact|downgoing|upgoing|equivocal|lines?)"
)
_FREQUENCY = r"(?i:PRN|BID|TID|QID|QD|QHS|q\d+h|daily|nightly|PO|SC|SQ|subq)"  # "Lantus 20 qHS"
_EPONYM_NEXT = r"(?:['’]s?)?(?:[ \t][A-Z])?[ \t]+(?i:" + _EPONYM_NOUN + r")\b"
_EPONYM_AFTER = regex.compile(_EPONYM_NEXT)


def eponym_follows(text: str, end: int) -> bool:
    """True where an eponym's noun follows `end`: 'Crohn's disease', 'mallory weiss tear'."""
    return _EPONYM_AFTER.match(text, end) is not None


_CLINICAL_NEXT = regex.compile(
    _EPONYM_NEXT + r"|[ \t]+\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)?[ \t]*(?:mg|mcg|g|units?|ml|mL|mEq|meq)\b"
    r"|[ \t]+(?:\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)?[ \t]+)?" + _FREQUENCY + r"\b"  # "Coreg 6.25 BID"
)
_CLINICAL_LAST_WORD = regex.compile(
    r"(?i)(?:^|\s)(?:disease|syndrome|scale|sign|palsy|catheter|stain|criteria|classification)$"
    r"|(?:^|\s)(?-i:Note|Consult|Summary)$"  # headings: "Team 2 Admit Note"
    r"|(?:^|\s)" + _FREQUENCY + r"$"
)
_DECIMAL = regex.compile(r"\d\.\d")
_TIME_RANGE = regex.compile(r"^(?:[01]\d|2[0-4]):?[0-5]\d\s*(?:-|to|until)\s*(?:[01]\d|2[0-4]):?[0-5]\d$")
_CLOCK = regex.compile(r"\d{2}:?\d{2}")
_NAME_PARTICLES = frozenset(
    "van von der den de del della di da dos das du la le bin ibn bint al el y e ter ten op zu".split()
)


def clinical_context(text: str, end: int, label: str) -> bool:
    """True for a person or organisation span that is an eponym or a drug by what follows it, and for a
    place followed by an eponym's noun or finding ("Kussmaul negative"; "Boston daily" stays a place)."""
    if label in ("PERSON", "ORGANIZATION"):
        return bool(_CLINICAL_NEXT.match(text, end))
    return label == "LOCATION" and bool(_EPONYM_AFTER.match(text, end))


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past surrounding whitespace and trailing punctuation."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:，；：、"):
        end -= 1
    return start, end


def finalize(text: str, results, label_map: dict[str, str | None] | None = None) -> list[Detection]:
    """Presidio results → non-overlapping Detections, pattern recognizers first, then score, then length."""
    cands: list[Detection] = []
    note_kind: tuple[bool, bool] | None = None  # (in capitals, a clinical note): read at the first NER result
    for r in results:
        label = canonical(r.entity_type, label_map)
        if label is None:
            continue
        name = (r.recognition_metadata or {}).get("recognizer_name", "")
        start, end = trim(text, r.start, r.end)
        if end <= start:
            continue
        if label == "DATE" and text[start:end] in ("May", "MAY") and _MODAL_MAY.match(text, end):
            continue  # 'May need further IV access': the verb, not the month
        if label == "DATE" and _CLOCK_TIME.search(text, max(0, start - 16), end):
            continue  # 'BP 84/40 at 2000': a time of day
        if label == "DATE" and _CLOCK_FROM.fullmatch(text, start, end) and _CLOCK_TO.match(text, end):
            continue  # 'alert from 2000 to 2400': a shift's hours, not the year 2000
        if label == "DATE" and (_DECREASED.match(text, start, end) or _DECREASED_AFTER.match(text, end)):
            continue  # 'PO2 DEC TO 56', 'nc 02 dec from 4->2': decreased, not December
        if label == "DATE" and text[end : end + 1] == "%":
            continue  # 'CPAP/PSV 12/10/40%': ventilator settings
        if label == "IP" and _AFTER_NUMBER_SLASH.match(text, max(0, start - 2), start):
            continue
        if label == "DATE" and _in_schedule(text, start, end):
            continue  # 'on 24/06/12/18 schedule': four hours of a day, no date
        if name in NER_RECOGNIZERS:
            if note_kind is None:  # Chinese texts get no NER result, and need neither scan
                note_kind = shouting(text), clinical_note(text)
            in_capitals, in_note = note_kind
            if label != "DATE" and _MEASURE.search(text[start:end]):
                continue  # 'LDL 162 mg/dL.\nTest\tResult': a lab table read as one entity
            if _CREDENTIAL_THEN_LOWER.fullmatch(text, start, end):
                continue  # 'Arthur Peppler,MD madeno vent changes': a degree, then 'made no' run together
            for s, e in ner_pieces(text, start, end):
                if (
                    keep_ner_result(text[s:e], label, in_capitals, in_note)
                    and not clinical_context(text, e, label)
                    and not (in_note and (shorthand_opener(text, s, e, label) or heading_line(text, s, e)))
                    and not (in_note and label == "DATE" and clock_time(text, s, e))
                    and not (in_note and _SYSTEM_HEADING.match(text[s : e + 2]))  # 'Gu: foley patent'
                ):
                    fixed = "ID" if label == "DATE" and _LONG_NUMBER.fullmatch(text[s:e]) else label
                    cands.append(Detection(s, e, fixed, float(r.score), name))
            continue
        if label == "URL":
            word_tld = _word_tld_host(text[start:end])
            if word_tld and note_kind is None:
                note_kind = shouting(text), clinical_note(text)
            if _URL_SCHEME.match(text[start:end]):
                end = _URL_TAIL.match(text, end).end()  # 'https://www.fuller.bi|z/legal': the whole address
            elif (
                not plausible_url(text[start:end])
                or text[end : end + 1].isascii()
                and text[end : end + 1].isalpha()
                or (word_tld and note_kind[1])
            ):
                continue  # 'drinks.app|ears': two words run together, not a web address
        cands.append(Detection(start, end, label, float(r.score), name))
    return resolve_overlaps(cands, text)


# the rest of a web address Presidio cut at a known TLD; it never ends on sentence punctuation
_URL_TAIL = regex.compile(r"(?:[A-Za-z0-9/._~%?#=&:+@!$,;*()-]*[A-Za-z0-9/_~%#=&+@-])?")
_MODAL_MAY = regex.compile(
    r"(?i)\s+(?:not\s+|also\s+|still\s+)?(?:need|be|have|require|go|benefit|try|consider|take|get|use|"
    r"want|call|return|resume|continue|start|stop|help|feel|cause|do|come|receive|wean|increase|decrease)\b"
)
_DECREASED = regex.compile(r"(?i)dec\.?[ \t]+to[ \t]+\d")
_DECREASED_AFTER = regex.compile(r"(?i)(?<=dec\.?)[ \t]+(?:to|from)[ \t]+\d")
_CLOCK_FROM = regex.compile(r"(?:[01]\d|2[0-4])[0-5]\d")
_CLOCK_TO = regex.compile(r"\s*(?:-|to|until)\s*(?:2[1-4]|0\d|1[0-8])[0-5]\d\b")
_CLOCK_TIME = regex.compile(r"(?i)(?:\bat|@)\s*(?:present\s+|a?pp?rox\.?\s*|~\s*)?(?:[01]\d|2[0-3])[0-5]\d$")
_URL_SCHEME = regex.compile(r"(?i)^(?:[a-z][a-z0-9+.-]*://|www\d?\.)")
# top-level domains people write without a scheme; Presidio's list has ~700, among them .st, .mo
# and .ad, which a note's "FIRST.STILL" or "intake...ad" run into
_COMMON_TLD = frozenset(
    "com org net edu gov mil int io co uk us ca de fr cn jp au in ru br it nl es se no ch info biz me tv ai app "
    "dev health care eu nz ie be at dk fi pl hk tw sg kr".split()
)


# top-level domains that are English words too: after an ordinary word they end a sentence
_WORD_TLD = frozenset("no in it at be me us is so to my am by go do care health app".split())


def _word_tld_host(value: str) -> bool:
    """'antibx.no', 'meds.in': a bare host of two labels whose top-level domain is an English word — in a
    clinical note, a sentence run into the next ('on same antibx.no new culture results'), not a site."""
    labels = value.rstrip(".").split(".")
    return "/" not in value and len(labels) == 2 and labels[1].lower() in _WORD_TLD


def plausible_url(value: str) -> bool:
    """A URL the way people write one: with a scheme or www., or a host of two real labels and a common
    top-level domain, in lower or mixed case — not 'v.s....st' or 'FIRST.ST' from a nurse's shorthand."""
    if _URL_SCHEME.match(value):
        return True
    host = value.split("/", 1)[0].rstrip(".")
    if ".." in host or host.isupper():
        return False
    labels = host.split(".")
    if any(label.isdigit() for label in labels):
        return False  # 'ABG 119/51/7.39.No autopeep': numbers and a sentence
    if len(labels) == 2 and "/" not in value and labels[1].lower() in _WORD_TLD and common_word(labels[0]):
        return False  # 'states he is comfortable.no sedatives': a word, a full stop and 'no'
    return len(labels) >= 2 and labels[-1].lower() in _COMMON_TLD and len(labels[-2]) >= 2


# on a tie, the label whose recognizer checks more (checksums, dates inside) wins: a valid
# 居民身份证号 also passes Luhn, and a card number after "account" is still a card
_SPECIFICITY = {
    "ID": 3,
    "BANK_CARD": 2,
    "PASSPORT": 2,
    "MRN": 2,
    "LICENSE_PLATE": 2,
    "ACCOUNT": 0,
    "LOCATION": 0,
}


def resolve_overlaps(cands: list[Detection], text: str | None = None) -> list[Detection]:
    """Greedy: keep the best span, drop any span overlapping it, repeat; a dropped pattern span with
    the kept one's label widens it to their union when that touches no other kept span and it is as
    sure as the kept one or adds no layout (line break, tab, run of spaces; needs `text`). Output
    sorted by start.

    Best = a pattern recognizer's confident hit before NER, then score, then label
    specificity, then length.
    """

    def rank(d: Detection):
        return (
            d.recognizer not in NER_RECOGNIZERS and d.score >= 0.5,
            d.score,
            _SPECIFICITY.get(d.label, 1),
            d.end - d.start,
        )

    taken: list[Detection] = []
    for d in sorted(cands, key=rank, reverse=True):
        hit = [i for i, t in enumerate(taken) if d.start < t.end and t.start < d.end]
        if not hit:
            taken.append(d)
            continue
        # a pattern span of the same label that reaches past the kept one widens it (recall first):
        # lexicon "Carlos Rodriguez" kept over lexicon "Juan Carlos" left "Juan" in the text. Not NER
        # spans, and a weaker guess only within the line's words: edges run on into layout
        # ("Henry Goodman    Emergency" from a 0.7 name pattern beside a 0.75 lexicon hit)
        t = taken[hit[0]]
        if len(hit) == 1 and t.label == d.label and d.recognizer not in NER_RECOGNIZERS:
            start, end = min(t.start, d.start), max(t.end, d.end)
            # unknown text counts as layout: then only an equally sure span widens
            in_line = text is not None and not any(
                _LAYOUT_GAP.search(text, a, b) for a, b in ((start, t.start), (t.end, end))
            )
            if (
                (start, end) != (t.start, t.end)
                and (d.score >= t.score or in_line)
                and overlaps_none(start, end, taken[: hit[0]] + taken[hit[0] + 1 :])
            ):
                taken[hit[0]] = Detection(start, end, t.label, t.score, t.recognizer)
    return sorted(taken, key=lambda d: d.start)
