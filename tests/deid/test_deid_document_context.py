"""Detections that use the rest of the document: a found name's other mentions, lists of names,
the lines of an address block, places after a residence verb, speakers and kin."""

from __future__ import annotations

import pytest

from corpuskit.stages.deid.address_blocks import extend_address_blocks
from corpuskit.stages.deid.engine import DeidEngine, EngineConfig
from corpuskit.stages.deid.postprocess import Detection
from corpuskit.stages.deid.propagate import propagate_names
from corpuskit.stages.deid.recognizers import en_clinical as en
from corpuskit.stages.deid.recognizers import en_names


def _det(text: str, value: str, label: str, score: float = 0.85, nth: int = 0) -> Detection:
    start = -1
    for _ in range(nth + 1):
        start = text.index(value, start + 1)
    return Detection(start, start + len(value), label, score, "test")


def _values(text: str, dets: list[Detection], label: str | None = None) -> list[str]:
    return [text[d.start : d.end] for d in dets if label is None or d.label == label]


# --- propagation: other mentions of a found name -------------------------------------------------


def test_surname_of_found_name_is_marked_everywhere_in_the_document():
    text = "Mr. John Ulrich is 58.\nUlrich tolerated the procedure. Plan: Ulrich to follow up."
    out = propagate_names(text, [_det(text, "John Ulrich", "PERSON")])
    assert _values(text, out) == ["John Ulrich", "Ulrich", "Ulrich"]
    assert {d.recognizer for d in out[1:]} == {"NamePropagation"}


def test_a_name_found_in_capitals_is_carried_in_capitals():
    text = "PT'S SON JOHN IN TO VISIT. JOHN STATES HIS SISTER IS HERE. E/D FAIR. PICC PLACED."
    out = propagate_names(text, [_det(text, "JOHN", "PERSON", 0.6)])
    assert _values(text, out) == ["JOHN", "JOHN"]
    # a surname that is an ordinary word, or no name at all, is not carried in capitals
    for value in ("FAIR", "PICC"):
        out = propagate_names(
            text + f" DR {value}", [_det(text + f" DR {value}", value, "PERSON", 0.6, nth=1)]
        )
        assert _values(text, [d for d in out if d.recognizer == "NamePropagation"]) == []


def test_a_name_found_in_lower_case_is_carried_in_lower_case():
    text = "daughters sarah and margie in to visit. updated margie from towson. will call."
    out = propagate_names(text, [_det(text, "margie", "PERSON", 0.55)])
    assert _values(text, out) == ["margie", "margie"]
    # a lower-case source that is a common word stays where it was found ('will')
    out = propagate_names(text, [_det(text, "will", "PERSON", 0.55)])
    assert _values(text, out) == ["will"]


def _place(text: str, value: str, recognizer: str, nth: int = 0) -> Detection:
    d = _det(text, value, "ORGANIZATION", 0.6, nth)
    return Detection(d.start, d.end, d.label, d.score, recognizer)


def test_a_hospital_or_ward_a_pattern_found_is_marked_everywhere_in_the_note():
    text = "SENT TO QUARTERMAIN 2 CV STEP DOWN. IN CHB ON QUARTERMAIN 2. PER F-MICU/QUARTERMAIN/CCU TEAMS"
    out = propagate_names(text, [_place(text, "QUARTERMAIN 2", "HealthcareFacilityRecognizer")])
    # the ward's other mention, and its building named alone
    assert _values(text, out) == ["QUARTERMAIN 2", "QUARTERMAIN 2", "QUARTERMAIN"]
    text = "found unresponsive-> GH EW today. Intubated and transferred to GH for cath."
    out = propagate_names(text, [_place(text, "GH", "HealthcareFacilityRecognizer", nth=1)])
    assert _values(text, out) == ["GH", "GH"]


def test_a_place_the_ner_model_or_another_pattern_found_is_not_carried():
    text = "Lenders agree that they shall act consistent with Lenders' customary practice."
    for recognizer in ("SpacyRecognizer", "CompanyNameRecognizer"):
        out = propagate_names(text, [_place(text, "Lenders", recognizer, nth=1)])
        assert _values(text, out) == ["Lenders"]


