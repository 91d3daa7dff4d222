"""English clinical recognizers: record numbers, ages, street addresses, facilities, clinical dates, phones.

What stock Presidio misses in clinical notes; each class has a table of cases in
tests/deid/test_deid_recognizers_en.py.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from corpuskit.stages.deid.recognizers.base import NAME_WORD, TablePatternRecognizer
from corpuskit.stages.deid.recognizers.en_names import lexicons

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
# tests a note dates by writing the date right after them: "echo 3/14", "PFTs 5/71"
_DATED_TESTS = r"(?:PFTs?|echo|TTE|CT|MRI|cath|colonoscopy|EGD|LBM|last BM)"  # LBM 11/4: last bowel movement


class MedicalRecordNumberRecognizer(TablePatternRecognizer):
    """MRN and other record numbers after their label: 'MRN: 004-55-1923', 'Medical record #A1234567'."""

    ENTITY = "MRN"
    LANGUAGES = ("en",)
    IGNORECASE = True
    _LABEL = (
        r"(?:MRN|MR\s?#|MR\s?No\.?|Med(?:ical)?\.?\s+Rec(?:ord)?\.?(?:\s+(?:No\.?|Number|Num|#))?|"
        r"(?:Patient|Pt\.?)\s+(?:ID|No\.?|Number|#)|Chart\s+(?:No\.?|Number|#)|Record\s+(?:No\.?|Number|#)|"
        r"Unit\s+(?:No\.?|Number|#)|Encounter\s+(?:ID|No\.?|Number|#)|Visit\s+(?:ID|No\.?|#)|"
        r"Admission\s+(?:ID|No\.?|#)|Accession(?:\s+(?:No\.?|Number|#))?|Specimen\s+(?:ID|No\.?|#)|"
        r"Index\s+(?:No\.?|Number|#)|Batch(?:\s+(?:No\.?|#))?|Order\s+(?:No\.?|Number|#)|Requisition\s+(?:No\.?|#)|"
        r"Case(?:\s+(?:No\.?|Number|#)|(?=\s*:))|Hospital\s+(?:No\.?|Number|#)|NHS\s+(?:No\.?|Number)|Health\s+Card\s+No\.?|"
        r"(?:Dictation|Transcription|Job|Document)\s+(?:ID|No\.?|Number|#)|JN)"
    )
    PATTERNS = [
        (
            "labelled_record",
            r"(?<=\b" + _LABEL + r"\s*[:#]{0,2}\s*)(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,24}\b",  # MRN#: too
            0.85,
        ),
        # a surgical pathology or cytology accession, prefix-year-number: "sent to pathology (S94-31877)"
        ("pathology_accession", r"(?-i:\b[A-Z]{1,3}-?\d{2}-\d{4,7}\b)", 0.6),
        # a long number in a ^- or |-delimited export line (HL7 v2 segments, EHR visit headers:
        # "EDVISIT^58126334^ZUNIGA, PAUL^06/29/82")
        ("delimited_field", r"(?<=[\^|])\d{5,12}(?=[\^|])", 0.5),
        # health plan member numbers, the payer's name may come between: "Health plan: BCBS #XGH449812001"
        (
            "health_plan",
            r"(?<=\b(?:health\s+plan|insurance|member|subscriber|policy|medicaid|medicare)(?:\s+(?:ID|No\.?|number|#))?"
            r"\s*[:#]?\s*(?:[A-Z][A-Za-z&]{1,12}\s*)?#?\s*)(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{5,24}\b",
            0.7,
        ),
    ]
    CONTEXT = ["mrn", "record", "chart", "patient", "encounter"]


_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
# an age in words, up to "one hundred and five"
_AGE_WORDS = (
    rf"(?:(?:one\s+)?hundred(?:\s+and)?(?:[\s-]+(?:{_TENS}(?:[\s-]{_UNITS})?|{_TEENS}|{_UNITS}))?|"
    rf"{_TENS}(?:[\s-]{_UNITS})?|{_TEENS}|{_UNITS})"
)


class EnglishAgeRecognizer(TablePatternRecognizer):
    """Ages: 'Age: 76', 'aged 92', '76 y/o', '76yo', '76-year-old', '92 years old', '45M'."""

    ENTITY = "AGE"
    LANGUAGES = ("en",)
    IGNORECASE = True
    PATTERNS = [
        ("age_label", r"(?<=\b(?:age|aged|age\s+of)(?:\s*/\s*(?:sex|gender))?\s*[:=]?\s*)\d{1,3}\b", 0.85),
        (
            "age_suffix",
            r"\b\d{1,3}(?=\s*(?:-\s*)?(?:y/o|y\.o\.?|yo\b|yrs?\.?\s+old|years?[\s-]+old|year-old|"
            r"-?years?-of-age|yr-old))",
            0.85,
        ),
        # not '2.5M' (mcg), nor catheter sizes in French: '6F/8F SHEATH', '7 Fr', '5F/7F'
        ("age_sex", r"(?-i:\b(?<![\d.]|\dF/)\d{1,3}(?=\s?(?:M|F|yo[MF])\b)(?!F/\d))", 0.5),
        # "died at 63", "alive at 88", "diagnosed at age 40" (family history reads this way)
        (
            "age_at_event",
            # the cause may come between: "died of MI at 52", "diagnosed with breast cancer at 45"
            r"(?<=\b(?:died|passed\s+away|deceased|alive|diagnosed|dx'?d?|death)"
            r"(?:\s+(?:of|from|with)(?:\s+[\w'-]+){1,4}?)?\s+(?:at|@)\s+(?:age\s+)?)\d{1,3}\b"
            r"(?!\s*(?:%|am|pm|mg|:|weeks?|days?|hours?|months?))",
            0.7,
        ),
        # "Brother Sven (61) has DM": the age in brackets after a relative's name
        (
            "age_kin_brackets",
            # also with the name inside: "His mother (Ursula, 61)"
            r"(?<=\b(?i:mother|father|mom|dad|wife|husband|son|daughter|brother|sister|grandmother|grandfather|"
            r"partner|spouse|aunt|uncle|cousin)\s+(?:\p{Lu}[\p{Ll}'’-]+[ \t]+){0,2}\((?:\p{Lu}[\p{Ll}'’-]+,?[ \t]+)?)"
            r"\d{1,3}(?=\))",
            0.6,
        ),
        # "Her mother is 94 and lives alone", "He is now 67.": a person's age after is/was, where the
        # number ends the clause ("He is 5 days post-op", "BP is 120/80" are not ages)
        (
            "age_is",
            r"(?<=\b(?:he|she|patient|pt|mother|father|mom|dad|wife|husband|son|daughter|brother|sister|"
            r"grandmother|grandfather|partner|spouse)\s+(?:is|was)\s+(?:now\s+|only\s+)?)\d{1,3}"
            r"(?=\s*(?:years?|yrs?|y/?o)\b|\s*[,;]|\.(?!\d)|\s+(?:and|now|today)\b|\s*$)",
            0.6,
        ),
        # "Mrs. Vaughn-Pierce, 71, was seen": the number set off after an honorific and name
        (
            "age_apposition",
            # also after a relative's name: "Son is Gabriel, 34, lives in Providence"
            r"(?<=\b(?:Mr|Mrs|Ms|Miss|Mx|(?i:son|daughter|wife|husband|brother|sister|partner|friend)(?:\s+is)?)\.?\s+"
            r"(?-i:(?:[A-Z][\p{L}'’-]+\s+){0,2}[A-Z][\p{L}'’-]+),\s*)\d{1,3}(?=\s*,)",
            0.6,
        ),
        # spelled out, as dictated notes write them: "a ninety-two-year-old", "aged eighty-seven"
        (
            "age_words",
            r"(?:(?<=\b(?:age|aged|age\s+of)\s*[:=]?\s*)"
            + _AGE_WORDS
            + r"\b|\b"
            + _AGE_WORDS
            + r"(?=[\s-]+(?:years?[\s-]+old|year-old|yr-old|y/o)))",
            0.8,
        ),
        # "just turned 60", "I'll turn 23", "written when he was 78" (not "turned 90 degrees")
        (
            "age_event",
            r"(?<=\b(?:turn(?:ed|s|ing)?|when\s+(?:he|she|i|they|we|you)\s+(?:was|were|is|am|are))\s+)"
            r"\d{1,3}\b(?!\s*(?:%|degrees?|°|times|mg|kg|cm|mm|ml|min|minutes?|hours?|days?|weeks?|months?|"
            r"percent|units?|points?|pages?))",
            0.7,
        ),
    ]
    CONTEXT = ["age", "old", "y/o"]

    def validate_result(self, pattern_text: str) -> bool | None:
        """No one is over 125: 'she was 205' is a blood sugar."""
        return False if pattern_text.isdigit() and int(pattern_text) > 125 else None


class StreetAddressRecognizer(TablePatternRecognizer):
    """Street addresses: '1200 North Elm Street, Apt 4B', 'P.O. Box 552', with optional city, ST 12345."""

    ENTITY = "ADDRESS"
    LANGUAGES = ("en",)

    def validate_result(self, pattern_text: str) -> bool | None:
        """A number, ordinary words and a number with no street's suffix is a setting, not an address:
        'A/C 750 Rate 10' (but '6750 Koskikatu 25' is a street)."""
        words = pattern_text.split()
        if len(words) < 3 or not (words[0].isdigit() and words[-1][:1].isdigit()):
            return None
        from corpuskit.stages.deid.english_words import common_word
        from corpuskit.stages.deid.postprocess import CLINICAL_DENY

        middle = words[1:-1]
        if any(_STREET_SUFFIX.fullmatch(w) for w in middle):
            return None
        return False if all(common_word(w) or w.lower() in CLINICAL_DENY for w in middle) else None

    # USPS street suffixes (Publication 28, the common ones), plural forms allowed
    _SUFFIX = (
        r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|Terrace|Terr|Ter|"
        r"Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl|Crescent|Close|Row|Plaza|Alley|Loop|Pike|"
        r"Shore|Inlet|Knoll|Manor|Garden|Burg|Divide|Walk|Ranch|Village|Island|Isle|Harbor|Haven|Heights|Hill|"
        r"Hollow|Junction|Key|Lake|Landing|Light|Lodge|Mall|Meadow|Mill|Mission|Mount|Mountain|Orchard|Oval|"
        r"Park|Pass|Path|Pine|Point|Port|Prairie|Ridge|River|Run|Spring|Station|Stream|Summit|Track|Trace|"
        r"Turnpike|Union|Valley|View|Vista|Well|Wells|Cove|Creek|Crest|Crossing|Dale|Dam|Estate|Expressway|"
        r"Extension|Falls|Ferry|Field|Flat|Ford|Forest|Forge|Fork|Fort|Freeway|Glen|Green|Grove|Camp|Canyon|"
        r"Cape|Causeway|Center|Cliff|Club|Common|Corner|Curve|Bay|Bayou|Beach|Bend|Bluff|Bottom|Branch|Bridge|"
        r"Brook|Bypass|Gateway|Hills|Lakes|Locks|Loaf|Motorway|Neck|Plains|Radial|Rapids|Rest|Route|Shoal|"
        r"Skyway|Spur|Stravenue|Throughway|Tunnel|Underpass|Viaduct|Ville|Wall)s?"
    )
    _UNIT = r"(?:,?\s+(?:Apt|Apartment|Suite|Ste|Unit|Room|Rm|Fl|Floor|#)\.?\s*#?[A-Z0-9-]+)?"
    # USPS state and territory codes: "Boston, MA 02114", not "Heparin, IV 10000"
    _STATE = (
        r"(?:A[KLRSZ]|C[AOT]|D[CE]|F[LM]|G[AU]|HI|I[ADLN]|K[SY]|LA|M[ADEHINOPST]|N[CDEHJMVY]|O[HKR]|P[AR]|RI|"
        r"S[CD]|T[NX]|UT|V[AIT]|W[AIVY])"
    )
    _CITY_STATE_ZIP = r"(?:,\s*(?:[A-Z][a-z]+\s?){1,3},?\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?)?"
    PATTERNS = [
        (
            "street",
            r"(?<![\d.,])\b\d{1,6}[A-Z]?\s+(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\s+)?"
            r"(?:[A-Z][A-Za-z'-]+\.?\s+|\d{1,3}(?:st|nd|rd|th)\s+){1,4}"
            + _SUFFIX
            + r"\b\.?"
            + _UNIT
            + _CITY_STATE_ZIP,
            0.8,
        ),
        ("po_box", r"\bP\.?\s?O\.?\s+Box\s+\d{1,6}\b", 0.8),
        # a street without its number after on/off/near: "the CVS on Mass Ave", "lives off Route 9"
        (
            "street_named",
            r"(?<=\b(?i:on|off|near|along|at\s+the\s+corner\s+of)[ \t]+)(?:\p{Lu}[a-z]+\.?[ \t]){1,2}"
            r"(?:St\b(?!\.?[ \t]*\p{Lu})\.?|(?:Street|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Court|Ct|Terrace|"
            r"Terr|Parkway|Pkwy|Highway|Hwy|Square|Sq|Turnpike|Pike)\b\.?)"  # not "St. John's"
            r"|(?<=\b(?i:on|off|near|along)[ \t]+)Route[ \t]+\d{1,3}\b",
            0.6,
        ),
        (
            "military",
            r"\b(?:PSC|Unit|USNS|USNV|USS|USCGC)\s+[\w ]{1,20}?,?\s*(?:Box\s+\d{1,5},?\s*)?(?:APO|FPO|DPO)\s+A[AEP]"
            r"\s+\d{5}\b",
            0.85,
        ),
        ("unit", r"\b(?:Apt|Apartment|Suite|Ste|Unit|Room|Rm)\.?\s*#?\d{1,5}[A-Z]?\b", 0.6),
        (
            "intl_street",
            r"\b(?:Rue|Via|Viale|Calle|Avenida|Av\.|Rua|Piazza|Ulica|ul\.|Chemin|Strada|Carrer|Paseo)\s+"
            r"(?:[\p{L}'’.-]+\s+){0,3}[\p{L}'’.-]+\s+\d{1,5}[a-z]?\b",
            0.7,
        ),
        (
            "intl_street_suffix",
            r"\b\p{Lu}[\p{L}'’-]*(?:vej|weg|straße|strasse|str\.|gatan|gata|gade|katu|tie|laan|plein|"
            r"gasse|allee|veien|vegen|väg|vägen|utca|u\.|tér|körút|kuja|polku|tori)\s+\d{1,5}[a-z]?\b",
            0.7,
        ),
        (
            "number_words_number",
            # words of one line, joined by spaces, not the decimal of a lab value: "7.5⏎Creatinine⇥1.0"
            # words with lower case: '30 PCWP 30', '24 CVP 15' are pressures
            r"(?<![\d.,])\b\d{1,6} +\p{Lu}\p{Ll}[\p{L}'’-]*(?: +\p{Lu}\p{Ll}[\p{L}'’-]*){0,2} +\d{1,4}[a-z]?\b(?![.,]\d)",
            0.5,
        ),
        # any "number + words (+ unit), City, ST 12345": the city/state/ZIP tail vouches for the street part
        (
            "street_city_state_zip",
            r"\b\d{1,6}\s+(?:[A-Z][A-Za-z'-]+\.?\s+){0,3}[A-Z][A-Za-z'-]+\.?"
            + _UNIT
            + r",\s*(?:[A-Z][a-z]+\s?){1,3},\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?\b",
            0.85,
        ),
        # "Boston, MA 02114" on the line under a street (a one-word city too), with a real state code
        (
            "city_state_zip",
            r"\b(?:[A-Z][a-z]+ ){0,3}?[A-Z][a-z]+,? +" + _STATE + r" +\d{5}(?:-\d{4})?\b"
            r"(?!\s*(?:units?|mg|mcg|ml|IU)\b)",
            0.75,
        ),
        # number-first streets of French, Spanish, Portuguese and Italian addresses: "17 Rue de la Paix"
        (
            "intl_number_street",
            r"\b\d{1,5}(?:\s?(?:bis|ter))?,?\s+(?:Rue|Avenue|Boulevard|Bd|Allée|Impasse|Quai|Chemin|Place|Calle|"
            r"Avenida|Rua|Via|Viale|Piazza|Corso)\s+(?:(?:de|du|des|la|le|les|del|della|da|do|dos|di|l'|d')\s*){0,2}"
            r"\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3}",
            0.7,
        ),
        ("zip_labelled", r"(?i:(?<=\b(?:zip|postal)(?:\s+code)?\s*[:#]?\s*))\d{5}(?:-\d{4})?\b", 0.8),
        # postcodes of any country after their label: "ZIP: 3520", "Postcode: 7412 SL", "PLZ 53-320"
        (
            "postcode_labelled",
            r"(?i:(?<=\b(?:zip|postal|postcode|post\s+code|plz)(?:\s+code)?\s*[:#]?\s*))"
            r"(?=[A-Z0-9 -]*\d)(?:[A-Z0-9]{2,5}[ -][A-Z0-9]{2,4}|[A-Z0-9]{3,5})\b"
            r"(?!\s*(?:mg|mcg|ml|kg|g|%|units?|days?|weeks?|months?)\b)",
            0.75,
        ),
    ]
    CONTEXT = ["address", "lives", "resides", "street", "home"]


# a street's suffix or a unit's word vouches for an address: '633 Strada Provinciale 65 22 Suite 455'
_STREET_SUFFIX = regex.compile(
    r"(?:"
    + StreetAddressRecognizer._SUFFIX
    + r"|Apt|Apartment|Suite|Ste|Unit|Room|Rm|Fl|Floor|Box|Building|Bldg)\.?"
)


def _alternation(names) -> str:
    """Place names as one regex alternation, longest first, with any spacing between their words."""
    return "|".join(
        r"[ \t]+".join(regex.escape(w) for w in n.split()) for n in sorted(names, key=len, reverse=True)
    )


def _region_alternations() -> tuple[str, str]:
    from corpuskit.stages.deid.english_words import region_names, us_state_names

    return _alternation(region_names()), _alternation(us_state_names())


# US states and the world's countries (english_words.region_names); US states alone, for a lower-case town
# before its state
_REGION_NAMES, _US_STATE_NAMES = _region_alternations()


class ResidencePlaceRecognizer(TablePatternRecognizer):
    """Towns and countries where someone lives, comes from or travels: 'lives in Plainville', 'flew to RYSSBY'.

    A town name alone is just a capitalised word; the verb before it says it is a place, and
    the small NER model misses upper-case and foreign ones (SEINÄJOKI, Akureyri).
    """

    ENTITY = "LOCATION"
    LANGUAGES = ("en",)
    _VERB = (
        r"(?:lives?|living|lived|resides?|residing|resided|moved(?:\s+(?:here|back))?|relocated|born|grew\s+up|"
        r"raised|flew|flown|travell?ed|travell?ing|visiting|visited|vacationing|vacationed|originally|emigrated|"
        r"immigrated|based|located|headquartered|hometown\s+(?:is|of)|native|"
        r"(?:resident|citizen)(?=[ \t]+(?i:of|in)\b)|arrived|arriving|"
        r"staying|stayed|"
        r"(?-i:M|F)|male|female|man|woman|gentleman|lady|boy|girl)"
    )
    _PLACE = (
        r"\p{Lu}[\p{L}'’-]+(?:[ \t]+(?:(?:de|la|del|do|da|upon|am)[ \t]+){0,2}"
        r"(?!(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b)\p{Lu}[\p{L}'’-]+){0,2}"  # not "Framingham Sat 7/11"
        r"(?![\p{L}])"
    )
    PATTERNS = [
        (
            "verb_preposition_place",
            r"(?<=\b(?i:"
            + _VERB
            + r")[ \t]+(?i:in|to|from|at|near|of|outside(?:[ \t]+of)?)[ \t]+(?:the[ \t]+)?)"
            + _PLACE,
            0.6,
        ),
        # "LIVES WITH SON AND FAMILY IN ROCKVILLE": who someone lives with, then where
        (
            "lives_with_in",
            r"(?<=\b(?i:lives?|living|resides?)[ \t]+(?i:with|w/)[ \t]+(?:[\p{L}'’]+[ \t]+){1,5}(?i:in)[ \t]+)"
            + _PLACE,
            0.6,
        ),
        # "from home in Revere", "her apartment in Quincy", "d/c home to Framingham"
        (
            "home_in_place",
            r"(?<=\b(?i:home|house|apartment|condo|flat|farm)[ \t]+(?i:in|near|to|outside(?:[ \t]+of)?)[ \t]+)"
            + _PLACE,
            0.6,
        ),
        # a town and its state after a preposition: "an apartment in Chelmsford, MA", "visits from Nashua, NH"
        # (MD, PA and OR are left to the ZIP-code pattern: after a name they are a degree, a role, a room)
        (
            "city_state",
            r"(?<=\b(?i:in|from|to|near|of|at|outside)[ \t]+)(?:\p{Lu}[a-z]+[ \t]){0,2}\p{Lu}[a-z]+,[ \t]+"
            r"(?!MD|PA|OR)" + StreetAddressRecognizer._STATE + r"\b(?![ \t]*\d|\.\p{L})",
            0.6,
        ),
        # ... with MD, PA or OR after where someone lives or comes from, capitals too: "RECORDS FROM
        # ANNAPOLIS, MD" (after to/at/of a name and a degree are as likely: "faxed to Lee, MD")
        (
            "city_state_from",
            r"(?<=\b(?i:in|from|near|outside)[ \t]+)(?:(?:\p{Lu}[a-z]+[ \t]){0,2}\p{Lu}[a-z]+|"
            r"(?:[A-Z]{3,}[ \t]){0,2}[A-Z]{3,}),[ \t]+(?:MD|PA|OR)\b(?![ \t]*\d|\.\p{L})",
            0.6,
        ),
        # a lower-case note's town: "he lives nearby in rockport" (validated: no ordinary or clinical word)
        (
            "lives_in_lower",
            r"(?<=\b(?:lives|living|resides)(?:[ \t]+nearby)?[ \t]+in[ \t]+)\p{Ll}{4,}(?![\p{L}])",
            0.5,
        ),
        # a state or a country after from/in/to, in any case: "SPOKE ALSO TO SON FROM TEXAS", "going to Bermuda"
        # (the NER model misses capitals, and reads some islands as people;
        # '(Commonwealth) of' is left to it: 'the Commonwealth of Massachusetts' governs a contract)
        (
            "state_after_preposition",
            # (not the first word of a longer name: 'from Texas Children's Hospital', 'UNIVERSITY OF MARYLAND')
            r"(?<=\b(?i:from|in|to)[ \t]+(?:the[ \t]+)?)(?i:" + _REGION_NAMES + r")(?![\p{L}]|[ \t]+\p{Lu})",
            0.5,
        ),
        # a lower-case note's town before its state: "this towson maryland's facility" (validated as above)
        (
            "lower_town_state",
            r"(?<![\p{L}'’-])\p{Ll}{4,}(?=,?[ \t]+(?i:" + _US_STATE_NAMES + r")(?![\p{L}]))",
            0.5,
        ),
        # a relative by the town they come from: "daughter Grace of Reisterstown visited", "Nephew, Neil Meitz
        # of Towson"
        (
            "kin_of_place",
            r"(?<=\b(?i:son|daughter|dtr|brother|sister|wife|husband|niece|nephew|cousin|grandson|granddaughter|aunt|"
            r"uncle)[ \t]*,?[ \t]+\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+)?[ \t]+of[ \t]+)"
            r"\p{Lu}\p{Ll}{3,}(?:[ \t]\p{Lu}\p{Ll}+)?(?![\p{L}])",
            0.6,
        ),
        # landmarks name where a person was: "at Logan Airport", "near South Station", "Fenway Park"
        (
            "landmark",
            r"\b(?!(?i:the|at|in|on|to|from|near|by|and|or|of|an?|via|past|behind)\b)(?:\p{Lu}[\p{L}'’.-]+[ \t]+){1,3}"
            r"(?:(?=\p{Lu})(?i:station|park|stadium|mall|beach|bridge|harbou?r)|(?i:airport))\b"
            r"(?![ \t]+(?:St|Street|Rd|Road|Ave|Avenue|Blvd|Boulevard|Dr|Drive|Lane|Ln|Way|Pl|Place)\b)",  # a street's name
            0.5,
        ),
    ]
    # hospital units and care settings a patient is "moved to" or "lives in" are not places
    _NOT_PLACES = frozenset(
        "icu ccu micu sicu nicu picu pacu csru cvicu cticu ctu ed er or ob nursing assisted skilled rehab group hospice home "
        "floor ward unit step telemetry tele medicine surgery oncology cardiology neurology psychiatry "
        "pediatrics emergency labor recovery intensive observation general inpatient outpatient right left "
        "upper lower term osh nurses nurse charge dialysis work docking gas police fire service "
        # times of day: 'SON AND DAUGHTER VISITING IN EARLY EVENING'
        "early late morning afternoon evening night today tonight".split()
    )

    def validate_result(self, pattern_text: str) -> bool | None:
        from corpuskit.stages.deid.english_words import common_word
        from corpuskit.stages.deid.postprocess import known_name
        from corpuskit.stages.deid.propagate import common_words

        first = pattern_text.split()[0].rstrip(",")
        if first.lower() in self._NOT_PLACES or first.capitalize() in common_words():
            return False
        if pattern_text.islower() and _ordinary_or_clinical(pattern_text):
            return False  # 'lives in town', 'lives in rome' (a city that is a word is left to case)
        town = pattern_text.split(",")[0].split()
        if _DEGREE_AFTER.search(pattern_text) and (
            known_name(town[-1]) or (pattern_text.isupper() and all(map(common_word, town)))
        ):
            return False  # 'from Lee, MD': a doctor and a degree; 'IN PAIN, PA AWARE': a physician assistant
        return None


_DEGREE_AFTER = regex.compile(r",[ \t]+(?:MD|PA|OR)$")


class EmployerRecognizer(TablePatternRecognizer):
    """Where someone works, as social histories say it: 'works for the MBTA', 'a cashier at Stop & Shop'."""

    ENTITY = "ORGANIZATION"
    LANGUAGES = ("en",)
    _WORD = r"\p{Lu}[\p{L}'’-]*(?:\.\p{Lu}[\p{L}'’-]*)*"  # IBM, Stop, U.S; a sentence's full stop stays out
    _ORG = _WORD + r"(?:[ \t]+(?:of[ \t]+|&[ \t]+)?" + _WORD + r"){0,3}(?![\p{L}])"
    PATTERNS = [
        (
            "works_at",
            # "works part-time at⏎the Morse Institute Library": a how-much word, and a line break, may come between
            # (not a workup: 'had neuro work up at OH')
            r"(?<=\b(?i:works?(?![ \t]+up\b)|worked(?![ \t]+up\b)|working|employed|retired|teaches|taught|volunteers?|volunteered)"
            r"(?:[ \t]+(?i:part[- ]time|full[- ]time|currently|now|still|also))?"
            # words may come between before at/for: "teaches 3rd grade at the Lincoln School" (not "retired
            # engineer with PD")
            r"(?:\s+(?i:at|for|by|from|with)|(?:[ \t]+(?:\d+(?:st|nd|rd|th)|[a-z]{2,12})){1,2}\s+(?i:at|for))"
            r"\s+(?:the\s+)?)" + _ORG,
            0.6,
        ),
        # universities and colleges are named after their town: "University of VIERHÖF"
        ("university", r"\b(?:University|College|Institute)[ \t]+of[ \t]+(?:the[ \t]+)?" + _ORG, 0.6),
        # an occupation or employer field: "Occupation: bus driver for MBTA", "Employer: Raytheon"
        (
            "employer_field",
            r"(?<=\b(?i:employer|employed\s+by|place\s+of\s+employment)\s*:\s*(?:the\s+)?|"
            r"\b(?i:occupation|job)\s*:\s*[a-z]{2,20}(?:[ \t][a-z]{2,20}){0,2}[ \t]+(?:at|for|with)[ \t]+(?:the[ \t]+)?)"
            + _ORG,
            0.6,
        ),
        # "a nurse at BIDMC", "an engineer at Raytheon": a job word, then where
        (
            "job_at",
            r"(?<=\b(?:a|an|as\s+an?)[ \t]+[a-z]{3,20}(?:[ \t][a-z]{3,20})?[ \t]+(?:at|for|with)[ \t]+(?:the[ \t]+)?)"
            + _ORG,
            0.5,
        ),
    ]

    _NOT_EMPLOYERS = frozenset(
        "home night nights times present baseline rest work school clinic hospital family patient pt team staff".split()
    )

    def validate_result(self, pattern_text: str) -> bool | None:
        from spacy.lang.en.stop_words import STOP_WORDS

        from corpuskit.stages.deid.postprocess import CLINICAL_DENY

        words = pattern_text.split()
        first = words[0].lower()
        if first in STOP_WORDS or first in CLINICAL_DENY or first in self._NOT_EMPLOYERS:
            return False  # "works at Home", "for The company", "a follow up at Cardiology clinic"
        if pattern_text.isupper() and any(w.lower() in STOP_WORDS for w in words[1:] if w not in ("OF", "&")):
            return False  # a sentence in capitals: 'WORK WITH FAMILY AS TO LONG AND SHORT TERM PLAN'
        return None


# an all-capitals hospital acronym: MGH, BWH, BMC, BIDMC, UMMC, NEBH — not "outside hospital", long-term
# acute care, or findings and hormones that end the same way (ICH, SAH, LVH, BPH, TSH …)
# (the exclusions are a look-behind after the word: checked on a candidate, not at every word start)
_ACRONYM = (
    r"(?<!\w)[A-Z]{1,5}(?:H|MC|HC)\b"
    r"(?<!\b(?:OSH|LTACH|LTCH|ACH|ICH|SAH|IVH|SDH|EDH|BPH|LVH|RVH|PPH|NPH|TSH|FSH|ACTH|PTH|LH|DH|MH))"
)


# units and services inside a hospital, written as acronyms where a facility's acronym would stand
_HOSPITAL_UNITS = frozenset(
    "CATH ICU CCU MICU SICU CVICU NICU PICU PACU OR ER ED EW PT OT IR EP GI CT MRI EEG EKG ECG ECHO TEE DIALYSIS".split()
)


# 'Room 12', and ventilator modes: 'CHANGED BACK TO CPAP 20/10'
# ordinary words that hospitals are named with (a lower-case note's 'the general hospital' stays generic)
_HOSPITAL_NAME_WORDS = frozenset(
    [
        "sacred heart",
        "holy cross",
        "holy family",
        "holy redeemer",
        "good samaritan",
        "good shepherd",
        "mount sinai",
        "mt sinai",
        "mercy",
        "providence",
        "bethesda",
        "beth israel",
        "st mary's",
        "union memorial",
    ]
)
_LOWER_FACILITY_KIND = (
    # (not a bare 'rehab': 'poss rehab', 'prev rehab', 'subacute rehab' are shorthand)
    r"(?:hospital|hosp|medical center|nursing home|rehab(?:ilitation)? (?:center|facility|hospital)|memorial|campus)"
)


def _ordinary_or_clinical(word: str) -> bool:
    """An ordinary English word, a clinical word or a drug: no place's name when written in lower case."""
    from corpuskit.stages.deid.english_words import drug_words, ordinary_word
    from corpuskit.stages.deid.postprocess import CLINICAL_DENY

    return ordinary_word(word) or word.lower() in CLINICAL_DENY or word.lower() in drug_words()


