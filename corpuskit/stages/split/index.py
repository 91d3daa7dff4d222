"""A compact index of a corpus for splitting and leakage checks: keys, labels, hashes — no text.

Built from a stream of record batches; MinHash signatures (datasketch) find near-duplicates
with character shingles, so Chinese (no spaces) works as well as English.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
import pyarrow as pa
from datasketch import MinHash, MinHashLSH

_SPACE = re.compile(r"\s+")


def text_key(text: str) -> str:
    """Exact-duplicate key: case- and whitespace-insensitive."""
    return hashlib.blake2b(_SPACE.sub(" ", text).strip().lower().encode("utf-8"), digest_size=12).hexdigest()


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%Y年%m月%d日", "%d/%m/%Y", "%Y-%m", "%Y")
_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}")


def iso_date(value: object) -> str | None:
    """`YYYY-MM-DD` for the date formats records carry (ISO, 2023/9/1, 2023年9月1日, …); None if unreadable.

    Temporal splits compare these strings, so every date must be in one sortable form.
    """
    if value is None:
        return None
    text = str(value).strip()
    if m := _DATE_PREFIX.match(text):  # ISO, possibly with a time part
        return m.group(0)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def minhash(text: str, num_perm: int, k: int) -> MinHash:
    norm = _SPACE.sub(" ", text).strip().lower()
    shingles = {norm[i:i + k] for i in range(max(len(norm) - k + 1, 1))}
    m = MinHash(num_perm=num_perm, seed=1)
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


@dataclass(slots=True)
class Entry:
    group: str
    labels: tuple[str, ...]
    text_key: str
    dup_cluster: str | None
    parent_id: str | None
    kind: str | None
    date: str | None
    split: str | None


@dataclass
class CorpusIndex:
    entries: dict[str, Entry] = field(default_factory=dict)
    near_pairs: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def build(cls, batches: Iterable[pa.RecordBatch], *, near_dup: bool, threshold: float = 0.8,
              num_perm: int = 64, shingle_chars: int = 5, date_field: str = "date") -> CorpusIndex:
        index = cls()
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm) if near_dup else None
        # hash values only (uint32; datasketch keeps them below 2**32): a MinHash object costs more
        sigs: dict[str, np.ndarray] = {}
        for batch in batches:
            cols = {c: batch.column(c).to_pylist() for c in
                    ("id", "text", "group_id", "labels", "dup_cluster", "parent_id", "transform", "meta", "split")}
            for i, rid in enumerate(cols["id"]):
                text = cols["text"][i]
                meta = json.loads(cols["meta"][i]) if cols["meta"][i] else {}
                transform = cols["transform"][i] or {}
                index.entries[rid] = Entry(
                    group=cols["group_id"][i] or rid,
                    labels=tuple(sorted(cols["labels"][i] or ())),
                    text_key=text_key(text),
                    dup_cluster=cols["dup_cluster"][i],
                    parent_id=cols["parent_id"][i],
                    kind=transform.get("kind"),
                    date=iso_date(meta.get(date_field)),
                    split=cols["split"][i],
                )
                # variants are near-duplicates of their parent by construction; lineage handles them
                if lsh is not None and not cols["parent_id"][i]:
                    m = minhash(text, num_perm, shingle_chars)
                    for other in lsh.query(m):
                        if float(np.mean(m.hashvalues.astype(np.uint32) == sigs[other])) >= threshold:
                            index.near_pairs.append((other, rid))
                    lsh.insert(rid, m)
                    sigs[rid] = m.hashvalues.astype(np.uint32)
        return index
