"""Fixtures for the trainer tests: a real corpuskit store with two versions of a synthetic clinical dataset."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from trainer_fixtures import commit_version

from corpuskit.store import VersionStore


@pytest.fixture(autouse=True, scope="package")
def one_torch_thread():
    """Tiny models gain nothing from threads, and on a shared 2-core box spinning OpenMP threads are slower
    (a 6x difference seen here). Scoped to this folder; subprocess tests set OMP_NUM_THREADS themselves."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="session")
def store(tmp_path_factory) -> Path:
    """A store with clinical v1 (and v2, a drifted version whose parent is v1)."""
    root = tmp_path_factory.mktemp("store")
    v1 = commit_version(root)
    commit_version(root, shift=True, parent=v1)
    VersionStore(root).tag("clinical", v1, "v1")
    return root


@pytest.fixture(scope="session")
def v1(store) -> str:
    return "clinical@v1"


@pytest.fixture(scope="session")
def v2(store) -> str:
    return "clinical@latest"
