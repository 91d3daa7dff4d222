"""Exact and near-duplicate detection that stays small in memory.

Exact: a 64-bit digest of the normalised text. Near: MinHash signatures
(rensa, in Rust) over character shingles, cut into LSH bands with datasketch's
choice of (bands, rows) for the threshold. Signatures are computed in the
reader workers; only band keys reach the main process, where a compact
open-addressing table (flat arrays, 16 bytes per entry) maps band keys and
digests to the first document that had them. 100k documents with 64
permutations cost ~20 MB, not the ~1 GB a dict of byte strings would.
"""

from __future__ import annotations

import functools
import hashlib
import struct
from array import array

import numpy as np


def text_digest(text: str) -> int:
    """64-bit digest of a text (never 0, which marks an empty slot)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little") or 1


_GAUSS_NODES, _GAUSS_WEIGHTS = np.polynomial.legendre.leggauss(64)


def _quadrature(lo: float, hi: float, pieces: int = 8) -> tuple[np.ndarray, np.ndarray]:
    """Gauss-Legendre nodes and weights for ∫ over [lo, hi], in `pieces` panels."""
    edges = np.linspace(lo, hi, pieces + 1)
    half, mid = (edges[1:] - edges[:-1]) / 2, (edges[1:] + edges[:-1]) / 2
    nodes = (mid[:, None] + half[:, None] * _GAUSS_NODES[None, :]).ravel()
    return nodes, (half[:, None] * _GAUSS_WEIGHTS[None, :]).ravel()


@functools.lru_cache(maxsize=16)
def lsh_params(threshold: float, num_perm: int, fp_weight: float = 0.5, fn_weight: float = 0.5) -> tuple[int, int]:
    """(bands, rows) minimising the weighted areas of false positives (∫₀ᵗ P(candidate|s) ds) and
    false negatives (∫ₜ¹ P(missed|s) ds): datasketch's `MinHashLSH(threshold=...)` choice, with
    the integrals done in numpy for all (bands, rows) at once. datasketch's own optimiser imports
    scipy: half a second and ~45 MB in every process that ingests."""
    pairs = np.array([(b, r) for b in range(1, num_perm + 1) for r in range(1, num_perm // b + 1)], dtype=float)
    bands, rows = pairs[:, :1], pairs[:, 1:]
    s, w = _quadrature(0.0, threshold)
    false_pos = ((1 - (1 - s**rows) ** bands) * w).sum(axis=1)
    s, w = _quadrature(threshold, 1.0)
    false_neg = (((1 - s**rows) ** bands) * w).sum(axis=1)
    best = int(np.argmin(fp_weight * false_pos + fn_weight * false_neg))  # first of equals, as datasketch
    return int(pairs[best, 0]), int(pairs[best, 1])


_SEED = 1  # fixed: band keys must be the same in every run and every worker


def shingle_hashes(text: str, shingle: int) -> np.ndarray:
    """Hashes of the distinct character k-grams of `text` with whitespace removed, in numpy
    (a polynomial rolling hash, then a multiply-xorshift mix; 32 bits, held as uint64 for rensa).
    Hashing each gram with sha1 in Python, as datasketch does by default, cost ~4 ms per
    1.5 KB document; this costs ~50 µs."""
    compact = "".join(text.split())
    if not compact:
        return np.zeros(0, dtype=np.uint64)
    cp = np.frombuffer(compact.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    k = min(shingle, len(cp))
    n = len(cp) - k + 1
    h = cp[:n].copy()  # uint32 arithmetic wraps: the hash is taken modulo 2**32 at every step
    for j in range(1, k):
        h *= np.uint32(1000003)
        h += cp[j : j + n]
    h *= np.uint32(0x9E3779B1)
    h ^= h >> np.uint32(16)
    return np.unique(h).astype(np.uint64)


def signature(hashes: np.ndarray, num_perm: int) -> np.ndarray:
    """MinHash signature (uint32 × num_perm) of pre-hashed shingles, computed by rensa in Rust.

    datasketch's `update_batch` builds a (shingles × num_perm) array in numpy: ~0.4 ms for a
    1.5 KB document and ~0.5 GB for a 1M-character one. rensa keeps one running minimum per
    permutation: ~6 µs, no memory beyond its input.
    """
    from rensa import RMinHash

    offsets = np.array([0, len(hashes)], dtype=np.uint64)
    matrix = RMinHash.digest_matrix_from_flat_token_hashes(hashes, offsets, num_perm, _SEED)
    return np.asarray(matrix.to_rows()[0], dtype=np.uint32)


def band_keys(text: str, num_perm: int, bands: int, rows: int, shingle: int) -> list[int]:
    """MinHash of the text's character shingles, hashed per LSH band to 64-bit keys."""
    hashes = shingle_hashes(text, shingle)
    if not len(hashes):
        return []
    hv = signature(hashes, num_perm)
    keys = []
    for b in range(bands):
        band = hv[b * rows : (b + 1) * rows].tobytes()
        digest = hashlib.blake2b(struct.pack("<H", b) + band, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little") or 1)
    return keys


class CompactIndex:
    """uint64 key → int64 value, open addressing with linear probing; first insert wins.

    Two flat `array.array`s (8 bytes a slot each): as small as numpy arrays, and reading one slot
    gives a Python int directly, ~4× faster than a numpy scalar in this one-key-at-a-time loop.
    """

    def __init__(self, capacity: int = 1 << 14):
        self._keys = array("Q", bytes(8 * capacity))
        self._vals = array("q", bytes(8 * capacity))
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
        self._keys = array("Q", bytes(16 * len(keys)))
        self._vals = array("q", bytes(16 * len(keys)))
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
