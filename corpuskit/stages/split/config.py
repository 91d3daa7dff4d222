"""Params of `split.grouped.v1`."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from corpuskit.stages.base import StageParams
from corpuskit.stages.split.index import iso_date

ASSIGNABLE = ("train", "validation", "test")


class SplitParams(StageParams):
    """How records are assigned to train/validation/test.

    mode:
      hash        stable: a group's split is a pure function of its key and the seed, so adding
                  records never moves an existing one (default);
      stratified  exact label proportions per split, groups whole; ranks within a label stratum,
                  so new groups can shift boundary groups (see README);
      temporal    by a date in `meta[date_field]`: explicit `cutoffs` (stable) or date quantiles;
      kfold       `k` folds by the same stable hash; fold `fold` is test, the rest train; every
                  record's fold number is also written to `meta["fold"]`.

    keep_splits_of: `DATASET@VERSION` (or a tag); records and groups of that version keep their
    split and only new units are assigned — stability for every mode (see anchor.py).
    """

    ratios: dict[Literal["train", "validation", "test"], float] = Field(
        default_factory=lambda: {"train": 0.8, "validation": 0.1, "test": 0.1})
    seed: str = "0"
    mode: Literal["hash", "stratified", "temporal", "kfold"] = "hash"
    date_field: str = "date"
    cutoffs: dict[Literal["validation", "test"], str] | None = Field(
        None, description="temporal: ISO dates; date < validation → train, < test → validation, else test")
    k: int = Field(5, ge=2, le=100)
    fold: int = Field(0, ge=0)
    # leakage guards; turning them off builds a deliberately leaky version (for audits and tests)
    guards: bool = True
    near_dup: bool = Field(True, description="also cluster near-duplicates here with MinHash LSH")
    near_dup_threshold: float = Field(0.8, gt=0.0, lt=1.0)
    num_perm: int = Field(64, ge=16, le=256)
    shingle_chars: int = Field(5, ge=1, le=16)
    variants: Literal["train_only", "follow_parent"] = "train_only"
    keep_splits_of: str | None = Field(
        None, description="DATASET@VERSION whose records and groups keep their split (tags and @latest "
                          "are resolved when the build starts; the fingerprint names the id)")
    keep_splits_store: str | None = Field(None, description="store of keep_splits_of (default: $CORPUSKIT_STORE "
                                                            "or ./store)")

    @field_validator("seed", mode="before")
    @classmethod
    def _seed_as_text(cls, value: object) -> object:
        # `seed: 7` in YAML (or `--set seed=7`) means the same as "7"
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @model_validator(mode="after")
    def _check(self) -> SplitParams:
        total = sum(self.ratios.values())
        if any(v < 0 for v in self.ratios.values()) or abs(total - 1.0) > 1e-6:
            raise ValueError(f"ratios must be non-negative and sum to 1 (they sum to {total:g})")
        for name, value in (self.cutoffs or {}).items():
            if iso_date(value) != value:
                raise ValueError(f"cutoffs.{name} must be an ISO date YYYY-MM-DD")
        if self.cutoffs and self.cutoffs.get("validation", "") > self.cutoffs.get("test", "9999"):
            raise ValueError("cutoffs.validation must not be later than cutoffs.test")
        if self.mode == "kfold" and self.fold >= self.k:
            raise ValueError(f"fold must be < k ({self.k})")
        return self
