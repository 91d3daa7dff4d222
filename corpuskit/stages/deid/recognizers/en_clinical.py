"""English clinical recognizers: record numbers, ages, street addresses, facilities, clinical dates, phones.

What stock Presidio misses in clinical notes; each class has a table of cases in
tests/deid/test_deid_recognizers_en.py.
"""

from __future__ import annotations

from corpuskit.stages.deid.recognizers.base import TablePatternRecognizer

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"


class MedicalRecordNumberRecognizer(TablePatternRecognizer):
    """MRN and other record numbers after their label: 'MRN: 004-55-1923', 'Medical record #A1234567'."""

    ENTITY = "MRN"
    LANGUAGES = ("en",)
    IGNORECASE = True
    _LABEL = (r"(?:MRN|MR\s?#|MR\s?No\.?|Med(?:ical)?\.?\s+Rec(?:ord)?\.?(?:\s+(?:No\.?|Number|Num|#))?|"
              r"(?:Patient|Pt\.?)\s+(?:ID|No\.?|Number|#)|Chart\s+(?:No\.?|Number|#)|Record\s+(?:No\.?|Number|#)|"
              r"Unit\s+(?:No\.?|Number)|Encounter\s+(?:ID|No\.?|Number|#)|Visit\s+(?:ID|No\.?|#)|"
              r"Admission\s+(?:ID|No\.?|#)|Accession\s+(?:No\.?|Number|#)|Specimen\s+(?:ID|No\.?|#)|"
              r"Case\s+(?:No\.?|Number|#)|Hospital\s+(?:No\.?|Number|#)|NHS\s+(?:No\.?|Number)|Health\s+Card\s+No\.?)")
    PATTERNS = [("labelled_record", r"(?<=\b" + _LABEL + r"\s*[:#]?\s*)(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,24}\b", 0.85)]
    CONTEXT = ["mrn", "record", "chart", "patient", "encounter"]


class EnglishAgeRecognizer(TablePatternRecognizer):
    """Ages: 'Age: 76', 'aged 92', '76 y/o', '76yo', '76-year-old', '92 years old', '45M'."""

    ENTITY = "AGE"
    LANGUAGES = ("en",)
    IGNORECASE = True
    PATTERNS = [
        ("age_label", r"(?<=\b(?:age|aged|age\s+of)\s*[:=]?\s*)\d{1,3}\b", 0.85),
        ("age_suffix", r"\b\d{1,3}(?=\s*(?:-\s*)?(?:y/o|y\.o\.?|yo\b|yrs?\.?\s+old|years?[\s-]+old|year-old|"
         r"-?years?-of-age|yr-old))", 0.85),
        ("age_sex", r"(?-i:\b\d{1,3}(?=\s?(?:M|F|yo[MF])\b))", 0.5),
    ]
    CONTEXT = ["age", "old", "y/o"]


class StreetAddressRecognizer(TablePatternRecognizer):
    """Street addresses: '1200 North Elm Street, Apt 4B', 'P.O. Box 552', with optional city, ST 12345."""

    ENTITY = "ADDRESS"
    LANGUAGES = ("en",)
    _SUFFIX = (r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|Terrace|Ter|"
               r"Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl|Crescent|Close|Row|Plaza|Alley|Loop|Pike)")
    _UNIT = r"(?:,?\s+(?:Apt|Apartment|Suite|Ste|Unit|Room|Rm|Fl|Floor|#)\.?\s*#?[A-Z0-9-]+)?"
    _CITY_STATE_ZIP = r"(?:,\s*(?:[A-Z][a-z]+\s?){1,3},?\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?)?"
    PATTERNS = [
        ("street", r"\b\d{1,6}[A-Z]?\s+(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\s+)?"
         r"(?:[A-Z][A-Za-z'-]+\.?\s+|\d{1,3}(?:st|nd|rd|th)\s+){1,4}" + _SUFFIX + r"\b\.?" + _UNIT + _CITY_STATE_ZIP,
         0.8),
        ("po_box", r"\bP\.?\s?O\.?\s+Box\s+\d{1,6}\b", 0.8),
        ("city_state_zip", r"\b(?:[A-Z][a-z]+\s){1,3}?[A-Z][a-z]+,\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?\b", 0.75),
        ("zip_labelled", r"(?i:(?<=\b(?:zip|postal)(?:\s+code)?\s*[:#]?\s*))\d{5}(?:-\d{4})?\b", 0.8),
    ]
    CONTEXT = ["address", "lives", "resides", "street", "home"]


