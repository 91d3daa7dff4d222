"""The filters NER output passes before it counts as an identifier, and the URL shape check: each row
is a case real notes produced (PhysioNet nursing notes, SEC filings, the synthetic PII set)."""

import pytest

from corpuskit.stages.deid.postprocess import clinical_note, keep_ner_result, plausible_url


@pytest.mark.parametrize(
    "value,label,kept",
    [
        # dates: a month/day, a full date or a month name stays; vitals ranges and decimals do not
        ("7/22", "DATE", True),
        ("12/31/2019", "DATE", True),
        ("2019-03-05", "DATE", True),
        ("22.7.2014", "DATE", True),
        ("March 3rd", "DATE", True),
        ("92-119/50's", "DATE", False),
        ("25-27", "DATE", False),
        ("4.1", "DATE", False),
        ("2.5 THIS AM", "DATE", False),
        ("+ 86 - 10 - 6250 1658", "DATE", True),  # a phone number read as a date is still covered
        ("191/31/7.40/20", "DATE", False),  # a blood gas
        ("90'S. AM ABG-90/30/7.36/18/-6", "DATE", False),
        # capitals: a heading is no company, a hospital is
        ("HUSBAND IN VISITING", "ORGANIZATION", False),
        ("CCU NURSING PROGRESS NOTE", "ORGANIZATION", False),
        ("HOLY NAME HOSPITAL", "ORGANIZATION", True),
        ("PENINSULA PORTS AUTHORITY OF VIRGINIA", "ORGANIZATION", True),
        ("SANTA CLARA", "LOCATION", True),
        # shorthand with digits or slashes; an ordinal floor and a postcode stay
        ("x3", "LOCATION", False),
        ("A&O x3 Pt", "ORGANIZATION", False),
        ("C.O./C.I./SVR", "LOCATION", False),
        ("4th Floor", "ORGANIZATION", True),
        ("82269", "ORGANIZATION", True),
        ("GU-foley", "ORGANIZATION", False),
        ("md", "LOCATION", False),
    ],
)
def test_keep_ner_result(value, label, kept):
    assert keep_ner_result(value, label) is kept


def test_a_drug_written_short_in_a_note_is_no_name():
    assert keep_ner_result("Levo", "LOCATION", in_note=True) is False
    assert keep_ner_result("Ceftaz", "LOCATION", in_note=True) is False
    assert keep_ner_result("Levo", "LOCATION", in_note=False) is True
    assert (
        keep_ner_result("Janu", "DATE", in_note=True) is True
    )  # a month written short, though Janumet starts so
    assert (
        keep_ner_result("Toni", "PERSON", in_note=True) is True
    )  # a first name, though a listed drug starts so


def test_note_words_in_a_name_only_count_in_a_note():
    assert keep_ner_result("Titrate Lasix", "ORGANIZATION", in_note=True) is False
    assert keep_ner_result("Entertainment Weekly", "ORGANIZATION", in_note=False) is True


