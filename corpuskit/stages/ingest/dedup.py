"""Exact and near-duplicate detection that stays small in memory.

Exact: a 64-bit digest of the normalised text. Near: MinHash signatures
(datasketch) over character shingles, cut into LSH bands with datasketch's own
choice of (bands, rows) for the threshold. Signatures are computed in the
reader workers; only band keys reach the main process, where a compact
open-addressing table (numpy arrays, 16 bytes per entry) maps band keys and
digests to the first document that had them. 100k documents with 64
permutations cost ~20 MB, not the ~1 GB a dict of byte strings would.
"""

from __future__ import annotations

import hashlib
import struct

import numpy as np

_EMPTY = np.uint64(0)


def text_digest(text: str) -> int:
    """64-bit digest of a text (never 0, which marks an empty slot)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little") or 1


def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) minimising weighted false positives and negatives, as datasketch.MinHashLSH picks them."""
    from datasketch.lsh import _optimal_param  # the same optimiser MinHashLSH(threshold=...) runs

    return _optimal_param(threshold, num_perm, 0.5, 0.5)


_PERMUTATIONS: dict[int, tuple] = {}
_SHINGLES_PER_UPDATE = 4096


def shingle_hashes(text: str, shingle: int) -> np.ndarray:
    """32-bit hashes of the distinct character k-grams of `text` with whitespace removed, in numpy
    (a polynomial rolling hash, then a multiply-xorshift mix). Hashing each gram with sha1 in Python,
    as datasketch does by default, cost ~4 ms per 1.5 KB document; this costs ~50 µs."""
    compact = "".join(text.split())
    cp = np.frombuffer(compact.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    k = min(shingle, len(cp))
    n = len(cp) - k + 1
    h = np.zeros(max(n, 0), dtype=np.uint64)
    for j in range(k):
        h = (h * np.uint64(1000003) + cp[j : j + n]) & np.uint64(0xFFFFFFFF)
    h = (h * np.uint64(0x9E3779B1)) & np.uint64(0xFFFFFFFF)
    h ^= h >> np.uint64(16)
    return np.unique(h)


def band_keys(text: str, num_perm: int, bands: int, rows: int, shingle: int) -> list[int]:
    """MinHash (datasketch) of the text's character shingles, hashed per LSH band to 64-bit keys."""
    from datasketch import MinHash

    if num_perm not in _PERMUTATIONS:  # drawing the permutations is the costly part of MinHash()
        template = MinHash(num_perm=num_perm, seed=1)
        _PERMUTATIONS[num_perm] = (template.permutations, template.scheme)
    permutations, scheme = _PERMUTATIONS[num_perm]
    mh = MinHash(num_perm=num_perm, seed=1, hashfunc=int, permutations=permutations, scheme=scheme)
    hashes = shingle_hashes(text, shingle)
    # update_batch builds a (shingles × num_perm) array: a 1 MB document in one call would need
    # ~0.5 GB, so feed it in slices of a few MB (same result: MinHash is a running minimum)
    for start in range(0, len(hashes), _SHINGLES_PER_UPDATE):
        mh.update_batch(hashes[start : start + _SHINGLES_PER_UPDATE].tolist())
    hv = mh.hashvalues
    keys = []
    for b in range(bands):
        band = hv[b * rows : (b + 1) * rows].tobytes()
        digest = hashlib.blake2b(struct.pack("<H", b) + band, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little") or 1)
    return keys


class CompactIndex:
    """uint64 key → int64 value, open addressing with linear probing; first insert wins."""

    def __init__(self, capacity: int = 1 << 14):
        self._keys = np.zeros(capacity, dtype=np.uint64)
        self._vals = np.zeros(capacity, dtype=np.int64)
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def _slot(self, key: int) -> int:
        mask = len(self._keys) - 1
        i = (key * 0x9E3779B97F4A7C15 >> 17) & mask
        keys = self._keys
        k = np.uint64(key)
        while keys[i] != _EMPTY and keys[i] != k:
            i = (i + 1) & mask
        return i

    def get(self, key: int) -> int | None:
        i = self._slot(key)
        return int(self._vals[i]) if self._keys[i] != _EMPTY else None

    def setdefault(self, key: int, value: int) -> int:
        """The value stored for `key`, storing `value` first if there is none."""
        i = self._slot(key)
        if self._keys[i] != _EMPTY:
            return int(self._vals[i])
        self._keys[i], self._vals[i] = key, value
        self._n += 1
        if self._n * 2 > len(self._keys):
            self._grow()
        return value

    def _grow(self) -> None:
        keys, vals = self._keys, self._vals
        self._keys = np.zeros(len(keys) * 2, dtype=np.uint64)
        self._vals = np.zeros(len(keys) * 2, dtype=np.int64)
        self._n = 0
        for i in np.flatnonzero(keys):
            self.setdefault(int(keys[i]), int(vals[i]))


class Deduplicator:
    """Decides, document by document in stream order, exact duplicates and near-duplicate clusters.

    Values are 60-bit integers taken from document ids (15 hex digits), so a cluster id is
    the id of the first document in it.
    """

    def __init__(self) -> None:
        self.exact = CompactIndex()
        self.bands = CompactIndex()

    def check_exact(self, digest: int, value: int) -> int | None:
        """The earlier document with the same digest, or None (and remember this one)."""
        first = self.exact.get(digest)
        if first is None:
            self.exact.setdefault(digest, value)
        return first

    def cluster(self, keys: list[int], value: int) -> int:
        """The cluster this document joins: the earliest document sharing a band, else its own."""
        found = [v for v in (self.bands.get(k) for k in keys) if v is not None]
        cluster = found[0] if found else value
        for k in keys:
            self.bands.setdefault(k, cluster)
        return cluster
