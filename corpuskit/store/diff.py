"""Diff two versions: records added/removed/changed by id, and distribution deltas."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from corpuskit.store.versions import VersionStore

# what "changed" means: anything a model or a split would see
_CONTENT_COLUMNS = ("text", "lang", "domain", "doc_type", "spans", "labels", "group_id", "split", "parent_id")
EXAMPLES = 10


def _row_digests(dsdict) -> dict[str, str]:
    out: dict[str, str] = {}
    for split in dsdict.values():
        for batch in split.data.to_batches(max_chunksize=4096):
            cols = {c: batch.column(c).to_pylist() for c in ("id", *_CONTENT_COLUMNS)}
            for i, rid in enumerate(cols["id"]):
                payload = json.dumps([cols[c][i] for c in _CONTENT_COLUMNS], ensure_ascii=False, sort_keys=True)
                out[rid] = hashlib.blake2b(payload.encode("utf-8"), digest_size=12).hexdigest()
    return out


def diff_versions(store: VersionStore, ref_a: str, ref_b: str) -> dict[str, Any]:
    """Compare version A (old) with version B (new). Ids only, never record text."""
    ds_a, vid_a = store.find(ref_a)
    ds_b, vid_b = store.find(ref_b)
    a = _row_digests(store.load(ds_a, vid_a))
    b = _row_digests(store.load(ds_b, vid_b))
    added = sorted(set(b) - set(a))
    removed = sorted(set(a) - set(b))
    changed = sorted(k for k in set(a) & set(b) if a[k] != b[k])
    ca = store.manifest(ds_a, vid_a)["counts"]
    cb = store.manifest(ds_b, vid_b)["counts"]
    return {
        "a": f"{ds_a}@{vid_a}",
        "b": f"{ds_b}@{vid_b}",
        "added": len(added),
        "removed": len(removed),
        "changed": len(changed),
        "unchanged": len(set(a) & set(b)) - len(changed),
        "examples": {"added": added[:EXAMPLES], "removed": removed[:EXAMPLES], "changed": changed[:EXAMPLES]},
        "deltas": {
            key: _delta(ca.get(key, {}), cb.get(key, {}))
            for key in ("records", "by_lang", "by_domain", "by_label")
        },
    }


def _delta(a: dict, b: dict) -> dict:
    """b - a for (possibly nested) count dicts, keeping only non-zero entries."""
    out = {}
    for k in sorted(set(a) | set(b)):
        va, vb = a.get(k, 0), b.get(k, 0)
        if isinstance(va, dict) or isinstance(vb, dict):
            d = _delta(va or {}, vb or {})
            if d:
                out[k] = d
        elif vb - va:
            out[k] = vb - va
    return out