_WARD_WORDS = frozenset(
    "FLOOR ROOM RM BED UNIT WARD POD BAY LEVEL STATION SUITE TEAM SERVICE STEP DOWN "
    "CPAP BIPAP PS PSV IMV SIMV AC PEEP VENT RATE".split()
)
_WARD_SHAPE = regex.compile(r"(\p{L}+)[ \t]*\d{1,2}[A-Z]?")


# words and generic abbreviations that stand before ER/ED where a hospital's abbreviation would
_NOT_FACILITY_ABBREVIATIONS = frozenset("OSH OUTSIDE THE AN OUR HIS HER THEIR SAME LOCAL PT PTS VIA".split())


class HealthcareFacilityRecognizer(TablePatternRecognizer):
    """Hospitals and clinics by name: 'Massachusetts General Hospital', 'St. Mary's Medical Center'."""

    ENTITY = "ORGANIZATION"
    LANGUAGES = ("en",)
    _KIND = (
        r"(?:Hospital|Medical Cent(?:er|re)|Health(?:care)? Cent(?:er|re)|Clinic|Health System|Infirmary|Hospice|"
        r"Nursing Home|Rehabilitation Cent(?:er|re)|Rehab Cent(?:er|re)|Cancer Cent(?:er|re)|Care Cent(?:er|re)|"
        r"Children's Hospital|Surgical Cent(?:er|re)|Healthcare|Health|Medical Group|Memorial|Hosp\b\.?|"
        r"Nursing Facility|Nursing Cent(?:er|re)|Care Facility|Rehab(?:ilitation)? Facility|Assisted Living|"
        r"Senior Living|Rest Home|Retirement Home)"
    )
    _NAME_WORD = r"(?:St\.|Saint|Mount|Mt\.|[A-Z][A-Za-z'&.-]+)"
    PATTERNS = [
        (
            "facility",
            # words of one line: "Dr. Smith⏎Boston Medical Center" must not take "Smith"
            r"\b(?:"
            + _NAME_WORD
            + r"[ \t]){1,5}"
            + _KIND
            + r"\b(?:[ \t](?:of|at)[ \t](?:[A-Z][a-z]+[ \t]?){1,3})?",
            0.75,
        ),
        (
            # two names joined by "and"/"&": Brigham and Women's Hospital, Beth Israel & Deaconess Clinic
            "facility_joined",
            r"\b(?:"
            + _NAME_WORD
            + r"[ \t]){1,3}(?:and|&)[ \t](?:"
            + _NAME_WORD
            + r"[ \t]){1,3}"
            + _KIND
            + r"\b",
            0.75,
        ),
        (
            # a saint's name before a hospital unit names the hospital: St. Vincent's ED, Saint Mary's ICU
            "saint_unit",
            r"\b(?:St\.|Saint)[ \t][A-Z][A-Za-z'’-]+(?:[ \t][A-Z][A-Za-z'’-]+)?"
            r"(?=[ \t](?:ED|ER|ICU|CCU|NICU|Emergency|campus|Campus)\b)",
            0.7,
        ),
        (
            # a letterhead in capitals: BALDWIN CLINIC, ST. ELIZABETH'S MEDICAL CENTER (not OUTPATIENT CLINIC)
            "facility_caps",
            # the words of a sentence in capitals before it stay out: "HE WAS SEEN AT UMASS MEMORIAL"
            r"\b(?:(?!(?:HE|SHE|WAS|WERE|IS|ARE|ON|AT|IN|TO|FROM|OF|THE|A|AN|AND|WITH|BY|FOR|HIS|HER|THEIR|SEEN|"
            r"ADMITTED|TRANSFERRED|DISCHARGED|REFERRED|FOLLOWED|TREATED|TAKEN|SENT|BROUGHT|PRESENTED|EVALUATED)\b)"
            r"[A-Z][A-Z'&.-]+[ ]+){1,4}(?:HOSPITAL|HOSP|CLINIC|MEDICAL CENT(?:ER|RE)|HEALTH CENT(?:ER|RE)|REHAB|"
            r"INFIRMARY|HOSPICE|NURSING HOME|MEMORIAL(?![ \t]+DAY)|HEALTH SYSTEM|HEALTHCARE)\b",
            0.7,
        ),
        # a note typed in lower case: "transferred from reisterstown hospital", "to kessler-adventist rehab
        # facility" (validated: no ordinary word)
        (
            "facility_lower",
            r"(?<![\p{L}])[a-z][a-z'-]{3,}[ \t]" + _LOWER_FACILITY_KIND + r"\b",
            0.6,
        ),
        # ... and hospitals named with ordinary words: "transferred from sacred heart hosp"
        (
            "facility_lower_named",
            r"(?<![\p{L}])(?:"
            + "|".join(sorted(_HOSPITAL_NAME_WORDS, key=len, reverse=True)).replace(" ", r"[ \t]")
            + r")[ \t]"
            + _LOWER_FACILITY_KIND
            + r"\b",
            0.6,
        ),
        # a hospital's abbreviation before its emergency room: "came to GH EW", "enroute to gh er"
        (
            "facility_before_er",
            r"(?<=\b(?i:to|at|from|in|into)[ \t]+|->[ \t]*)(?:[A-Z]{2,5}|[a-z]{2,4})(?=[ \t]+(?:ER|EW|ED|er|ew)\b)",
            0.6,
        ),
        # a saint's name where a patient goes or comes from: "TO GO TO ST. MARY ON TUESDAY", "from St. Agnes"
        (
            "saint_after_preposition",
            # in capitals only with its dot: 'SR TO ST WITH OCCASIONAL PVC' is sinus tachycardia
            r"(?<=\b(?i:to|at|from)[ \t]+)(?:St\.?|ST\.|Saint|SAINT)[ \t]+\p{Lu}[\p{L}]+(?:['’][Ss])?(?![\p{L}])",
            0.6,
        ),
        (
            "facility_of",
            r"\b(?:University\s+)?(?:Hospital|Clinic|Infirmary)\s+of\s+(?:[A-Z][A-Za-z]+\s?){1,4}",
            0.75,
        ),
        # a hospital's acronym where a patient goes or comes from: "transferred to MGH", "followed at
        # BIDMC". Only acronyms ending as hospitals' do (…H, …MC, …HC): the clinical ones after these
        # verbs end otherwise (MICU, ED, OR, SNF) but for "outside hospital" and "long-term acute care"
        (
            "facility_acronym",
            r"(?<=\b(?i:admitted|readmitted|tra?n?s?ferr?e?d|transfer|xferr?e?d|presented|presents|seen|followed|treated|"
            r"evaluated|discharged|sent|brought|taken|transported|airlifted|flown|came|returned|delivered|"
            r"born|works?|worked|employed|hospitali[sz]ed|consult|consults|consultation)[ \t]+(?i:to|at|from|in|by)[ \t]+"
            r"(?i:the[ \t]+)?)" + _ACRONYM,
            0.6,
        ),
        # ... and before a unit of it: "BMC ED", "MGH Emergency Department"
        ("facility_acronym_unit", _ACRONYM + r"(?=[ \t](?:ED|ER|ICU|CCU|Emergency|campus)\b)", 0.6),
        # ... and after a department in a signature or cc line: "cc: Dr. Xavier Quintero, Cardiology, BMC"
        (
            "facility_acronym_after_department",
            r"(?<=\b(?:Cardiology|Oncology|Neurology|Medicine|Surgery|Pediatrics|Radiology|Psychiatry|Nephrology|"
            r"Endocrinology|Pulmonology|Gastroenterology|Urology|Orthopedics|Dermatology|Rheumatology|Hematology|"
            r"Obstetrics|Gynecology|Neurosurgery|Anesthesia|Pathology),[ \t]*)" + _ACRONYM,
            0.6,
        ),
        # ... or its place first: "TO BALTIMORE VA-INTUBATED", "seen at the Boston VA" (a state follows a comma)
        (
            "place_veterans_facility",
            r"\b(?:\p{Lu}[a-z]{3,}|[A-Z]{4,})[ \t]VA(?:MC)?\b",
            0.6,
        ),
        # a veterans' hospital by its place: "VA Boston", "the VA Palo Alto Health Care System"
        (
            "veterans_facility",
            r"\bVA(?:MC)?[ \t]+\p{Lu}[a-z]+(?:[ \t]\p{Lu}[a-z]+){0,2}"
            r"(?:[ \t](?i:Health\s?care\s+System|Medical\s+Cent(?:er|re)|Hospital))?",
            0.7,
        ),
        # a building before the unit in it, where a patient goes or comes from: "transferred to Lally MICU"
        (
            "building_unit",
            r"(?<=\b(?i:admitted|transferr?ed|moved|sent|came|returned)[ \t]+(?i:to|from)[ \t]+(?:the[ \t]+)?)"
            r"(?:\p{Lu}[a-z]{2,}|[A-Z]{3,})(?=[ \t]+(?:MICU|SICU|CCU|CVICU|CSRU|NICU|ICU|TSICU)\b)",
            0.6,
        ),
        # a ward or floor named after a building and its level: "at bedside on Ellison 12", "moved to Blake 7"
        (
            "ward",
            r"(?<=\b(?:(?i:transfer)|(?i:bedside|admitted|transfer(?:r?ed|ring)?|moved|sent|floor|unit|ward|called)"
            r"(?:[ \t]+(?i:today|tomorrow|tonight|later))?[ \t]+(?i:on|to)|(?i:back|pt\.?|patient)[ \t]+(?i:to)|"
            r"(?i:admitted|transferr?ed|moved|came|sent|returned|micu|sicu|ccu|icu|unit|floor)[ \t]+(?i:from))"
            r"[ \t]+(?:the[ \t]+)?)"
            r"(?!(?i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)(?:\p{Lu}(?:[a-z]{2,}|[A-Z]{3,})|[a-z]{4,})"
            r"[ \t]*\d{1,2}[A-Z]?\b"
            r"(?![/%])",
            0.6,
        ),
        # ... or waited for: "PLAN: QUARTERMAIN 2 WHEN BED AVAIL"
        (
            "ward_awaiting_bed",
            r"(?<![\p{L}\d])(?:\p{Lu}(?:[a-z]{2,}|[A-Z]{3,})|[a-z]{4,})[ \t]*\d{1,2}[A-Z]?"
            r"(?=[ \t]+(?i:when|once|if)[ \t]+(?:a[ \t]+)?(?i:bed)\b)",
            0.6,
        ),
    ]
    CONTEXT = ["admitted", "transferred", "hospital", "clinic", "seen at"]
    # capitalised department and service words: a heading made only of them names no place
    _GENERIC_CAPS = frozenset(
        "OUTPATIENT INPATIENT EMERGENCY PRIMARY CARE FAMILY GENERAL COMMUNITY UNIVERSITY TEACHING PEDIATRIC "
        "SKILLED ASSISTED LOCAL OUTSIDE NEARBY AREA LONG-TERM ACUTE SUBACUTE NURSING "
        "PAEDIATRIC CHILDREN'S WOMEN'S MATERNITY ANTENATAL PRENATAL CARDIOLOGY ONCOLOGY CANCER HEART SURGICAL "
        "SURGERY MEDICAL MEDICINE INTERNAL WALK-IN URGENT DENTAL EYE DIABETES ENDOCRINE ENDOCRINOLOGY NEUROLOGY "
        "ORTHOPEDIC ORTHOPAEDIC PSYCHIATRIC PSYCHIATRY MENTAL HEALTH RENAL DIALYSIS REHABILITATION REHAB PAIN "
        "SLEEP FERTILITY SPECIALTY SPECIALIST DAY THE A AN OF AND & HIV TB STD ENT GI OB/GYN OBSTETRIC "
        "GYNECOLOGY GYNAECOLOGY DERMATOLOGY RHEUMATOLOGY PULMONARY RESPIRATORY VASCULAR TRANSPLANT LIVER KIDNEY "
        "BREAST ALLERGY ASTHMA ANTICOAGULATION WOUND VETERANS VA STATE COUNTY CITY DISTRICT REGIONAL PRIVATE "
        "PUBLIC FREE MOBILE VIRTUAL TELEHEALTH FOLLOW-UP FOLLOW UP NEW PATIENT VISIT NOTE "
        # words of a sentence in capitals before the kind: 'WANTED TO LEAVE HOSPITAL', 'CARDIAC REHAB'
        "LEAVE LEAVING WANTS WANTED SIGN AMA GO GOING BACK HOME CARDIAC PHYSICAL ACUTE INPATIENT OUTPATIENT".split()
    )

    def validate_result(self, pattern_text: str) -> bool | None:
        """A capitals heading made only of generic words ("OUTPATIENT CLINIC") is no facility name
        (an acronym, one word, is checked by its pattern); nor is "a Skilled Nursing Facility", nor a
        unit of the hospital itself ("returned from CATH lab", "transferred to ICU")."""
        token = pattern_text.strip()
        veterans = _PLACE_VA.fullmatch(token)
        if veterans and (
            veterans.group(1).lower() in _capitals_not_names()
            or veterans.group(1).lower().endswith(("ed", "ing"))
        ):
            return False  # 'TRANSFERRED FROM VAMC', 'SENT VA FORMS': no place before the VA
        saint = _SAINT.fullmatch(token)
        if (
            saint
            and _ordinary_or_clinical(saint.group(1).lower())
            and saint.group(1).capitalize() not in lexicons()[0]
        ):
            return False  # 'SR TO ST. HIGH PRESSURES': sinus tachycardia (not 'to St. Mary', 'ST. AGNES')
        if regex.fullmatch(r"[A-Za-z]{2,5}", token) and (
            token.upper() in _HOSPITAL_UNITS
            or token.upper() in _NOT_FACILITY_ABBREVIATIONS
            or _ordinary_or_clinical(token.lower())
        ):
            return False  # "to the ER", "to OSH ER", "in ED"
        ward = _WARD_SHAPE.fullmatch(token)
        if ward:  # 'Quartermain 3' is a building; 'MICU 6', 'Floor 5', 'Room 12' are not
            name = ward.group(1)
            if name.upper() in _HOSPITAL_UNITS | _WARD_WORDS:
                return False
            # 'called to quartermain 6': in lower case, no ordinary, clinical or drug word; no drug at all
            # ('sent to Lasix 40')
            from corpuskit.stages.deid.english_words import drug_words

            if name.lower() in drug_words() or (name.islower() and _ordinary_or_clinical(name)):
                return False
            return None
        if (
            pattern_text.islower()
        ):  # 'reisterstown hospital', not 'the outside hospital' or 'cardiac rehab center'
            kind = regex.search(r"\s" + _LOWER_FACILITY_KIND + "$", pattern_text)
            words = pattern_text[: kind.start()].split() if kind else []
            if " ".join(words) in _HOSPITAL_NAME_WORDS:
                return None  # 'sacred heart hosp', 'holy cross hospital': ordinary words that name hospitals
            return None if words and not any(_ordinary_or_clinical(w) for w in words) else False
        if " " not in pattern_text.strip():
            return False if pattern_text.strip().upper() in _HOSPITAL_UNITS else None
        if not pattern_text.isupper():
            words = pattern_text.upper().split()
            kinds = (
                "NURSING FACILITY",
                "CARE FACILITY",
                "ASSISTED LIVING",
                "SENIOR LIVING",
                "REHAB FACILITY",
            )
            kind = next((k for k in kinds if pattern_text.upper().endswith(k)), None)
            if kind and all(w in self._GENERIC_CAPS for w in words[: -len(kind.split())]):
                return False
            return None
        words = pattern_text.split()
        if ".." in pattern_text:
            return False  # 'MED FOR COMFORT..BEGIN REHAB': two sentences run together
        if any(len(w) > 3 and w.endswith(".") for w in words[:-1]):
            return False  # 'SCATTERED RHONCHI. PT AWAITING REHAB': a sentence ends inside ('ST.' does not)
        if words[-1] == "REHAB" and any(
            "'" in w or w.lower() in _capitals_not_names() for w in words[:-1]
        ):  # "CON'T REHAB", 'PT AWAITING REHAB': shorthand, not 'HOLY CROSS REHAB'
            return False
        kind_words = 2 if words[-1] in ("CENTER", "CENTRE", "HOME") else 1
        return False if all(w in self._GENERIC_CAPS for w in words[:-kind_words]) else None


