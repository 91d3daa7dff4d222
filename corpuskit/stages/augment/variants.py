"""Turn a transform's proposal into a variant record, or into a reason it cannot be one."""

from __future__ import annotations

import json
from typing import Any

from corpuskit import records
from corpuskit.stages.augment.transforms.base import Proposal, Transform


class VariantDropped(Exception):
    """A variant that cannot keep its spans exact. The message never contains record text."""


class EmptyVariant(VariantDropped):
    """The edits would leave no text (a one-character record lost its only character)."""


def build_variant(parent: dict[str, Any], parent_meta: dict[str, Any], index: int,
                  transform: Transform, params_json: str, proposal: Proposal) -> dict[str, Any]:
    """The variant record: new text, remapped spans, lineage. Raises `VariantDropped`."""
    edits = proposal.edits
    text = edits.apply(parent["text"])
    if not text.strip():
        raise EmptyVariant("variant text would be empty")
    spans = []
    for s in parent.get("spans") or []:
        mapped = edits.map_span(s["start"], s["end"])
        if mapped is None:
            raise VariantDropped(f"span '{s['label']}' at [{s['start']}, {s['end']}) cannot be kept exact")
        if mapped.replaced and transform.kind == "label_preserving":
            raise VariantDropped(f"label-preserving transform edited span '{s['label']}' at [{s['start']}, {s['end']})")
        label = proposal.relabel_spans.get((s["start"], s["end"]), s["label"])
        spans.append({"start": mapped.start, "end": mapped.end, "label": label, "source": s.get("source")})
    for s in proposal.add_spans:
        mapped = edits.map_span(s.start, s.end)
        if mapped is None or not mapped.replaced:
            raise VariantDropped(f"added span '{s.label}' is not exactly an edited range")
        spans.append({"start": mapped.start, "end": mapped.end, "label": s.label, "source": s.source})
    spans.sort(key=lambda s: (s["start"], s["end"], s["label"]))

    meta = dict(parent_meta)
    meta["augment"] = {"transform": transform.name, **proposal.meta}
    if proposal.contrastive:
        meta["contrastive"] = True
    variant = dict(parent)
    variant.update(
        id=records.stable_id(parent["id"], "augment", index, transform.name, text),
        text=text,
        spans=spans,
        labels=list(proposal.labels) if proposal.labels is not None else list(parent.get("labels") or []),
        meta=records.dump_meta(meta),
        parent_id=parent["id"],
        group_id=parent.get("group_id") or parent["id"],
        transform={"name": transform.name, "params": params_json, "kind": transform.kind},
    )
    return variant


KIND_RANK = {"label_preserving": 0, "entity_aware": 1, "adversarial": 2}


def chained(parent: dict[str, Any], final: dict[str, Any], index: int, steps: list[Transform],
            params_json: list[str]) -> dict[str, Any]:
    """Lineage for a variant made by several transforms in turn: named `a+b`, kind the strongest."""
    name = "+".join(t.name for t in steps)
    meta = records.load_meta(final["meta"])
    meta["augment"] = {**meta.get("augment", {}), "transform": name}
    params = "[" + ",".join(f'{{"name":{json.dumps(t.name)},"params":{p}}}' for t, p in zip(steps, params_json)) + "]"
    return {**final,
            "id": records.stable_id(parent["id"], "augment", index, name, final["text"]),
            "parent_id": parent["id"],
            "meta": records.dump_meta(meta),
            "transform": {"name": name, "params": params,
                          "kind": max((t.kind for t in steps), key=KIND_RANK.__getitem__)}}


def canonical_params(transform: Transform) -> str:
    return json.dumps(transform.params_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