@pytest.mark.parametrize(
    "value,label,kept_in_note",
    [
        # a drug or brand the drug dictionary knows, alone or in the span (PhysioNet notes)
        ("Diltiazem", "ORGANIZATION", False),
        ("Ativan gtts", "PERSON", False),
        ("Calcium Gluconate", "ORGANIZATION", False),
        ("Albuterol and Atrovent MDI's", "ORGANIZATION", False),
        ("diamox", "LOCATION", False),
        # ordinary English words read as a person or a one-word company
        ("Alert", "PERSON", False),
        ("Mouths", "PERSON", False),
        ("Telephone", "ORGANIZATION", False),
        ("Resp Rate", "PERSON", False),
        ("L groin", "ORGANIZATION", False),
        ("PS of 15", "ORGANIZATION", False),
        ("Sxn'd", "LOCATION", False),
        ("Afeb", "PERSON", False),
        ("Sx mod-lg", "PERSON", False),
        ("Permacath", "PERSON", False),
        ("Repeat Hct", "PERSON", False),
        ("Yankauer", "ORGANIZATION", False),
        ("Health Care Proxy", "ORGANIZATION", False),
        ("Peptamen", "LOCATION", False),
        ("BS Coarse", "ORGANIZATION", False),
        ("anesthesia", "LOCATION", False),
        ("PAline", "ORGANIZATION", False),
        ("Neice", "ORGANIZATION", False),
        ("Swan", "LOCATION", False),
        ("~mn", "ORGANIZATION", False),
        # a drug misspelt by a letter is a drug ('Fetanyl', 'Amioderone', 'Metaumcil' with two swapped)
        ("Fetanyl", "ORGANIZATION", False),
        ("Amioderone", "ORGANIZATION", False),
        ("Metaumcil", "ORGANIZATION", False),
        ("Klonapin", "PERSON", False),
        # but an ordinary word one letter from a brand is no drug, and an unknown surname is no misspelling
        ("U OF MD MED CENTER", "ORGANIZATION", True),
        ("Rothmann", "PERSON", True),
        ("Radochia", "PERSON", True),
        # names the lexicons know stay, though a word list has them ('Allison' is a drug's brand too)
        ("King", "PERSON", True),
        ("Allison", "PERSON", True),
        ("Marder", "PERSON", True),
        # places and companies of ordinary words stay: cities are words too
        ("Boston", "LOCATION", True),
        ("Reading", "LOCATION", True),
        ("Home Depot", "ORGANIZATION", True),
        ("Sacred Heart Vital", "PERSON", True),  # 'go to Sacred Heart Vital signs stable': a rehab's name
        # one word the dictionary lists, however rarely, and the name lists lack; not a word it met
        # once in a name ('Sinai', 'Suzette' are listed 50 times, as every name it saw)
        ("Sheaths", "ORGANIZATION", False),
        # a clinical word misspelt by one letter is still one; an ordinary word near one stays itself
        ("Yankeur", "ORGANIZATION", False),
        ("Nuero", "ORGANIZATION", False),
        ("Additional Amio", "PERSON", False),
        ("Deafness, Seizures", "ORGANIZATION", False),
        ("Confused", "LOCATION", False),
        ("Thrush", "ORGANIZATION", False),
        ("Weaned &", "ORGANIZATION", False),
        ("Sinai", "ORGANIZATION", True),
        ("Suzette", "PERSON", True),
        ("Germantown", "LOCATION", True),
        # an acronym with ordinary words is shorthand, unless a kind word makes it a place of care
        ("CT Scan", "PERSON", False),
        ("DC Pacing", "ORGANIZATION", False),
        ("Breast CA", "ORGANIZATION", False),
        ("VA Medical Center", "ORGANIZATION", True),
        # beside an acronym a short word is shorthand too, 'inc.' is increased; a hospital's acronym is no shorthand
        ("BUN & Crea", "ORGANIZATION", False),
        ("HR inc.", "ORGANIZATION", False),
        ("PCV Insp", "ORGANIZATION", False),
        ("MGH Blake", "ORGANIZATION", True),
        ("Acme Widgets, Inc.", "ORGANIZATION", True),
        ("GE Healthcare", "ORGANIZATION", True),
        # two sentences run together are no entity anywhere
        ("TPN tommorrow.small", "ORGANIZATION", False),
        ("time.?trach", "LOCATION", False),
    ],
)
def test_dictionary_words_in_a_note(value, label, kept_in_note):
    assert keep_ner_result(value, label, in_note=True) is kept_in_note


def test_dictionary_words_count_only_in_a_note():
    assert keep_ner_result("Telephone", "ORGANIZATION", in_note=False) is True
    assert keep_ner_result("Alert", "PERSON", in_note=False) is True
    assert keep_ner_result("time.?trach", "LOCATION", in_note=False) is False


@pytest.mark.parametrize(
    "value,kept",
    [
        ("24 CM MARK", False),
        ("decreased", False),
        ("augment", False),
        ("60s 1st", False),  # '1st AV block'
        ("10th year", False),
        ("the 11th", True),
        ("Sept", True),
        ("Oct", True),
        ("Janu", True),
    ],
)
def test_a_month_is_a_whole_word(value, kept):
    assert keep_ner_result(value, "DATE") is kept


