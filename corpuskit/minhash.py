"""MinHash for near-duplicate detection, shared by ingest's dedup and the split leakage check.

Shingles are hashed in numpy, signatures computed by rensa (Rust, one running minimum per
permutation), and the LSH (bands, rows) chosen as datasketch's `MinHashLSH` chooses them.
"""

from __future__ import annotations

import functools

import numpy as np

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


def shingle_hashes(text: str, shingle: int, strip_whitespace: bool = True) -> np.ndarray:
    """Hashes of the distinct character k-grams of `text` (whitespace removed first unless told), in numpy
    (a polynomial rolling hash, then a multiply-xorshift mix; 32 bits, held as uint64 for rensa).
    Hashing each gram with sha1 in Python, as datasketch does by default, cost ~4 ms per
    1.5 KB document; this costs ~50 µs."""
    compact = "".join(text.split()) if strip_whitespace else text
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