def test_chinese_full_name_is_carried_without_word_edges():
    text = "患者王建国，男，45岁。王建国诉胸闷。"
    out = propagate_names(text, [_det(text, "王建国", "PERSON", 0.75)])
    assert _values(text, out) == ["王建国", "王建国"]


@pytest.mark.parametrize(
    "text, source, not_marked",
    [
        # a weak guess is not spread
        ("Dr. Rose said. Rose is a color.", ("Rose", 0.4), "Rose"),
        # sentence words and honorifics of a name are never carried alone
        ("The Smith family. The plan stands.", ("The Smith", 0.85), "The"),
        # word edges: Lee is not inside Leeds
        ("Lee was seen. He moved to Leeds.", ("Lee", 0.85), "Leeds"),
        # case matters: "Brown" the name, "brown" the color
        ("Tom Brown came in. Stool was brown.", ("Tom Brown", 0.85), "brown"),
    ],
)
def test_propagation_leaves_other_words(text, source, not_marked):
    value, score = source
    out = propagate_names(text, [_det(text, value, "PERSON", score)])
    at = text.rindex(not_marked)
    assert not any(d.start <= at < d.end for d in out if d.recognizer == "NamePropagation")


def test_ner_guesses_spread_only_when_they_read_as_full_names():
    text = "each Subsidiary shall. Equipment Advance is due. Maria Jones called. Subsidiary, Advance, Jones."
    kept = [
        Detection(5, 15, "PERSON", 0.85, "SpacyRecognizer"),  # Subsidiary: one word
        Detection(23, 40, "PERSON", 0.85, "SpacyRecognizer"),  # Equipment Advance: no known name in it
        Detection(49, 60, "PERSON", 0.85, "SpacyRecognizer"),  # Maria Jones: a full name
    ]
    assert [text[d.start : d.end] for d in kept] == ["Subsidiary", "Equipment Advance", "Maria Jones"]
    added = [text[d.start : d.end] for d in propagate_names(text, kept) if d.recognizer == "NamePropagation"]
    assert added == ["Jones"]  # the last sentence's; Subsidiary and Advance stay


def test_a_name_cut_short_elsewhere_is_widened_to_the_found_name():
    # jieba reads 向上/官婉清: the recognizer finds 官婉清 there, 上官婉清 after 被告
    text = "被告上官婉清未到庭。证人陪同钱文斌向上官婉清交付现金。"
    kept = [
        _det(text, "上官婉清", "PERSON"),
        _det(text, "钱文斌", "PERSON"),
        _det(text, "官婉清", "PERSON", 0.6, nth=1),
    ]
    out = propagate_names(text, kept)
    assert _values(text, out) == ["上官婉清", "钱文斌", "上官婉清"]
    assert out[2].start == text.rindex("上官婉清")


def test_widening_a_cut_name_keeps_the_later_ner_relabelling_right():
    # the second mention is cut in two (widened to one span), the third is an NER organisation guess
    text = "Mr. John Ulrich came. John Ulrich left. John Ulrich called."
    ner = Detection(
        text.rindex("John Ulrich"), text.rindex("John Ulrich") + 11, "ORGANIZATION", 0.85, "SpacyRecognizer"
    )
    kept = [
        _det(text, "John Ulrich", "PERSON"),
        _det(text, "John", "PERSON", 0.6, nth=1),
        _det(text, "Ulrich", "PERSON", 0.6, nth=1),
        ner,
    ]
    out = propagate_names(text, kept)
    assert [(text[d.start : d.end], d.label) for d in out] == [("John Ulrich", "PERSON")] * 3


def test_a_mention_inside_another_detection_is_not_widened():
    text = "患者王建国，男。家住王建国路1号，王建说。"
    kept = [
        _det(text, "王建国", "PERSON"),
        _det(text, "王建国路1号", "ADDRESS"),
        _det(text, "王建", "PERSON", 0.6, nth=2),
    ]
    out = propagate_names(text, kept)
    assert _values(text, out) == ["王建国", "王建国路1号", "王建"]


def test_propagation_adds_nothing_over_another_detection():
    text = "Seen by Dr. Ward. Admitted to Ward Memorial Hospital."
    kept = [_det(text, "Ward", "PERSON"), _det(text, "Ward Memorial Hospital", "ORGANIZATION")]
    assert propagate_names(text, kept) == sorted(kept, key=lambda d: d.start)


