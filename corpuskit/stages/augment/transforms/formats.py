"""Number, unit and date format variants: `38.5℃` ↔ `38.5 °C`, `5mg` ↔ `5 mg` ↔ `5毫克`,
`12,000元` ↔ `12000元`, `2023-01-05` ↔ `2023年1月5日`, `5%` ↔ `5 percent`.

Each rule is a regex and a function giving the other ways to write the match;
the value never changes, only its spelling. Matches inside labelled spans are left alone.
"""

from __future__ import annotations

import calendar
import random
import re
from collections.abc import Callable

from pydantic import Field

from corpuskit.stages.augment.editmap import Edit
from corpuskit.stages.augment.transforms.base import (
    Proposal,
    RecordView,
    Transform,
    TransformParams,
    as_proposal,
    pick_edits,
)

NUM = r"\d+(?:\.\d+)?"

# unit spellings that mean the same thing; the "zh" ones are only offered in Chinese text
UNIT_GROUPS: list[tuple[list[str], list[str]]] = [
    (["mg"], ["毫克"]),
    (["kg"], ["公斤", "千克"]),
    (["mL", "ml"], ["毫升"]),
    (["mmHg", "mm Hg"], []),
    (["mmol/L", "mmol/l"], []),
    (["bpm", "beats/min"], ["次/分", "次/分钟"]),
    (["cm"], ["厘米"]),
]


def _unit_alternatives() -> dict[str, tuple[list[str], list[str]]]:
    out = {}
    for en, zh in UNIT_GROUPS:
        for u in en + zh:
            out[u] = (en, zh)
    return out


UNITS = _unit_alternatives()
_UNIT_RE = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))


def _temperature(m: re.Match, zh: bool) -> list[str]:
    n = m.group(1)
    return [f"{n}℃", f"{n} °C", f"{n}°C"] + ([f"{n}摄氏度"] if zh else [])


def _unit(m: re.Match, zh: bool) -> list[str]:
    n, unit = m.group(1), m.group(3)
    en_units, zh_units = UNITS[unit]
    out = []
    for u in en_units:
        out += [f"{n}{u}", f"{n} {u}"]
    if zh:
        out += [f"{n}{u}" for u in zh_units]
    return out


def _group_thousands(digits: str) -> str:
    return f"{int(digits):,}"


def _money(m: re.Match, zh: bool) -> list[str]:
    pre, amount, post = m.group(1) or "", m.group(2), m.group(3) or ""
    whole, _, frac = amount.replace(",", "").partition(".")
    frac = f".{frac}" if frac else ""
    plain, grouped = whole + frac, _group_thousands(whole) + frac
    out = [f"{pre}{a}{post}" for a in (plain, grouped)]
    if pre.strip() == "$" and not post:
        out += [f"{grouped} USD", f"USD {grouped}", f"{grouped} dollars"]
    if pre.strip() == "¥" and not post and zh:
        out += [f"{plain}元", f"{grouped}元"]
    if post.strip() == "元" and not pre:
        out += [f"¥{plain}", f"¥{grouped}"]
    return out


def _percent(m: re.Match, zh: bool) -> list[str]:
    n = m.group(1)
    return [f"{n}%", f"{n} %"] + ([] if zh else [f"{n} percent", f"{n} per cent"])


def _date(m: re.Match, zh: bool) -> list[str]:
    y, mo, d = (int(g) for g in (m.group("y1") or m.group("y2"), m.group("m1") or m.group("m2"),
                                   m.group("d1") or m.group("d2")))
    if not (1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]):
        return []
    out = [f"{y}-{mo:02d}-{d:02d}", f"{y}/{mo}/{d}", f"{y}.{mo:02d}.{d:02d}"]
    if zh:
        out.append(f"{y}年{mo}月{d}日")
    else:
        out += [f"{calendar.month_abbr[mo]} {d}, {y}", f"{d} {calendar.month_name[mo]} {y}"]
    return out


RULES: dict[str, tuple[re.Pattern, Callable[[re.Match, bool], list[str]]]] = {
    "temperature": (re.compile(rf"({NUM})\s?(℃|°\s?C|摄氏度)"), _temperature),
    "unit": (re.compile(rf"(?<![\d.])({NUM})(\s?)({_UNIT_RE})(?![A-Za-z])"), _unit),
    "money": (re.compile(r"([$¥]\s?)?(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,])"
                         r"(\s?(?:元|万元|亿元|USD|dollars))?"), _money),
    "percent": (re.compile(rf"({NUM})\s?(%|percent|per cent)"), _percent),
    "date": (re.compile(r"(?<!\d)(?:(?P<y1>\d{4})([-/.])(?P<m1>\d{1,2})\2(?P<d1>\d{1,2})"
                        r"|(?P<y2>\d{4})年(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日)(?!\d)"), _date),
}


class NumberFormatParams(TransformParams):
    rules: list[str] = Field(default_factory=lambda: list(RULES), description=f"subset of {list(RULES)}")
    max_edits: int = Field(2, ge=1, le=1000)


class NumberUnitFormat(Transform):
    """Rewrite numbers, units and dates in another accepted spelling (value unchanged).

    `体温38.5℃，口服200mg` → `体温38.5 °C，口服200毫克`;  `paid $1200 on 2023/1/5` → `paid 1,200 USD on Jan 5, 2023`.
    """

    name = "number.format.v1"
    Params = NumberFormatParams

    def setup(self) -> None:
        unknown = sorted(set(self.params.rules) - set(RULES))
        if unknown:
            raise ValueError(f"{self.name}: unknown rules {unknown}; known: {list(RULES)}")

    def propose(self, rec: RecordView, rng: random.Random) -> Proposal | None:
        text, zh = rec.text, rec.language == "zh"
        cands: list[Edit] = []
        for rule in self.params.rules:
            pattern, alternatives = RULES[rule]
            for m in pattern.finditer(text):
                if rule == "money" and not (m.group(1) or m.group(3)):
                    continue  # a bare number is not money; leave ids and counts alone
                if not rec.is_free(m.start(), m.end()):
                    continue
                options = [a for a in dict.fromkeys(alternatives(m, zh)) if a != m.group()]
                if options:
                    cands.append(Edit(m.start(), m.end(), rng.choice(options)))
        return as_proposal(text, pick_edits(cands, rng, self.params.max_edits))
