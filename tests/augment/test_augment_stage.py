"""The augment stage end to end: lineage, determinism, drops as data, consistency filter, corpus pool."""

from __future__ import annotations

import json

import pyarrow as pa
import pytest
from augment_cases import en_deid_record, en_record, span, zh_deid_record, zh_record
from pydantic import ValidationError

from corpuskit.records import RECORD_SCHEMA, load_meta, new_record, to_batch
from corpuskit.stages.augment.stage import AugmentStage
from corpuskit.stages.base import RunContext, StrictModeError

MIX = ["typo.keyboard", "char.noise", "homophone", "synonym.lexicon", "number.format", "entity.swap",
       "adv.negation", "sentence.shuffle"]


def corpus() -> list[dict]:
    recs = [zh_record(group_id="pt1"), en_record(group_id="pt2"), zh_deid_record(), en_deid_record()]
    for i, drug in enumerate(["布洛芬", "氨氯地平", "布洛芬", "甲硝唑", "氨氯地平", "布洛芬"]):
        text = f"第{i}次随访：患者头痛{i + 1}天，口服{drug}。血压升高。"
        recs.append(new_record(f"f{i}", text, lang="zh", domain="medical", group_id=f"pt{i % 3}",
                               spans=[span(text, "头痛", "SYMPTOM"), span(text, drug, "DRUG")]))
    return recs


def run(params: dict, recs=None, fingerprint="fp-1", batch_size=None, **ctx_kw):
    ctx = RunContext(fingerprint=fingerprint, **ctx_kw)
    stage = AugmentStage(params)
    recs = corpus() if recs is None else recs
    if batch_size:
        table = pa.Table.from_batches([to_batch(recs[i:i + batch_size]) for i in range(0, len(recs), batch_size)],
                                      schema=RECORD_SCHEMA)
        return stage.run(table, ctx), ctx
    return stage.run(recs, ctx), ctx


def test_originals_then_variants_with_lineage():
    result, ctx = run({"transforms": MIX, "variants_per_record": 2})
    rows = result.to_pylist()
    parents = {r["id"]: r for r in rows if r["parent_id"] is None}
    variants = [r for r in rows if r["parent_id"] is not None]
    assert set(parents) == {r["id"] for r in corpus()}
    assert len(variants) >= len(parents)  # most records get both variants
    for v in variants:
        p = parents[v["parent_id"]]
        assert v["id"] != p["id"] and len(v["id"]) == 20
        assert v["group_id"] == (p["group_id"] or p["id"])
        assert v["transform"]["name"].endswith(".v1")
        assert json.loads(v["transform"]["params"]) is not None
        assert load_meta(v["meta"])["augment"]["transform"] == v["transform"]["name"]
        assert v["text"] != p["text"]
    assert len({v["id"] for v in variants}) == len(variants)
    assert ctx.stats["augment.v1"]["variants"] == len(variants)
    # every variant directly follows its parent or a sibling, so a reader sees families together
    order = [r["parent_id"] or r["id"] for r in rows]
    assert order == sorted(order, key=order.index)


def test_two_builds_give_identical_variants_whatever_the_batch_size():
    a, _ = run({"transforms": MIX, "variants_per_record": 3})
    b, _ = run({"transforms": MIX, "variants_per_record": 3}, batch_size=3)
    assert a.table.equals(b.table)
    c, _ = run({"transforms": MIX, "variants_per_record": 3}, fingerprint="fp-2")
    assert not a.table.equals(c.table)  # a new build fingerprint draws new variants
    d, _ = run({"transforms": MIX, "variants_per_record": 3, "seed": 7})
    assert not a.table.equals(d.table)


def test_same_record_gets_same_variants_in_any_corpus():
    a, _ = run({"transforms": MIX, "variants_per_record": 2}, recs=[zh_record()])
    b, _ = run({"transforms": MIX, "variants_per_record": 2}, recs=corpus())
    ids_a = {r["id"] for r in a.to_pylist()}
    assert ids_a <= {r["id"] for r in b.to_pylist()}


def test_weights_choose_the_mix():
    result, ctx = run({"transforms": [{"name": "typo.keyboard", "weight": 9}, {"name": "punct.noise", "weight": 1}],
                       "variants_per_record": 5})
    names = [r["transform"]["name"] for r in result.to_pylist() if r["transform"]]
    assert names.count("typo.keyboard.v1") > 3 * names.count("punct.noise.v1")