def test_ner_guess_of_another_label_for_a_found_name_becomes_person():
    text = "Mr. Ulrich came. Ulrich left."
    second = _det(text, "Ulrich", "ORGANIZATION", nth=1)
    ner = Detection(second.start, second.end, "ORGANIZATION", 0.85, "SpacyRecognizer")
    out = propagate_names(text, [_det(text, "Ulrich", "PERSON", 0.75), ner])
    assert [(d.label, d.recognizer) for d in out] == [("PERSON", "test"), ("PERSON", "SpacyRecognizer")]


# --- lists of names ----------------------------------------------------------------------------


def test_list_with_one_found_name_becomes_names():
    text = "They had 6: Efimiya, Mary, Ariana, Isabel, Teresa and Jodi.\n"
    out = propagate_names(text, [_det(text, "Mary", "PERSON")])
    assert _values(text, out, "PERSON") == ["Efimiya", "Mary", "Ariana", "Isabel", "Teresa", "Jodi"]


def test_list_of_known_surnames_becomes_names():
    text = "The idea came from our founders: Morrison, Rogers and Torres. It grew."
    assert _values(text, propagate_names(text, [])) == ["Morrison", "Rogers", "Torres"]


@pytest.mark.parametrize(
    "text",
    [
        "Seen Monday, Tuesday and Friday this week.",
        # items of two words: titles after a name, not a list of names
        "Our Chief Executive Officer, Chris Hernandez, and Chief Financial Officer, Robert Phillips.",
        "Diabetes, Hypertension and Asthma are controlled.",
    ],
)
def test_list_rule_leaves_lists_that_are_not_names(text):
    found = [_det(text, "Chris Hernandez", "PERSON")] if "Chris" in text else []
    added = [d for d in propagate_names(text, found) if d.recognizer == "NamePropagation"]
    assert _values(text, added) == []


# --- address blocks ---------------------------------------------------------------------------


def test_lines_under_a_street_address_are_the_address():
    text = "Send to:\n0104 Hafnarstraeti 5\n Suite 179\n Akureyri\n Iceland 80296\n\nThe Akureyri office."
    kept = [_det(text, "0104 Hafnarstraeti 5", "ADDRESS"), _det(text, "Suite 179", "ADDRESS")]
    out = extend_address_blocks(text, kept)
    assert [(text[d.start : d.end], d.label) for d in out if d.recognizer == "AddressBlock"] == [
        ("Akureyri", "LOCATION"),
        ("Iceland 80296", "ADDRESS"),
    ]


def test_address_block_keeps_other_detections_and_fills_the_gaps():
    text = "> 2224 Trenerys gate 232\n> Apt. 342\n> TRONDHEIM\n> Norway 64389"
    kept = [
        _det(text, "Trenerys gate 232", "ADDRESS"),
        _det(text, "Apt. 342", "ADDRESS"),
        _det(text, "64389", "ID"),
    ]
    added = [d for d in extend_address_blocks(text, kept) if d.recognizer == "AddressBlock"]
    assert _values(text, added) == ["2224", "TRONDHEIM", "Norway"]  # 2224: the house number


@pytest.mark.parametrize(
    "text, town",
    [
        ("My address: 5049 Harjukuja 54, SEINÄJOKI\n\nThanks", "SEINÄJOKI"),
        ("lives at 846 Rue Al Bakri, Cite Merzgui.", "Cite Merzgui"),
    ],
)
def test_a_town_after_a_comma_ending_the_street_line_joins_it(text, town):
    street = text[text.index(next(c for c in text if c.isdigit())) : text.index(",")]
    out = extend_address_blocks(text, [_det(text, street, "ADDRESS")])
    assert [(text[d.start : d.end], d.label) for d in out if d.recognizer == "AddressBlock"] == [
        (town, "LOCATION")
    ]


