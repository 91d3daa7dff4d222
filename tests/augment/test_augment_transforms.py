"""Each transform on a Chinese and an English record with spans: it applies, keeps spans exact,
and its edits are the kind of edit it claims to make."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest
from augment_cases import en_deid_record, en_record, span_texts, zh_deid_record, zh_record
from pypinyin import Style, lazy_pinyin

from corpuskit import registry
from corpuskit.records import to_batch, validate_batch
from corpuskit.stages.augment.transforms import tables
from corpuskit.stages.augment.transforms.adversarial import _shipped
from corpuskit.stages.augment.transforms.base import RecordView
from corpuskit.stages.augment.variants import VariantDropped, build_variant, canonical_params

ALL = registry.augmenters.names()


def make(name: str, **params):
    t = registry.augmenters.get(name)(params)
    t.ensure_setup()
    return t


def variants(t, rec: dict, seeds=range(30)):
    """(proposal, variant) for every seed where the transform proposes something keepable."""
    out = []
    for seed in seeds:
        prop = t.propose(RecordView.from_record(rec), random.Random(seed))
        if prop is None:
            continue
        try:
            out.append((prop, build_variant(rec, {}, 0, t, canonical_params(t), prop)))
        except VariantDropped:
            continue
    return out


def replaced(prop, parent_text: str) -> list[tuple[str, str]]:
    return [(parent_text[p.src_start:p.src_end], p.text) for p in prop.edits.pieces if not p.is_copy]


RECORDS = {"zh": zh_record, "en": en_record}
DEID = {"zh": zh_deid_record, "en": en_deid_record}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", ALL)
def test_every_transform_makes_span_exact_variants(name, lang):
    rec = (DEID if name == "entity.surrogate.v1" else RECORDS)[lang]()
    t = make(name)
    got = variants(t, rec)
    assert got, f"{name} made no variant of the {lang} record in 30 draws"
    for prop, var in got:
        assert var["text"] != rec["text"]
        assert var["parent_id"] == rec["id"] and var["transform"]["name"] == name
        assert var["transform"]["kind"] == t.kind
        good, bad = validate_batch(to_batch([var]))
        assert not bad
        if t.kind == "label_preserving":
            assert sorted(span_texts(var)) == sorted(span_texts(rec))
        else:
            assert len(var["spans"]) >= len(rec["spans"])


def test_every_transform_has_a_docstring_example():
    for name in ALL:
        doc = registry.augmenters.get(name).__doc__ or ""
        assert "→" in doc, f"{name} docstring lacks a before → after example"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_keyboard_typo_is_a_neighbour_key_or_an_ime_candidate(lang):
    keys = tables.keyboard_neighbours()
    for prop, _ in variants(make("typo.keyboard.v1", rate=0.2, max_edits=5), RECORDS[lang]()):
        for old, new in replaced(prop, RECORDS[lang]()["text"]):
            if "\u4e00" <= old <= "\u9fff":
                assert lazy_pinyin(old) == lazy_pinyin(new) and old != new
            else:
                assert new.lower() in keys[old.lower()]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_char_noise_ops(lang):
    text = RECORDS[lang]()["text"]
    for prop, _ in variants(make("char.noise.v1", rate=0.1, max_edits=6), RECORDS[lang]()):
        for p in prop.edits.pieces:
            if p.is_copy:
                continue
            old = text[p.src_start:p.src_end]
            assert (p.text == "" and len(old) == 1) or (len(old) == 2 and p.text == old[::-1]) or \
                (old == "" and len(p.text) == 1), (old, p.text)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_punct_noise_touches_only_punctuation_and_spaces(lang):
    rec = RECORDS[lang]()
    seen = 0
    for prop, _ in variants(make("punct.noise.v1", rate=0.1), rec):
        for old, new in replaced(prop, rec["text"]):
            seen += 1
            assert all(not c.isalnum() for c in old + new), (old, new)
    assert seen


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_width_switch_keeps_nfkc_text(lang):
    rec = RECORDS[lang]()
    for _, var in variants(make("width.switch.v1"), rec):
        assert unicodedata.normalize("NFKC", var["text"]) == unicodedata.normalize("NFKC", rec["text"])


def test_homophones_sound_alike():
    rec = zh_record()
    for prop, _ in variants(make("homophone.v1", rate=0.2, max_edits=5), rec):
        for old, new in replaced(prop, rec["text"]):
            assert lazy_pinyin(old, style=Style.TONE3) == lazy_pinyin(new, style=Style.TONE3) and old != new
    en = en_record()
    pairs = {(o.lower(), n.lower()) for prop, _ in variants(make("homophone.v1"), en) for o, n in replaced(prop, en["text"])}
    assert pairs == {("their", "there")}


@pytest.mark.parametrize("name, table", [("shape.similar.v1", tables.similar_shapes), ("ocr.confusion.v1", tables.ocr_confusions)])
def test_shape_and_ocr_swaps_come_from_their_tables(name, table):
    rec = zh_record()
    got = variants(make(name, rate=0.2, max_edits=5), rec)
    assert got
    for prop, _ in got:
        for old, new in replaced(prop, rec["text"]):
            assert new in table()[old]


def _numbers(s: str) -> list[int]:
    return [int(x) for x in re.findall(r"\d+", s.replace(",", ""))]


def test_number_format_keeps_values():
    rec = zh_record()
    kinds = set()
    for prop, _ in variants(make("number.format.v1", max_edits=5), rec, seeds=range(60)):
        for old, new in replaced(prop, rec["text"]):
            assert _numbers(old) == _numbers(new), (old, new)
            kinds.add(re.sub(r"[\d.,\s]", "", new))
    # temperature, units, money and dates were all rewritten at least once
    assert {"℃", "°C"} & kinds and ("年月日" in kinds or "//" in kinds) and any("元" in k or "¥" in k for k in kinds)


def test_number_format_english_examples():
    t = make("number.format.v1", rules=["temperature", "unit"], max_edits=5)
    rec = en_record()
    outs = {var["text"] for _, var in variants(t, rec)}
    assert any("38.5℃" in o or "38.5°C" in o for o in outs)
    assert any("150/95mmHg" in o or "mm Hg" in o for o in outs)


@pytest.mark.parametrize("lang, expected", [("zh", {("口服", "经口服用"), ("既往史", "既往病史")}),
                                            ("en", {("Patient reports", "Patient states")})])
def test_synonyms_come_from_the_domain_lexicon(lang, expected):
    rec = RECORDS[lang]()
    pairs = {pair for prop, _ in variants(make("synonym.lexicon.v1", max_edits=5), rec) for pair in replaced(prop, rec["text"])}
    assert expected <= pairs
    # spans (头痛, fever…) are never swapped even though the lexicon knows them
    assert not {o for o, _ in pairs} & {t for t, _ in span_texts(rec)}


def test_user_lexicon_tsv(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("# my synonyms\n血糖升高\t高血糖\nmetformin 500 mg\tGlucophage 500 mg\n", encoding="utf-8")
    t = make("synonym.lexicon.v1", lexicons=[str(path)], builtin=False)
    out = {var["text"] for _, var in variants(t, zh_record())}
    assert out == {zh_record()["text"].replace("血糖升高", "高血糖")}


def test_missing_user_lexicon_is_a_clear_error(tmp_path):
    from corpuskit.stages.augment.transforms.lexicon import LexiconError

    with pytest.raises(LexiconError, match="not found"):
        make("synonym.lexicon.v1", lexicons=[str(tmp_path / "nope.yaml")])


@pytest.mark.parametrize("lang, expected", [("zh", ("慢阻肺", "慢性阻塞性肺疾病")), ("en", ("BP", "blood pressure"))])
def test_abbreviations_expand_and_contract(lang, expected):
    rec = RECORDS[lang]()
    pairs = {pair for prop, _ in variants(make("abbrev.swap.v1", max_edits=5), rec) for pair in replaced(prop, rec["text"])}
    assert expected in pairs
    back = make("abbrev.swap.v1", direction="contract").propose(
        RecordView("x", f"{expected[1]} is fine", lang, "medical"), random.Random(0))
    assert back.edits.apply(f"{expected[1]} is fine") == f"{expected[0]} is fine"


def test_abbreviation_matches_whole_words_only():
    t = make("abbrev.swap.v1", direction="expand")
    assert t.propose(RecordView("x", "BPM 88, HRV low", "en", "medical"), random.Random(0)) is None


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sentence_shuffle_permutes_sentences(lang):
    rec = RECORDS[lang]()
    split = re.compile(r"(?<=[。.!?])\s*")
    for _, var in variants(make("sentence.shuffle.v1"), rec):
        assert sorted(split.split(var["text"].replace("\n", " "))) != [] and len(var["text"]) == len(rec["text"])
        assert sorted(var["text"]) == sorted(rec["text"])
        # the section heading stays first
        assert var["text"].startswith(rec["text"].split("：")[0].split(":")[0])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_surrogates_are_fresh_consistent_and_typed(lang):
    rec = DEID[lang]()
    for prop, var in variants(make("entity.surrogate.v1"), rec):
        assert "[PERSON_1]" not in var["text"] and "<PHONE_NUMBER>" not in var["text"]
        deid = [(t, lab) for t, lab in span_texts(var) if lab != "SYMPTOM"]
        persons = [t for t, lab in deid if lab == "PERSON"]
        assert len(persons) == 2 and persons[0] == persons[1]  # [PERSON_1] twice → one name
        for value, _ in deid:
            assert value not in rec["text"]  # never an identifier of the record
        assert {lab for _, lab in deid} >= {"PERSON", "PHONE_NUMBER", "LOCATION"}
        assert ("头痛" if lang == "zh" else "headache", "SYMPTOM") in span_texts(var)
        assert all(s["source"] == "deid" for s in var["spans"] if s["label"] != "SYMPTOM")


def test_entity_swap_uses_same_label_mentions():
    pool = _shipped_entities()
    for lang in ("zh", "en"):
        rec = RECORDS[lang]()
        for prop, var in variants(make("entity.swap.v1", max_edits=2), rec):
            for (old_text, old_label), (new_text, new_label) in zip(span_texts(rec), span_texts(var)):
                assert old_label == new_label
                if old_text != new_text:
                    assert new_text in pool[lang][new_label]


def _shipped_entities() -> dict:
    import yaml

    return yaml.safe_load(tables.lexicon_path("entities.yaml").read_text("utf-8"))["entities"]


def test_entity_swap_never_touches_deid_spans():
    rec = zh_deid_record()
    for _, var in variants(make("entity.swap.v1", labels=["LOCATION", "SYMPTOM"]), rec):
        assert ("北京市朝阳区建国路1号", "LOCATION") in span_texts(var)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_distractor_inserts_a_shipped_sentence_and_keeps_labels(lang):
    rec = RECORDS[lang]()
    pool = _shipped("distractors.yaml")["distractors"][lang]["medical"]
    for prop, var in variants(make("adv.distractor.v1"), rec):
        (old, new), = replaced(prop, rec["text"])
        assert old == "" and new.strip() in pool
        assert var["labels"] == rec["labels"] and "contrastive" not in var["meta"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_negation_flips_labels_as_declared(lang):
    rec = RECORDS[lang]()
    t = make("adv.negation.v1", label_map={"abnormal": "normal"}, span_label_map={"SYMPTOM": "SYMPTOM_NEG"},
             target_labels=["SYMPTOM"])
    got = variants(t, rec)
    assert got
    for prop, var in got:
        assert var["labels"] == ["normal"] and '"contrastive":true' in var["meta"]
        negated = [s for s in var["spans"] if s["label"] == "SYMPTOM_NEG"]
        assert len(negated) == 1
        before = var["text"][:negated[0]["start"]].rstrip()
        assert before.endswith(("无", "未见", "no", "no evidence of"))
    plain = variants(make("adv.negation.v1"), rec)
    assert all(v["labels"] == rec["labels"] and '"contrastive":true' in v["meta"] for _, v in plain)


@pytest.mark.parametrize("lang, pair", [("zh", ("升高", "降低")), ("en", ("positive", "negative"))])
def test_antonym_swap_is_contrastive(lang, pair):
    rec = RECORDS[lang]()
    got = variants(make("adv.antonym.v1", label_map={"abnormal": "normal"}), rec)
    assert pair in {p for prop, _ in got for p in replaced(prop, rec["text"])}
    assert all(v["labels"] == ["normal"] and v["transform"]["kind"] == "adversarial" for _, v in got)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_surrogates_exist_for_every_deid_label(lang):
    from corpuskit.stages.deid.labels import CANONICAL_LABELS

    t = make("entity.surrogate.v1")
    text = " ".join(f"[{label}_1]" for label in CANONICAL_LABELS)
    prop = t.propose(RecordView("x", text, lang), random.Random(0))
    assert {s.label for s in prop.add_spans} == set(CANONICAL_LABELS)
    out = prop.edits.apply(text)
    assert "[" not in out and all(p.text.strip() for p in prop.edits.pieces if not p.is_copy)
