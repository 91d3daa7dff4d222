"""Version fingerprints: a content hash of inputs, canonical config, stage versions and code version.

Like `datasets`' fingerprint_transform, but a value that cannot be hashed canonically
is an error — never a random id, which would silently defeat caching.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping
from pathlib import Path, PurePath
from typing import Any

from corpuskit.errors import UnhashableError

ID_LENGTH = 16
_CHUNK = 1 << 20


def canonical(value: Any, path: str = "$") -> Any:
    """A JSON-ready copy of `value` whose serialisation does not depend on key order or spelling."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise UnhashableError(f"{path}: non-finite number {value!r} cannot be fingerprinted")
        return int(value) if value.is_integer() else value
    if isinstance(value, Mapping):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise UnhashableError(f"{path}: key {k!r} is not a string")
            out[k] = canonical(v, f"{path}.{k}")
        return dict(sorted(out.items()))
    if isinstance(value, (list, tuple)):
        return [canonical(v, f"{path}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, PurePath):
        return value.as_posix()
    raise UnhashableError(
        f"{path}: a value of type {type(value).__name__} cannot be fingerprinted; use plain JSON values"
    )


def canonical_json(value: Any) -> str:
    return json.dumps(canonical(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def fingerprint(parts: Mapping[str, Any]) -> str:
    """The version id for a fingerprint dict."""
    return hashlib.sha256(canonical_json(parts).encode("utf-8")).hexdigest()[:ID_LENGTH]


def file_sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()
