"""The augment stage: originals plus span-exact, lineage-carrying variants.

For each original record (one without `parent_id`) the stage draws
`variants_per_record` variants. Each draw picks a transform by weight, asks it
for an edit map, remaps every span through it, and keeps the variant only if
all spans stay exact; otherwise the variant is quarantined with a reason and
another draw is tried (up to `max_tries`).

Randomness comes from `random.Random` seeded with the build fingerprint, the
`seed` param, the record id and the variant index, so the same build gives the
same variants on any machine, whatever the batch size.

    >>> from corpuskit.records import new_record
    >>> stage = AugmentStage({"transforms": ["synonym.lexicon"], "variants_per_record": 1})
    >>> out = stage.run([new_record("r1", "患者头痛三天。", lang="zh", domain="medical")]).to_pylist()
    >>> [r["text"] for r in out]
    ['患者头痛三天。', '患者头疼三天。']
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pyarrow as pa

from corpuskit import records, registry
from corpuskit.stages.augment.config import AugmentParams
from corpuskit.stages.augment.consistency import ConsistencyFilter
from corpuskit.stages.augment.transforms.base import RecordView, Transform
from corpuskit.stages.augment.variants import EmptyVariant, VariantDropped, build_variant, canonical_params, chained
from corpuskit.stages.base import RunContext, Stage


class AugmentStage(Stage):
    name = "augment.v1"
    version = "1"
    Params = AugmentParams
    requires = frozenset({"id", "text"})
    produces = frozenset({"parent_id", "transform"})

    def __init__(self, params: Any = None, **kwargs: Any):
        super().__init__(params, **kwargs)
        self.transforms: list[Transform] = [
            registry.augmenters.get(spec.name)(spec.params) for spec in self.params.transforms
        ]
        self.weights = [spec.weight for spec in self.params.transforms]
        self._params_json = [canonical_params(t) for t in self.transforms]
        # a corpus-pooled entity swap needs every mention before the first variant
        self.full_pass = any(getattr(t, "needs_corpus", False) for t in self.transforms)
        self.consistency: ConsistencyFilter | None = None

    def setup(self, ctx: RunContext) -> None:
        for t in self.transforms:
            t.ensure_setup()
        if self.params.consistency is not None:
            self.consistency = ConsistencyFilter(self.params.consistency)

    def fit(self, scan: Callable[[], Iterator[pa.RecordBatch]], ctx: RunContext) -> None:
        pooled = [t for t in self.transforms if getattr(t, "needs_corpus", False)]
        for t in pooled:
            t.begin_corpus()
        for batch in scan():
            for rec in batch.select(["id", "text", "lang", "domain", "spans", "labels", "split"]).to_pylist():
                # records already placed outside train must not lend their mentions to train variants
                if rec.get("spans") and rec.get("split") in (None, "train"):
                    view = RecordView.from_record(rec)
                    for t in pooled:
                        t.observe(view)
        for t in pooled:
            t.end_corpus()

    def process(self, batches: Iterable[pa.RecordBatch], ctx: RunContext) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            rows = batch.to_pylist()
            present = {r["id"] for r in rows}  # a re-run over augmented data must not duplicate variants
            out: list[dict[str, Any]] = []
            pending: list[tuple[dict[str, Any], dict[str, Any], int]] = []  # parent, variant, slot in out
            for parent in rows:
                if self.params.keep_originals:
                    out.append(parent)
                if parent.get("parent_id") is not None:
                    ctx.stat(self.name, "skipped_existing_variants")
                    continue
                for variant in self.variants(parent, ctx):
                    if variant["id"] in present:
                        ctx.stat(self.name, "already_present")
                        continue
                    if self.consistency and self.consistency.checks(variant["transform"]["kind"]):
                        pending.append((parent, variant, len(out)))
                    out.append(variant)
            if pending:
                out = self._filter(out, pending, ctx)
            ctx.stat(self.name, "records_in", len(rows))
            yield records.to_batch(out)

    def variants(self, parent: dict[str, Any], ctx: RunContext) -> Iterator[dict[str, Any]]:
        """The variants of one record (not including it). Deterministic for a given fingerprint."""
        choices = self._choices_for(parent.get("split"))
        if not choices:
            ctx.stat(self.name, f"not_augmented_in.{parent.get('split')}")
            return
        weights = [self.weights[i] for i in choices]
        seen = {parent["text"]}
        parent_view = RecordView.from_record(parent)
        for k in range(self.params.variants_per_record):
            rng = random.Random(f"{ctx.fingerprint}\x1f{self.params.seed}\x1f{parent['id']}\x1f{k}")
            for _ in range(self.params.max_tries):
                variant = self._draw(parent, parent_view, k, rng, choices, weights, ctx)
                if variant is None:
                    continue
                name = variant["transform"]["name"]
                if variant["text"] in seen:
                    ctx.stat(self.name, f"duplicate.{name}")
                    continue
                seen.add(variant["text"])
                if parent.get("split") == "test":
                    variant["split"] = "adversarial_test"
                ctx.stat(self.name, f"variants.{name}")
                ctx.stat(self.name, "variants")
                yield variant
                break

    def _draw(self, parent: dict[str, Any], parent_view: RecordView, k: int, rng: random.Random, choices: list[int],
              weights: list[float], ctx: RunContext) -> dict[str, Any] | None:
        """One variant: `chain` transforms drawn and applied in turn, each on the previous result."""
        current, used = parent, []
        for _ in range(self.params.chain):
            i = rng.choices(choices, weights)[0]
            t = self.transforms[i]
            view = parent_view if current is parent else RecordView.from_record(current)
            proposal = t.propose(view, rng) if t.applies_to(view) else None
            if proposal is None or proposal.edits.is_identity:
                ctx.stat(self.name, f"not_applicable.{t.name}")
                continue
            try:
                current = build_variant(current, records.load_meta(current.get("meta")), k, t,
                                        self._params_json[i], proposal)
            except EmptyVariant:
                ctx.stat(self.name, f"not_applicable.{t.name}")  # nothing lost: there was nothing to vary
                return None
            except VariantDropped as exc:
                ctx.quarantine(self.name, f"variant dropped: {exc}", record_id=parent["id"], transform=t.name)
                ctx.stat(self.name, f"dropped.{t.name}")
                return None
            used.append(i)
        if not used:
            return None
        if len(used) > 1:
            current = chained(parent, current, k, [self.transforms[i] for i in used],
                              [self._params_json[i] for i in used])
        return current

    def _choices_for(self, split: str | None) -> list[int]:
        """Which transforms may make variants of a record already placed in `split`.

        Normally augment runs before split and `split` is None. When records arrive split already,
        variants must not leak: train records get any variant, test records only adversarial ones
        (they become `adversarial_test`), validation records none.
        """
        every = list(range(len(self.transforms)))
        if split in (None, "train"):
            return every
        if split == "test":
            return [i for i in every if self.transforms[i].kind == "adversarial"]
        return []

    def _filter(self, out: list[dict[str, Any]], pending: list[tuple[dict, dict, int]],
                ctx: RunContext) -> list[dict[str, Any]]:
        keep = self.consistency.keep([(p, v) for p, v, _ in pending])
        dropped = set()
        for ok, (parent, variant, slot) in zip(keep, pending):
            if not ok:
                dropped.add(slot)
                ctx.quarantine(self.name, "variant dropped: consistency filter: predicted label changed",
                               record_id=parent["id"], transform=variant["transform"]["name"])
                ctx.stat(self.name, "dropped.consistency")
                ctx.stat(self.name, "variants", -1)
                ctx.stat(self.name, f"variants.{variant['transform']['name']}", -1)
        return [r for j, r in enumerate(out) if j not in dropped]

    def fingerprint_params(self) -> dict[str, Any]:
        # transform names are resolved to their versions, so `typo.keyboard` pins `typo.keyboard.v1`
        return self.params.model_dump(mode="json")
