"""Exact and near-duplicate detection that stays small in memory.

Exact: a 64-bit digest of the normalised text. Near: MinHash signatures
(`corpuskit.minhash`: rensa over character shingles) cut into LSH bands. Signatures are computed in the
reader workers; only band keys reach the main process, where a compact
open-addressing table (flat arrays, 16 bytes per entry) maps band keys and
digests to the first document that had them. 100k documents with 128
permutations (8 bands) cost ~30 MB, not the ~1 GB a dict of byte strings would.
"""

from __future__ import annotations

import hashlib
import struct
from array import array

from corpuskit.minhash import signatures


def text_digest(text: str) -> int:
    """64-bit digest of a text (never 0, which marks an empty slot)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little") or 1


def band_keys(text: str, num_perm: int, bands: int, rows: int, shingle: int) -> list[int]:
    """MinHash of the text's character shingles, hashed per LSH band to 64-bit keys."""
    return band_keys_many([text], num_perm, bands, rows, shingle)[0]


def band_keys_many(texts: list[str], num_perm: int, bands: int, rows: int, shingle: int) -> list[list[int]]:
    """`band_keys` of each text (an empty list for a text without shingles), with one MinHash call for all."""
    matrix, nonempty = signatures(texts, shingle, num_perm)
    raw = matrix.tobytes()
    width, row_bytes = num_perm * 4, rows * 4
    prefixes = [struct.pack("<H", b) for b in range(bands)]
    out: list[list[int]] = []
    for i, has in enumerate(nonempty.tolist()):
        if not has:
            out.append([])
            continue
        base = i * width
        keys = []
        for b, prefix in enumerate(prefixes):
            band = raw[base + b * row_bytes : base + (b + 1) * row_bytes]
            digest = hashlib.blake2b(prefix + band, digest_size=8).digest()
            keys.append(int.from_bytes(digest, "little") or 1)
        out.append(keys)
    return out


class CompactIndex:
    """uint64 key → int64 value, open addressing with linear probing; first insert wins.

    Two flat `array.array`s (8 bytes a slot each): as small as numpy arrays, and reading one slot
    gives a Python int directly, ~4× faster than a numpy scalar in this one-key-at-a-time loop.
    """

    def __init__(self, capacity: int = 1 << 14):
        self._keys = array("Q", [0]) * capacity  # repeat: no temporary buffer of the whole size
        self._vals = array("q", [0]) * capacity
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def _slot(self, key: int) -> int:
        keys = self._keys
        mask = len(keys) - 1
        i = ((key * 0x9E3779B97F4A7C15) >> 17) & mask
        while True:
            k = keys[i]
            if k == 0 or k == key:
                return i
            i = (i + 1) & mask

    def get(self, key: int) -> int | None:
        i = self._slot(key)
        return self._vals[i] if self._keys[i] else None

    def setdefault(self, key: int, value: int) -> int:
        """The value stored for `key`, storing `value` first if there is none."""
        i = self._slot(key)
        if self._keys[i]:
            return self._vals[i]
        self._keys[i], self._vals[i] = key, value
        self._n += 1
        if self._n * 2 > len(self._keys):
            self._grow()
        return value

    def _grow(self) -> None:
        keys, vals = self._keys, self._vals
        self._keys = array("Q", [0]) * (2 * len(keys))
        self._vals = array("q", [0]) * (2 * len(keys))
        self._n = 0
        for k, v in zip(keys, vals):
            if k:
                self.setdefault(k, v)


class Deduplicator:
    """Decides, document by document in stream order, exact duplicates and near-duplicate clusters.

    Values are 60-bit integers taken from document ids (15 hex digits), so a cluster id is
    the id of the first document in it.
    """

    def __init__(self) -> None:
        self.exact = CompactIndex()
        self.bands = CompactIndex()

    def decide(
        self, digest: int, keys: list[int], value: int, drop_exact: bool
    ) -> tuple[int | None, int | None]:
        """(the earlier document with the same digest when this one is dropped as an exact duplicate,
        else None; the cluster it joins, None when dropped or without band keys). A cluster is the
        earliest document sharing a band with it, else the document itself."""
        if drop_exact:
            first = self.exact.get(digest)
            if first is not None:
                return first, None
            self.exact.setdefault(digest, value)
        if not keys:
            return None, None
        cluster = next((v for v in map(self.bands.get, keys) if v is not None), value)
        for k in keys:
            self.bands.setdefault(k, cluster)
        return None, cluster