@pytest.mark.parametrize(
    "after", [", With wife and son.", ", apt pending\n", ", then moved on to other things."]
)
def test_a_comma_after_the_street_that_starts_a_clause_adds_nothing(after):
    text = "lives at 45 Cedar Lane" + after
    out = extend_address_blocks(text, [_det(text, "45 Cedar Lane", "ADDRESS")])
    assert [d for d in out if d.recognizer == "AddressBlock"] == []


def test_a_house_number_before_a_found_street_joins_it():
    text = "> 935 69 Gordon Terrace\nCall 3 45 min later: 12.5 10 Main St"
    kept = [_det(text, "69 Gordon Terrace", "ADDRESS"), _det(text, "10 Main St", "ADDRESS")]
    added = [d for d in extend_address_blocks(text, kept) if d.recognizer == "AddressBlock"]
    assert _values(text, added) == ["935"]  # not the decimal 12.5 before "10 Main St"


def test_letter_head_lines_above_a_street_are_its_addressee():
    text = "Thanks.\n\n> Mijail C Adomo\n> Asc Partners\n> 69 Gordon Terrace\n> Suite 828"
    kept = [_det(text, "69 Gordon Terrace", "ADDRESS"), _det(text, "Suite 828", "ADDRESS")]
    added = [
        (text[d.start : d.end], d.label)
        for d in extend_address_blocks(text, kept)
        if d.recognizer == "AddressBlock"
    ]
    assert added == [("Mijail C Adomo", "ORGANIZATION"), ("Asc Partners", "ORGANIZATION")]


@pytest.mark.parametrize(
    "above",
    [
        "DISCHARGE INSTRUCTIONS\n",  # a heading in capitals
        "Home address:\n",  # a field label
        "The patient moved last year to\n",  # a sentence
        "Visit 3 of 4\n",  # numbers: not a name or company line
    ],
)
def test_lines_above_stop_at_headings_labels_and_sentences(above):
    text = above + "45 Cedar Lane"
    out = extend_address_blocks(text, [_det(text, "45 Cedar Lane", "ADDRESS")])
    assert [d for d in out if d.recognizer == "AddressBlock"] == []


@pytest.mark.parametrize(
    "after",
    [
        "\nCHIEF COMPLAINT\nChest pain.",  # a heading is not a town
        "\nPhone: 617-555-0101",  # a field label ends the block
        "\nThe patient lives alone.",  # a sentence ends the block
        "\n\nAkureyri",  # a blank line ends the block
        ", which she shares with Akureyri",  # the address did not end its line
    ],
)
def test_address_block_stops_where_the_address_does(after):
    text = "45 Cedar Lane" + after
    out = extend_address_blocks(text, [_det(text, "45 Cedar Lane", "ADDRESS")])
    assert [d for d in out if d.recognizer == "AddressBlock"] == []


# --- recognizers: places after residence verbs, speakers, kin, lower-cased names -----------


@pytest.mark.parametrize(
    "cls, text, label, value",
    [
        (en.ResidencePlaceRecognizer, "He lives in Plainville with his wife.", "LOCATION", "Plainville"),
        (en.ResidencePlaceRecognizer, "Mr. Leiva flew to LEPPEN on Tuesday.", "LOCATION", "LEPPEN"),
        (en.ResidencePlaceRecognizer, "She moved here from United States", "LOCATION", "United States"),
        (
            en.ResidencePlaceRecognizer,
            "originally from Chiclana de la Frontera.",
            "LOCATION",
            "Chiclana de la Frontera",
        ),
        (en.ResidencePlaceRecognizer, "a design agency based in NAANTALI.", "LOCATION", "NAANTALI"),
        (
            en.ResidencePlaceRecognizer,
            "92 yo F from Dorchester presenting with SOB.",
            "LOCATION",
            "Dorchester",
        ),
        (en.ResidencePlaceRecognizer, "a native of Haiti", "LOCATION", "Haiti"),
        (en.EmployerRecognizer, "Works for the MBTA as a bus driver.", "ORGANIZATION", "MBTA"),
        (en.EmployerRecognizer, "She is a cashier at Stop & Shop.", "ORGANIZATION", "Stop & Shop"),
        (en.EmployerRecognizer, "his son, a nurse at BIDMC, visits", "ORGANIZATION", "BIDMC"),
        (en.EmployerRecognizer, "retired from General Electric in 2060", "ORGANIZATION", "General Electric"),
        (
            en.EmployerRecognizer,
            "journalism at the University of VIERHÖF.",
            "ORGANIZATION",
            "University of VIERHÖF",
        ),
        (en.ResidencePlaceRecognizer, "She is staying in Tromsø this week", "LOCATION", "Tromsø"),
        (en_names.LexiconNameRecognizer, "Nicole: Remember the milk", "PERSON", "Nicole"),
        (en_names.LexiconNameRecognizer, 'mika: "who are you?"', "PERSON", "mika"),
        (en_names.LexiconNameRecognizer, "remove my kid Mario from the will", "PERSON", "Mario"),
        (en_names.LexiconNameRecognizer, "her daughter Karen is HCP", "PERSON", "Karen"),
        (en_names.LexiconNameRecognizer, "Dear Maria,\nThank you", "PERSON", "Maria"),
        (
            en_names.LexiconNameRecognizer,
            "follow up with eric g. samoylova soon",
            "PERSON",
            "eric g. samoylova",
        ),
        (en_names.LexiconNameRecognizer, "leone mazzi\nnurse", "PERSON", "leone mazzi"),
    ],
)
def test_context_recognizers_find(recognize, cls, text, label, value):
    assert (label, value) in recognize(cls, text, "en")