class HealthcareFacilityRecognizer(TablePatternRecognizer):
    """Hospitals and clinics by name: 'Massachusetts General Hospital', 'St. Mary's Medical Center'."""

    ENTITY = "ORGANIZATION"
    LANGUAGES = ("en",)
    _KIND = (r"(?:Hospital|Medical Cent(?:er|re)|Health(?:care)? Cent(?:er|re)|Clinic|Health System|Infirmary|Hospice|"
             r"Nursing Home|Rehabilitation Cent(?:er|re)|Rehab Cent(?:er|re)|Cancer Cent(?:er|re)|Care Cent(?:er|re)|"
             r"Children's Hospital|Surgical Cent(?:er|re)|Healthcare|Health|Medical Group|Memorial)")
    _NAME_WORD = r"(?:St\.|Saint|Mount|Mt\.|[A-Z][A-Za-z'&.-]+)"
    PATTERNS = [
        ("facility", r"\b(?:" + _NAME_WORD + r"\s+){1,5}" + _KIND + r"\b(?:\s+(?:of|at)\s+(?:[A-Z][a-z]+\s?){1,3})?",
         0.75),
        ("facility_of", r"\b(?:University\s+)?(?:Hospital|Clinic|Infirmary)\s+of\s+(?:[A-Z][A-Za-z]+\s?){1,4}", 0.75),
    ]
    CONTEXT = ["admitted", "transferred", "hospital", "clinic", "seen at"]


class ClinicalDateRecognizer(TablePatternRecognizer):
    """Clinical date formats: '17 Oct 2022', 'Oct 17, 2022', '17-Oct-22', '10/17/2022', '2022-10-17', 'October 2022'."""

    ENTITY = "DATE"
    LANGUAGES = ("en",)
    IGNORECASE = True
    PATTERNS = [
        ("d_mon_y", r"\b" + _DAY + r"[\s-]+(?:of\s+)?" + _MONTH + r"[\s,-]+(?:" + _YEAR + r"|'?\d{2})\b", 0.85),
        ("mon_d_y", r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", 0.85),
        ("mon_d", r"\b" + _MONTH + r"\s+" + _DAY + r"\b", 0.6),
        ("d_mon", r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?=\W)", 0.6),
        ("mon_y", r"\b" + _MONTH + r",?\s+" + _YEAR + r"\b", 0.7),
        ("numeric", r"\b(?:1[0-2]|0?[1-9])[/-](?:3[01]|[12]\d|0?[1-9])[/-](?:" + _YEAR + r"|\d{2})\b", 0.8),
        ("numeric_dmy", r"\b(?:3[01]|[12]\d|0?[1-9])[/.](?:1[0-2]|0?[1-9])[/.]" + _YEAR + r"\b", 0.7),
        ("iso", r"\b" + _YEAR + r"[-/.](?:1[0-2]|0?[1-9])[-/.](?:3[01]|[12]\d|0?[1-9])\b", 0.85),
        ("month_day_numeric", r"(?<=\b(?:on|since|from|until|dated|DOB|DOS|seen)\s*:?\s*)(?:1[0-2]|0?[1-9])/"
         r"(?:3[01]|[12]\d|0?[1-9])\b", 0.6),
    ]
    CONTEXT = ["date", "dob", "admitted", "discharged", "seen", "born"]


class PhoneWithExtensionRecognizer(TablePatternRecognizer):
    """North American and international phone/fax numbers, with 'x123' / 'ext. 123' extensions."""

    ENTITY = "PHONE"
    LANGUAGES = ("en",)
    _EXT = r"(?:\s*(?:x|ext\.?|extension)\s*\d{1,6})?"
    PATTERNS = [
        ("nanp", r"(?<![\w/.-])(?:\+?1[-.\s]?)?(?:\(\d{3}\)\s?|\d{3}[-.\s])\d{3}[-.\s]\d{4}" + _EXT + r"\b", 0.75),
        ("international", r"(?<![\w/])(?:\+|00)\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]\d{2,5}){1,4}"
         + _EXT + r"\b", 0.7),
        ("trunk_prefix", r"(?<![\w/])\(0\d{2,5}\)\s?\d{3,4}[\s.-]?\d{3,4}" + _EXT + r"\b", 0.7),
        ("labelled", r"(?i:(?<=\b(?:phone|tel|telephone|fax|cell|mobile|pager|beeper)\.?\s*(?:no\.?|number|#)?\s*"
         r"[:#]?\s*))\+?[\d(][\d()\s.-]{5,20}\d" + _EXT, 0.85),
    ]
    CONTEXT = ["phone", "tel", "call", "fax", "cell", "mobile", "contact"]
