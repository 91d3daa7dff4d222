"""Public names for secret keys: what a fingerprint or manifest may say about a key."""

from __future__ import annotations

import hashlib


def key_id(key: bytes) -> str:
    """A public name for a key: the first 16 hex digits of SHA-256 over a domain-separated key."""
    return hashlib.sha256(b"corpuskit-deid-key\x00" + key).hexdigest()[:16]