@pytest.mark.parametrize(
    "cls, text, label, value",
    [
        (en.ResidencePlaceRecognizer, "Patient was moved to ICU overnight.", "LOCATION", "ICU"),
        (en.ResidencePlaceRecognizer, "lives in Assisted Living facility", "LOCATION", "Assisted Living"),
        (en.ResidencePlaceRecognizer, "was born in March 1950", "LOCATION", "March"),
        (en.ResidencePlaceRecognizer, "transferred to Step Down unit", "LOCATION", "Step Down"),
        (en.ResidencePlaceRecognizer, "a 60 yo man from Rehab", "LOCATION", "Rehab"),
        (en.ResidencePlaceRecognizer, "arrived at OSH with chest pain", "LOCATION", "OSH"),
        (en.EmployerRecognizer, "works at Home most days", "ORGANIZATION", "Home"),
        (en.EmployerRecognizer, "she worked for The company", "ORGANIZATION", "The"),
        (en.EmployerRecognizer, "a follow up at Cardiology clinic", "ORGANIZATION", "Cardiology"),
        (en_names.LexiconNameRecognizer, "Plan: continue lisinopril", "PERSON", "Plan"),
        (en_names.LexiconNameRecognizer, "Will: call back tomorrow", "PERSON", "Will"),
        (en_names.LexiconNameRecognizer, "Mario: the kid", "PERSON", "kid"),
        (en_names.LexiconNameRecognizer, "Lisa said Ruth went home", "PERSON", "Ruth"),  # no kin word
        # lower-case pairs only on lower-case lines, and not common words
        (en_names.LexiconNameRecognizer, "Saw Eva today; patricia smith called", "PERSON", "patricia smith"),
        (en_names.LexiconNameRecognizer, "will young patients improve", "PERSON", "will young"),
    ],
)
def test_context_recognizers_leave(recognize, cls, text, label, value):
    assert (label, value) not in recognize(cls, text, "en")


def test_engine_finds_a_block_and_a_repeated_surname_end_to_end(engine):
    text = (
        "Mr. Ulrich is a 58 yo male.\nHe lives at 45 Cedar Lane\nPlainville\n\n"
        "Ulrich was seen on 3/2/69. His wife Ruth drove."
    )
    found = [(text[d.start : d.end], d.label) for d in engine.detect([text], ["en"])[0]]
    assert found.count(("Ulrich", "PERSON")) == 2
    assert ("Plainville", "LOCATION") in found
    assert ("Ruth", "PERSON") in found


def test_both_steps_can_be_turned_off():
    text = "Mr. Ulrich came.\nUlrich left. 45 Cedar Lane\nPlainville"
    eng = DeidEngine(EngineConfig(propagate_names=False, address_blocks=False))
    try:
        recognizers = {d.recognizer for d in eng.detect([text], ["en"])[0]}
    finally:
        eng.close()
    assert not recognizers & {"NamePropagation", "AddressBlock"}
