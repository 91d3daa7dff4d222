"""Ingest parameters (the stage's `params`) and the per-input options (`inputs[i]`)."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from corpuskit.records import DOMAINS
from corpuskit.stages.base import StageParams


class NormalizeParams(BaseModel):
    """How text is normalised before anything else looks at it."""

    model_config = ConfigDict(extra="forbid")

    unicode_form: Literal["NFKC", "NFC", "none"] = "NFKC"
    # full-width letters and digits (ＡＢＣ１２３) become ASCII; NFKC alone does this too
    fullwidth_to_halfwidth: bool = True
    # keep Chinese full-width punctuation (，：（）！？；) that NFKC would turn into ASCII
    keep_cjk_punctuation: bool = True
    strip_control: bool = True
    tidy_whitespace: bool = True


class DedupParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    exact: Literal["drop", "keep"] = "drop"
    near: bool = True
    threshold: float = Field(0.85, gt=0.0, lt=1.0)
    num_perm: int = Field(128, ge=16, le=512)
    shingle_chars: int = Field(5, ge=1, le=32)
    # what a duplicate is: a whole document (default; contract boilerplate sections are not
    # dropped) or a single output record
    level: Literal["document", "record"] = "document"


class IngestParams(StageParams):
    """Params of `ingest.v1`. Every field has a default; a bare `stage: ingest` works."""

    granularity: Literal["document", "section", "paragraph", "chunk"] = "document"
    max_tokens: int = Field(
        512, ge=16, description="chunk size; CJK characters and words count one token each"
    )
    normalize: NormalizeParams = NormalizeParams()
    dedup: DedupParams = DedupParams()
    mixed_lang_threshold: float = Field(0.2, ge=0.0, le=0.5)
    default_lang: Literal["zh", "en"] = "en"
    classify_domain: bool = True
    # replace the built-in keyword lists: {"medical": ["主诉", "diagnosis", ...], ...}
    domain_keywords: dict[str, list[str]] | None = None
    doc_type_keywords: dict[str, list[str]] | None = None
    max_file_mb: float = Field(64.0, gt=0)
    max_table_file_mb: float = Field(4096.0, gt=0)
    pdf_min_chars: int = Field(
        10, ge=0, description="a PDF page with fewer non-space characters has no text layer"
    )
    pdf_rejoin_lines: bool = Field(
        True, description="join lines the PDF wrapped to its page width back into their sentences"
    )
    # file and folder names can name patients ("张伟_入院记录.docx", "Smith_John_MRN1234.pdf"); with
    # "pseudonymize" every name below the input root is recorded as a keyed digest (extension kept)
    # in source.path, the manifest and quarantine entries
    path_names: Literal["keep", "pseudonymize"] = "keep"
    path_key_env: str = Field("CORPUSKIT_DEID_KEY", description="environment variable with the path key")
    workers: int = Field(2, ge=0, le=64, description="0 reads in this process")
    batch_size: int = Field(256, ge=1, le=65536)
    strict: bool = False

    @field_validator("domain_keywords")
    @classmethod
    def _known_domains(cls, v: dict[str, list[str]] | None) -> dict[str, list[str]] | None:
        if v is not None:
            unknown = sorted(set(v) - set(DOMAINS))
            if unknown:
                raise ValueError(f"unknown domains {unknown}; known: {list(DOMAINS)}")
        return v


class FieldMap(BaseModel):
    """Which field of a csv/tsv/parquet/jsonl/json row holds what."""

    model_config = ConfigDict(extra="forbid")

    text: str = "text"
    id: str | None = "id"
    group: str | None = "group_id"
    label: str | None = "label"
    date: str | None = "date"
    doc_type: str | None = "doc_type"
    lang: str | None = None
    domain: str | None = None
    # further fields copied into `meta` as they are
    meta: list[str] = []


class InputSpec(BaseModel):
    """One entry of the pipeline's `inputs:`. Unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    path: str
    abs_path: str | None = Field(None, alias="_abs_path")
    # globs on the path relative to the input root; a glob without "/" matches the file name at any depth.
    # None: every file a registered reader handles (hidden files and folders skipped)
    include: list[str] | None = None
    exclude: list[str] = []
    reader: str | None = None
    lang: Literal["zh", "en"] | None = None
    domain: Literal["medical", "legal", "finance", "general"] | None = None
    doc_type: str | None = None
    group_id: str | None = None
    # regex searched in the path relative to the input root; named groups group_id, doc_type,
    # domain, lang fill those fields: '(?P<group_id>pt\d+)_(?P<doc_type>[a-z_]+)\.'
    path_pattern: str | None = None
    encoding: str | None = None
    fields: FieldMap = FieldMap()
    delimiter: str | None = None
    # json files: where the list of records is ("" = top level, "data.items" = nested)
    json_records: str = ""
    follow_symlinks: bool = False

    @field_validator("path_pattern")
    @classmethod
    def _compiles(cls, v: str | None) -> str | None:
        if v is not None:
            try:
                pattern = re.compile(v)
            except re.error as exc:
                raise ValueError(f"not a valid regular expression: {exc}") from None
            unknown = set(pattern.groupindex) - {"group_id", "doc_type", "domain", "lang"}
            if unknown:
                raise ValueError(
                    f"unknown named groups {sorted(unknown)}; use group_id, doc_type, domain, lang"
                )
        return v

    @field_validator("encoding")
    @classmethod
    def _known_codec(cls, v: str | None) -> str | None:
        if v is not None:
            import codecs

            try:
                codecs.lookup(v)
            except LookupError:
                raise ValueError(f"unknown encoding '{v}'") from None
        return v