def test_a_respiratory_therapists_note_is_a_clinical_note():
    note = (
        "Resp Care Note:\nPt cont on mech vent as per vent flowsheet. Lung sounds coarse. MDI's given as per "
        "order. No changes made this shift. ABG's adequate at present. Cont mech vent support."
    )
    assert clinical_note(note)
    assert not clinical_note("The committee met on Tuesday to review the annual report and the budget.")


def test_a_sentence_in_capitals_is_no_organisation_even_with_a_kind_word():
    assert keep_ner_result("REQUIRE REHAB & WOULD BE VERY DIFFICULT TO RETURN", "ORGANIZATION") is False
    assert keep_ner_result("HOLY CROSS REHAB", "ORGANIZATION") is True
    assert keep_ner_result("UNIVERSITY OF TEXAS AT AUSTIN", "ORGANIZATION") is True
    assert keep_ner_result("Amazon.com", "ORGANIZATION") is True  # a company's domain is no run-on sentence


def test_capitals_note_drops_ner_names_without_a_kind_word():
    assert keep_ner_result("ADDITION", "LOCATION", in_capitals=True, in_note=True) is False
    assert keep_ner_result("MERCY HOSPITAL", "ORGANIZATION", in_capitals=True, in_note=True) is True
    assert keep_ner_result("CALIFORNIA", "LOCATION", in_capitals=True, in_note=False) is True


@pytest.mark.parametrize(
    "value,ok",
    [
        ("https://portal.example.org/x", True),
        ("www.example.com", True),
        ("portal.mgh.org/login", True),
        ("example.co.uk", True),
        ("FIRST.ST", False),
        ("v.s....st", False),
        ("intake...ad", False),
        ("pulled...mo", False),
        # a sentence run on into 'No' ('states he is comfortable.no sedatives', 'ABG 119/51/7.39.No autopeep')
        ("comfortable.no", False),
        ("7.39.No", False),
        ("vg.no", True),
        ("google.de", True),
        ("weak.no/path", True),
    ],
)
def test_plausible_url(value, ok):
    assert plausible_url(value) is ok


