"""The reader protocol and how a file finds its reader."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from corpuskit import registry


@dataclass
class RawDoc:
    """One document a reader found: text and where it came from. Fields left None are filled later."""

    text: str
    encoding: str | None = None
    page: int | None = None  # 1-based PDF page
    line: int | None = None  # 1-based line of a jsonl row, or csv record number
    locator: str = ""  # stable within the file: "", "p3", "row:17", "line:5", "id:abc"
    id: str | None = None
    group_id: str | None = None
    doc_type: str | None = None
    lang: str | None = None
    domain: str | None = None
    labels: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    # heading lines a structured format marks (docx styles, html h1-h6, md #)
    headings: list[str] = field(default_factory=list)
    # PDF: (page number, text) per page with a text layer; the worker joins them
    pages: list[tuple[int, str]] | None = None


@dataclass
class ReadProblem:
    """Something in a file that cannot become a record. `reason` never contains record text."""

    reason: str
    locator: str = ""
    line: int | None = None
    page: int | None = None


class Reader:
    """Base class. `read` yields RawDoc and ReadProblem items for one file.

    `streaming = True` marks readers of many-record files (jsonl, csv, parquet): they run in
    the main process and yield rows lazily, so one huge file never sits in memory.
    """

    name: ClassVar[str] = "reader"
    extensions: ClassVar[tuple[str, ...]] = ()
    streaming: ClassVar[bool] = False

    def read(self, path: Path, spec: Any, params: Any, data: bytes = b"") -> Iterator[RawDoc | ReadProblem]:
        """Yield documents and problems. `data` holds the file bytes for non-streaming readers."""
        raise NotImplementedError


_BY_EXT: dict[str, str] | None = None


def _extension_map() -> dict[str, str]:
    global _BY_EXT
    if _BY_EXT is None:
        _BY_EXT = {}
        for name in registry.readers.names():
            cls = registry.readers.get(name)
            for ext in getattr(cls, "extensions", ()):
                _BY_EXT.setdefault(ext.lower(), name)
    return _BY_EXT


def reader_for(path: Path, forced: str | None = None) -> Reader | None:
    """The reader for a file: the one named in the input's `reader:`, else by extension; None if none fits."""
    if forced:
        return registry.readers.get(forced)()
    suffixes = [s.lower() for s in path.suffixes]
    for i in range(len(suffixes)):  # longest first: ".json.gz" before ".gz"
        name = _extension_map().get("".join(suffixes[i:]))
        if name:
            return registry.readers.get(name)()
    return None
