"""Entity-aware transforms: fresh surrogates for de-identified entities, and same-label mention swaps.

`entity.surrogate.v1` fills placeholders (`[PERSON_1]`, `<PHONE_NUMBER>`) and
re-rolls spans whose source is `deid` with new Faker values of the same type
(zh_CN for Chinese, en_US for English). A value that occurs anywhere in the
parent text is never used, so no identifier of the record is carried over.

`entity.swap.v1` replaces labelled mentions (symptoms, drugs…) with other
mentions of the same label from the shipped lexicon or from the corpus itself.
Identifier labels are never pooled from the corpus: a name deid missed must not
spread to other records.
"""

from __future__ import annotations

import random
import re
from typing import Literal

import yaml
from pydantic import Field

from corpuskit.stages.augment.editmap import Edit, EditMap
from corpuskit.stages.augment.transforms import tables
from corpuskit.stages.augment.transforms.base import (
    Proposal,
    RecordView,
    SpanView,
    Transform,
    TransformParams,
    pick_edits,
)

PLACEHOLDER = re.compile(r"\[([A-Z][A-Z0-9_]*?)(?:_(\d+))?\]|<([A-Z][A-Z0-9_]*)>")

# label keyword → Faker method; first match wins, so the specific keys come first
FAKER_BY_KEYWORD: list[tuple[str, str]] = [
    ("EMAIL", "email"), ("PHONE", "phone_number"), ("MOBILE", "phone_number"),
    ("CREDIT_CARD", "credit_card_number"), ("BANK", "credit_card_number"), ("IBAN", "iban"),
    ("RESIDENT_ID", "ssn"), ("ID_CARD", "ssn"), ("SSN", "ssn"), ("ID", "ssn"), ("PASSPORT", "passport_number"),
    ("IP_ADDRESS", "ipv4"), ("IP", "ipv4"), ("URL", "url"), ("DATE", "date"), ("TIME", "date"),
    ("PERSON", "name"), ("NAME", "name"), ("PATIENT", "name"), ("DOCTOR", "name"),
    ("ADDRESS", "address"), ("LOCATION", "city"), ("LOC", "city"), ("GPE", "city"), ("CITY", "city"),
    ("HOSPITAL", "company"), ("ORGANIZATION", "company"), ("ORG", "company"), ("COMPANY", "company"),
    ("MRN", "mrn"), ("MEDICAL_RECORD", "mrn"), ("ACCOUNT", "bban"), ("LICENSE", "license_plate"),
    ("AGE", "age"),
]

# labels that name a person, place or number that identifies someone
IDENTIFIER_KEYWORDS = tuple(k for k, _ in FAKER_BY_KEYWORD if k not in ("DATE", "TIME", "AGE")) + ("ID",)


def _has(label: str, key: str) -> bool:
    """Keyword match on whole `_`-separated words (`LOC` is not in `BLOCK`, `ID` not in `SIDE_EFFECT`)."""
    up = f"_{label.upper()}_"
    if key == "NAME":
        return up == "_NAME_"  # DRUG_NAME is not a person
    return f"_{key}_" in up


def faker_method(label: str) -> str | None:
    for key, method in FAKER_BY_KEYWORD:
        if _has(label, key):
            return method
    return None


def is_identifier_label(label: str) -> bool:
    return any(_has(label, k) for k in IDENTIFIER_KEYWORDS)


class SurrogateParams(TransformParams):
    generators: dict[str, str] = Field(default_factory=dict,
                                       description="label → Faker method, overriding the built-in guess")
    placeholders: bool = Field(True, description="fill [TYPE_n] and <TYPE> placeholders in the text")
    deid_spans: bool = Field(True, description="re-roll spans whose source is 'deid'")


