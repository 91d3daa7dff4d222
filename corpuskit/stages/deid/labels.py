"""The canonical label set every detector maps into, and the aliases we accept from gold files.

Recognizers emit canonical labels directly; Presidio's built-in entity names and
common gold-file names (i2b2, Presidio-research, CoNLL, Weibo) map in via `ALIASES`.
A label that maps to `None` is not an identifier for our purposes (NRP, TITLE).
"""

from __future__ import annotations

CANONICAL_LABELS: dict[str, str] = {
    "PERSON": "a person's name (patients, relatives, clinicians, signatories)",
    "ADDRESS": "a street or postal address, Chinese 省/市/区/路/号/室 chains",
    "LOCATION": "a city, province, country or other place name",
    "ORGANIZATION": "hospitals, companies, contract parties",
    "DATE": "a calendar date or month+year (not durations such as '3 days')",
    "AGE": "an age in years ('76 y/o', 'Age: 92', '45岁')",
    "PHONE": "phone and fax numbers, with extension",
    "EMAIL": "an e-mail address",
    "URL": "a web address",
    "IP": "an IPv4 address",
    "ID": "national ids (居民身份证号, SSN), 统一社会信用代码, licences",
    "MRN": "medical record numbers: MRN, 住院号/门诊号/病案号/病历号/医保号",
    "ACCOUNT": "bank accounts, IBAN, policy and member numbers, 微信号 and QQ accounts",
    "BANK_CARD": "payment card numbers (Luhn-checked)",
    "PASSPORT": "passport numbers",
    "LICENSE_PLATE": "vehicle licence plates (车牌号)",
}

ALIASES: dict[str, str | None] = {
    # Presidio's entity names
    "DATE_TIME": "DATE",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "IP_ADDRESS": "IP",
    "CREDIT_CARD": "BANK_CARD",
    "IBAN_CODE": "ACCOUNT",
    "US_BANK_NUMBER": "ACCOUNT",
    "US_SSN": "ID",
    "US_ITIN": "ID",
    "US_DRIVER_LICENSE": "ID",
    "US_PASSPORT": "PASSPORT",
    "MEDICAL_LICENSE": "ID",
    "UK_NHS": "MRN",
    "NRP": None,
    # common gold-file names
    "STREET_ADDRESS": "ADDRESS",
    "ZIP_CODE": "ADDRESS",
    "ZIP": "ADDRESS",
    "CITY": "LOCATION",
    "STATE": "LOCATION",
    "COUNTRY": "LOCATION",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
    "PER": "PERSON",
    "NAME": "PERSON",
    "PATIENT": "PERSON",
    "DOCTOR": "PERSON",
    "USERNAME": "PERSON",
    "ORG": "ORGANIZATION",
    "HOSPITAL": "ORGANIZATION",
    "COMPANY": "ORGANIZATION",
    "DOMAIN_NAME": "URL",
    "MEDICALRECORD": "MRN",
    "HEALTHPLAN": "ACCOUNT",
    "IDNUM": "ID",
    "DEVICE": "ID",
    "BIOID": "ID",
    "FAX": "PHONE",
    "TITLE": None,
    "PROFESSION": None,
}


def canonical(label: str, extra: dict[str, str | None] | None = None) -> str | None:
    """The canonical label for `label`, or None when it is not an identifier.

    Weibo-style suffixes (`PER.NAM`, `LOC.NOM`) are cut before lookup; nominal
    mentions (`.NOM`, "the doctor") are not identifiers and map to None.
    >>> canonical("PHONE_NUMBER")
    'PHONE'
    """
    if extra and label in extra:
        return extra[label]
    if label.endswith(".NOM"):
        return None
    base = label.split(".", 1)[0].upper()
    if extra and base in extra:
        return extra[base]
    if base in CANONICAL_LABELS:
        return base
    return ALIASES.get(base, base)
