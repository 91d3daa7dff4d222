"""SIGKILL a build at random points: no partial version may ever be visible, and the rerun gives the same id."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import datasets

from corpuskit.pipeline import fingerprint_parts, hash_inputs, load_config
from corpuskit.store import VersionStore, fingerprint

from toy_stages import pipeline

BUILD = (
    "import sys; sys.path.insert(0, sys.argv[1]); import toy_stages; toy_stages.register();"
    "from toy_stages import pipeline; from corpuskit.pipeline import run_pipeline;"
    "print(run_pipeline(pipeline(sys.argv[2], sleep=0.03), store=sys.argv[3]).version_id)"
)


def visible_versions(store: Path) -> list[Path]:
    base = store / "toy"
    return [p for p in base.iterdir() if not p.name.startswith(".")] if base.exists() else []


def test_killed_builds_never_leave_a_visible_partial_version(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for i in range(60):
        (inputs / f"doc{i:03d}.txt").write_text(f"line one of {i}\nline two of {i}\n", "utf-8")
    store = tmp_path / "store"
    cfg = load_config(pipeline(inputs, sleep=0.03))
    expected = fingerprint(fingerprint_parts(cfg, hash_inputs(cfg)))
    args = [sys.executable, "-c", BUILD, str(Path(__file__).parent), str(inputs), str(store)]

    rng = random.Random(7)
    for delay in [0.3, 1.0, 1.8, 2.5, 3.2] + [rng.uniform(0.5, 4.0) for _ in range(2)]:
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        for version in visible_versions(store):
            # whatever is visible is complete: manifest present and every split loads
            assert version.name == expected
            assert (version / "manifest.json").is_file()
            assert datasets.load_from_disk(str(version))["train"].num_rows == 120
        if visible_versions(store):
            break

    done = subprocess.run(args, capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == expected
    assert [p.name for p in visible_versions(store)] == [expected]
    assert VersionStore(store).load("toy", expected)["train"].num_rows == 120
    # staging folders of killed builds are cleaned up by later builds
    assert not [p for p in (store / "toy").iterdir() if p.name.startswith(".staging-")]