class SurrogateRefresh(Transform):
    """New surrogate values for de-identified entities, same type, consistent within the record.

    `[PERSON_1]于2023年入院，[PERSON_1]自述…` → `王秀英于2023年入院，王秀英自述…`;
    `Call <PHONE_NUMBER>` → `Call 001-542-817-3396`.
    """

    name = "entity.surrogate.v1"
    kind = "entity_aware"
    Params = SurrogateParams

    def setup(self) -> None:
        from faker import Faker

        self._fakers = {"zh": Faker("zh_CN"), "en": Faker("en_US")}

    def _value(self, lang: str, label: str, rng: random.Random) -> str | None:
        method = self.params.generators.get(label) or faker_method(label)
        if method is None:
            return None
        fake = self._fakers.get(lang, self._fakers["en"])
        fake.seed_instance(rng.getrandbits(32))
        if method == "mrn":
            return fake.numerify("MRN########" if lang == "en" else "住院号########")
        if method == "name" and lang != "zh":
            return f"{fake.first_name()} {fake.last_name()}"  # Faker's name() adds titles ("Mrs.", "MD")
        if method == "age":
            return str(rng.randint(18, 90))
        if method == "date":
            d = fake.date_object()
            return f"{d.year}年{d.month}月{d.day}日" if lang == "zh" else d.isoformat()
        gen = getattr(fake, method, None) or getattr(self._fakers["en"], method, None)
        if gen is None:
            raise ValueError(f"{self.name}: Faker has no method '{method}' (for label '{label}')")
        return str(gen()).replace("\n", " ")

    def propose(self, rec: RecordView, rng: random.Random) -> Proposal | None:
        text, lang = rec.text, rec.language
        targets: list[tuple[int, int, str, str, bool]] = []  # start, end, label, key, needs a new span
        span_ranges = {(s.start, s.end): s for s in rec.spans}
        if self.params.deid_spans:
            for s in rec.spans:
                if s.source == "deid":
                    targets.append((s.start, s.end, s.label, text[s.start:s.end], False))
        if self.params.placeholders:
            for m in PLACEHOLDER.finditer(text):
                if (m.start(), m.end()) in span_ranges:
                    if span_ranges[(m.start(), m.end())].source != "deid":
                        targets.append((m.start(), m.end(), span_ranges[(m.start(), m.end())].label, m.group(), False))
                    continue
                if not rec.is_free(m.start(), m.end()):
                    continue
                targets.append((m.start(), m.end(), m.group(1) or m.group(3), m.group(), True))
        if not targets:
            return None
        chosen: dict[str, str] = {}  # same placeholder / same surrogate → same new value
        edits, added, pos = [], [], 0
        for start, end, label, key, new_span in sorted(targets):
            if start < pos:
                continue  # nested or overlapping targets: the outer one wins
            pos = end
            if key not in chosen:
                value = None
                for _ in range(5):
                    value = self._value(lang, label, rng)
                    if value is None or (value not in text and value not in chosen.values()):
                        break
                    value = None
                if value is None:
                    continue
                chosen[key] = value
            edits.append(Edit(start, end, chosen[key]))
            if new_span:
                added.append(SpanView(start, end, label, "deid"))
        if not edits:
            return None
        return Proposal(EditMap.from_edits(text, edits), add_spans=added, meta={"surrogates": len(chosen)})


class EntitySwapParams(TransformParams):
    pool: Literal["lexicon", "corpus", "both"] = "lexicon"
    labels: list[str] | None = Field(None, description="labels to swap; default all non-identifier labels")
    max_edits: int = Field(1, ge=1, le=1000)
    lexicons: list[str] = Field(default_factory=list, description="extra entity lexicons (YAML, like entities.yaml)")
    max_mention_chars: int = Field(40, ge=1)
    min_records: int = Field(2, ge=1, description="corpus pool: a mention must occur in this many records "
                                                   "(a mention unique to one record never spreads to others)")


class EntitySwap(Transform):
    """Replace a labelled mention with another of the same label (lexicon or corpus pool).

    `患者[头痛:SYMPTOM]三天` → `患者[咳嗽:SYMPTOM]三天`;  `started [metformin:DRUG]` → `started [lisinopril:DRUG]`.
    """

    name = "entity.swap.v1"
    kind = "entity_aware"
    Params = EntitySwapParams

    @property
    def needs_corpus(self) -> bool:
        return self.params.pool in ("corpus", "both")

    def setup(self) -> None:
        self._pool: dict[tuple[str, str], tuple[str, ...]] = {}
        if self.params.pool in ("lexicon", "both"):
            sources = [tables.lexicon_path("entities.yaml").read_text("utf-8")]
            for path in self.params.lexicons:
                with open(path, encoding="utf-8") as fh:
                    sources.append(fh.read())
            for src in sources:
                data = yaml.safe_load(src) or {}
                for lang, by_label in (data.get("entities") or {}).items():
                    for label, mentions in by_label.items():
                        self._add(lang, label, [str(m) for m in mentions])

    def _add(self, lang: str, label: str, mentions: list[str]) -> None:
        key = (lang, label)
        self._pool[key] = tuple(sorted(set(self._pool.get(key, ())) | set(mentions)))

    def wants(self, span: SpanView) -> bool:
        if span.source == "deid":
            return False
        if self.params.labels is not None:
            return span.label in self.params.labels
        return not is_identifier_label(span.label)

    def observe(self, rec: RecordView) -> None:
        """Collect mentions for the corpus pool (the stage calls this in its full pass)."""
        for text, label in {(rec.text[s.start:s.end], s.label) for s in rec.spans
                            if self.wants(s) and 0 < s.end - s.start <= self.params.max_mention_chars}:
            key = (rec.language, label, text)
            self._corpus[key] = self._corpus.get(key, 0) + 1

    def begin_corpus(self) -> None:
        self._corpus: dict[tuple[str, str, str], int] = {}  # (lang, label, mention) → records seen in

    def end_corpus(self) -> None:
        by_label: dict[tuple[str, str], list[str]] = {}
        for (lang, label, text), n in self._corpus.items():
            if n >= self.params.min_records:
                by_label.setdefault((lang, label), []).append(text)
        for (lang, label), mentions in by_label.items():
            self._add(lang, label, mentions)
        del self._corpus

    def propose(self, rec: RecordView, rng: random.Random) -> Proposal | None:
        cands = []
        for s in rec.spans:
            if not self.wants(s):
                continue
            current = rec.text[s.start:s.end]
            options = [m for m in self._pool.get((rec.language, s.label), ()) if m != current]
            if options:
                cands.append(Edit(s.start, s.end, rng.choice(options)))
        edits = pick_edits(cands, rng, self.params.max_edits)
        # overlapping spans: a swap inside one span would cut the other, so the stage drops those
        return Proposal(EditMap.from_edits(rec.text, edits)) if edits else None

