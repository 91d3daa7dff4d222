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
def lsh_params(
    threshold: float, num_perm: int, fp_weight: float = 0.5, fn_weight: float = 0.5
) -> tuple[int, int]:
    """(bands, rows) minimising the weighted areas of false positives (∫₀ᵗ P(candidate|s) ds) and
    false negatives (∫ₜ¹ P(missed|s) ds): datasketch's `MinHashLSH(threshold=...)` choice, with
    the integrals done in numpy for all (bands, rows) at once. datasketch's own optimiser imports
    scipy: half a second and ~45 MB in every process that ingests."""
    pairs = np.array(
        [(b, r) for b in range(1, num_perm + 1) for r in range(1, num_perm // b + 1)], dtype=float
    )
    bands, rows = pairs[:, :1], pairs[:, 1:]
    s, w = _quadrature(0.0, threshold)
    false_pos = ((1 - (1 - s**rows) ** bands) * w).sum(axis=1)
    s, w = _quadrature(threshold, 1.0)
    false_neg = (((1 - s**rows) ** bands) * w).sum(axis=1)
    best = int(np.argmin(fp_weight * false_pos + fn_weight * false_neg))  # first of equals, as datasketch
    return int(pairs[best, 0]), int(pairs[best, 1])


_SEED = 1  # fixed: band keys must be the same in every run and every worker
# rensa computes a matrix of >= RENSA_DOC_PAR_BATCH_SIZE rows (default 256, never below 32) on
# rayon's thread pool. A process that has started that pool and then forks (ingest's workers
# are forked) leaves children whose next parallel call waits forever on threads that do not
# exist in them. Calls of fewer rows never touch the pool; the workers are the parallelism.
_MAX_ROWS_PER_CALL = 31


def _rolling(cp: np.ndarray, k: int) -> np.ndarray:
    """The hash of each k-gram of code points `cp` (len(cp) - k + 1 of them): a polynomial rolling
    hash, then a multiply-xorshift mix; uint32 arithmetic wraps, so it is taken modulo 2**32."""
    n = len(cp) - k + 1
    h = cp[:n].copy()
    for j in range(1, k):
        h *= np.uint32(1000003)
        h += cp[j : j + n]
    h *= np.uint32(0x9E3779B1)
    h ^= h >> np.uint32(16)
    return h


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def shingle_hashes(text: str, shingle: int, strip_whitespace: bool = True) -> np.ndarray:
    """Hashes of the distinct character k-grams of `text` (whitespace removed first unless told), in numpy
    (32 bits, held as uint64 for rensa). A text shorter than k is one gram.
    Hashing each gram with sha1 in Python, as datasketch does by default, cost ~4 ms per
    1.5 KB document; this costs ~50 µs."""
    compact = "".join(text.split()) if strip_whitespace else text
    if not compact:
        return np.zeros(0, dtype=np.uint64)
    cp = _code_points(compact)
    return np.unique(_rolling(cp, min(shingle, len(cp)))).astype(np.uint64)


def signature(hashes: np.ndarray, num_perm: int) -> np.ndarray:
    """MinHash signature (uint32 × num_perm) of pre-hashed shingles, computed by rensa in Rust.

    datasketch's `update_batch` builds a (shingles × num_perm) array in numpy: ~0.4 ms for a
    1.5 KB document and ~0.5 GB for a 1M-character one. rensa keeps one running minimum per
    permutation: ~6 µs, no memory beyond its input.
    """
    return np.asarray(_digest_rows([hashes], num_perm)[0], dtype=np.uint32)


def _digest_rows(pieces: list[np.ndarray], num_perm: int) -> list[list[int]]:
    """rensa's signature of each array of gram hashes, at most `_MAX_ROWS_PER_CALL` rows a call."""
    from rensa import RMinHash

    rows: list[list[int]] = []
    for lo in range(0, len(pieces), _MAX_ROWS_PER_CALL):
        chunk = pieces[lo : lo + _MAX_ROWS_PER_CALL]
        flat = np.concatenate(chunk).astype(np.uint64)
        offsets = np.concatenate(([0], np.cumsum([len(p) for p in chunk]))).astype(np.uint64)
        rows += RMinHash.digest_matrix_from_flat_token_hashes(flat, offsets, num_perm, _SEED).to_rows()
    return rows


def signatures(texts: list[str], shingle: int, num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """`signature(shingle_hashes(t, shingle), num_perm)` for many texts at once: (matrix of
    len(texts) × num_perm uint32, mask of the texts that had any shingle; their rows are 0 otherwise).

    One rolling hash over all the texts joined and one rensa call, instead of ~10 numpy calls per
    text: a 1.5 KB document costs ~10 µs instead of ~80. Grams that cross from one text into the
    next are never taken; a gram repeated within a text is (a minimum does not care), so no
    per-text `np.unique`.
    """
    compacts = ["".join(t.split()) for t in texts]
    lengths = np.fromiter(map(len, compacts), dtype=np.int64, count=len(compacts))
    nonempty = lengths > 0
    out = np.zeros((len(texts), num_perm), dtype=np.uint32)
    if not nonempty.any():
        return out, nonempty
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    joined = _code_points("".join(compacts))
    grams = _rolling(joined, shingle) if len(joined) >= shingle else np.zeros(0, dtype=np.uint32)
    pieces = []
    for i in np.flatnonzero(nonempty).tolist():
        start, length = int(starts[i]), int(lengths[i])
        if length >= shingle:
            piece = grams[start : start + length - shingle + 1]
        else:  # shorter than a gram: the whole text is its one gram, as in `shingle_hashes`
            piece = _rolling(joined[start : start + length], length)
        pieces.append(piece)
    out[nonempty] = np.asarray(_digest_rows(pieces, num_perm), dtype=np.uint32)
    return out, nonempty
