"""Keyed, consistent replacements: realistic surrogates, keyed hashes and per-group date shifts.

Every value is derived with HMAC-SHA256 from a secret key, so the same real value
gets the same surrogate everywhere in one `group_id` (one patient, one contract),
different groups get unlinkable surrogates, and nobody without the key can
recompute the mapping. Only `key_id(key)` — a hash of the key — may go into a
fingerprint or manifest.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import string
from datetime import date, datetime, timedelta

from faker import Faker

from corpuskit.keys import key_id  # noqa: F401 - re-exported: deid callers name keys through here

LOCALES = {"zh": "zh_CN", "en": "en_US"}


def normalize(value: str) -> str:
    """What counts as "the same value": case and whitespace differences do not matter."""
    return " ".join(value.split()).casefold()


class KeyedReplacer:
    """Surrogates, hashes and date offsets derived from one secret key.

    >>> r = KeyedReplacer(b"secret")
    >>> r.surrogate("PERSON", "John Smith", "en", "pt1") == r.surrogate("PERSON", "john  smith", "en", "pt1")
    True
    """

    def __init__(self, key: bytes, max_shift_days: int = 365):
        if not key:
            raise ValueError("the de-identification key is empty")
        self._key = key
        self.max_shift_days = max_shift_days
        self._fakers: dict[str, Faker] = {}

    def _digest(self, *parts: str) -> bytes:
        return hmac.new(self._key, "\x1f".join(parts).encode("utf-8"), hashlib.sha256).digest()

    def _seed(self, *parts: str) -> int:
        return int.from_bytes(self._digest(*parts)[:8], "big")

    def hash(self, label: str, value: str, length: int = 12) -> str:
        """A keyed hash of the value, the same across the whole dataset (useful for linkage)."""
        return hmac.new(self._key, f"{label}\x1f{normalize(value)}".encode(), hashlib.sha256).hexdigest()[
            :length
        ]

    def shift_days(self, group: str) -> int:
        """The group's date offset in days: non-zero, within ±max_shift_days."""
        n = self._seed("date-shift", group) % (2 * self.max_shift_days)
        return n - self.max_shift_days if n < self.max_shift_days else n - self.max_shift_days + 1

    def _faker(self, lang: str) -> Faker:
        locale = LOCALES.get(lang, "en_US")
        if locale not in self._fakers:
            self._fakers[locale] = Faker(locale)
        return self._fakers[locale]

    def surrogate(self, label: str, value: str, lang: str, group: str) -> str:
        """A realistic stand-in for `value` in the text's locale, stable within `group`."""
        seed = self._seed("surrogate", group, label, normalize(value))
        fake = self._faker(lang)
        fake.seed_instance(seed)
        make = _GENERATORS.get(label)
        out = make(fake, value, lang) if make else None
        if not out or normalize(out) == normalize(value):
            out = reshape(value, seed)
        return out


def reshape(value: str, seed: int) -> str:
    """Same shape, other characters: digits → digits, letters → letters (case kept), the rest kept."""
    state = seed or 1
    out = []
    for c in value:
        state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        pick = state >> 33
        if c.isdigit() and c.isascii():
            out.append(string.digits[pick % 10])
        elif c.isascii() and c.isalpha():
            letters = string.ascii_uppercase if c.isupper() else string.ascii_lowercase
            out.append(letters[pick % 26])
        else:
            out.append(c)
    return "".join(out)


def _age(fake: Faker, value: str, lang: str) -> str:
    # ages over 89 are identifying on their own (HIPAA): they all become 90
    def swap(m: re.Match) -> str:
        n = int(m.group())
        return "90" if n > 89 else str(max(1, n + fake.random_int(-3, 3)))

    return re.sub(r"\d{1,3}", swap, value, count=1)


def _address(fake: Faker, value: str, lang: str) -> str:
    return fake.address().replace("\n", ", ") if lang != "zh" else fake.address().split(" ")[0]


_GENERATORS = {
    "PERSON": lambda f, v, lang: f.name(),
    "ADDRESS": _address,
    "LOCATION": lambda f, v, lang: f.city(),
    "ORGANIZATION": lambda f, v, lang: f.company(),
    "PHONE": lambda f, v, lang: f.phone_number(),
    "EMAIL": lambda f, v, lang: f.email(),
    "URL": lambda f, v, lang: f.url(),
    "IP": lambda f, v, lang: f.ipv4(),
    "BANK_CARD": lambda f, v, lang: f.credit_card_number(),
    "ID": lambda f, v, lang: f.ssn() if lang == "zh" and len(v) == 18 else None,
    "LICENSE_PLATE": lambda f, v, lang: f.license_plate().replace("-", "") if lang == "zh" else None,
    "AGE": _age,
}

# -- dates -------------------------------------------------------------------------------
_EN_FORMATS = (
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%b. %d, %Y",
    "%m/%d/%Y",
    "%m/%d/%y",
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d-%b-%Y",
    "%d-%b-%y",
    "%d.%m.%Y",
    "%d/%m/%Y",
    "%m-%d-%Y",
    "%B %Y",
    "%b %Y",
    "%B %d",
    "%b %d",
    "%d %B",
    "%d %b",
    "%m/%d",
    "%Y%m%d",
)
_ZH_DATE = re.compile(
    r"^(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*(?P<suffix>[日号]))?$"
)
_NO_YEAR = 2000  # a leap year, so 2月29日 without a year still parses


def shift_date(value: str, days: int) -> str | None:
    """`value` moved by `days`, written in its own format; None when the format is not understood."""
    text = value.strip()
    m = _ZH_DATE.match(text)
    if m:
        y = int(m.group("y") or _NO_YEAR)
        d = int(m.group("d") or 1)
        try:
            moved = date(y, int(m.group("m")), d) + timedelta(days=days)
        except ValueError:
            return None
        out = f"{moved.year}年" if m.group("y") else ""
        out += f"{moved.month}月"
        if m.group("d"):
            out += f"{moved.day}{m.group('suffix')}"
        return out
    for fmt in _EN_FORMATS:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        if _unpad(parsed.strftime(fmt)).casefold() != _unpad(text).casefold():
            continue  # strptime is lenient (%b takes "June"); only a format that writes the value back counts
        if "%Y" not in fmt and "%y" not in fmt:
            parsed = parsed.replace(year=_NO_YEAR)
        out = (parsed + timedelta(days=days)).strftime(fmt)
        return out if _ZERO_PADDED.search(text) else _unpad(out)
    return None


_ZERO_PADDED = re.compile(r"(?<!\d)0\d")


def _unpad(value: str) -> str:
    return re.sub(r"(?<!\d)0(\d)", r"\1", value)
