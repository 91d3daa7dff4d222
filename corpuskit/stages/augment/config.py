"""Parameters of the augment stage, checked before any record is read."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, ValidationError, field_validator

from corpuskit import registry
from corpuskit.stages.augment.transforms.base import KINDS
from corpuskit.stages.base import StageParams

DEFAULT_MIX = ["synonym.lexicon.v1", "abbrev.swap.v1", "typo.keyboard.v1", "number.format.v1", "punct.noise.v1"]


class TransformSpec(StageParams):
    """One transform in the mix: its registered name, its weight in the draw, its params."""

    name: str
    weight: float = Field(1.0, gt=0)
    params: dict[str, Any] = Field(default_factory=dict)


class ConsistencySpec(StageParams):
    """Drop variants whose predicted label changed.

    `predictor` is `keywords` (the built-in rule: a record gets every label whose
    keywords occur in its text) or a dotted path `package.module:function` to a
    callable taking a list of record dicts and returning one label or list of labels each.
    """

    predictor: str
    keywords: dict[str, list[str]] = Field(default_factory=dict, description="label → words, for predictor 'keywords'")
    compare: Literal["parent", "labels"] = Field(
        "parent", description="parent: the variant's prediction must equal the parent's; "
                              "labels: it must equal the variant's own labels")
    kinds: list[Literal["label_preserving", "entity_aware", "adversarial"]] = Field(
        default_factory=lambda: ["label_preserving", "entity_aware"])
    batch_size: int = Field(256, ge=1)

    @field_validator("predictor")
    @classmethod
    def _predictor_shape(cls, v: str) -> str:
        if v != "keywords" and "." not in v and ":" not in v:
            raise ValueError("predictor must be 'keywords' or a dotted path like 'mypkg.models:predict'")
        return v


class AugmentParams(StageParams):
    variants_per_record: int = Field(1, ge=0, le=100)
    transforms: list[str | TransformSpec] = Field(default_factory=lambda: list(DEFAULT_MIX), validate_default=True,
                                                  description="names, or {name, weight, params}")
    chain: int = Field(1, ge=1, le=4, description="transforms applied in turn to make one variant")
    max_tries: int = Field(4, ge=1, le=50, description="draws per variant before giving up on a record")
    seed: int = Field(0, description="change to get other variants from the same build")
    consistency: ConsistencySpec | None = None
    keep_originals: bool = True

    @field_validator("transforms")
    @classmethod
    def _resolve(cls, specs: list[str | TransformSpec]) -> list[TransformSpec]:
        out, problems = [], []
        for i, spec in enumerate(specs):
            spec = TransformSpec(name=spec) if isinstance(spec, str) else spec
            try:
                full = registry.augmenters.resolve(spec.name)
                transform_cls = registry.augmenters.get(full)
            except registry.UnknownComponent as exc:
                problems.append(f"transforms[{i}]: {exc}")
                continue
            try:
                transform_cls.Params.model_validate(spec.params)
            except ValidationError as exc:
                for e in exc.errors():
                    where = ".".join(str(p) for p in e["loc"])
                    problems.append(f"transforms[{i}].params.{where}: {e['msg']}")
                continue
            if transform_cls.kind not in KINDS:
                problems.append(f"transforms[{i}]: '{full}' declares unknown kind '{transform_cls.kind}'")
            out.append(spec.model_copy(update={"name": full}))
        if problems:
            raise ValueError("; ".join(problems))
        if not out:
            raise ValueError("at least one transform is needed")
        return out
