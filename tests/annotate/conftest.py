"""A real Label Studio server for the annotate tests, migrated once per session.

Uses the server named by LABEL_STUDIO_URL / LABEL_STUDIO_API_KEY when set (CI starts one with
scripts/labelstudio.sh and exports LABEL_STUDIO_DATA_DIR too); otherwise starts one on a free port
with a temporary data dir and stops it, by its PID, at the end of the session.
Two annotators with known legacy tokens are added with `label-studio init --user-token`.
"""

from __future__ import annotations

import os
import socket
import subprocess
import uuid
from pathlib import Path

import pytest
from annotate_testkit import ANNOTATORS, LabelStudioServer

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "labelstudio.sh"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _script(*args: str, timeout: int = 400) -> str:
    proc = subprocess.run(["bash", str(SCRIPT), *args], capture_output=True, text=True, timeout=timeout,
                          check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"labelstudio.sh {args[0]} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return proc.stdout


@pytest.fixture(scope="session")
def ls_server(tmp_path_factory: pytest.TempPathFactory):
    url, key = os.environ.get("LABEL_STUDIO_URL"), os.environ.get("LABEL_STUDIO_API_KEY")
    data_dir = os.environ.get("LABEL_STUDIO_DATA_DIR")
    started = None
    if not (url and key):
        _script("install", timeout=900)
        data_dir = str(tmp_path_factory.mktemp("labelstudio"))
        env_lines = dict(line.split("=", 1) for line in _script("start", data_dir, str(_free_port())).split()
                         if "=" in line)
        url, key = env_lines["LABEL_STUDIO_URL"], env_lines["LABEL_STUDIO_API_KEY"]
        started = data_dir
    server = LabelStudioServer(url=url, admin_token=key, data_dir=data_dir)
    try:
        server.add_annotators(lambda email, token: _script("add-user", data_dir, email, token) if data_dir else None)
        yield server
    finally:
        if started:
            _script("stop", started)


@pytest.fixture
def project_name() -> str:
    """A new project per test."""
    return f"ck-test-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def ls_client(ls_server: LabelStudioServer):
    from corpuskit.stages.annotate.client import LabelStudioClient, RetryPolicy

    return LabelStudioClient(ls_server.url, ls_server.admin_token, RetryPolicy(attempts=3, base_delay=0.1))


__all__ = ["ANNOTATORS"]
