"""Character-level noise: keyboard typos, insert/delete/swap, punctuation and whitespace, full/half width.

All are label-preserving: positions are sampled outside labelled spans.
"""

from __future__ import annotations

import random
from typing import Literal

from pydantic import Field

from corpuskit.stages.augment.editmap import Edit
from corpuskit.stages.augment.transforms import tables
from corpuskit.stages.augment.transforms.base import (
    Proposal,
    RecordView,
    Transform,
    TransformParams,
    as_proposal,
    edit_count,
    sample_positions,
)


class RateParams(TransformParams):
    rate: float = Field(0.02, gt=0, le=1, description="expected edits per character")
    max_edits: int = Field(3, ge=1, le=1000)


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


class KeyboardTypo(Transform):
    """A slip on the keyboard. English: a neighbouring QWERTY key. Chinese: a pinyin-IME slip —
    the right pinyin, the wrong candidate (a common character with the same toneless reading).

    `fever` → `fevee`;  `患者头痛` → `患者头通`-style slips (`痛` and `通` are both `tong`).
    """

    name = "typo.keyboard.v1"
    Params = RateParams

    def propose(self, rec: RecordView, rng: random.Random) -> Proposal | None:
        text = rec.text
        keys = tables.keyboard_neighbours()
        ime = tables.pinyin_neighbours(False) if rec.language == "zh" else {}

        def ok(i: int) -> bool:
            ch = text[i]
            return ch.lower() in keys and ch.isalnum() if not is_cjk(ch) else ch in ime

        n = edit_count(len(text), self.params.rate, self.params.max_edits, rng)
        edits = []
        for i in sample_positions(rec, rng, n, ok):
            ch = text[i]
            if is_cjk(ch):
                new = rng.choice(ime[ch])
            else:
                near = [k for k in keys[ch.lower()] if k.isalnum()] or list(keys[ch.lower()])
                new = rng.choice(near)
                new = new.upper() if ch.isupper() else new
            edits.append(Edit(i, i + 1, new))
        return as_proposal(text, edits)


class CharNoiseParams(RateParams):
    ops: dict[Literal["insert", "delete", "swap", "duplicate"], float] = Field(
        default_factory=lambda: {"insert": 1.0, "delete": 1.0, "swap": 1.0, "duplicate": 1.0},
        description="relative weight of each operation",
    )


class CharNoise(Transform):
    """Random character insertions, deletions, swaps of neighbours and doubled characters.

    `nausea` → `nasuea` (swap);  `咳嗽三天` → `咳嗽嗽三天` (duplicate).
    """

    name = "char.noise.v1"
    Params = CharNoiseParams

    def propose(self, rec: RecordView, rng: random.Random) -> Proposal | None:
        text = rec.text
        ops = [op for op, w in self.params.ops.items() if w > 0]
        if not ops:
            return None
        weights = [self.params.ops[op] for op in ops]
        zh = rec.language == "zh"
        common = tables.common_zh_chars()
        n = edit_count(len(text), self.params.rate, self.params.max_edits, rng)
        # width 2 so that a swap at i never meets an edit at i+1
        edits = []
        for i in sample_positions(rec, rng, n, lambda i: not text[i].isspace(), width=2):
            op = rng.choices(ops, weights)[0]
            if op == "delete":
                edits.append(Edit(i, i + 1, ""))
            elif op == "swap" and text[i] != text[i + 1] and not text[i + 1].isspace():
                edits.append(Edit(i, i + 2, text[i + 1] + text[i]))
            elif op == "duplicate":
                edits.append(Edit(i, i, text[i]))
            elif op == "insert":
                new = rng.choice(common) if zh and is_cjk(text[i]) else rng.choice("abcdefghijklmnopqrstuvwxyz")
                edits.append(Edit(i, i, new))
        return as_proposal(text, edits)


ZH_EN_PUNCT = {"，": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")", "、": ","}
EN_ZH_PUNCT = {v: k for k, v in ZH_EN_PUNCT.items() if k != "、"}
PUNCT = set(ZH_EN_PUNCT) | set(EN_ZH_PUNCT) | set("-'\"“”")


class PunctNoiseParams(RateParams):
    ops: dict[Literal["swap_style", "drop", "double", "space_add", "space_drop"], float] = Field(
        default_factory=lambda: {"swap_style": 1.0, "drop": 1.0, "double": 0.5, "space_add": 1.0, "space_drop": 1.0}
    )


