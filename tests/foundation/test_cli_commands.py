"""The version commands as a user types them: build, versions, show, tag, diff (in-process, toy stages)."""

import json

import yaml
from typer.testing import CliRunner

from corpuskit.cli import app

from toy_stages import pipeline


def _cli(*args):
    # wide enough that rich tables never wrap a version id
    result = CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_build_versions_show_tag_and_diff(corpus, tmp_path):
    store = tmp_path / "store"
    config = tmp_path / "p.yaml"
    config.write_text(yaml.safe_dump(pipeline(corpus)), "utf-8")

    v1 = _cli("build", config, "--store", store).strip()
    assert _cli("build", config, "--store", store).strip() == v1  # a cache hit prints the same id
    (corpus / "a.txt").write_text("first line\nsecond line changed\nthird\n", "utf-8")
    v2 = _cli("build", config, "--store", store).strip()
    assert len(v1) == len(v2) == 16 and v1 != v2

    listed = json.loads(_cli("versions", "toy", "--store", store, "--json"))
    assert [(r["id"], r["parent"]) for r in listed] == [(v1, None), (v2, v1)]  # oldest first
    _cli("tag", f"toy@{v1}", "before-edit", "--store", store)
    assert json.loads(_cli("versions", "--store", store, "--json"))[0]["tags"] == ["before-edit"]
    assert "before-edit" in _cli("versions", "toy", "--store", store)
    shown = _cli("show", "toy@before-edit", "--store", store)
    assert v1 in shown

    text = _cli("diff", "toy@before-edit", f"toy@{v2}", "--store", store)
    assert "+1 added" in text and "~1 changed" in text and "-0 removed" in text
    d = json.loads(_cli("diff", "toy@before-edit", f"toy@{v2}", "--store", store, "--json"))
    assert d["deltas"]["records"] == {"train": 1}
    assert d["examples"]["added"] and all(isinstance(i, str) for i in d["examples"]["added"])
