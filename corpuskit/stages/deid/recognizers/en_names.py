"""English (and other Latin-script) person names from first-name and surname lexicons.

The small spaCy model misses many names, above all non-English ones and names
alone on a line ("> Mijail C Adomo"). Faker ships first-name and surname lists for
dozens of locales; a capitalised first name followed by a capitalised surname is a
name with good precision. A first name alone is not enough (Will, May, Grant) unless
the words around it leave nothing else it could be.
"""

from __future__ import annotations

import importlib
import itertools
from functools import lru_cache
from typing import ClassVar

import regex
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from corpuskit.stages.deid import english_words
from corpuskit.stages.deid.english_words import common_word, drug_words
from corpuskit.stages.deid.recognizers.base import NAME_WORD, make_result

LATIN_LOCALES = (
    "en_US",
    "en_GB",
    "en_IE",
    "en_IN",
    "de_DE",
    "fr_FR",
    "es_ES",
    "es_MX",
    "it_IT",
    "pt_BR",
    "pt_PT",
    "nl_NL",
    "sv_SE",
    "da_DK",
    "no_NO",
    "fi_FI",
    "pl_PL",
    "cs_CZ",
    "hu_HU",
    "ro_RO",
    "tr_TR",
    "is_IS",
    "et_EE",
    "lv_LV",
    "lt_LT",
    "hr_HR",
    "sk_SK",
    "sl_SI",
    "id_ID",
)
# capitalised words that are far more often something else than a first name in clinical and legal text
# first names that are words too, which a relative's name still is: 'son bill called', 'daughter Rose'
# (not will, may, mark: 'son will call')
_WORD_FIRST_NAMES = frozenset("bill dean hope faith joy rose guy art june april pat rob sue ray".split())

NOT_FIRST_NAMES = frozenset(
    "Will May June April August Grant Mark Bill Rose Faith Hope Joy Art Guy Sunny Page Chase Chance "
    "Major General Read Bond Case Price Long Young Black White Green Brown Gray Grey Love Son Dean "
    "Baby Patient Doctor Nurse Christian Sharp".split()
)


_CREDENTIALS = frozenset("MD DO RN NP PA PAC LPN CNA CNS RRT CRT PHD MSW LCSW LICSW RD".split())
_SENTENCE_START = regex.compile(r"(?<=(?:^|[.!?:>-])[ \t]*)", regex.MULTILINE)  # matched where a word starts


# first names that are verbs after a relative too: 'daughter rose', 'wife hopes'
_VERB_FIRST_NAMES = frozenset({"rose", "hope"})


def _known_first_name(word: str, first: frozenset[str]) -> bool:
    """A first name the lists hold that is no stop word, reporting verb or clinical term: a name after a
    relative or before 'called'."""
    low = word.lower()
    return word.capitalize() in first and low not in COMMON_LOWER and low not in _kin_not_names()


def _eponym_after(text: str, end: int) -> bool:
    from corpuskit.stages.deid.postprocess import eponym_follows

    return eponym_follows(text, end)


def _near_clinical(word: str) -> bool:
    from corpuskit.stages.deid.postprocess import near_clinical

    return near_clinical(word)


def _common_lower() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {w.lower() for w in NOT_FIRST_NAMES}


# lower-cased English stop words and the words NOT_FIRST_NAMES lists: never a name on their own
COMMON_LOWER = _common_lower()
# what a note writes after "dr" that is no doctor's name: "dr aware", "md notified", "dr in to see pt"
_AFTER_DOCTOR = frozenset(
    "aware notified called paged informed ordered said says wants team office note notes orders order visit "
    "visits came comes saw seen spoke speaks speak updated following follow rounds consult consults states "
    "agrees feels felt made make gave given wrote writes recommends discussed explained talked reviewed "
    "examined evaluated evaluates here there will would also wants okay note's today tonight tomorrow "
    "plan plans request requests order's service fellow resident attending team's".split()
)
_TITLES = frozenset("Dr Drs Mr Mrs Ms Miss Mx Prof Sr Jr Rev Hon Sir".split())