# ventilator settings are written as fractions: 'PEEP/PS 5/8', 'PSV increased to 10/5', 'CPAP .5% 5/8', 'wean down
# to 10/5' (but 'IABP weaned off 9/7' is a date)
# (a look back of ~25 characters: each pattern tests for a digit first, or it would run at every position)
_NOT_VENT = (
    r"(?<!\b(?i:peep|psv?|cpap|s?imv|bi-?pap|fio2|vent|flow-?\s?by|wean(?:ed|ing)?(?:\s+down)?\s+to)(?!\p{L})[^\n\d]{0,16}(?:[\d.]+%?[^\n\d]{1,3})?)"
    # a setting changed to a new one: 'mode decreased to 8/5'
    r"(?<!\b(?i:(?:de|in)creased|changed)[ \t]+to[ \t]+)"
    # right after an oxygen percentage: 'SIMV/PS, 500X10, 40%, & 5/8', 'IMV 700x10, 50% 8/5'
    r"(?<!\d%[,;]?[ \t]{0,2}(?:&[ \t]{0,2})?)"
)
# a month over a day that no exam scale can be, as its top is above the scale's: '10/3 PERSANTINE', '7/6'
_ABOVE_SCALE = "|".join(
    f"(?:{'|'.join(f'0?{n}' if n < 10 else str(n) for n in range(d + 1, 13))})/0?{d}\\b" for d in range(2, 7)
)


