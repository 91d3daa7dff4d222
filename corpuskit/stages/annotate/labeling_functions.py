"""Labeling functions (weak supervision): keywords, regexes, dictionaries and Python callables as data.

A YAML file lists the functions; each emits spans (`target: spans`, the default) or document labels
(`target: doc`):

    functions:
      - {name: fever, keywords: [发热, 发烧, fever], label: 症状, ignore_case: true}
      - {name: discharge, regex: "出院(小结|记录)", label: 出院小结, target: doc}
      - {name: drugs, dictionary: {阿司匹林: 药物, aspirin: 药物}}     # or dictionary_file: drugs.tsv
      - {name: dates, python: "my_lfs.dates:find"}   # fn(text, record) -> labels or (start, end, label)

Statistics per function (coverage, overlap, conflict) and merging outputs are in `lf_stats.py`.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

import regex
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from corpuskit.errors import CorpuskitError
from corpuskit.stages.annotate.lf_stats import LFStats, Output, combine


class LabelingFunctionError(CorpuskitError):
    """A labeling-function file or callable is invalid."""


class FunctionSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[A-Za-z0-9_.\-]+$")
    target: Literal["spans", "doc"] = "spans"
    label: str | None = None
    group: str = "label"  # document labels in one group are exclusive: two different ones conflict
    keywords: list[str] | None = None
    regex: str | None = None
    dictionary: dict[str, str] | None = None
    dictionary_file: str | None = None  # TSV: term<TAB>label, one per line
    python: str | None = None  # "package.module:function"
    ignore_case: bool = False

    @model_validator(mode="after")
    def _one_kind(self) -> FunctionSpec:
        kinds = [k for k in ("keywords", "regex", "dictionary", "dictionary_file", "python") if getattr(self, k)]
        if len(kinds) != 1:
            raise ValueError(f"function '{self.name}' needs exactly one of keywords/regex/dictionary/"
                             f"dictionary_file/python, got {kinds or 'none'}")
        if kinds[0] in ("keywords", "regex") and not self.label:
            raise ValueError(f"function '{self.name}' ({kinds[0]}) needs a label")
        return self

    @property
    def kind(self) -> str:
        return next(k for k in ("keywords", "regex", "dictionary", "dictionary_file", "python") if getattr(self, k))


class LabelingFunction:
    """One compiled function: `fn(text, record) -> Output`."""

    def __init__(self, spec: FunctionSpec, base_dir: Path | None = None):
        self.spec = spec
        self.name = spec.name
        flags = regex.IGNORECASE if spec.ignore_case else 0
        self._pattern: regex.Pattern | None = None
        self._terms: dict[str, str] = {}
        self._callable: Callable[..., Iterable[Any]] | None = None
        self.file_digest: str | None = None
        if spec.keywords:
            self._pattern = _terms_pattern(spec.keywords, flags)
        elif spec.regex:
            try:
                self._pattern = regex.compile(spec.regex, flags)
            except regex.error as exc:
                raise LabelingFunctionError(f"function '{spec.name}': invalid regex: {exc}") from None
        elif spec.dictionary or spec.dictionary_file:
            self._terms = dict(spec.dictionary or {}) or self._read_tsv(spec.dictionary_file, base_dir)
            if spec.ignore_case:
                self._terms = {k.casefold(): v for k, v in self._terms.items()}
            self._pattern = _terms_pattern(list(self._terms), flags)
        else:
            self._callable = _import_callable(spec.name, spec.python or "")

    def _read_tsv(self, name: str | None, base_dir: Path | None) -> dict[str, str]:
        path = Path(name or "")
        if not path.is_absolute() and base_dir is not None:
            path = base_dir / path
        if not path.is_file():
            raise LabelingFunctionError(f"function '{self.name}': dictionary file not found: {path}")
        raw = path.read_bytes()
        self.file_digest = hashlib.sha256(raw).hexdigest()[:16]
        terms = {}
        for n, line in enumerate(raw.decode("utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            term, sep, label = line.partition("\t")
            if not sep or not term or not label.strip():
                raise LabelingFunctionError(f"{path}:{n}: expected 'term<TAB>label'")
            terms[term] = label.strip()
        return terms

    def __call__(self, text: str, record: Mapping[str, Any] | None = None) -> Output:
        out = Output()
        if self._callable is not None:
            for item in self._callable(text, record or {}) or ():
                _add_item(out, item, self.name, len(text), self.spec.target)
            return out
        assert self._pattern is not None
        for m in self._pattern.finditer(text):
            if m.end() <= m.start():
                continue
            if self._terms:
                key = m.group(0).casefold() if self.spec.ignore_case else m.group(0)
                label = self._terms.get(key, self.spec.label)
            else:
                label = self.spec.label
            if label is None:
                continue
            if self.spec.target == "doc":
                out.labels.add(label)
            else:
                out.spans.add((m.start(), m.end(), label))
        return out

    def describe(self) -> dict[str, Any]:
        """What defines this function's output, for fingerprints (file contents by hash)."""
        d = self.spec.model_dump(mode="json", exclude_none=True)
        if self.file_digest:
            d["dictionary_file_sha256"] = self.file_digest
        if self._callable is not None:
            d["python_source_sha256"] = _source_digest(self._callable)
        return d