@lru_cache(maxsize=1)
def _kin_not_names() -> frozenset[str]:
    """Words that follow a relative without naming one: verbs of reporting and clinical terms."""
    from corpuskit.stages.deid.postprocess import CLINICAL_DENY

    verbs = (
        "reports reported states stated says said notes noted called calls visited visits present aware agrees "
        "agreed declined declines requests requested brought drove lives lived died passed deceased alive "
        "involved updated informed concerned available unavailable provides provided helps helped assists"
    ).split()
    # "Sister Company", "Mother Nature", "Father Time": a relation word used of things
    nouns = (
        "company companies corporation corporations entity entities fund funds bank banks subsidiary "
        "subsidiaries concern concerns institution institutions organization organisation site sites city "
        "cities church ship ships brand brands board nature superior earth time tongue land "
        # clergy and carers who visit: "pt's pastor was in to visit"
        "pastor priest chaplain rabbi minister reverend deacon nun sitter"
    ).split()
    return frozenset(verbs) | frozenset(nouns) | CLINICAL_DENY


def _names(locale: str, attr: str) -> set[str]:
    try:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    except ImportError:
        return set()
    values = getattr(provider, attr, ())
    return set(values.keys() if isinstance(values, dict) else values)


@lru_cache(maxsize=1)
def lexicons() -> tuple[frozenset[str], frozenset[str]]:
    """(first names, surnames) over the Latin-script Faker locales."""
    first: set[str] = set()
    last: set[str] = set()
    for loc in LATIN_LOCALES:
        first |= (
            _names(loc, "first_names") | _names(loc, "first_names_male") | _names(loc, "first_names_female")
        )
        last |= _names(loc, "last_names")
    first = {n for n in first if n.isalpha() and n[:1].isupper() and len(n) > 2} - NOT_FIRST_NAMES
    last = {n for n in last if n[:1].isupper() and len(n) > 1}
    return frozenset(first), frozenset(last)


