"""File and folder names can name patients: `path_names: pseudonymize` keeps them out of every output."""

from __future__ import annotations

import pytest
from ingest_fixtures import ZH_NOTE, ingest

import corpuskit
from corpuskit.errors import CorpuskitError
from corpuskit.stages.ingest.stage import IngestStage

NAME = "庞秀英"


@pytest.fixture
def named_folder(tmp_path):
    folder = tmp_path / "raw" / f"{NAME}_病历"
    folder.mkdir(parents=True)
    (folder / f"{NAME}_入院记录.txt").write_text(ZH_NOTE, encoding="utf-8")
    (folder / f"{NAME}_出院小结.txt").write_text(ZH_NOTE.replace("入院", "出院"), encoding="utf-8")
    (folder / f"{NAME}_空.txt").write_bytes(b"")  # quarantined: its entry must not name her either
    return tmp_path / "raw"


def test_names_are_digests_with_extensions_kept(named_folder, monkeypatch):
    monkeypatch.setenv("CORPUSKIT_DEID_KEY", "path-key-1")
    rows, ctx = ingest([{"path": str(named_folder)}], path_names="pseudonymize")
    paths = [r["source"]["path"] for r in rows]
    assert len(paths) == 2 and all(NAME not in p and p.endswith(".txt") for p in paths)
    folders = {p.rsplit("/", 2)[-2] for p in paths}
    assert len(folders) == 1  # one patient folder stays one folder
    assert [e.path for e in ctx.quarantined] and all(NAME not in e.path for e in ctx.quarantined)
    listed = IngestStage({"path_names": "pseudonymize"}).list_inputs([{"path": str(named_folder)}])
    assert len(listed) == 3 and all(NAME not in item["key"] for item in listed)

    monkeypatch.setenv("CORPUSKIT_DEID_KEY", "path-key-2")
    other, _ = ingest([{"path": str(named_folder)}], path_names="pseudonymize")
    assert {r["source"]["path"] for r in other}.isdisjoint(paths)  # the digest depends on the key
    kept, _ = ingest([{"path": str(named_folder)}])
    assert all(NAME in r["source"]["path"] for r in kept)  # the default keeps names, as documented


def test_pseudonymizing_without_a_key_is_an_error_naming_the_variable(named_folder, monkeypatch):
    monkeypatch.delenv("CORPUSKIT_DEID_KEY", raising=False)
    with pytest.raises(CorpuskitError, match="CORPUSKIT_DEID_KEY"):
        ingest([{"path": str(named_folder)}], path_names="pseudonymize")


def test_a_built_version_never_contains_the_name(named_folder, tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUSKIT_DEID_KEY", "path-key-1")
    pipeline = {
        "dataset": "pathnames",
        "inputs": [{"path": str(named_folder)}],
        "stages": [{"stage": "ingest", "params": {"path_names": "pseudonymize", "workers": 0}}],
    }
    corpuskit.build(pipeline, store=tmp_path / "store")
    files = [p for p in (tmp_path / "store").rglob("*") if p.is_file()]
    assert any(p.name == "manifest.json" for p in files)
    for path in files:
        assert NAME.encode("utf-8") not in path.read_bytes(), path.name
        assert b"path-key-1" not in path.read_bytes(), path.name  # the key itself is never written

    first = IngestStage(pipeline["stages"][0]["params"]).fingerprint_params()
    monkeypatch.setenv("CORPUSKIT_DEID_KEY", "path-key-2")
    second = IngestStage(pipeline["stages"][0]["params"]).fingerprint_params()
    assert first["path_key_id"] != second["path_key_id"]  # other digests, other version
