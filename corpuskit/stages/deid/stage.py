"""`deid.presidio.v1`: find identifiers in zh/en records and replace them, keeping spans aligned.

    stages:
      - stage: deid
        params:
          operators: {default: placeholder, PERSON: surrogate, DATE: date_shift, ID: {operator: mask, chars_to_keep: 4}}
          key_env: CORPUSKIT_DEID_KEY      # needed by surrogate / hash / date_shift
          n_process: 2

The secret key is read from an environment variable or a key file, never from the
params themselves: the pipeline YAML is copied into every manifest. Only the key's
id (a hash) enters the fingerprint, so a new key means a new version.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
from pydantic import Field, field_validator

from corpuskit import records, registry
from corpuskit.stages.base import RunContext, Stage, StageParams
from corpuskit.stages.deid import fields
from corpuskit.stages.deid.audit import RESIDUAL_LABELS, ResidualScanner, Vault, record_audit
from corpuskit.stages.deid.engine import DeidEngine, EngineConfig
from corpuskit.stages.deid.labels import CANONICAL_LABELS
from corpuskit.stages.deid.operators import KEYED_OPERATORS, DocumentRewriter, OffsetMap, parse_operators
from corpuskit.stages.deid.surrogates import KeyedReplacer, key_id

_DEID_DIR = Path(__file__).parent

log = logging.getLogger(__name__)


class DeidParams(StageParams):
    engine: EngineConfig = Field(default_factory=EngineConfig)
    operators: dict[str, str | dict[str, Any]] = Field(
        default_factory=lambda: {"default": "placeholder"},
        description="canonical label (or 'default') → operator name or {operator: ..., options}",
    )
    key_env: str = Field("CORPUSKIT_DEID_KEY", description="environment variable holding the secret key")
    key_file: str | None = Field(None, description="file holding the secret key (used when key_env is unset)")
    max_shift_days: int = Field(365, ge=1, le=3650)
    n_process: int = Field(1, ge=1, le=64, description="worker processes running spaCy and recognizers")
    add_spans: bool = Field(True, description="add a span (source='deid') over each replacement")
    residual_scan: bool = True
    residual_labels: list[str] = Field(default_factory=lambda: list(RESIDUAL_LABELS))
    vault: bool = Field(False, description="write an encrypted re-identification mapping (off by default)")
    vault_dir: str | None = Field(None, description="folder for the vault, outside the dataset store")
    vault_key_env: str = "CORPUSKIT_VAULT_KEY"

    @field_validator("operators")
    @classmethod
    def _known_labels(cls, value: dict) -> dict:
        unknown = sorted(set(value) - set(CANONICAL_LABELS) - {"default"})
        if unknown:
            raise ValueError(f"unknown labels {unknown}; use 'default' or one of {sorted(CANONICAL_LABELS)}")
        parse_operators(value)  # raises on a bad operator name or option
        return value

    def keyed(self) -> bool:
        return any(spec.operator in KEYED_OPERATORS for spec in parse_operators(self.operators).values())


def resolve_key(params: DeidParams) -> bytes | None:
    """The secret key from `key_env`, else `key_file`; None when neither is set."""
    value = os.environ.get(params.key_env)
    if value:
        return value.encode("utf-8")
    if params.key_file:
        path = Path(params.key_file).expanduser()
        if not path.is_file():
            raise ValueError(f"deid key_file {path} does not exist")
        return path.read_bytes().strip()
    return None


def guess_lang(text: str) -> str:
    """'zh' when at least a tenth of the first 2,000 characters are Han, else 'en'."""
    head = text[:2000]
    han = sum(1 for c in head if "\u4e00" <= c <= "\u9fff")
    return "zh" if head and han * 10 >= len(head) else "en"


class DeidStage(Stage):
    """Detect identifiers with Presidio + corpuskit recognizers and replace them per entity type."""

    name = "deid.presidio.v1"
    version = "1"
    Params = DeidParams
    requires = frozenset({"id", "text"})
    produces = frozenset({"deid", "spans"})

    params: DeidParams

    def fingerprint_params(self) -> dict[str, Any]:
        p = self.params.model_dump(
            mode="json", exclude={"key_env", "key_file", "vault_dir", "vault_key_env", "n_process"}
        )
        if self.params.keyed():
            key = resolve_key(self.params)
            if key is None:
                raise ValueError(self._missing_key_message())
            p["key_id"] = key_id(key)
        if self.params.engine.recognizers is None:
            # "all registered" means whatever plugins are installed: name them, so a new plugin is a new version
            p["engine"]["recognizers"] = registry.recognizers.names()
        # the detector's own code and lists: a changed pattern finds other spans, so it is another version
        p["detector"] = detector_digest()
        return p

    def _missing_key_message(self) -> str:
        return (
            f"deid operators surrogate/hash/date_shift need a secret key: set environment variable "
            f"{self.params.key_env} or params.key_file"
        )

    def setup(self, ctx: RunContext) -> None:
        self.engine = DeidEngine.shared(self.params.engine)
        self.operators = parse_operators(self.params.operators)
        key = resolve_key(self.params)
        if self.params.keyed() and key is None:
            raise ValueError(self._missing_key_message())
        self.replacer = KeyedReplacer(key, self.params.max_shift_days) if key else None
        self.scanner = (
            ResidualScanner(self.engine.analyzer, self.params.residual_labels)
            if self.params.residual_scan
            else None
        )
        self.engine_name = f"{self.name}:{self.params.engine.en_model}+zh_jieba"
        ctx.reports["deid"] = {
            "engine": self.engine_name,
            "recognizers": self.engine.recognizer_names(),
            "key_id": key_id(key) if key else None,
            "vault": None,
        }

    def process(self, batches: Iterable[pa.RecordBatch], ctx: RunContext) -> Iterator[pa.RecordBatch]:
        vault = None
        if self.params.vault:
            if not self.params.vault_dir:
                raise ValueError(
                    "deid vault: true needs params.vault_dir (a folder outside the dataset store)"
                )
            vault = Vault(self.params.vault_dir, self.params.vault_key_env, ctx.fingerprint)
            ctx.reports.setdefault("deid", {})["vault"] = str(vault.path)
        try:
            for batch in batches:
                yield self._process(batch, ctx, vault)
        finally:
            self.engine.close()
            if vault:
                vault.close()

    def process_batch(self, batch: pa.RecordBatch, ctx: RunContext) -> pa.RecordBatch:
        return self._process(batch, ctx, None)

    def _process(self, batch: pa.RecordBatch, ctx: RunContext, vault: Vault | None) -> pa.RecordBatch:
        rows = batch.to_pylist()
        todo = [i for i, r in enumerate(rows) if not (r.get("deid") or {}).get("applied")]
        ctx.stat(self.name, "records_in", len(rows))
        if len(todo) < len(rows):
            ctx.stat(self.name, "already_deidentified", len(rows) - len(todo))
        langs = [rows[i].get("lang") or guess_lang(rows[i]["text"] or "") for i in todo]
        found = self.engine.detect(
            [rows[i]["text"] or "" for i in todo], langs, n_process=self.params.n_process
        )
        side = self._detect_side_fields([rows[i] for i in todo], langs)
        keep = [True] * len(rows)
        for i, lang, dets, side_found in zip(todo, langs, found, side):
            try:
                self._rewrite(rows[i], lang, dets, ctx, vault, side_found)
            except Exception as exc:  # one bad record must not stop a build; its text stays out of the log
                ctx.quarantine(self.name, f"deid failed: {type(exc).__name__}", record_id=rows[i].get("id"))
                log.warning("deid failed on record %s: %s", rows[i].get("id"), type(exc).__name__)
                keep[i] = False
        return records.to_batch([r for r, k in zip(rows, keep) if k])

    def _detect_side_fields(self, rows: list[dict], langs: list[str]) -> list[list[tuple[str, list]]]:
        """Detections for every string in each row's meta and source.section (one engine call)."""
        per_row = [
            list(fields.strings_in(fields.side_fields(records.load_meta(r.get("meta")), r.get("source"))))
            for r in rows
        ]
        flat = [(k, s) for k, strings in enumerate(per_row) for s in strings if len(s.strip()) > 1]
        dets = self.engine.detect([s for _, s in flat], [langs[k] for k, _ in flat]) if flat else []
        out: list[list[tuple[str, list]]] = [[] for _ in rows]
        for (k, s), d in zip(flat, dets):
            out[k].append((s, d))
        return out

    def _rewrite(
        self,
        row: dict,
        lang: str,
        dets: list,
        ctx: RunContext,
        vault: Vault | None,
        side_found: list[tuple[str, list]] = (),
    ) -> None:
        text = row["text"] or ""
        group = row.get("group_id") or row["id"]
        rewriter = DocumentRewriter(self.operators, self.replacer, lang, group)
        new_text, reps = rewriter.rewrite(text, dets)
        meta = records.load_meta(row.get("meta"))
        if any(d for _, d in side_found):
            meta, source = self._rewrite_side_fields(rewriter, meta, row.get("source"), dict(side_found), ctx)
            row["source"] = source
        mapping = OffsetMap(reps)
        spans = []
        for s in row.get("spans") or []:
            moved = mapping.span(s["start"], s["end"])
            if moved is None:
                ctx.stat(self.name, "spans_dropped_by_redaction")
                continue
            spans.append({**s, "start": moved[0], "end": moved[1]})
        if self.params.add_spans:
            spans += [
                {"start": r.new_start, "end": r.new_end, "label": r.label, "source": "deid"}
                for r in reps
                if r.new_end > r.new_start
            ]
        spans.sort(key=lambda s: (s["start"], s["end"]))
        counts = Counter(r.label for r in reps)
        residual = Counter()
        if self.scanner:
            inserted = [(r.new_start, r.new_end) for r in reps if r.operator != "keep"]
            residual = self.scanner.scan(new_text, lang, inserted)
        meta["deid"] = record_audit(dets, Counter(r.operator for r in reps), residual)
        row.update(
            text=new_text,
            spans=spans,
            meta=records.dump_meta(meta),
            deid={
                "applied": True,
                "engine": self.engine_name,
                "entity_counts": json.dumps(dict(sorted(counts.items())), sort_keys=True),
            },
        )
        if vault:
            vault.add(
                row["id"],
                [
                    {
                        "label": r.label,
                        "original": text[r.old_start : r.old_end],
                        "replacement": new_text[r.new_start : r.new_end],
                        "start": r.new_start,
                    }
                    for r in reps
                ],
            )
        self._stats(ctx, dets, reps, residual)

    def _rewrite_side_fields(
        self,
        rewriter: DocumentRewriter,
        meta: dict,
        source: dict | None,
        found: dict[str, list],
        ctx: RunContext,
    ) -> tuple[dict, dict | None]:
        def fix(value: str) -> str:
            dets = found.get(value)
            if not dets:
                return value
            ctx.stat(self.name, "side_field_entities", len(dets))
            return rewriter.rewrite(value, dets)[0]

        cleaned = fields.map_strings(fields.side_fields(meta, source), fix)
        new_meta = {
            **cleaned["meta"],
            **({fields.AUDIT_KEY: meta[fields.AUDIT_KEY]} if fields.AUDIT_KEY in meta else {}),
        }
        new_source = {**source, "section": cleaned["section"]} if source else source
        return new_meta, new_source

    def _stats(self, ctx: RunContext, dets: list, reps: list, residual: Counter) -> None:
        ctx.stat(self.name, "records_deidentified")
        if reps:
            ctx.stat(self.name, "records_with_identifiers")
        ctx.stat(self.name, "entities", len(reps))
        for r in reps:
            ctx.stat(self.name, f"entities.{r.label}")
            ctx.stat(self.name, f"operator.{r.operator}")
        for d in dets:
            ctx.stat(self.name, f"recognizer.{d.recognizer}")
        for label, n in residual.items():
            ctx.stat(self.name, f"residual.{label}", n)
        if residual:
            ctx.stat(self.name, "records_with_residual")


@functools.lru_cache(maxsize=1)
def detector_digest() -> str:
    """sha256 (16 hex) over this package's sources and word lists, in path order.

    Version ids hash the pipeline config and corpuskit's version; without this a new recognizer pattern
    between releases would write different spans under the same id. Recognizers from other packages are
    covered by their registry names only.
    """
    digest = hashlib.sha256()
    for path in sorted(_DEID_DIR.rglob("*")):
        if path.suffix in (".py", ".txt") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(_DEID_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]