def test_dropped_variants_are_quarantined_without_text():
    text = "患者头痛伴发热三天。"
    # two overlapping spans: swapping one mention would cut the other, so such variants are dropped
    rec = new_record("ov", text, lang="zh", domain="medical",
                     spans=[span(text, "头痛", "SYMPTOM"), {"start": 3, "end": 6, "label": "PHRASE", "source": "gold"}])
    result, ctx = run({"transforms": [{"name": "entity.swap", "params": {"labels": ["SYMPTOM"]}}],
                       "variants_per_record": 2}, recs=[rec])
    assert [r["id"] for r in result.to_pylist()] == ["ov"]
    assert ctx.quarantined and all(q.record_id == "ov" and q.stage == "augment.v1" for q in ctx.quarantined)
    for q in ctx.quarantined:
        assert "cannot be kept exact" in q.reason and q.detail == {"transform": "entity.swap.v1"}
        assert not any(ch in q.reason for ch in "患者头痛伴发热")
    with pytest.raises(StrictModeError):
        run({"transforms": ["entity.swap"], "variants_per_record": 1}, recs=[rec], strict=True)


def test_existing_variants_are_not_augmented_again():
    first, _ = run({"transforms": ["synonym.lexicon"], "variants_per_record": 1}, recs=[zh_record()])
    again, ctx = run({"transforms": ["synonym.lexicon"], "variants_per_record": 1}, recs=first.to_pylist())
    # the variant is not a parent again, and re-drawing the original's variant does not duplicate it
    assert again.table.num_rows == 2 and not ctx.quarantined
    assert ctx.stats["augment.v1"]["skipped_existing_variants"] == 1


def test_zero_variants_and_dropping_originals():
    result, _ = run({"variants_per_record": 0})
    assert result.table.num_rows == len(corpus())
    only, _ = run({"transforms": ["synonym.lexicon"], "keep_originals": False}, recs=[zh_record()])
    assert [r["parent_id"] for r in only.to_pylist()] == ["zh1"]


def test_params_are_checked_with_every_problem_named():
    with pytest.raises(ValidationError) as err:
        AugmentStage({"transforms": ["nope.v1", {"name": "typo.keyboard", "params": {"rate": 2}}], "extra": 1})
    msg = str(err.value)
    assert "transforms[0]: unknown augmenter 'nope.v1'" in msg
    assert "transforms[1].params.rate" in msg and "extra" in msg


def test_names_resolve_to_versions_in_the_fingerprint():
    assert AugmentStage({"transforms": ["typo.keyboard"]}).describe()["params"]["transforms"][0]["name"] == "typo.keyboard.v1"


def test_adversarial_variants_are_marked():
    result, _ = run({"transforms": [{"name": "adv.negation", "params": {"label_map": {"abnormal": "normal"}}},
                                    "adv.distractor"], "variants_per_record": 2}, recs=[zh_record(), en_record()])
    adv = [r for r in result.to_pylist() if r["parent_id"]]
    assert adv and all(r["transform"]["kind"] == "adversarial" for r in adv)
    for r in adv:
        meta = load_meta(r["meta"])
        if r["transform"]["name"] == "adv.negation.v1":
            assert meta["contrastive"] is True and r["labels"] == ["normal"]
        else:
            assert "contrastive" not in meta and r["labels"] == ["abnormal"]


def has_fever(recs: list[dict]) -> list[list[str]]:
    """A stand-in 'model' for the dotted-path predictor: fever-like words → 'febrile'."""
    return [["febrile"] if any(w in r["text"] for w in ("发热", "发烧", "fever")) else [] for r in recs]


def test_consistency_filter_with_a_dotted_path_model():
    text = "患者发热三天，咳嗽。"
    rec = new_record("c1", text, lang="zh", domain="medical", labels=["febrile"])
    params = {"transforms": [{"name": "homophone", "params": {"rate": 0.3, "tone": False}}, "synonym.lexicon"],
              "variants_per_record": 6, "max_tries": 10}
    plain, _ = run(params, recs=[rec])
    filtered, ctx = run({**params, "consistency": {"predictor": "test_augment_stage:has_fever"}}, recs=[rec])
    changed = [r for r in plain.to_pylist() if r["parent_id"] and has_fever([r]) != [["febrile"]]]
    assert changed, "the unfiltered run should contain a variant that loses the fever mention"
    kept = [r for r in filtered.to_pylist() if r["parent_id"]]
    assert kept and all(has_fever([r]) == [["febrile"]] for r in kept)
    dropped = [q for q in ctx.quarantined if "consistency" in q.reason]
    assert len(dropped) == len(plain.to_pylist()) - len(filtered.to_pylist())


def test_consistency_filter_keyword_rule_against_labels():
    text = "Patient reports fever. BP 150/95."
    rec = new_record("k1", text, lang="en", domain="medical", labels=["febrile"])
    params = {"transforms": ["typo.keyboard", "abbrev.swap"], "variants_per_record": 8, "max_tries": 10,
              "consistency": {"predictor": "keywords", "keywords": {"febrile": ["fever"]}, "compare": "labels"}}
    result, ctx = run({**params, "transforms": [{"name": "typo.keyboard", "params": {"rate": 0.3, "max_edits": 6}}]},
                      recs=[rec])
    for r in result.to_pylist():
        assert "fever" in r["text"].lower()
    assert ctx.stats["augment.v1"].get("dropped.consistency", 0) >= 1