class LexiconNameRecognizer(LocalRecognizer):
    """'First [I.] Last' where First is a known first name and Last a capitalised word (known surname scores
    higher); "JOHN SMITH" and "ZUNIGA, PAUL" when both words are known names; a known first name alone as a
    speaker ("Nicole:") or after a kin word or greeting ("his wife Ruth", "Dear Maria", lower-cased "her
    sister gloria", "dr. patel"); "first [i.] surname" on a line written all in lower case."""

    ENTITY: ClassVar[str] = "PERSON"
    LANGUAGES: ClassVar[tuple[str, ...]] = ("en",)
    _pair = regex.compile(
        r"(?<![\p{L}])(\p{Lu}[\p{Ll}'’]+)(?:[ \t]\p{Lu}\.?)?[ \t](" + NAME_WORD + ")"
        r"(?![\p{L}])"
    )

    def __init__(self, supported_language: str | None = None):
        super().__init__(
            supported_entities=[self.ENTITY],
            name=type(self).__name__,
            supported_language=supported_language or "en",
        )

    def load(self) -> None:
        lexicons()
        # the word lists English post-processing consults too: loaded before the engine forks its workers
        english_words.preload()

    # one known first name where only a person fits: a speaker at the start of a line ("Nicole: Remember",
    # 'tracy:"i'm…'), after a kin word ("his wife Ruth", "my kid Lukas", "Daughter (Alicia)") or a greeting
    # ("Dear Maria,")
    _speaker = regex.compile(r"^[ \t>]*(\p{L}[\p{Ll}'’]+)(?=[ \t]*:)", regex.MULTILINE)
    _after_kin = regex.compile(
        r"\b(?:[Kk]id|[Ss]on|[Dd]aughter|[Ww]ife|[Hh]usband|[Bb]rother|[Ss]ister|[Mm]other|[Ff]ather|[Mm]om|[Dd]ad|"
        r"[Gg]randson|[Gg]randdaughter|[Nn]iece|[Nn]ephew|[Ff]ianc[eé]e?|[Pp]artner|[Bb]oyfriend|[Gg]irlfriend|[Dd]tr|"
        r"[Cc]ousin|[Aa]unt|[Uu]ncle|[Gg]randmother|[Gg]randfather|[Ss]tep(?:son|daughter)|[Cc]alls?\s+me|[Dd]ear|"
        r"[Ff]riend|[Rr]oommate|[Nn]eighbou?r|[Cc]aregiver|"
        r"[Hh]i|[Hh]ello)(?:,?[ \t]+|[ \t]*\()(\p{Lu}[\p{Ll}'’]+)(?![\p{L}])"
    )
    _kin_unknown = regex.compile(
        r"\b(?:[Ss]on|[Dd]aughter|[Ww]ife|[Hh]usband|[Bb]rother|[Ss]ister|[Mm]other|[Ff]ather|[Gg]randson|"
        r"[Gg]randdaughter|[Nn]iece|[Nn]ephew|[Ff]ianc[eé]e?|[Bb]oyfriend|[Gg]irlfriend|[Cc]ousin|[Aa]unt|[Uu]ncle|[Dd]tr|"
        r"[Ff]riend|[Rr]oommate|[Nn]eighbou?r)"
        r"(?:,?[ \t]+|[ \t]*\()(?!(?:Mrs|Mr|Ms|Dr|Miss)\b)(\p{Lu}\p{Ll}{2,}[\p{Ll}'’-]*)(?![\p{L}])"
    )
    # lower-cased notes: "her sister gloria helps", "seen by dr. patel"
    _lower_after_kin = regex.compile(
        r"\b(?:son|daughter|dtr|dau|wife|husband|brother|sister|mother|father|mom|dad|grandson|granddaughter|niece|"
        r"nephew|cousin|aunt|uncle|partner|boyfriend|girlfriend|friend|significant[ \t]+other|dr\.|mr\.?|mrs\.?|ms\.)"
        r"(?:[ \t]+,?|[ \t]*,)[ \t]*[\"“]?"
        r"(\p{Ll}[\p{Ll}'’]+)(?![\p{L}])"
        # a title run into the name: "mr.renzi returned from or"
        r"|\b(?:mr|mrs)\.(\p{Ll}{3,}[\p{Ll}'’]*)(?![\p{L}])"
    )
    # relatives by name, two at once: "daughters sarah and margie in to visit"
    _lower_kin_pair = regex.compile(
        r"\b(?:daughters|sons|sisters|brothers|grandsons|granddaughters|grandchildren|children|kids|nieces|nephews|"
        r"parents)[ \t]+(\p{Ll}{3,})[ \t]*(?:,|and|&)[ \t]*(\p{Ll}{3,})(?![\p{L}])"
    )
    # a lower-case note's initial and surname, and the name beside it: "nsg (d. renna and j. o'brien) verified"
    _lower_initials = regex.compile(
        r"(?<![\p{L}.])([a-z]\.[ \t]?(\p{Ll}[\p{Ll}'’-]{2,}))(?![\p{L}])"
        r"(?:[ \t]*(?:,|and|&)[ \t]*([a-z]\.[ \t]?(\p{Ll}[\p{Ll}'’-]{2,}))(?![\p{L}]))?"
    )
    # a lower-case note's caller or visitor: "and george called early this am", "social: bill called once"
    _lower_caller = regex.compile(
        r"(?<![\p{L}'’]|\b(?i:the|a|an|his|her|their|my|your|our|this|that)[ \t]+)(\p{Ll}{3,})[ \t]+"
        r"(?:called|phoned|visited|came[ \t]+in|was[ \t]+in[ \t]+to|in[ \t]+to[ \t]+visit)\b"
    )
    # a lower-case note's full name: "follow up with patricia desrosiers" (a known first name that is no common
    # word, then a word no dictionary, drug or clinical list holds)
    # (four letters at least: 'fem introducer', 'bil mastectomies' are shorthand)
    _lower_full_name = regex.compile(r"(?<![\p{L}'’])(\p{Ll}{4,})[ \t]+(\p{Ll}{4,})(?![\p{L}'’-])")
    # a lower-case note's doctor: "dr healey in to talk w/pt", "per dr. okafor", "per dr.reid"
    # the surname may carry its particle, typed apart: "dr. o rourke", "dr van der berg"
    _lower_doctor = regex.compile(
        # ('DR kenney', 'md wyman aware': a capital title or md before the lower-case name)
        r"(?<![\p{L}])(?:[Dd]r\.?|DR\.?|[Dd]octor|md)(?:[ \t]+|(?<=\.))"
        r"((?:(?:o|mc|mac|van|von|de|der|del|la|le)[ \t'’]+){0,2}(\p{Ll}[\p{Ll}'’]{2,}))(?![\p{L}])"
    )
    # a note in capitals: "PT'S WIFE HELEN AND STEP DAUGHTER MAUREEN IN TO VISIT" (known first names only)
    _caps_after_kin = regex.compile(
        r"(?<![\p{L}])(?:SON|DAUGHTER|DTR|WIFE|HUSBAND|BROTHER|SISTER|MOTHER|FATHER|MOM|DAD|GRANDSON|"
        r"GRANDDAUGHTER|NIECE|NEPHEW|COUSIN|AUNT|UNCLE|PARTNER|BOYFRIEND|GIRLFRIEND|FRIEND|FIANC[EÉ]E?|"
        r"STEP[ -]?(?:SON|DAUGHTER))[ \t]+(\p{Lu}{2}[\p{Lu}'’]*)(?![\p{L}])"
    )
    # "Janet logan": a known first name, then a known surname typed in lower case
    _pair_lower_surname = regex.compile(
        r"(?<![\p{L}])(\p{Lu}\p{Ll}+)[ \t](\p{Ll}{3,}(?:['’-]\p{Ll}+)?)(?![\p{L}])"
    )
    # "JOHN SMITH", "ZUNIGA PAUL J": a line of capitals holding a known first name and surname
    _capitals_pair = regex.compile(
        r"(?<![\p{L}])(\p{Lu}{2,})(?:[ \t]\p{Lu}\.?)?[ \t](\p{Lu}[\p{Lu}'’-]+)(?![\p{L}])"
    )
    # what follows a named clinician: told, paging, ordering, or a credential (not 'placed': 'P HICKMAN PLACED'
    # is a catheter)
    _told_or_signed = regex.compile(
        r"[ \t]*,?[ \t]*(?:AND[ \t]+DRS?\b|(?i:aware|notified|paged|informed|updated|ordered|called|saw|"
        r"evaluated|states|said|wrote|recommends)\b|(?:NP|RN|MD|PA|PA-C|CNS|LPN|RRT|CNA)\b)"
    )
    _initial_surname = regex.compile(r"(?<![\p{L}.])([A-Z])\.?[ \t]([A-Z][A-Z'’-]{2,})(?![\p{L}])")
    _second_doctor = regex.compile(
        r"(?<=\b(?i:drs)\.?[ \t]+\p{Lu}[\p{L}'’-]+[ \t]+(?i:and|&)[ \t]+)(?P<name>\p{Lu}[\p{L}'’-]+)(?![\p{L}])"
    )
    _per_surname = regex.compile(
        r"\b(?P<by>PER|[Pp]er(?:[ \t]+md)?|md|MD|NP)[ \t]+(?P<initial>[A-Z]\.[ \t]*)?"
        r"(?P<name>\p{Lu}[\p{L}'’]{2,}(?:-\p{L}{3,})*)(?![\p{L}])"  # not '-PT' run on: 'B. KARGAS-PT SOMEWHAT'
    )
    _role_capitals = regex.compile(
        r"(?<![\p{L}])(?:NURSE|RN|RESIDENT|INTERN|FELLOW|ATTENDING|THERAPIST|CHAPLAIN|PHYSICIAN)[ \t]+"
        r"(\p{Lu}{2,})[ \t]+(\p{Lu}[\p{Lu}'’-]+)(?![\p{L}])"
    )
    # "ZUNIGA, PAUL", "Smith, John A": surname first, as lists, headers and HL7 exports write it
    _surname_first = regex.compile(
        r"(?<![\p{L}])(\p{Lu}[\p{L}'’-]+),[ \t]*(\p{Lu}[\p{L}'’-]+)(?:[ \t]\p{Lu}\.?)?(?![\p{L}])"
    )
    _lower_line = regex.compile(r"^[^\n\p{Lu}]+$", regex.MULTILINE)
    _credential = regex.compile(r",?[ \t]*(?:rn|rrt|crt|np|md|lpn|cna|msw|lcsw|licsw|rd)\b")
    # a lower-cased line's "patricia desrosiers", "benjamin a seiler": first name, optional initial, surname
    _lower_pair = regex.compile(
        r"(?<![\p{L}])(\p{Ll}+)(?:[ \t]\p{Ll}\.?)?[ \t](\p{Ll}[\p{Ll}'’]+)(?![\p{L}])"
    )

    @staticmethod
    def _unknown_name(word: str) -> bool:
        """A lower-case word after a relative that no list knows and that is no ordinary English or clinical
        word, nor shaped like a verb or an adverb: 'milovan', not 'visiting', 'aware' or 'vistied'."""
        return (
            len(word) >= 3
            and word not in COMMON_LOWER
            and word not in _kin_not_names()
            and not common_word(word)
            and not word.endswith(("ed", "ing", "ly", "'s", "’s"))
        )

    _next_lower_word = regex.compile(r"[ \t]+(\p{Ll}[\p{Ll}'’-]+)(?![\p{L}])")
    # a note that opens on who the patient is: "lorrie morales is a 70 yr old female", "Ana Pires is a 45 yo"
    _subject_age = regex.compile(
        r"(?:^|(?<=[.!?][ \t]))[ \t]*(\p{L}[\p{Ll}'’-]+)[ \t]+(\p{L}[\p{Ll}'’-]+)"
        r"(?=[ \t]+is[ \t]+an?[ \t]+\d{1,3}[ \t]*-?[ \t]*(?:y/?o|yo|yr|year|y\.o\.)(?![\p{L}]))",
        regex.MULTILINE,
    )

    def _third_name_end(self, text: str, m, first: frozenset[str]) -> int:
        """Where 'mary theresa' + a surname by elimination (no ordinary, clinical or drug word) ends; 0 if
        the second word is no given name or no such word follows."""
        if m.group(2).capitalize() not in first:
            return 0
        nxt = self._next_lower_word.match(text, m.end())
        ok = nxt and self._unknown_name(nxt.group(1)) and nxt.group(1) not in drug_words()
        return nxt.end(1) if ok else 0

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        first, last = lexicons()
        out = []
        for m in self._pair.finditer(text, overlapped=True):
            given, family = m.group(1), m.group(2)
            if (
                given in first
                and (family in last or family not in first)
                and family not in _TITLES  # "Per Dr. Nguyen's note": Per is a first name, Dr is not a surname
                and given.lower() not in COMMON_LOWER
            ):
                out.append(
                    make_result(self, self.ENTITY, m.start(), m.end(), 0.75 if family in last else 0.5)
                )
        for m in self._pair_lower_surname.finditer(text, overlapped=True):
            given, family = m.group(1), m.group(2)
            if (
                given in first
                and given.lower() not in COMMON_LOWER
                and family.capitalize() in last
                and family not in COMMON_LOWER
                and not common_word(family)
                and family not in drug_words()
            ):
                out.append(make_result(self, self.ENTITY, m.start(), m.end(), 0.5))
        for m in itertools.chain(
            self._speaker.finditer(text), self._after_kin.finditer(text), self._caps_after_kin.finditer(text)
        ):
            word = m.group(1)
            # 'WIFE SAID': Said is a first name and a verb of reporting; 'son Bill' is a name though a word
            if word.lower() in _WORD_FIRST_NAMES or _known_first_name(word, first):
                out.append(make_result(self, self.ENTITY, m.start(1), m.end(1), 0.6))
        # a capitalised word right after a relative is a name even when no list knows it ("Wife Adaeze
        # (cell …)", "son Oluwaseun"), unless it is a common or clinical word ("Wife Reports", "son Aware")
        for m in self._kin_unknown.finditer(text):
            word = m.group(1)
            low = word.lower()
            if word.capitalize() not in first and low not in COMMON_LOWER and low not in _kin_not_names():
                out.append(make_result(self, self.ENTITY, m.start(1), m.end(1), 0.5))
        for m in self._lower_kin_pair.finditer(text):
            names = (m.group(1), m.group(2))
            # one a known first name, the other known too or no word at all ('sarah and margie')
            known = [_known_first_name(w, first) for w in names]
            if any(known) and all(k or self._unknown_name(w) for k, w in zip(known, names)):
                for k in (1, 2):
                    out.append(make_result(self, self.ENTITY, m.start(k), m.end(k), 0.55))
        for m in self._lower_after_kin.finditer(text):
            k = 1 if m.group(1) else 2
            word = m.group(k)
            titled = m.group().startswith(("dr", "mr", "mrs", "ms"))
            # 'son bill called': a noun never follows a son (a verb may: 'daughter rose', 'wife hope(s)', but not
            # set off by commas: 'wife, rose, left her number')
            set_off = (
                text[m.start(k) - 2 : m.start(k)].strip() == "," and text[m.end(k) : m.end(k) + 1] == ","
            )
            if not titled and word in _WORD_FIRST_NAMES and (word not in _VERB_FIRST_NAMES or set_off):
                out.append(make_result(self, self.ENTITY, m.start(k), m.end(k), 0.55))
                continue
            known = word.capitalize() in first or (titled and word.capitalize() in last)
            if known and word not in COMMON_LOWER and word not in _kin_not_names():  # not 'wife said he'
                out.append(make_result(self, self.ENTITY, m.start(k), m.end(k), 0.55))
            elif (
                not titled
                and self._unknown_name(word)
                # in a list ('son and grandson, neurologist, pcp') only a word no dictionary holds
                and not ("," in text[m.start() : m.start(k)] and english_words.listed_word(word))
            ):  # "husband milovan", "dtr laverne"
                out.append(make_result(self, self.ENTITY, m.start(k), m.end(k), 0.5))
            elif (
                m.group().startswith("mr")
                # 'mr.' anywhere; a bare 'mr' only opening a sentence: 'severe mr pansystolic' is the valve
                and (m.group().startswith(("mr.", "mrs")) or _SENTENCE_START.match(text, m.start()))
                and len(word) >= 4
                and self._unknown_name(word)
                and not english_words.listed_word(word)
                and word not in drug_words()
            ):  # "mr masci had an uneventful noc" (not mitral regurgitation: 'mr trace', 'mod mr noted')
                out.append(make_result(self, self.ENTITY, m.start(k), m.end(k), 0.5))
        for m in self._lower_full_name.finditer(text, overlapped=True):
            given, family = m.group(1), m.group(2)
            if (
                given.capitalize() in first
                and given not in COMMON_LOWER
                and not common_word(given)
                and self._unknown_name(family)
                and not english_words.listed_word(family)
                and family not in drug_words()
                and not _near_clinical(family)
                and not english_words.near_common_word(family)  # 'aline prssures': a word mistyped
            ):
                out.append(make_result(self, self.ENTITY, m.start(), m.end(), 0.5))
        for m in self._lower_initials.finditer(text):
            # (group 1 or 3: initial and surname; group 2 or 4: the surname)
            names = [(k - 1, m.group(k)) for k in (2, 4) if m.group(k)]
            known = [
                w.title() in last and not common_word(w) and w not in drug_words() and not _near_clinical(w)
                for _, w in names
            ]
            # one known surname makes its neighbour a name too, if no dictionary holds it ('d. renna')
            for (k, w), is_known in zip(names, known):
                if any(known) and (is_known or (self._unknown_name(w) and not english_words.listed_word(w))):
                    out.append(make_result(self, self.ENTITY, m.start(k), m.end(k), 0.5))
        for m in self._lower_caller.finditer(text):
            word = m.group(1)
            # 'george' is a common word in the counts, but not before 'called'
            if (word in _WORD_FIRST_NAMES and word not in _VERB_FIRST_NAMES) or _known_first_name(
                word, first
            ):
                out.append(make_result(self, self.ENTITY, m.start(1), m.end(1), 0.5))
        for m in self._lower_doctor.finditer(text):
            word = m.group(2)
            known = word.capitalize() in last and word not in _AFTER_DOCTOR
            unknown = (
                # 'md wyman aware', but 'per md vebal' is a word misspelt (verbal)
                not (m.group().startswith("md") and english_words.near_common_word(word))
                and len(word) >= 4
                and word not in COMMON_LOWER
                and word not in _AFTER_DOCTOR
                and not word.endswith(("ed", "ing", "ly"))
            )
            if known or unknown:
                out.append(make_result(self, self.ENTITY, m.start(1), m.end(1), 0.55 if known else 0.5))
        # a role before a name in capitals: "IV NURSE VIRGINIA SALLESE CALLED" (a known first name, any surname)
        for m in self._role_capitals.finditer(text):
            given, family = m.group(1).capitalize(), m.group(2)
            if (
                given in first
                and given.lower() not in COMMON_LOWER
                and family.lower() not in _kin_not_names()
            ):
                out.append(make_result(self, self.ENTITY, m.start(1), m.end(2), 0.6))
        for m in self._capitals_pair.finditer(text, overlapped=True):
            given, family = m.group(1).capitalize(), m.group(2).title()  # title(): O'NEILL → O'Neill
            if given not in first or given.lower() in COMMON_LOWER:
                continue
            # any surname where a name is told of or signs: "BEA TURA AWARE", "WARREN KAVALIUNAS NP"
            told = family in last or (
                len(family) >= 3
                and family.upper() not in _CREDENTIALS  # 'B. CLIFFORD MD AWARE': the degree is no surname
                and self._told_or_signed.match(text, m.end())
                and not common_word(family)
                and family.lower() not in _kin_not_names()
            )
            if told:
                out.append(make_result(self, self.ENTITY, m.start(), m.end(), 0.6))
        # an initial and a known surname before what doctors do: "J SMITH ORDERED EPI DRIP TO BE INCREASED"
        for m in self._initial_surname.finditer(text):
            if m.group(2).title() in last and self._told_or_signed.match(text, m.end()):
                out.append(make_result(self, self.ENTITY, m.start(), m.end(), 0.55))
        # the second of two doctors: "DRS JOSEPH AND ROBBINSON AWARE"; a known surname after 'per' ("PER
        # DOUGHERTY WILL HOLD"), any after 'md' ("per md Saeed"): not 'PER PROTOCOL', 'per md orders'
        for m in itertools.chain(self._second_doctor.finditer(text), self._per_surname.finditer(text)):
            word = m.group("name")
            low = word.lower()
            # a title, or an initial before the name ('AS PER B. KARGAS'), says a person follows
            titled = (
                m.re is self._second_doctor
                or m.group("by").lower() in ("md", "np", "per md")
                or bool(m.groupdict().get("initial"))
            )
            known = word.title() in last or word.capitalize() in first
            # after a title a known first name counts though it is a word too ('NP CAROL'; not '4L NP GOOD', nasal
            # prongs and a surname that is a word); after 'per' it must not be one
            if (common_word(low) and not (titled and word.capitalize() in first)) or low in COMMON_LOWER:
                continue
            if low in drug_words() or _near_clinical(low) or low in _kin_not_names():
                continue
            if known or (titled and len(word) >= 4 and not english_words.listed_word(low)):
                start = m.start("initial") if m.groupdict().get("initial") else m.start("name")
                out.append(make_result(self, self.ENTITY, start, m.end("name"), 0.55))
        for m in self._surname_first.finditer(text):
            family, given = m.group(1).capitalize(), m.group(2).capitalize()
            if family in last and given in first:
                out.append(make_result(self, self.ENTITY, m.start(), m.end(), 0.6))
        for m in self._subject_age.finditer(text):
            words = [m.group(1).lower(), m.group(2).lower()]
            known = m.group(1).capitalize() in first or m.group(2).capitalize() in last
            if all(w not in COMMON_LOWER and w not in _kin_not_names() for w in words) and (
                known or all(self._unknown_name(w) for w in words)
            ):
                out.append(make_result(self, self.ENTITY, m.start(1), m.end(2), 0.6))
        # only where case says nothing: a line with a capital has capitalised names
        for line in self._lower_line.finditer(text):
            for m in self._lower_pair.finditer(text, line.start(), line.end(), overlapped=True):
                given, family = m.group(1).capitalize(), m.group(2).capitalize()
                if given not in first or m.group(1) in COMMON_LOWER or m.group(2) in COMMON_LOWER:
                    continue
                # a middle initial makes a name, and so does a second given name before a word no list
                # knows: "mary theresa kondouli from speech and swallow"; and a credential after it makes a
                # signature: "irene snell, rn"
                third = self._third_name_end(text, m, first)
                signed = self._credential.match(text, m.end()) is not None
                if _eponym_after(text, m.end()):
                    continue  # 'mallory weiss tear': a finding named after people
                # a surname that is a common word and no given name ('amber clear urine') needs more than the lists
                listed = family in last and (not common_word(m.group(2)) or family in first)  # 'naomi ryan'
                if listed or m.end(1) + 1 < m.start(2) or third or signed:
                    out.append(make_result(self, self.ENTITY, m.start(), third or m.end(), 0.5))
        return out