@pytest.mark.parametrize(
    "text,value,covered",
    [
        # a web address Presidio cut at a known TLD is taken whole; two words run together are no address
        (
            "Investor relations: https://www.fuller.biz/legal/privacy\n",
            "https://www.fuller.biz/legal/privacy",
            True,
        ),
        ("eating full diet and supplemental drinks.appears to be constipated", "drinks.app", False),
        # a time of day after "at", a blood sugar read as an age, a hospital's own unit
        ("HR 70-72 AV paced. BP 84/40 at 2000, increasing to 91-109", "2000", False),
        ("However at 6p 8/28 she was 205 and received 2u reg insulin.", "205", False),
        ("O.RETURNED FROM CATH LAB 12 NOON. AORTIC BLOCKAGES BELOW", "CATH", False),
        ("PRESENTED WITH SEVERE ABD PAIN AND NAUSEA. POS RUQ TENDERNESS AND INC LFT'S", "INC", False),
        # what nursing notes do name: a last bowel movement's date, a hospital written 'Hosp'
        ("GI-appetite good LBM 11/4  Activity-OOB walking", "11/4", True),
        ("Maintain MAP of 60 or >. Cont. antibxs. May need further IV access.", "May", False),
        (
            "A/P: MS STILL FAR FROM BASELINE. PT MAY NEED FURTHER FREE WATER BOLUSES. FOLLOW LYTES",
            "MAY",
            False,
        ),
        # a heading of ordinary words alone on its line is no company; a name the lists know stays
        (
            "PMed Hx above\n \nSystems Review \n \nCV: PA 50/20, CVP 6-8, on vent, foley, s/p cath",
            "Systems",
            False,
        ),
        ("Motrin\n \nReview of Systems:\n \nResp- Vented on A/C; sxn q4, foley, s/p cath", "Review", False),
        ("He was admitted in May 2019 for a fall.", "May 2019", True),
        ("pleasant 74y old woman went to Harbor Hosp 8/23 with severe abd pain", "Harbor Hosp", True),
        # ventilator settings are no date, phone or company; a capitals note's relatives and signature are names
        (
            "Pt. remains intubated c/ no sedation. Currently on CPAP/PSV 12/10/40% drawing tidal volumes",
            "12/10",
            False,
        ),
        ("Resp: remains intubated on ac8,tv800 +10 40%. abg done with pco2 of 50", "+10 40", False),
        ("Pt ABG @ beginning of shift w/ inc PaCO2. Inc RR to 10 to correct.", "PaCO2. Inc", False),
        ("Platelet ct down to 185 from 232.", "let ct", False),
        ("SOCIAL--PT'S WIFE HELEN AND STEP DAUGHTER MAUREEN IN TO VISIT WITH PT", "HELEN", True),
        ("SOCIAL--PT'S WIFE HELEN AND STEP DAUGHTER MAUREEN IN TO VISIT WITH PT", "MAUREEN", True),
        ("VENTOLIN MDI Q4.\n\n ROBERT V. DEGIORGIO, RRT\n", "ROBERT V. DEGIORGIO", True),
        ("Pt alert, awake and oriented from 2000 to 2400. Pt slept well", "2000", False),
        ("He lived in Lowell from 2000 to 2005 with his wife.", "2000", True),
        # a note's time of day after ~, approx or at is no year
        (
            "pt back from ultrasound and KUB ~ 1930. both neg per report. on vent, foley, s/p cath",
            "1930",
            False,
        ),
        ("DAUGHTER PRESENT TILL APPROX 2030. PT ON VENT, FOLEY, S/P CATH, SATS OK", "2030", False),
        ("He lived in Lowell until 1995 with his wife.", "1995", True),
        ("Heparin ^ 700u/hr for ptt 44.3, f/u due 2030. on vent, foley, s/p cath", "2030", False),
        (
            "Lasix 120 mg IV ordered & given 1/2 hour after zaroxyln. on vent, foley, s/p cath",
            "1/2 hour",
            False,
        ),
        ("RESP: PO2 DEC TO 56, LASIX 80 MG IV GIVEN AT 1600. PT ON VENT, FOLEY, S/P CATH", "DEC", False),
        (
            "Gu: foley patent, scant amt dark amber urine. Plan for HD tomorrow. on vent, s/p cath",
            "Gu",
            False,
        ),
        (
            "GU: foley patent. Pt NPO, afebrile. Hypoactive BS. Brown soft stool in rectal bag.",
            "Brown",
            False,
        ),
    ],
)
def test_note_spans(engine, text, value, covered):
    spans = engine.detect([text], ["en"])[0]
    i = text.index(value)
    hit = {c for d in spans for c in range(d.start, d.end)} >= set(range(i, i + len(value)))
    assert hit is covered


def test_drug_words_are_extracted_once_into_the_cache(tmp_path, monkeypatch):
    from corpuskit.stages.deid import english_words

    monkeypatch.setenv("CORPUSKIT_CACHE_DIR", str(tmp_path))
    english_words.drug_words.cache_clear()
    try:
        words = english_words.drug_words()
        (cached,) = tmp_path.glob("drug-words-*.txt")
        assert {"diltiazem", "ativan", "gluconate"} <= words
        assert "caps" not in words  # in the drug list, but an ordinary word
        # the second process reads the cache, not the package's pickle
        cached.write_text("zzqdrug\ndiltiazem\n", encoding="utf-8")
        english_words.drug_words.cache_clear()
        assert english_words.drug_words() == {"zzqdrug", "diltiazem"}
    finally:
        english_words.drug_words.cache_clear()


def test_a_sentence_run_into_a_word_tld_is_no_url_in_a_note_only(engine):
    """'on same antibx.no new culture results': in a clinical note, a bare host whose top-level domain is an
    English word is two sentences run together; in prose, 'skatteetaten.no' stays a web address."""
    note = (
        "RESP-remains intubated and vented. ID-continues with low grade fever, 100.8 po max.wbc=8.8, "
        "on same antibx.no new culture results. HEME-ptt at 11 am=97.2."
    )
    assert not any(d.label == "URL" for d in engine.detect([note], ["en"])[0])
    prose = "Tax forms for Norway are on skatteetaten.no and nowhere else."
    found = engine.detect([prose], ["en"])[0]
    assert [prose[d.start : d.end] for d in found if d.label == "URL"] == ["skatteetaten.no"]
