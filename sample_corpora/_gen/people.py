"""Fake people, companies and identifiers with valid check digits, from a seeded Faker."""

from __future__ import annotations

import datetime as dt
import random

from faker import Faker

from .spans import Ident

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_AREA_CODES = ("110101", "310104", "440106", "330106", "510107", "420102", "320102", "610113", "500103")
_ZH_PLATE_PREFIX = ("京A", "沪B", "粤B", "浙A", "川A", "鄂A", "苏E")


def zh_resident_id(birth: dt.date, rng: random.Random) -> str:
    """An 18-digit 居民身份证号 with a valid GB 11643 check digit."""
    body = rng.choice(_AREA_CODES) + birth.strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"
    total = sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS))
    return body + "10X98765432"[total % 11]


def luhn_complete(prefix: str, length: int, rng: random.Random) -> str:
    """A card number of `length` digits starting with `prefix` whose Luhn check passes."""
    digits = prefix + "".join(str(rng.randrange(10)) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d)
        if i % 2 == 0:  # these double once the check digit is appended
            n = n * 2 - 9 if n * 2 > 9 else n * 2
        total += n
    return digits + str((10 - total % 10) % 10)


def luhn_ok(number: str) -> bool:
    total = 0
    for i, d in enumerate(reversed(number)):
        n = int(d)
        if i % 2 == 1:
            n = n * 2 - 9 if n * 2 > 9 else n * 2
        total += n
    return total % 10 == 0


class People:
    """Everything fake that templates need, for one language, from one seed."""

    def __init__(self, lang: str, seed: int):
        self.lang = lang
        self.rng = random.Random(seed)
        self.fake = Faker("zh_CN" if lang == "zh" else "en_US")
        self.fake.seed_instance(seed)

    # -- people and places -----------------------------------------------------
    def name(self) -> Ident:
        return Ident(self.fake.name(), "PERSON")

    def birth(self, min_age: int = 18, max_age: int = 85, ref: dt.date | None = None) -> dt.date:
        ref = ref or dt.date(2024, 6, 30)
        return ref - dt.timedelta(days=self.rng.randint(min_age * 365, max_age * 365))

    def address(self) -> Ident:
        f, r = self.fake, self.rng
        if self.lang == "zh":
            text = f"{f.province()}{f.city_name()}市{f.district()}区{f.street_name()}{r.randint(1, 999)}号"
            if r.random() < 0.6:
                text += f"{r.randint(1, 30)}栋{r.randint(1, 6)}单元{r.randint(101, 2806)}室"
        else:
            text = f"{f.street_address()}, {f.city()}, {f.state_abbr()} {f.zipcode()}"
        return Ident(text, "ADDRESS")

    def city(self) -> Ident:
        return Ident(self.fake.city_name() if self.lang == "zh" else self.fake.city(), "LOCATION")

    def company(self) -> Ident:
        if self.lang == "zh":
            return Ident(self.fake.company(), "ORGANIZATION")
        suffix = self.rng.choice(("Inc.", "LLC", "Corporation", "Holdings, Inc.", "Ltd."))
        return Ident(
            f"{self.fake.last_name()} {self.rng.choice(('Medical', 'Logistics', 'Analytics', 'Industries', 'Capital', 'Biotech'))} {suffix}",
            "ORGANIZATION",
        )

    def hospital(self) -> Ident:
        if self.lang == "zh":
            kind = self.rng.choice(("第一人民医院", "中心医院", "中医院", "第三人民医院", "妇幼保健院"))
            return Ident(f"{self.fake.city_name()}市{kind}", "ORGANIZATION")
        return Ident(
            f"{self.fake.last_name()} {self.rng.choice(('Memorial Hospital', 'General Hospital', 'Medical Center'))}",
            "ORGANIZATION",
        )

    # -- identifiers -------------------------------------------------------------
    def resident_id(self, birth: dt.date) -> Ident:
        if self.lang == "zh":
            return Ident(zh_resident_id(birth, self.rng), "ID")
        r = self.rng
        return Ident(f"{r.randint(100, 665)}-{r.randint(10, 99)}-{r.randint(1000, 9999)}", "ID")

    def phone(self) -> Ident:
        r = self.rng
        if self.lang == "zh":
            if r.random() < 0.8:
                return Ident(f"1{r.choice('35789')}{r.randint(0, 9)}{r.randint(10000000, 99999999)}", "PHONE")
            return Ident(
                f"0{r.choice(('10', '21', '20', '755', '571'))}-{r.randint(20000000, 89999999)}", "PHONE"
            )
        a, b, c = r.randint(201, 989), r.randint(200, 999), r.randint(1000, 9999)
        return Ident(r.choice((f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"+1 {a} {b} {c}")), "PHONE")

    def email(self) -> Ident:
        return Ident(self.fake.email(), "EMAIL")

    def mrn(self) -> Ident:
        r = self.rng
        if self.lang == "zh":
            return Ident(
                f"{r.choice(('ZY', 'MZ', ''))}{r.randint(2019, 2024)}{r.randint(100000, 999999)}", "MRN"
            )
        return Ident(f"{r.choice(('MRN-', ''))}{r.randint(10000000, 99999999)}", "MRN")

    def bank_card(self) -> Ident:
        if self.lang == "zh":
            return Ident(
                luhn_complete(self.rng.choice(("622202", "621700", "622848")), 19, self.rng), "BANK_CARD"
            )
        return Ident(luhn_complete(self.rng.choice(("4", "51", "55")), 16, self.rng), "BANK_CARD")

    def passport(self) -> Ident:
        r = self.rng
        if self.lang == "zh":
            return Ident(f"E{r.randint(10000000, 99999999)}", "PASSPORT")
        return Ident(f"{r.randint(100000000, 999999999)}", "PASSPORT")

    def plate(self) -> Ident:
        r = self.rng
        if self.lang == "zh":
            tail = "".join(r.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(5))
            return Ident(r.choice(_ZH_PLATE_PREFIX) + tail, "LICENSE_PLATE")
        return Ident(
            f"{r.randint(1, 9)}{''.join(r.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3))}{r.randint(100, 999)}",
            "LICENSE_PLATE",
        )

    def url(self, company_hint: str = "") -> Ident:
        return Ident(
            f"https://www.{self.fake.domain_name()}/{self.rng.choice(('investor', 'ir/reports', 'about', 'legal/privacy'))}",
            "URL",
        )

    def ip(self) -> Ident:
        r = self.rng
        return Ident(
            f"{r.choice((10, 172, 192, 58, 116))}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
            "IP",
        )

    # -- dates and ages -------------------------------------------------------------
    def date_between(self, start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=self.rng.randint(0, (end - start).days))

    def fmt_date(self, d: dt.date, style: str | None = None) -> Ident:
        if self.lang == "zh":
            style = style or self.rng.choice(("cn", "iso", "cn"))
            text = f"{d.year}年{d.month}月{d.day}日" if style == "cn" else d.isoformat()
        else:
            style = style or self.rng.choice(("long", "us", "iso"))
            text = {
                "long": d.strftime("%B ") + f"{d.day}, {d.year}",
                "us": d.strftime("%m/%d/%Y"),
                "iso": d.isoformat(),
            }[style]
        return Ident(text, "DATE")

    def age(self, birth: dt.date, on: dt.date) -> tuple[int, Ident]:
        years = on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
        return years, Ident(f"{years}岁" if self.lang == "zh" else str(years), "AGE")

    def pick(self, seq):
        return self.rng.choice(seq)

    def sample(self, seq, k: int):
        return self.rng.sample(list(seq), k)
