"""Lexicon swaps: domain synonyms and abbreviation ↔ expansion, from shipped or user lexicons.

Shipped lexicons live in `corpuskit/stages/augment/lexicons/` (`medical.yaml`,
`legal.yaml`, `finance.yaml`, `abbreviations.yaml`). A user lexicon is a YAML
file of the same shape, or a TSV file with one synonym group per line; add it
with the `lexicons:` param. Matches never cut into a labelled span, and Latin
terms only match as whole words (so `BP` does not match inside `BPM`).
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field

from corpuskit.errors import CorpuskitError
from corpuskit.stages.augment.editmap import Edit
from corpuskit.stages.augment.transforms import tables
from corpuskit.stages.augment.transforms.base import (
    Proposal,
    RecordView,
    Transform,
    TransformParams,
    as_proposal,
    pick_edits,
)

BUILTIN_DOMAINS = ("medical", "legal", "finance")
_CJK = re.compile(r"[\u4e00-\u9fff]")


class LexiconError(CorpuskitError):
    """A lexicon file is missing or malformed."""


class Lexicon:
    """Term → alternatives, with one compiled matcher.

    Terms with an upper-case letter (`BP`, `CT`) match case-sensitively; all-lower
    terms match any case and the replacement takes the match's capitalisation.
    """

    def __init__(self, table: dict[str, set[str]]):
        self.table = {k: tuple(sorted(v)) for k, v in table.items() if v}
        terms = sorted(self.table, key=len, reverse=True)
        alts = "|".join(re.escape(t) for t in terms) or r"(?!x)x"
        self.pattern = re.compile(rf"(?<![A-Za-z0-9])(?:{alts})(?![A-Za-z0-9])", re.IGNORECASE)

    def __len__(self) -> int:
        return len(self.table)

    def candidates(self, rec: RecordView, rng: random.Random) -> list[Edit]:
        out = []
        for m in self.pattern.finditer(rec.text):
            found = m.group()
            alts = self.table.get(found)
            if alts is None:
                low = found.lower()
                alts = self.table.get(low) if low in self.table and low == low.lower() else None
                if alts is None:
                    continue
            if not rec.is_free(m.start(), m.end()):
                continue
            new = rng.choice(alts)
            if found[:1].isupper() and new[:1].islower() and found.lower() in self.table:
                new = new[:1].upper() + new[1:]
            out.append(Edit(m.start(), m.end(), new))
        return out


def _lang_of(term: str) -> str:
    return "zh" if _CJK.search(term) else "en"


def _read(path: Path | object) -> tuple[str, object]:
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise LexiconError(f"cannot read lexicon {path}: {exc.strerror}") from None
    name = str(getattr(path, "name", path))
    if name.endswith(".tsv") or name.endswith(".txt"):
        return "tsv", tables.read_tsv_groups(text)
    try:
        return "yaml", yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise LexiconError(f"lexicon {path} is not valid YAML ({exc.__class__.__name__})") from None


@lru_cache(maxsize=32)
def synonym_lexicon(lang: str, domains: tuple[str, ...], user_files: tuple[str, ...], builtin: bool) -> Lexicon:
    """Synonym groups for one language from the shipped domain files and the user's files."""
    table: dict[str, set[str]] = defaultdict(set)

    def add(groups: Iterable[Iterable[str]]) -> None:
        for group in groups:
            terms = [str(t) for t in group]
            for t in terms:
                key = t if any(c.isupper() for c in t) else t.lower()
                table[key].update(x for x in terms if x != t)

    sources = [tables.lexicon_path(f"{d}.yaml") for d in domains if builtin and d in BUILTIN_DOMAINS]
    sources += [Path(p) for p in user_files]
    for src in sources:
        kind, data = _read(src)
        if kind == "tsv":
            add(g for g in data if _lang_of(g[0]) == lang)
        elif isinstance(data, dict) and isinstance(data.get("synonyms"), dict):
            add(data["synonyms"].get(lang) or [])
        else:
            raise LexiconError(f"lexicon {src}: expected a mapping with 'synonyms: {{zh: [...], en: [...]}}'")
    return Lexicon(table)


@lru_cache(maxsize=32)
def abbreviation_lexicon(lang: str, domains: tuple[str, ...], user_files: tuple[str, ...],
                         builtin: bool, direction: str) -> Lexicon:
    table: dict[str, set[str]] = defaultdict(set)
    sources = [tables.lexicon_path("abbreviations.yaml")] if builtin else []
    sources += [Path(p) for p in user_files]
    for src in sources:
        kind, data = _read(src)
        by_domain = data.get("abbreviations", {}).get(lang, {}) if isinstance(data, dict) else None
        if by_domain is None:
            raise LexiconError(f"lexicon {src}: expected 'abbreviations: {{{lang}: {{domain: [[short, long]]}}}}'")
        for domain, pairs in by_domain.items():
            if domains and domain not in domains:
                continue
            for short, long in pairs:
                if direction in ("both", "expand"):
                    table[short].add(long)
                if direction in ("both", "contract"):
                    table[long if any(c.isupper() for c in long) else long.lower()].add(short)
    return Lexicon(table)


class LexiconParams(TransformParams):
    max_edits: int = Field(2, ge=1, le=1000)
    domains: list[str] | None = Field(None, description="lexicon domains to use; default: the record's domain")
    lexicons: list[str] = Field(default_factory=list, description="extra user lexicon files (YAML or TSV)")
    builtin: bool = Field(True, description="use the shipped lexicons")


def _domains(params: LexiconParams, rec: RecordView) -> tuple[str, ...]:
    if params.domains is not None:
        return tuple(params.domains)
    return (rec.domain,) if rec.domain in BUILTIN_DOMAINS else BUILTIN_DOMAINS


class SynonymSubstitution(Transform):
    """Domain synonym swaps from the shipped medical/legal/finance lexicons plus yours.

    `患者头痛三天` → `患者头疼三天`;  `Patient reports fever` → `Patient reports pyrexia`.
    """

    name = "synonym.lexicon.v1"
    Params = LexiconParams

    def setup(self) -> None:
        for path in self.params.lexicons:
            if not Path(path).is_file():
                raise LexiconError(f"{self.name}: lexicon file not found: {path}")

    def propose(self, rec: RecordView, rng: random.Random) -> Proposal | None:
        lex = synonym_lexicon(rec.language, _domains(self.params, rec), tuple(self.params.lexicons), self.params.builtin)
        return as_proposal(rec.text, pick_edits(lex.candidates(rec, rng), rng, self.params.max_edits))


class AbbrevParams(LexiconParams):
    direction: Literal["both", "expand", "contract"] = "both"


class AbbreviationSwap(Transform):
    """Abbreviation expansion and contraction (`BP` ↔ `blood pressure`, `慢阻肺` ↔ `慢性阻塞性肺疾病`).

    `BP 150/95, HR 88` → `blood pressure 150/95, HR 88`.
    """

    name = "abbrev.swap.v1"
    Params = AbbrevParams

    def setup(self) -> None:
        SynonymSubstitution.setup(self)  # same file check

    def propose(self, rec: RecordView, rng: random.Random) -> Proposal | None:
        lex = abbreviation_lexicon(rec.language, _domains(self.params, rec), tuple(self.params.lexicons),
                                   self.params.builtin, self.params.direction)
        return as_proposal(rec.text, pick_edits(lex.candidates(rec, rng), rng, self.params.max_edits))