_MONTH_DAY_RANGE = regex.compile(r"(\d{1,2})/(\d{1,2})\s*(?:-|–|to|through|thru)\s*(\d{1,2})/(\d{1,2})")


class ClinicalDateRecognizer(TablePatternRecognizer):
    """Clinical date formats: '17 Oct 2022', 'Oct 17, 2022', '17-Oct-22', '10/17/2022', '2022-10-17', 'October 2022'."""

    ENTITY = "DATE"
    LANGUAGES = ("en",)
    IGNORECASE = True
    PATTERNS = [
        (
            "d_mon_y",
            r"\b" + _DAY + r"[\s-]+(?:of\s+)?" + _MONTH + r"[\s,-]+(?:" + _YEAR + r"|'?\d{2})\b",
            0.85,
        ),
        ("mon_d_y", r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", 0.85),
        ("mon_d", r"\b" + _MONTH + r"\s+" + _DAY + r"\b", 0.6),
        ("d_mon", r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?=\W)", 0.6),
        ("mon_y", r"\b" + _MONTH + r",?\s+" + _YEAR + r"\b", 0.7),
        (
            "weekday",
            r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b",
            0.6,
        ),  # "signed on Thursday", "on Tuesdays"
        (
            "numeric",  # not ventilator settings, 'CPAP/PSV 12/10/40%'; run into a word, 'am labs on10/14/82'
            r"(?<![\d/.])(?=\d)"
            + _NOT_VENT
            + r"(?:1[0-2]|0?[1-9])[/-](?:3[01]|[12]\d|0?[1-9])[/-](?:"
            + _YEAR
            + r"|\d{2})\b(?!\s*%)",
            0.8,
        ),
        ("numeric_dmy", r"\b(?:3[01]|[12]\d|0?[1-9])[/.](?:1[0-2]|0?[1-9])[/.]" + _YEAR + r"\b", 0.7),
        ("iso", r"\b" + _YEAR + r"[-/.](?:1[0-2]|0?[1-9])[-/.](?:3[01]|[12]\d|0?[1-9])\b", 0.85),
        (
            "month_day_numeric",
            r"(?<=\b(?:on|since|from|until|dated|DOB|DOS|seen|appt|appointment|scheduled|due|by|before|after|through|hx|"
            r"thru|till|visit|note|f/u|follow[- ]?up|RTC|admitted|discharged|labs?|"
            + _DATED_TESTS
            + r"|TEE|EKG|ECG|"
            r"CXR|urgent\s+care|biopsy|(?:mon|tues|wednes|thurs|fri|satur|sun)day,?|"
            r"(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,?|ED|ER|clinic|office|"  # "d/c Sat 7/11", "BWH ED 1/15"
            r"\d+\s*(?:wks?|weeks?|days?|mos?|months?)\s*\()"  # "RTC in 2 wks (1/26)"
            r"\s*:?\s*)"
            # "visit 1/2 of the dose": a fraction; "on 10/5/50%": ventilator settings
            r"(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])\b(?![ \t]+of\b|/\d|[ \t]*(?i:bi-?pap|cpap|psv?|ips|peep|s?imv|ns|nss|normal|strength)\b"
            r"|[,;]?[ \t]{0,2}\d{1,3}%)",  # 'remained on 5/5, 40%': pressure support over PEEP, then the oxygen
            0.6,
        ),
        # "Friday the 13th", "admitted on the 14th"
        (
            "day_ordinal",
            r"(?<=\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?|on|since|until|by|it['’]s|it\s+is|today\s+is)\s+the\s+)"
            r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b(?![ \t]+(?:doses?|days?|weeks?|months?|years?|times?|attempts?|"
            r"cycles?|rounds?|trimester|visits?|lines?|degree|floor|percentile|grade|postoperative|post-op|of\s+(?:the|\d)))",
            0.6,
        ),
        # month/day with no word before it: "Hct 32 (4/7)", "s/p CABG 3/12", "MRI brain 11/3:". Exam scales are
        # written over 2, 3, 4, 5, 6 and 10 (strength 4/5, pain 7/10, murmur 2/6, 1/2 NS), so those days are
        # left to the patterns with context; counts of things (3/12 cores, 2/15 nodes) and fractions of a
        # percent or an inch are not dates
        (
            "month_day_bare",
            r"(?<![\d/.:,-])(?=\d)"
            + _NOT_VENT
            + r"(?:(?:1[0-2]|0?[1-9])/(?!(?:0?[2-6]|10)\b)(?:3[01]|[12]\d|0?[1-9])|"
            + _ABOVE_SCALE
            + r")"
            r"(?![\d/\p{L}]|\.\d|\s*(?:%|\"|in\b(?![ \t]+(?:which|whom|the|his|her|their|this|that|am|pm|a\.m|p\.m)\b)|inch|of\b|cores?\b|nodes?\b|lymph|bottles?\b|samples?\b|specimens?\b|"
            r"positive|negative|biopsies|slides?\b|sets?\b|doses?\b|tabs?\b|tablets?\b|pills?\b|days?\b|weeks?\b|"
            r"times?\b|patients?\b|pts?\b|points?\b|dilution|strength|(?i:bi-?pap|cpap|psv?|peep|s?imv)\b))",
            0.5,
        ),
        # a range of dates, whatever its days: "ceftaz rec'd 8/2 - 8/10" (validated: it ends after it starts)
        (
            "month_day_range",
            r"(?<![\d/.])(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])[ \t]*(?:-|–|to|through|thru)[ \t]*"
            r"(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])\b(?![\d/%])",
            0.6,
        ),
        # month/four-digit year anywhere: "Flu shot given 10/2089" (not a 1/2000 dilution)
        ("month_year4", r"(?<![\d/.])(?:1[0-2]|0?[1-9])/(?:19|20)\d{2}(?![\d/]|\s*dilution)", 0.6),
        # "HbA1c in 2/88": month/year after a preposition; x/10 is a pain score
        (
            "month_year_numeric",
            r"(?<=\b(?:in|on|since|from|until|till|by|of|dated?|during|before|after|" + _DATED_TESTS + r"|"
            r"mammogram|DEXA)\s+|\b(?i:fx|surgery|dx|diagnosed)\s*)(?:1[0-2]|0?[1-9])/"
            r"(?!10\b)(?:\d{4}|\d{2})(?![\d/])",
            0.6,
        ),
        # month/day or month/year right after an event a history dates ("MI 3/6", "AVR 8/88", "MVA 12/7 in
        # which", "extubate 3/11", "to the OR 6/10"): any day, since no exam scale follows these words ('2/3 vessel disease' is a count)
        (
            "after_event",
            r"(?=\d)(?<=\b(?:(?-i:[A-Z]{0,4}MI)|CABG|AVR|MVR|TVR|PTCA|PCI|CVA|TIA|MVA|accident|arrest|stent(?:ed)?|ablation|"
            r"AICD|pacemaker|extubat(?:e|ed|ion)|the[ \t]+(?-i:OR))[ \t]+(?:(?:on|in)[ \t]+)?)"
            r"(?:1[0-2]|0?[1-9])/(?:\d{4}|\d{1,2})(?![\d/%]|[ \t]*(?:vessels?\b|VD\b|of\b|%))",
            0.6,
        ),
        # a month and a two-digit year no day can be, after a history's s/p or h/o: "S/P UTI 6/85", "h/o PE 11/97"
        (
            "history_month_year",
            r"(?=\d)(?<=\b(?:s/p|h/o|hx[ \t]+of)[ \t]+[\p{L}-]{2,15}[ \t]+(?:(?:in|on)[ \t]+)?)"
            r"(?:1[0-2]|0?[1-9])/(?:3[2-9]|[4-9]\d)(?![\d/%])",
            0.6,
        ),
        # ... or in brackets after what it dates: "OVARIAN CA (12/93)" (not a count: 'nodes (3/45)')
        (
            "bracketed_month_year",
            r"(?<=\((?<!(?i:nodes?|cores?|positive|negative|score)[ \t]*\())(?:1[0-2]|0?[1-9])/(?:3[2-9]|[4-9]\d)(?=\))",
            0.6,
        ),
        # ... and before where it happened: "developed SOB 3/5 at rehab", "fell 3/4 at home" (not 'pain 3/10')
        (
            "before_place",
            r"(?=\d)(?<![\d/.:,-]|(?i:pain|strength|score|scale|grade)[ \t]*)(?:1[0-2]|0?[1-9])/(?!10\b)"
            r"(?:3[01]|[12]\d|0?[1-9])(?=[ \t]+(?:at|in)[ \t]+(?:the[ \t]+)?(?:rehab|home|OSH|hospital|"
            r"nursing[ \t]+home|clinic|ED|ER|EW)\b)",
            0.6,
        ),
        # the other date of a pair in one month, whatever its day: "Hemodialysis 8/9 or 8/10", "8/21 and 8/24"
        (
            "month_day_pair",
            r"(?=\d)(?<=\b(1[0-2]|0?[1-9])/(?!(?:0?[2-6]|10)\b)(?:3[01]|[12]\d|0?[1-9])[ \t]+(?:or|and|&)[ \t]+)"
            r"\1/(?:3[01]|[12]\d|0?[1-9])\b(?![\d/%])",
            0.6,
        ),
        # a year where the words say it is one: "in 2065", "Fall 2090", "since '92", "mid-2089"
        (
            "year_in_context",
            r"(?<=\b(?:in|since|from|until|till|by|during|before|after|circa|around|early|mid|late|spring|summer|"
            r"fall|autumn|winter|class\s+of)[\s-]+)(?:(?:19|20)\d{2}|['’]\d{2})(?![\d/-]|\.\d)"
            r"(?![ \t]*(?:to|-|until)[ \t]*(?:2[1-4]|0\d|1[0-8])\d{2}\b)"  # 'from 2000 to 2400': clock times
            r"(?!\s*(?:mg|mcg|units?|ml|cc|g|kg|%|calories|kcal)\b)",
            0.6,
        ),
        # holidays date an event as well as a number does (i2b2 marks them)
        (
            "holiday",
            r"\b(?:Christmas(?:\s+Eve)?|Thanksgiving|Easter|New\s+Year['’]?s(?:\s+(?:Day|Eve))?|Halloween|"
            r"Memorial\s+Day|Labor\s+Day|Independence\s+Day|Fourth\s+of\s+July|Valentine['’]?s\s+Day|"
            r"Mother['’]?s\s+Day|Father['’]?s\s+Day|Veterans\s+Day|Passover|Hanukkah|Chanukah|Rosh\s+Hashanah|"
            r"Yom\s+Kippur|Ramadan|Diwali|(?:Lunar|Chinese)\s+New\s+Year|Good\s+Friday|Martin\s+Luther\s+King\s+Day|"
            r"Presidents['’]?\s+Day|Columbus\s+Day|St\.?\s+Patrick['’]?s\s+Day)\b",
            0.6,
        ),
    ]
    CONTEXT = ["date", "dob", "admitted", "discharged", "seen", "born"]

    def validate_result(self, pattern_text: str) -> bool | None:
        """A range of month/day dates ends after it starts: '8/2 - 8/10' is one, 'crackles up 1/3-1/2' is not."""
        days = _MONTH_DAY_RANGE.fullmatch(pattern_text)
        if days:
            start, end = (int(days.group(1)), int(days.group(2))), (int(days.group(3)), int(days.group(4)))
            if start[0] == 12 and end[0] == 1:
                end = (13, end[1])  # over the new year: '12/28 - 1/3'
            return None if start < end and end[0] - start[0] <= 2 else False
        return None


class PhoneWithExtensionRecognizer(TablePatternRecognizer):
    """North American and international phone/fax numbers, with 'x123' / 'ext. 123' extensions."""

    ENTITY = "PHONE"
    LANGUAGES = ("en",)
    _EXT = r"(?:\s*(?:x|ext\.?|extension)\s*\d{1,6})?"
    PATTERNS = [
        (
            "nanp",
            # a dash before it only when no digit stands before the dash: 'DAUGHTER-KRISSY---301 944-5032'
            r"(?<![\w/.])(?<!\d-)(?:\+?1[-.\s]?)?(?:\(\d{3}\)\s?|\d{3}[-.\s])\d{3}[-.\s]\d{4}" + _EXT + r"\b",
            0.75,
        ),
        (
            "international",
            r"(?<![\w/])(?:\+|00)\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]\d{2,5}){1,4}"
            + _EXT
            + r"\b",
            0.7,
        ),
        ("nanp_slashes", r"(?<![\w/.-])\d{3}/\d{3}/\d{4}(?![\w/])", 0.6),  # 201/324/1423
        ("nanp_spaced", r"(?<![\w/.-])\d{3}-[ \t]\d{3}-[ \t]?\d{4}(?![\w/])", 0.6),  # 212- 476- 8356
        ("trunk_prefix", r"(?<![\w/])\(0\d{2,5}\)\s?\d{3,4}[\s.-]?\d{3,4}" + _EXT + r"\b", 0.7),
        (
            "labelled",
            r"(?i:(?<=\b(?:phone|tel|telephone|fax|cell|mobile|pager|beeper)\.?\s*(?:no\.?|number|#)?\s*"
            r"[:#]?\s*))\+?[\d(][\d()\s.-]{5,20}\d" + _EXT,
            0.85,
        ),
        (
            # an internal extension alone: "call x4411", "page ext. 5520"
            "extension_alone",
            r"(?i:(?<=\b(?:call|page|pager|phone|tel|reach|contact|beep)\s+(?:me\s+|us\s+)?(?:at\s+|on\s+)?))"
            r"(?:x|ext\.?\s?)(?:\d{1,2}-)?\d{3,5}\b",
            0.65,
        ),
        # ... or after a clinician's credential: "(Ms. Pruitt, RN, x4471)", "Dr. Lyle MD ext 2231"
        (
            "extension_after_credential",
            r"(?<=\b(?:MD|M\.D\.|RN|NP|PA|PA-C|DO|PhD|LICSW|LCSW|PT|OT|RD|CNM|CRNA)[ \t]*[,;]?[ \t]*)"
            r"(?:x|ext\.?[ \t]?)(?:\d{1,2}-)?\d{3,5}\b",  # x4471, x4-7712
            0.65,
        ),
    ]
    CONTEXT = ["phone", "tel", "call", "fax", "cell", "mobile", "contact"]

    def validate_result(self, pattern_text: str) -> bool | None:
        """A number with its country code has seven digits or more: '+10 40%' is a ventilator's PEEP and
        oxygen (an extension alone, 'x4411', is its own pattern)."""
        if pattern_text.startswith(("+", "00")):
            number = regex.split(r"(?i)\s*(?:x|ext)", pattern_text, maxsplit=1)[0]
            return False if sum(c.isdigit() for c in number) < 7 else None
        return None


class ContextPhoneRecognizer(TablePatternRecognizer):
    """Phone numbers of any national format, where the words around them say so: 'call me on
    01.84.17.61.18', 'not answering at 78 651 450', '(37) 788-063-Office'. Without such words a
    group of digits is as likely a lab value or an amount, so the shape alone is not enough."""

    ENTITY = "PHONE"
    LANGUAGES = ("en",)
    IGNORECASE = True
    _NUMBER = r"\+?(?:\(\d{1,4}\)|\d{1,4})(?:[\s.-]?\d{2,4}){1,5}\b"
    PATTERNS = [
        (
            "phone_after_verb",
            r"(?<=\b(?:(?:call|reach|text|ring|phone)(?:\s+(?:me|us|him|her|them))?(?:\s+(?:on|at))?|"
            r"answering\s+at|messages?\s+to|dial(?:led)?)\s+)" + _NUMBER,
            0.7,
        ),
        (
            "phone_before_kind",
            # starts where a number starts, and the look-ahead is implied by the rest (a number is at
            # most 32 of these characters): digit groups are not split every way at every digit
            r"(?<![\d+(])(?=[\d(+])(?=[\d\s().+-]{1,40}?(?:office|fax|mobile|cell|home|work)\b)"
            + _NUMBER
            + r"(?=[\s-]{0,2}(?:office|fax|mobile|cell|home|work)\b)",
            0.7,
        ),
    ]
    CONTEXT = ["phone", "call", "fax", "mobile", "office"]

    def validate_result(self, pattern_text: str) -> bool:
        return 7 <= sum(c.isdigit() for c in pattern_text) <= 15


class PagerNumberRecognizer(TablePatternRecognizer):
    """Pager and beeper numbers after their word: hospital pagers are 4–7 digits ('Pager 4-5678',
    'pgr #31456'), too short for the phone patterns, and each names one clinician."""

    ENTITY = "PHONE"
    LANGUAGES = ("en",)
    IGNORECASE = True
    PATTERNS = [
        (
            "pager",
            r"(?<=\b(?:pager|beeper|pgr|bleep)\.?\s*(?:no\.?|number|#)?\s*[:#]?\s*#?\s*)\d[\d-]{2,8}\d(?!\d|\.\d)",
            0.75,
        ),
        # an internal extension right after a full name, as staff lists and signatures give it: "NP: Colleen
        # Murphy 4-7721" (one digit, a dash and four: ranges and doses are not written that way)
        (
            "extension_after_name",
            r"(?-i:(?<=\b\p{Lu}[\p{Ll}'’-]+[ \t]+\p{Lu}[\p{Ll}'’-]+[ \t]+))\d-\d{4}(?![\d-]|\.\d)",
            0.5,
        ),
    ]


class DeviceSerialRecognizer(TablePatternRecognizer):
    """Vehicle and device identifiers (HIPAA lists both): a 17-character VIN, and serial numbers
    after 'serial no.', 'S/N', 'device ID' (pacemakers, pumps, implants)."""

    ENTITY = "ID"
    LANGUAGES = ("en",)
    PATTERNS = [
        # VINs never use I, O or Q; the label or the 17-character shape with digits and letters
        ("vin", r"\b(?=[A-HJ-NPR-Z0-9]*\d)(?=[A-HJ-NPR-Z0-9]*[A-HJ-NPR-Z])[A-HJ-NPR-Z0-9]{17}\b", 0.6),
        (
            "serial",
            r"(?i:(?<=\b(?:serial|device|implant|model\s+and\s+serial)\s*(?:no\.?|number|num|#|id)\s*[:#]?\s*|"
            r"\bS/N\s*[:#]?\s*))(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,24}\b",
            0.8,
        ),
        # "serial" alone before a value of capitals and digits: "insulin pump (Medtronic serial NG4418827H)"
        # — not "serial 12-lead ECGs" or "serial CXR"
        (
            "serial_bare",
            r"(?<=\b(?i:serial)\s*[:#]?\s*)(?=[A-Z0-9-]*\d)(?=[0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{4,24}\b",
            0.7,
        ),
    ]
    CONTEXT = ["vin", "vehicle", "serial", "device", "implant", "pacemaker"]


class IdentityDocumentRecognizer(TablePatternRecognizer):
    """Passport, driver's licence and licence-plate numbers after their label."""

    ENTITY = "PASSPORT"
    LANGUAGES = ("en",)
    IGNORECASE = True
    PATTERNS = [
        (
            "passport",
            r"(?<=\bpassport\s*(?:no\.?|number|num|#)?\s*[:#]?\s*)(?=[A-Z0-9]*\d)[A-Z0-9]{6,12}\b",
            0.85,
        )
    ]


class EnglishLicensePlateRecognizer(TablePatternRecognizer):
    """Vehicle plates after 'license plate', 'plate no.', 'tag'."""

    ENTITY = "LICENSE_PLATE"
    LANGUAGES = ("en",)
    IGNORECASE = True
    PATTERNS = [
        (
            "plate",
            r"(?<=\b(?:licen[cs]e\s+plate|plate|registration|tag)\b\s*(?:no\.?|number|#)?\s*[:#]?\s*)"
            r"(?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])[A-Z0-9]{1,4}[ -]?[A-Z0-9]{2,5}\b",
            0.8,
        )
    ]


class DriverLicenseRecognizer(TablePatternRecognizer):
    """Driver's licence numbers after their label."""

    ENTITY = "ID"
    LANGUAGES = ("en",)
    IGNORECASE = True
    PATTERNS = [
        (
            "driver_license",
            r"(?<=\bdriver'?s?\s+licen[cs]e\s*(?:no\.?|number|#)?\s*[:#]?\s*)"
            r"(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{4,15}\b",
            0.85,
        ),
        # professional and other licences: "Lic #: MA 228833", "License No. RN-44120"
        (
            "license_labelled",
            r"(?<=\b(?:lic|license|licence)\.?\s*(?:no\.?|number|#)?\s*[:#]?\s*(?:[A-Z]{2}[ \t]+)?)"
            r"(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,15}\b",
            0.7,
        ),
        # logins name their owner ("Username: jsmith3"): HIPAA's "any other unique identifying number"
        (
            "username",
            r"(?<=\b(?:user\s*name|user\s*id|login(?:\s+id)?)\s*[:#]\s*)[A-Za-z][A-Za-z0-9._-]{2,31}\b",
            0.7,
        ),
        # social media handles where the words say so: "Twitter handle @tobigrun", "IG: @kiki_b" ("@home"
        # alone is shorthand for "at home")
        (
            "social_handle",
            r"(?<=\b(?i:handle|twitter|instagram|insta|IG|tiktok|snapchat|facebook|FB|threads|bluesky|telegram|"
            # (a letter in it: 'FB @0400 -60' is a fluid balance at four)
            r"on\s+X)(?:\s+(?i:handle|account|name|is))?\s*[:#]?\s*)@(?=[0-9_.]*[A-Za-z])[A-Za-z0-9_.]{2,30}\b",
            0.7,
        ),
        (
            "ssn_labelled",
            r"(?<=\b(?:SSN|social\s+security\s+(?:no\.?|number|#)?)\s*[:#]?\s*(?:(?:is|was|of)\s+)?)"
            r"\d{3}[- ]?\d{2}[- ]?\d{4}\b",
            0.9,
        ),
        # the last four digits of an SSN, as notes and call scripts give them: "SSN on file ends in 4471",
        # "last 4 of SSN: 0921"
        (
            "ssn_last_four",
            r"(?<=\b(?:SSN|social\s+security(?:\s+(?:no\.?|number|#))?)\b[^.\n]{0,25}?\b(?:ends?|ending)\s+(?:in|with)\s+|"
            r"\blast\s+(?:4|four)(?:\s+digits)?\s+(?:of\s+)?(?:(?:the|his|her|pt'?s|patient'?s)\s+)?"
            r"(?:SSN|social(?:\s+security)?(?:\s+(?:no\.?|number))?)\s*[:#]?\s*(?:(?:is|are)\s+)?)\d{4}\b",
            0.7,
        ),
    ]


def _caps_not_surname() -> str:
    """Words in capitals that never follow a surname as its second part: English stop words, titles, and
    what a note writes after a doctor's name."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = {w.upper() for w in STOP_WORDS if w.isalpha()} | set(
        "DR DRS MR MRS MS AWARE NOTIFIED CALLED PAGED UPDATED INFORMED SAW SEES SAYS SAID RE REGARDING TODAY OK "
        "PER "
        # a service after the doctor: 'PER DR BURKE RENAL CONSULT CALLED'
        "RENAL CARDIOLOGY CARDS NEURO NEUROLOGY SURGERY SURG GI ID PULM PULMONARY ORTHO CONSULT TEAM SERVICE "
        "FELLOW RESIDENT ATTENDING ANESTHESIA PLASTICS VASCULAR HO INTERN".split()
    )
    return "|".join(sorted(words, key=len, reverse=True))


_CAPS_NOT_SURNAME = _caps_not_surname()

# the licences a clinician signs a note with (PA and FACS only where a name's case shows, above)
_CREDENTIALS = (
    r"(?:MD|M\.D\.|DO|RN|NP|PA-C|DVM|PhD|DDS|RRT|CRT|LPN|CRNA|APRN|CNM|LICSW|LCSW|MSW|RD|PharmD|RPh)"
)


class EnglishPersonNameRecognizer(TablePatternRecognizer):
    """Names the small NER model misses: after 'Patient:' and other field labels, after Dr./Mrs., before ', MD'."""

    ENTITY = "PERSON"
    LANGUAGES = ("en",)
    _NAME = NAME_WORD + r"(?:[ \t][A-Z]\.)?(?:[ \t]" + NAME_WORD + r"){1,2}"
    _LABEL = (
        r"(?:Patient|Patient\s+Name|Pt\.?|Name|Attending|Attending\s+Physician|Physician|Provider|Doctor|Surgeon|"
        r"Resident|Nurse|Referring(?:\s+Physician)?|PCP|Primary\s+Care(?:\s+Physician)?|Contact|Emergency\s+Contact|"
        r"Next\s+of\s+Kin|Guardian|Spouse|Mother|Father|Son|Daughter|Dictated\s+by|Transcribed\s+by|"
        r"Electronically\s+signed\s+by|Signed\s+by|Seen\s+by|Reviewed\s+by|Ordering(?:\s+(?:Physician|Provider))?|"
        r"Ordered\s+by|Requested\s+by|Referred\s+by|Author|cc|(?-i:RN|NP|LPN|CNA|PA)(?=\s*[:：]))"  # credentials: as labels only
    )
    PATTERNS = [
        (
            "labelled_name",
            r"(?<=\b"
            + _LABEL
            + r"\s*[:：]?[ \t]*(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof)\.?[ \t]+)?)"
            + r"(?:(?:[A-Z]\.[ \t]?){1,2}"
            + NAME_WORD
            + r"|"
            + _NAME
            + r")",
            0.7,
        ),
        # a transcriptionist's or typist's initials, lower case as dictation footers print them: "TR: kmw"
        (
            "typist_initials",
            r"(?<=\b(?:TR|Tr|tr|Transcribed\s+by|Typed\s+by|Transcriptionist)\s*[:/][ \t]*)[a-z]{2,4}\b",
            0.6,
        ),
        # surname first after the label: "Name: Oduya, Chidi", "Patient: Lopez, Maria E."
        (
            "labelled_name_surname_first",
            r"(?<=\b"
            + _LABEL
            + r"\s*[:：][ \t]*)"
            + NAME_WORD
            + r",[ \t]*"
            + NAME_WORD
            + r"(?:[ \t][A-Z]\b\.?)?",
            0.7,
        ),
        # after a colon, in capitals as registration systems print it: "Patient Name: HALVERSON, GRETA J"
        (
            "labelled_name_capitals",
            # the label in capitals too, as whole notes are in some exports: "DICTATED BY : HARRIET P. SOMMERFELD"
            r"(?<=\b(?i:" + _LABEL + r")\s*[:：][ \t]*)"
            r"[A-Z][A-Z'’-]+(?:[ \t][A-Z]\.)?(?:[ \t]*,[ \t]*|[ \t]+)[A-Z][A-Z'’-]+(?:[ \t][A-Z]\b\.?)?(?![\p{L}])",
            0.7,
        ),
        # a surname in capitals after an honorific in capitals: "MR. TREVINO IS A 72 YEAR OLD MAN", "DR. KAPLOWITZ
        # OF CARDIOLOGY", "DR.DISANGRO AWARE" (a second word only when it is not a function word)
        (
            "honorific_capitals",
            r"(?<=\b(?:DR|DRS|MR|MRS|MS|MISS|PROF)(?:\.?[ \t]+|\.(?=[A-Z]{3})))[A-Z][A-Z'’-]+(?:[ \t][A-Z]\.)?"
            # a second word only when it is no function word, title or note word: 'DR WOODRUM UP AT 1615',
            # 'DR KLEIN WOULD BE IN', 'PER DR TYRO DR KLEIN'
            r"(?:[ \t](?!(?:" + _CAPS_NOT_SURNAME + r")\b)[A-Z][A-Z'’-]+)?(?![\p{L}])",
            0.7,
        ),
        # a relative's name after a dash or a colon, as contact lists write it: "DAUGHTER-KRISSY---301 944-5032",
        # "Son: Marek (cell)" (not 'SON-IN-LAW': a stop word is no name)
        (
            "kin_dash",
            r"(?<=\b(?i:wife|husband|son|daughter|dtr|mother|father|sister|brother|partner|spouse|niece|nephew|"
            r"grandson|granddaughter|grand[ \t]daughter|grand[ \t]son|friend|guardian|caregiver|proxy)"
            r"[ \t]*[-–:][ \t]*)(?:[A-Z][A-Z'’]+|[A-Z][a-z'’]+)(?=[ \t]*(?:[-–,;(.]|\d|$))",
            0.6,
        ),
        # a relative's name set off by commas in capitals: "LIVES IN WORCESTER WITH HIS WIFE , ADAEZE ."
        (
            "kin_capitals",
            r"(?<=\b(?:WIFE|HUSBAND|SON|DAUGHTER|MOTHER|FATHER|SISTER|BROTHER|PARTNER|SPOUSE|NIECE|NEPHEW|"
            r"GRANDSON|GRANDDAUGHTER|FRIEND|GUARDIAN|CAREGIVER|AIDE|PROXY)[ \t]*,[ \t]*)[A-Z][A-Z'’-]+(?:[ \t][A-Z][A-Z'’-]+)?"
            # (or before what relatives do: "SISTER,CARROLL ANNE HAS PHONED")
            r"(?=[ \t]*[.,;]|[ \t]+(?:HAS|HAD|IS|WAS|WILL|CALLED|PHONED|VISITED|AWARE|UPDATED)\b)",
            0.6,
        ),
        # a dictating clinician's code after the degree, as transcription systems print it: "M.D. GE43"
        ("clinician_code", r"(?<=\bM\.?D\.?,?[ \t]+)[A-Z]{2,3}\d{1,4}\b", 0.6),
        (
            # the title in lower case only with its dot ('mrs. Burns', not 'ms Tylenol': morphine), but for dr
            # ('per dr Murphy')
            "honorific",
            # (or run into it: "Dr.Berz in to assess")
            r"(?<=\b(?:(?:Dr|Drs|Mr|Mrs|Ms|Miss|Prof|DR)\.?|(?:mr|mrs)\.|dr\.?)[ \t]+|\b(?:Dr|DR|dr)\.(?=\p{Lu}\p{Ll}))"
            + r"(?:[A-Z]\.?[ \t]+(?=\p{Lu}\p{Ll}))?"  # 'Dr B Muse in to see pt'
            + NAME_WORD
            + r"(?:[ \t][A-Z]\.)?(?:[ \t]"
            + NAME_WORD
            + ")?",
            0.75,
        ),
        # the later names of "Drs. Chen, Ortiz and⏎Abboud"
        (
            "doctors_listed",
            r"(?<=\bDrs\.?[ \t]+(?:" + NAME_WORD + r",?[ \t]+){1,3}(?:and|&)\s+)" + NAME_WORD,
            0.7,
        ),
        ("credential", _NAME + r"(?=,?[ \t]+(?:" + _CREDENTIALS + r"|PA|FACS|FACP)\b)", 0.8),
        # "JOHN SMITH MD", "ROBERT V. DEGIORGIO, RRT": a signature in capitals
        (
            "capitals_credential",
            r"\b[A-Z][A-Z'’-]+(?:[ \t][A-Z]\.?)?(?:[ \t][A-Z][A-Z'’-]+){1,2}"
            r"(?=,?[ \t]+(?:" + _CREDENTIALS + r")\b)",
            0.7,
        ),
        # "J. Rivera, RN", "Q. LANDER RRT": initials before the surname
        (
            "initials_credential",
            r"\b(?:[A-Z]\.[ \t]?){1,2}(?:"
            + NAME_WORD
            + r"|[A-Z][A-Z'’-]{2,})(?=,?[ \t]+(?:"
            + _CREDENTIALS
            + r"|PA|FACS|FACP)\b)",
            0.8,
        ),
        # the same in a note typed in lower case: "all is well at this time. q. lander rrt"
        (
            "initials_credential_lower",
            r"(?<![\p{L}.])[a-z]\.[ \t]?(?!(?:and|the|per|with|for|will|was|has|see|pls|team|aware|called)\b)"
            r"[a-z][a-z'’-]{2,}(?=,?[ \t]+(?:rrt|crt|rn|lpn|crna|np|md|licsw|lcsw|msw)\b)",
            0.7,
        ),
        # an initial and a surname in capitals, where what follows says a clinician: "Z. MILLER AWARE", "M. PEPPLER
        # PLACING STITCH", "E. WELSH AWARE" (a capitals note's "S. SATS", "B. AWATING" are no names)
        (
            "initial_surname",
            r"(?<![\p{L}\d.'’])[A-Z]\.[ \t]?[A-Z][A-Z'’-]{2,}(?=[ \t]+(?:AWARE|NOTIFIED|CALLED|PAGED|PLACING|PLACED|"
            r"SPOKE|UPDATED|INFORMED|ORDERED|EVALUATED|ASSESSED|IN[ \t]+TO|INTO)\b)",
            0.55,
        ),
        # and after a doctor's title: "PRONOUNCED BY DR. L. RUUSKA"
        (
            "initial_surname_doctor",
            r"(?<=\b(?i:dr)\.?[ \t]+)[A-Z]\.[ \t]?(?:[A-Z][A-Z'’-]{2,}|" + NAME_WORD + r")(?![\p{L}'’])",
            0.6,
        ),
        # clergy by title: "RABBI KLEIN CAME TO SPEAK", "Rev. Okafor", "chaplain Ruth"
        (
            "clergy",
            r"(?<=\b(?i:rabbi|reverend|rev\.|pastor|chaplain|imam|deacon)[ \t]+)(?:[A-Z][A-Z'’-]{2,}|"
            + NAME_WORD
            + r")(?![\p{L}])",
            0.6,
        ),
        # dictation initials (author/typist) at the start of a sign-off line: "QR/ab  DD: 04/12/69"
        ("dictation_initials", r"^[A-Z]{2,4}/[a-z]{2,4}(?=[ \t]+(?:DD|DT|D|T|cc)\s*:|[ \t]*$)", 0.6),
        (
            "name_is",
            r"(?<=\b(?i:my\s+name\s+is|maiden\s+name\s+is|name\s+is|known\s+as)\s+)"
            # not a verb: 'opens his eyes when his name is called or ...'
            r"(?!(?i:called|mentioned|said|spoken|heard|spelled|spelt|used|not|being|unknown|on)\b)"
            r"(?i:[a-z][\p{L}'’-]+(?:\s+[a-z]\.)?(?:\s+(?!and\b|is\b|was\b)[a-z][\p{L}'’-]+)?)",
            0.6,
        ),
        # a first name with the relation in brackets: "Emergency contact: Rita (sister)", "wife (Jean)" is above
        (
            "kin_in_brackets",
            NAME_WORD
            + r"(?:[ \t]"
            + NAME_WORD
            + r")?(?=[ \t]*\((?i:sister|brother|son|daughter|wife|husband|spouse|mother|father|mom|dad|niece|"
            r"nephew|aunt|uncle|cousin|friend|partner|neighbou?r|granddaughter|grandson|guardian|HCP|caregiver|"
            r"resident|intern|fellow|attending|pcp|rn|np|md|pa|sw|social\s+worker|case\s+manager|significant\s+other)\))",
            0.6,
        ),
        # ... in capitals: "DICK CUCCHIARA (RESIDENT) WORKING ON THIS"
        (
            "role_in_brackets_capitals",
            r"\b[A-Z][A-Z'’-]+(?:[ \t][A-Z][A-Z'’-]+)?(?=[ \t]*\((?:RESIDENT|INTERN|FELLOW|ATTENDING|PCP|RN|NP|MD|"
            r"SOCIAL WORKER|CASE MANAGER|SON|DAUGHTER|WIFE|HUSBAND|SISTER|BROTHER|HCP|CAREGIVER|SIGNIFICANT OTHER)\))",
            0.6,
        ),
        # a contact's name before the phone it is reached on: "Lopie Certusi cell# 410-322-1419"
        (
            "name_before_phone",
            NAME_WORD
            + r"[ \t]"
            + NAME_WORD
            + r"(?=[ \t]+(?i:cell|home|work|mobile|phone|tel|pager)[ \t]*(?:#|no\.?|number|:)[ \t]*\(?\d)",
            0.6,
        ),
        # "called"/"named" only before a capital: "Pam called at 4pm" is a phone call
        (
            "called_name",
            r"(?<=\b(?:called|named)\s+(?:(?:him|her|them)\s+)?)"
            r"(?!(?:Dr|Mr|Mrs|Ms|Miss|Prof|To|The|In|At|On|For|By|From|With|And|Or|Back|Out|Off|Up|Over)\b)"
            + NAME_WORD
            + r"(?:[ \t]"
            + NAME_WORD
            + r")?",
            0.6,
        ),
    ]

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None, regex_flags=None):
        """The patterns' results, less a word after 'MS' (or a bare 'dr') that the name lists lack and the
        dictionaries know: in a note 'MS' is mental status ('MS INCISION WITH DSD', 'MS. TOLERATING
        EXTUBATION'), and 'dr Aware' a doctor told."""
        from corpuskit.stages.deid.postprocess import known_name

        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        kept = []
        for r in results:
            word = text[r.start : r.end].split()[0].strip(",.'’-")
            if (
                (
                    (_AFTER_MS.search(text, max(0, r.start - 5), r.start) and word.isupper())
                    or _AFTER_BARE_DR.search(text, max(0, r.start - 4), r.start)
                )
                and _ordinary_or_clinical(word.lower())
                and not known_name(word)
            ):
                continue
            kept.append(r)
        return kept

    def validate_result(self, pattern_text: str) -> bool | None:
        """A run of capitals is a name only when no word of it is a clinical term, stop word or service
        heading: "Provider: ED ATTENDING" is a role, "MARK ABERNATHY MD" a signature."""
        initial = _INITIAL_SURNAME.fullmatch(pattern_text)
        if initial:
            # "E. COLI", "C. Diff", "A. FIB" are species and rhythms; a surname that is an ordinary word
            # must be one the lists know ("Z. MILLER", not "S. NOTED")
            word = initial.group(1)
            if word.lower() in _SPECIES or (
                _ordinary_or_clinical(word.lower()) and word.capitalize() not in lexicons()[1]
            ):
                return False
        if not pattern_text.isupper():
            return None
        words = [w.strip(",.'’-").lower() for w in pattern_text.split()]
        if any(len(w) > 1 and w in _capitals_not_names() for w in words):
            return False
        return None


_INITIAL_SURNAME = regex.compile(r"[A-Z]\.[ \t]?([\p{L}'’-]+)")
_PLACE_VA = regex.compile(r"(\S+)[ \t]VA(?:MC)?")
_SAINT = regex.compile(r"(?:St\.?|ST\.|Saint|SAINT)[ \t]+([\p{L}]+)(?:['’][Ss])?")
_AFTER_MS = regex.compile(r"\bMS\.?[ \t]+$")
# 'dr aware', 'dr Notified': no title without its dot; 'Dr.Aware': none run into its word
_AFTER_BARE_DR = regex.compile(r"\b(?:dr[ \t]+|[Dd][Rr]\.)$")
# species written after their genus's initial, which reads like an initial and a surname
_SPECIES = frozenset(
    "coli diff difficile pylori aureus epidermidis aeruginosa pneumoniae faecalis faecium albicans glabrata "
    "fragilis influenzae cloacae marcescens mirabilis baumannii lugdunensis viridans agalactiae pyogenes "
    "maltophilia jirovecii carinii fib flutter".split()
)


@lru_cache(maxsize=1)
def _capitals_not_names() -> frozenset[str]:
    """Lower-cased clinical terms, stop words and service headings: no word of a name in capitals."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from corpuskit.stages.deid.postprocess import CLINICAL_DENY

    generic = {w.lower() for w in HealthcareFacilityRecognizer._GENERIC_CAPS}
    # kin listed beside a name: 'MOTHER, AUNTS, GIRLFRIEND EVE'
    kin = set(
        "aunt aunts uncle uncles cousin cousins niece nieces nephew nephews sons daughters sisters brothers "
        "children grandchildren grandsons granddaughters parents family friends girlfriend boyfriend".split()
    )
    # what a note says of a doctor: 'DR AWARE', 'DR.NOTIFIED'
    told = set("aware notified informed paged updated contacted called ordered remains".split())
    return frozenset(CLINICAL_DENY | STOP_WORDS | generic | kin | told)