class PunctNoise(Transform):
    """Punctuation and whitespace noise: Chinese ↔ ASCII punctuation, dropped or doubled marks,
    extra or missing spaces.

    `体温38.5℃，咳嗽。` → `体温38.5℃,咳嗽。`;  `BP 120/80, HR 88` → `BP 120/80,HR 88`.
    """

    name = "punct.noise.v1"
    Params = PunctNoiseParams

    def propose(self, rec: RecordView, rng: random.Random) -> Proposal | None:
        text = rec.text
        ops = [op for op, w in self.params.ops.items() if w > 0]
        if not ops:
            return None
        weights = [self.params.ops[op] for op in ops]
        n = edit_count(len(text), self.params.rate, self.params.max_edits, rng)
        edits = []
        for _ in range(3):  # an op may not fit this record; try others
            op = rng.choices(ops, weights)[0]
            edits = self._edits(op, rec, rng, n)
            if edits:
                break
        return as_proposal(text, edits)

    def _edits(self, op: str, rec: RecordView, rng: random.Random, n: int) -> list[Edit]:
        text = rec.text
        if op == "swap_style":
            pos = sample_positions(rec, rng, n, lambda i: text[i] in ZH_EN_PUNCT or text[i] in EN_ZH_PUNCT)
            return [Edit(i, i + 1, ZH_EN_PUNCT.get(text[i]) or EN_ZH_PUNCT[text[i]]) for i in pos]
        if op in ("drop", "double"):
            pos = sample_positions(rec, rng, n, lambda i: text[i] in PUNCT)
            return [Edit(i, i + 1, "") if op == "drop" else Edit(i, i, text[i]) for i in pos]
        if op == "space_drop":
            pos = sample_positions(rec, rng, n, lambda i: text[i] == " ")
            return [Edit(i, i + 1, "") for i in pos]
        # space_add: where people do slip in a space — next to punctuation or where script or digits
        # change ("38.5 ℃", "CT 示"), never inside a word
        pos = sample_positions(rec, rng, n, lambda i: i > 0 and _seam(text[i - 1], text[i]))
        return [Edit(i, i, " ") for i in pos]


def _script(ch: str) -> str:
    if is_cjk(ch):
        return "cjk"
    if ch.isdigit():
        return "digit"
    return "alpha" if ch.isalpha() else "other"


def _seam(a: str, b: str) -> bool:
    if a.isspace() or b.isspace():
        return False
    if a in PUNCT or b in PUNCT:
        return True
    return _script(a) != _script(b) and not (a == "." or b == ".")


def to_full(ch: str) -> str:
    o = ord(ch)
    if ch == " ":
        return "\u3000"
    return chr(o + 0xFEE0) if 0x21 <= o <= 0x7E else ch


def to_half(ch: str) -> str:
    o = ord(ch)
    if ch == "\u3000":
        return " "
    return chr(o - 0xFEE0) if 0xFF01 <= o <= 0xFF5E else ch


class WidthParams(TransformParams):
    direction: Literal["to_full", "to_half", "either"] = "either"
    classes: list[Literal["digits", "letters", "punct"]] = Field(default_factory=lambda: ["digits", "letters", "punct"])
    max_edits: int = Field(3, ge=1, le=1000, description="runs converted per variant")


class WidthSwitch(Transform):
    """Full-width ↔ half-width switches of digit, letter and punctuation runs (as IMEs produce).

    `血压120/80mmHg` → `血压１２０/80mmHg`;  `ＣＴ示` → `CT示`.
    """

    name = "width.switch.v1"
    Params = WidthParams

    def _class_ok(self, ch: str) -> bool:
        half = to_half(ch)
        if half.isdigit():
            return "digits" in self.params.classes
        if half.isascii() and half.isalpha():
            return "letters" in self.params.classes
        return "punct" in self.params.classes and half.isascii() and not half.isspace() and half.isprintable()

    def propose(self, rec: RecordView, rng: random.Random) -> Proposal | None:
        text = rec.text
        directions = ["to_full", "to_half"] if self.params.direction == "either" else [self.params.direction]
        rng.shuffle(directions)
        for direction in directions:
            convertible = (lambda c: 0x21 <= ord(c) <= 0x7E) if direction == "to_full" else \
                (lambda c: 0xFF01 <= ord(c) <= 0xFF5E)
            conv = to_full if direction == "to_full" else to_half
            runs = self._runs(rec, lambda c: convertible(c) and self._class_ok(c))
            if runs:
                chosen = rng.sample(runs, min(len(runs), self.params.max_edits))
                return as_proposal(text, [Edit(s, e, "".join(conv(c) for c in text[s:e])) for s, e in chosen])
        return None

    @staticmethod
    def _runs(rec: RecordView, ok) -> list[tuple[int, int]]:
        """Maximal runs of convertible characters, cut at span boundaries (spans are never touched)."""
        text, prot = rec.text, rec.protected
        runs, start = [], None
        for i, ch in enumerate(text):
            good = ok(ch) and not prot[i]
            if good and start is None:
                start = i
            elif not good and start is not None:
                runs.append((start, i))
                start = None
        if start is not None:
            runs.append((start, len(text)))
        return runs