def test_consistency_predictor_errors_are_clear():
    from corpuskit.stages.augment.consistency import PredictorError

    with pytest.raises(PredictorError, match="cannot import 'nowhere.module:fn'"):
        run({"consistency": {"predictor": "nowhere.module:fn"}}, recs=[zh_record()])
    with pytest.raises(ValidationError, match="dotted path"):
        AugmentStage({"consistency": {"predictor": "justaname"}})


def test_entity_swap_with_corpus_pool_is_a_full_pass():
    recs = corpus()
    stage = AugmentStage({"transforms": [{"name": "entity.swap", "params": {"pool": "corpus", "labels": ["DRUG"]}}],
                          "variants_per_record": 1})
    assert stage.full_pass
    result = stage.run(recs, RunContext(fingerprint="x"))
    corpus_drugs = {r["text"][s["start"]:s["end"]] for r in recs for s in r["spans"] if s["label"] == "DRUG"}
    swapped = [r for r in result.to_pylist() if r["parent_id"]]
    assert swapped
    for r in swapped:
        for s in r["spans"]:
            if s["label"] == "DRUG":
                # 甲硝唑 occurs in one record only, so it never spreads (min_records: 2)
                assert r["text"][s["start"]:s["end"]] in corpus_drugs - {"甲硝唑"}


def test_corpus_pool_never_collects_identifiers():
    def rec(rid: str, name: str, symptom: str) -> dict:
        text = f"{name}{symptom}三天。"
        return new_record(rid, text, lang="zh", spans=[span(text, name, "PERSON"), span(text, symptom, "SYMPTOM")])

    recs = [rec("p", "张三", "头痛"), rec("q", "李四", "咳嗽"), zh_deid_record()]
    stage = AugmentStage({"transforms": [{"name": "entity.swap",
                                          "params": {"pool": "corpus", "max_edits": 5, "min_records": 1}}],
                          "variants_per_record": 3})
    rows = stage.run(recs, RunContext(fingerprint="x")).to_pylist()
    variants = {r["parent_id"]: r["text"] for r in rows if r["parent_id"]}
    assert variants["p"] == "张三咳嗽三天。" and variants["q"] == "李四头痛三天。"  # symptoms swapped, names not
    pooled = {label for (_, label) in stage.transforms[0]._pool}
    assert pooled == {"SYMPTOM"}  # PERSON (gold) and LOCATION (deid) never enter the pool


def test_records_already_split_never_leak_variants():
    recs = [zh_record(split="train"), en_record(split="test"),
            new_record("v", "患者头痛三天，口服布洛芬。血压升高。", lang="zh", domain="medical", split="validation")]
    result, ctx = run({"transforms": ["synonym.lexicon", "typo.keyboard", "adv.antonym", "adv.distractor"],
                       "variants_per_record": 3}, recs=recs)
    by_parent: dict[str, set] = {}
    for r in result.to_pylist():
        if r["parent_id"]:
            by_parent.setdefault(r["parent_id"], set()).add((r["split"], r["transform"]["kind"]))
    assert {s for s, _ in by_parent["zh1"]} == {"train"}
    assert by_parent["en1"] and by_parent["en1"] <= {("adversarial_test", "adversarial")}
    assert "v" not in by_parent and ctx.stats["augment.v1"]["not_augmented_in.validation"] == 1


def test_chained_transforms_keep_spans_and_lineage():
    result, _ = run({"transforms": ["typo.keyboard", "number.format", "entity.swap", "adv.distractor"],
                     "variants_per_record": 4, "chain": 2})
    rows = result.to_pylist()
    parents = {r["id"]: r for r in rows if not r["parent_id"]}
    chained = [r for r in rows if r["parent_id"] and "+" in r["transform"]["name"]]
    assert chained
    for v in chained:
        steps = json.loads(v["transform"]["params"])
        assert [s["name"] for s in steps] == v["transform"]["name"].split("+")
        kinds = {"typo.keyboard.v1": 0, "number.format.v1": 0, "entity.swap.v1": 1, "adv.distractor.v1": 2}
        strongest = max(kinds[s["name"]] for s in steps)
        assert v["transform"]["kind"] == ["label_preserving", "entity_aware", "adversarial"][strongest]
        assert v["parent_id"] in parents and load_meta(v["meta"])["augment"]["transform"] == v["transform"]["name"]
        parent = parents[v["parent_id"]]
        assert len(v["spans"]) == len(parent["spans"])
        if strongest == 0:
            assert sorted(v["text"][s["start"]:s["end"]] for s in v["spans"]) == \
                sorted(parent["text"][s["start"]:s["end"]] for s in parent["spans"])
