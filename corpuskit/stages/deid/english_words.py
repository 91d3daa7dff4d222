"""Word lists the clinical NER filters consult: how common an English word is, and drug names.

The small spaCy model reads a nurse's capitalised words as people and companies ("Alert",
"Telephone", "Diltiazem", "Tegaderm"). Whether a word is an ordinary English word or a drug is
a question for a dictionary, not for a hand-kept list: pyspellchecker ships English word counts
(from subtitles, names included, so the name lexicons decide first), and
drug-named-entity-recognition ships ~27k single-word drug names and brands (MeSH, DrugBank,
MedlinePlus). Both are package data, read once per process on first use.
"""

from __future__ import annotations

import bz2
import gzip
import json
import pickle
from collections import Counter
from functools import lru_cache
from importlib.resources import files

# a word seen at least this often in pyspellchecker's English counts is an ordinary word: 'alert'
# 22k, 'sinus' 1.8k; surnames the lexicons lack sit below it ('lander' 561, 'finn' 516, 'olsen' 118)
COMMON_MIN_COUNT = 1000


@lru_cache(maxsize=1)
def _word_counts() -> dict[str, int]:
    with gzip.open(files("spellchecker").joinpath("resources/en.json.gz")) as fh:
        return json.load(fh)


def common_word(word: str) -> bool:
    """True for a word English text uses often (case ignored)."""
    return _word_counts().get(word.lower(), 0) >= COMMON_MIN_COUNT


@lru_cache(maxsize=1)
def drug_words() -> frozenset[str]:
    """Lower-case words of drug names and brands, four letters or more, less ordinary English words
    ('caps', 'armour', 'sits' are in the drug list too)."""
    # the package's own data file, pinned to one version; it is a pickle, so only that pinned file is read
    with bz2.open(files("drug_named_entity_recognition").joinpath("drug_ner_dictionary.pkl.bz2")) as fh:
        variants = pickle.load(fh)["drug_variant_to_canonical"]
    # a word that recurs in three combinations is a drug's word too ('calcium gluconate', 'potassium
    # gluconate', …); a word of one brand alone is as often a person's name ('Bence Jones protein')
    in_combinations = Counter(w for v in variants if " " in v for w in set(v.replace(",", " ").split()))
    words = {v for v in variants if " " not in v} | {w for w, n in in_combinations.items() if n >= 3}
    return frozenset(w for w in words if len(w) > 3 and w.isalpha() and not common_word(w))
