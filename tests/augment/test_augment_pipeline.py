"""The augment stage inside real builds (`corpuskit.build`) over `sample_corpora/`."""

from __future__ import annotations

from pathlib import Path

import corpuskit
from corpuskit.stages.augment.transforms.entities import PLACEHOLDER

ROOT = Path(__file__).resolve().parents[2]


def pipeline(name: str, lang: str, stages: list[dict]) -> dict:
    return {"dataset": name,
            "inputs": [{"path": str(ROOT / "sample_corpora" / "medical" / lang), "include": ["*.txt"], "domain": "medical"}],
            "stages": [{"stage": "ingest"}, *stages]}


def rows(name: str, store: Path) -> list[dict]:
    dd = corpuskit.load(name, store=str(store))
    return [r for split in sorted(dd) for r in dd[split].to_list()]


def test_two_builds_give_identical_variants(tmp_path):
    cfg = pipeline("aug_zh", "zh", [{"stage": "augment", "params": {
        "variants_per_record": 2, "transforms": ["typo.keyboard", "synonym.lexicon", "homophone", "number.format"]}}])
    a = corpuskit.build(cfg, store=str(tmp_path / "a"))
    b = corpuskit.build(cfg, store=str(tmp_path / "b"))
    assert a == b
    ra, rb = rows("aug_zh", tmp_path / "a"), rows("aug_zh", tmp_path / "b")
    assert ra == rb
    variants = [r for r in ra if r["parent_id"]]
    originals = {r["id"] for r in ra if not r["parent_id"]}
    assert variants and {v["parent_id"] for v in variants} <= originals
    assert all(v["transform"]["kind"] == "label_preserving" for v in variants)


def test_fresh_surrogates_after_real_deid(tmp_path):
    cfg = pipeline("aug_deid", "en", [{"stage": "deid"},
                                      {"stage": "augment", "params": {"transforms": ["entity.surrogate"]}}])
    corpuskit.build(cfg, store=str(tmp_path / "s"))
    recs = rows("aug_deid", tmp_path / "s")
    parents = {r["id"]: r for r in recs if not r["parent_id"]}
    variants = [r for r in recs if r["parent_id"]]
    assert len(variants) == len(parents)
    for v in variants:
        parent = parents[v["parent_id"]]
        assert not PLACEHOLDER.search(v["text"])
        deid = [s for s in v["spans"] if s["source"] == "deid"]
        assert len(deid) == len([s for s in parent["spans"] if s["source"] == "deid"])
        for s in deid:
            value = v["text"][s["start"]:s["end"]]
            assert value.strip() and value not in parent["text"]
