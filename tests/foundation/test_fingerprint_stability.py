import json
import subprocess
import sys
from pathlib import Path

import pytest

from corpuskit.errors import UnhashableError
from corpuskit.pipeline import fingerprint_parts, hash_inputs, load_config
from corpuskit.store import fingerprint

from toy_stages import pipeline


def version_of(cfg_dict):
    cfg = load_config(cfg_dict)
    return fingerprint(fingerprint_parts(cfg, hash_inputs(cfg)))


def test_key_order_does_not_change_the_id():
    a = {"b": 1, "a": {"y": [1, 2], "x": 1.0}}
    b = {"a": {"x": 1, "y": [1, 2]}, "b": 1}
    assert fingerprint(a) == fingerprint(b)
    assert fingerprint(a) != fingerprint({"b": 1, "a": {"y": [2, 1], "x": 1}})


def test_unhashable_values_are_errors_not_random_ids():
    with pytest.raises(UnhashableError, match=r"\$.f"):
        fingerprint({"f": object()})
    with pytest.raises(UnhashableError):
        fingerprint({"f": float("nan")})


def test_path_spelling_does_not_change_the_id(corpus, monkeypatch):
    monkeypatch.chdir(corpus.parent)
    ids = {
        version_of(pipeline(corpus)),
        version_of(pipeline("inputs")),
        version_of(pipeline("./inputs/")),
        version_of(pipeline("inputs/../inputs")),
    }
    assert len(ids) == 1


def test_one_byte_or_one_param_changes_the_id(corpus):
    base = version_of(pipeline(corpus))
    changed_param = pipeline(corpus)
    changed_param["stages"][1]["params"]["sleep"] = 0.5
    assert version_of(changed_param) != base
    (corpus / "a.txt").write_bytes((corpus / "a.txt").read_bytes() + b"!")
    assert version_of(pipeline(corpus)) != base


def test_same_id_in_a_new_process(corpus):
    here = version_of(pipeline(corpus))
    code = (
        "import sys, json; sys.path.insert(0, sys.argv[1]);"
        "import toy_stages; toy_stages.register();"
        "from toy_stages import pipeline; from test_fingerprint_stability import version_of;"
        "print(version_of(pipeline(sys.argv[2])))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent), str(corpus)],
                         capture_output=True, text=True, check=True, env={"PYTHONHASHSEED": "123", "PATH": ""})
    assert out.stdout.strip().splitlines()[-1] == here
