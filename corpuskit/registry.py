"""Registries fed by entry points.

Built-in components and third-party packages register the same way: an entry
point in their `pyproject.toml` under one of the groups below. Code can also
register in-process with the decorator (tests and notebooks do this).

    [project.entry-points."corpuskit.stages"]
    "deid.presidio.v1" = "corpuskit.stages.deid.stage:DeidStage"

Names carry a version so an old pipeline keeps meaning the same thing; a bare
name (`deid`) resolves to the newest registered version with that prefix.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any, Generic, TypeVar

T = TypeVar("T")

_VERSION_SUFFIX = re.compile(r"\.v(\d+)$")


class UnknownComponent(LookupError):
    def __init__(self, kind: str, name: str, known: list[str]):
        self.kind, self.name, self.known = kind, name, known
        hint = f"; known: {', '.join(known)}" if known else ""
        super().__init__(f"unknown {kind} '{name}'{hint}")


class Registry(Generic[T]):
    """Named components of one kind, loaded lazily from an entry-point group."""

    def __init__(self, kind: str, group: str):
        self.kind = kind
        self.group = group
        self._items: dict[str, T] = {}
        self._entry_points: dict[str, Any] | None = None

    def register(self, name: str) -> Callable[[T], T]:
        def deco(obj: T) -> T:
            self._items[name] = obj
            return obj

        return deco

    def _eps(self) -> dict[str, Any]:
        if self._entry_points is None:
            self._entry_points = {ep.name: ep for ep in entry_points(group=self.group)}
        return self._entry_points

    def names(self) -> list[str]:
        return sorted(set(self._items) | set(self._eps()))

    def resolve(self, name: str) -> str:
        """Full versioned name for `name` (`ingest` → `ingest.v1`)."""
        names = self.names()
        if name in names:
            return name
        candidates = [n for n in names if _VERSION_SUFFIX.sub("", n) == name or n.startswith(name + ".")]
        versioned = [n for n in candidates if _VERSION_SUFFIX.search(n)]
        if versioned:
            return max(versioned, key=lambda n: int(_VERSION_SUFFIX.search(n).group(1)))
        if len(candidates) == 1:
            return candidates[0]
        raise UnknownComponent(self.kind, name, names)

    def get(self, name: str) -> T:
        full = self.resolve(name)
        if full not in self._items:
            self._items[full] = self._eps()[full].load()
        return self._items[full]

    def __contains__(self, name: str) -> bool:
        try:
            self.resolve(name)
        except UnknownComponent:
            return False
        return True


stages: Registry[Any] = Registry("stage", "corpuskit.stages")
readers: Registry[Any] = Registry("reader", "corpuskit.readers")
recognizers: Registry[Any] = Registry("recognizer", "corpuskit.recognizers")
augmenters: Registry[Any] = Registry("augmenter", "corpuskit.augmenters")
# A CLI plugin is a callable taking the typer app; the trainer adds `train` and `eval-model`.
cli_plugins: Registry[Any] = Registry("CLI plugin", "corpuskit.cli")
