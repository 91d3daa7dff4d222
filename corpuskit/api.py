"""Public Python API: build a pipeline, load a dataset version."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def load(name: str, version: str = "latest", store: str | Path | None = None) -> Any:
    """Load a dataset version as a `datasets.DatasetDict`.

    `version` is "latest", a version id (or a unique prefix of one), or a tag.
    """
    from corpuskit.store import VersionStore

    return VersionStore(store).load(name, version)


def build(pipeline: str | Path | dict, store: str | Path | None = None, strict: bool = False) -> str:
    """Build (or find in the store) the dataset version a pipeline config describes; returns its id."""
    from corpuskit.pipeline import run_pipeline

    return run_pipeline(pipeline, store=store, strict=strict).version_id