def _terms_pattern(terms: list[str], flags: int) -> regex.Pattern:
    # longest first so "急性胰腺炎" wins over "胰腺炎"; ASCII words must not match inside longer words
    parts = []
    for t in sorted({t for t in terms if t}, key=len, reverse=True):
        p = regex.escape(t)
        if t[0].isascii() and t[0].isalnum():
            p = r"(?<![A-Za-z0-9_])" + p
        if t[-1].isascii() and t[-1].isalnum():
            p += r"(?![A-Za-z0-9_])"
        parts.append(p)
    return regex.compile("|".join(parts) or r"(?!x)x", flags)


def _add_item(out: Output, item: Any, name: str, length: int, target: str) -> None:
    if isinstance(item, str):
        out.labels.add(item)
        return
    if isinstance(item, Mapping):
        item = (item.get("start"), item.get("end"), item.get("label"))
    try:
        start, end, label = item
    except (TypeError, ValueError):
        raise LabelingFunctionError(f"function '{name}' returned {type(item).__name__}; expected a label "
                                    "string or (start, end, label)") from None
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length and label):
        raise LabelingFunctionError(f"function '{name}' returned an invalid span [{start}, {end})")
    out.spans.add((start, end, str(label)))


def _import_callable(name: str, dotted: str) -> Callable[..., Iterable[Any]]:
    module_name, _, attr = dotted.partition(":")
    if not module_name or not attr:
        raise LabelingFunctionError(f"function '{name}': python must be 'package.module:function', got '{dotted}'")
    try:
        fn = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise LabelingFunctionError(f"function '{name}': cannot import '{dotted}': {exc}") from None
    if not callable(fn):
        raise LabelingFunctionError(f"function '{name}': '{dotted}' is not callable")
    return fn


def _source_digest(fn: Callable[..., Any]) -> str:
    import inspect

    try:
        return hashlib.sha256(inspect.getsource(fn).encode("utf-8")).hexdigest()[:16]
    except (OSError, TypeError):
        return "unavailable"


class LabelingFunctionSet:
    """Functions loaded from a YAML file (or a list of dicts), applied together with statistics."""

    def __init__(self, functions: list[LabelingFunction], name: str = "lf"):
        names = [f.name for f in functions]
        if len(set(names)) != len(names):
            raise LabelingFunctionError(f"labeling function names must be unique: {names}")
        if not functions:
            raise LabelingFunctionError("no labeling functions defined")
        self.functions = functions
        self.name = name
        self.stats = LFStats([f.name for f in functions])

    @classmethod
    def load(cls, source: str | Path | list[Mapping[str, Any]] | Mapping[str, Any]) -> LabelingFunctionSet:
        base_dir, name = None, "lf"
        if isinstance(source, (str, Path)):
            path = Path(source)
            if not path.is_file():
                raise LabelingFunctionError(f"labeling function file not found: {path}")
            base_dir, name = path.parent, path.stem
            try:
                source = yaml.safe_load(path.read_text("utf-8"))
            except yaml.YAMLError as exc:
                raise LabelingFunctionError(f"{path}: not valid YAML: {exc}") from None
        specs = source.get("functions") if isinstance(source, Mapping) else source
        if isinstance(source, Mapping):
            name = source.get("name", name)
        if not isinstance(specs, list):
            raise LabelingFunctionError("a labeling function file needs a 'functions:' list")
        try:
            parsed = [FunctionSpec.model_validate(s) for s in specs]
        except ValidationError as exc:
            raise LabelingFunctionError(f"invalid labeling function: {exc.errors()[0]['msg']} "
                                        f"at {list(exc.errors()[0]['loc'])}") from None
        return cls([LabelingFunction(s, base_dir) for s in parsed], name)

    def describe(self) -> list[dict[str, Any]]:
        return [f.describe() for f in self.functions]

    def digest(self) -> str:
        return hashlib.sha256(json.dumps(self.describe(), sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:12]

    def apply(self, text: str, record: Mapping[str, Any] | None = None) -> dict[str, Output]:
        """Every function's output on one text; updates the statistics."""
        outputs = {f.name: f(text, record) for f in self.functions}
        self.stats.observe(outputs, {f.name: f.spec.group for f in self.functions})
        return outputs


__all__ = ["FunctionSpec", "LFStats", "LabelingFunction", "LabelingFunctionError", "LabelingFunctionSet",
           "Output", "combine"]
