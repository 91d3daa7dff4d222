"""Identifiers outside `text`: section headings, table cells and other strings in `meta` and `source.section`.

Readers copy headings such as "惠州市第三人民医院入院记录" and CSV columns such as a
visit date into `meta`; de-identifying only `text` would leave them in the dataset.
Every string in `meta` (except this stage's own audit) and `source.section` goes
through the same detector and the same document rewriter as the text, so a
hospital gets the same placeholder or surrogate in both places.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

AUDIT_KEY = "deid"


def strings_in(value: Any) -> Iterator[str]:
    """Every string inside a JSON-like value, depth first, in a fixed order."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k in sorted(value):
            yield from strings_in(value[k])
    elif isinstance(value, list):
        for v in value:
            yield from strings_in(v)


def map_strings(value: Any, fn: Callable[[str], str]) -> Any:
    """`value` with every string replaced by `fn(string)`, same order as `strings_in`."""
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, dict):
        return {k: map_strings(value[k], fn) for k in sorted(value)}
    if isinstance(value, list):
        return [map_strings(v, fn) for v in value]
    return value


def side_fields(meta: dict, source: dict | None) -> dict:
    """The record's free-text side fields, as one JSON-like value (audit key left out)."""
    return {
        "meta": {k: v for k, v in meta.items() if k != AUDIT_KEY},
        "section": (source or {}).get("section"),
    }
