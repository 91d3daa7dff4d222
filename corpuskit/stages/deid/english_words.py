"""Word lists the clinical NER filters consult: how common an English word is, and drug names.

The small spaCy model reads a nurse's capitalised words as people and companies ("Alert",
"Telephone", "Diltiazem", "Tegaderm"). Whether a word is an ordinary English word or a drug is
a question for a dictionary, not for a hand-kept list: pyspellchecker ships English word counts
(from subtitles, names included, so the name lexicons decide first), and
drug-named-entity-recognition ships drug names and brands from MeSH, DrugBank and MedlinePlus (~30k
words once ordinary words are taken out).
Both are package data, read once per process on first use.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
from functools import lru_cache
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

# a word seen at least this often in pyspellchecker's English counts is an ordinary word: 'alert'
# 22k, 'sinus' 1.8k; surnames the lexicons lack sit below it ('lander' 561, 'finn' 516, 'olsen' 118)
COMMON_MIN_COUNT = 1000


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    with gzip.open(files("spellchecker").joinpath("resources/en.json.gz")) as fh:
        counts = json.load(fh)
    return frozenset(w for w, n in counts.items() if n >= COMMON_MIN_COUNT)  # ~19k of 160k


# a word the counts list this often is a dictionary word, if a rare one ('sheaths' 127, 'thrush' 310);
# below it sit words the subtitles met once, names among them ('sinai', 'suzette': 50)
LISTED_MIN_COUNT = 100


@lru_cache(maxsize=1)
def _listed_words() -> frozenset[str]:
    with gzip.open(files("spellchecker").joinpath("resources/en.json.gz")) as fh:
        counts = json.load(fh)
    return frozenset(w for w, n in counts.items() if n >= LISTED_MIN_COUNT)


def listed_word(word: str) -> bool:
    """True for a word the English counts list at least `LISTED_MIN_COUNT` times: rarer words than
    `common_word` takes, surnames the name lexicons lack among them ('lander' 561), so callers use it
    only where one word is weak evidence of a name anyway: a single NER word in a clinical note."""
    return word.lower() in _listed_words()


def preload() -> None:
    """Read both lists now: an engine calls this before it forks its workers, so they share them."""
    _common_words()
    _listed_words()
    drug_words()
    _drug_deletions()


def common_word(word: str) -> bool:
    """True for a word English text uses often (case ignored)."""
    return word.lower() in _common_words()


@lru_cache(maxsize=1)
def us_state_names() -> frozenset[str]:
    """The fifty US states in lower case, from Faker's en_US address list."""
    from faker.providers.address.en_US import Provider as American

    return frozenset(n.lower() for n in American.states)


@lru_cache(maxsize=1)
def region_names() -> frozenset[str]:
    """US states and the world's countries in lower case, from Faker's English address lists (bracketed
    glosses dropped: 'Slovakia (Slovak Republic)' is 'slovakia')."""
    import re

    from faker.providers.address.en import Provider as English

    countries = {re.sub(r"\s*\(.*?\)", "", n).strip().lower() for n in English.countries}
    return frozenset((countries - {""}) | us_state_names())


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def near_common_word(word: str) -> bool:
    """True for a word a letter short of a common English word, a letter over, or with two letters
    swapped: a typing slip ('vebal' for verbal, 'ordrs') more likely than a name. A changed letter does not
    count: surnames are often one letter from a word ('wyman', 'woman'). Every edit is generated and looked
    up, so callers keep it for rare places (~200 lookups for a six-letter word)."""
    w = word.lower()
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    edits = (
        list(deletions(w))
        + [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
        + [a + c + b for a, b in splits for c in _LETTERS]
    )
    common = _common_words()
    return any(e != w and e in common for e in edits)


# verb forms the counts hold too rarely to pass on their own: 'tolerating', 'stopped'. Not plurals:
# a surname the lexicons lack is as often a word and an s ('Sparkes', 'Hughes')
_SUFFIXES = (("ing", ("", "e")), ("ed", ("", "e")))


def ordinary_word(word: str) -> bool:
    """`common_word`, or a verb's -ing/-ed form whose stem is common ('tolerating' → tolerate,
    'stopped' → stop). Callers ask the name lexicons first, so 'Manning' or 'Harding' stay names."""
    w = word.lower()
    if common_word(w):
        return True
    for suffix, endings in _SUFFIXES:
        stem = w[: -len(suffix)]
        if w.endswith(suffix) and len(stem) >= 3:
            if any(common_word(stem + e) for e in endings):
                return True
            if stem[-1] == stem[-2] and common_word(stem[:-1]):
                return True  # a doubled consonant: 'stopped', 'planning'
    return False


# Run in a child process: the package's dictionary is one pickle that also holds structures and ids
# for every drug, and unpickling it costs ~3 s and leaves ~400 MB of freed-but-kept heap behind in
# the process that did it — in every de-identification worker, were it done there.
_EXTRACT = """
import bz2, pickle, sys
from collections import Counter
from importlib.resources import files
with bz2.open(files("drug_named_entity_recognition").joinpath("drug_ner_dictionary.pkl.bz2")) as fh:
    variants = pickle.load(fh)["drug_variant_to_canonical"]
# a word that recurs in three combinations is a drug's word too ('calcium gluconate', 'potassium
# gluconate', ...); a word of one brand alone is as often a person's name ('Bence Jones protein')
in_combinations = Counter(w for v in variants if " " in v for w in set(v.replace(",", " ").split()))
words = {v for v in variants if " " not in v} | {w for w, n in in_combinations.items() if n >= 3}
sys.stdout.write("\\n".join(sorted(w for w in words if len(w) > 3 and w.isalpha())))
"""


def _cache_dir() -> Path:
    return Path(os.environ.get("CORPUSKIT_CACHE_DIR") or Path.home() / ".cache" / "corpuskit")


@lru_cache(maxsize=1)
def drug_words() -> frozenset[str]:
    """Lower-case words of drug names and brands, four letters or more, less ordinary English words
    ('caps', 'armour', 'sits' are in the drug list too). Extracted once per machine and package version
    into the corpuskit cache folder (`CORPUSKIT_CACHE_DIR`, default ~/.cache/corpuskit)."""
    cache = _cache_dir() / f"drug-words-{version('drug-named-entity-recognition')}.txt"
    try:
        text = cache.read_text(encoding="utf-8")
    except OSError:
        text = subprocess.run(
            [sys.executable, "-c", _EXTRACT], check=True, capture_output=True, text=True
        ).stdout
        try:  # written whole or not at all: parallel workers may race to write it
            cache.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=".drug-words-")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, cache)
        except OSError:
            pass  # a read-only home: extract again next time
    return frozenset(w for w in text.split() if not common_word(w))


# a misspelt drug is still a drug: nurses type 'Fetanyl', 'Amioderone', 'Metaumcil', 'Proprofol'
NEAR_DRUG_MIN_LENGTH = 6


def deletions(word: str) -> set[str]:
    """The word with one letter taken out, each way."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def one_edit_from(word: str, words: frozenset[str], deleted: frozenset[str]) -> bool:
    """True for a word of `words` or one edit away from one (a letter missing, added, changed, or two
    swapped), given `deleted`, the deletions of every word of `words`: symmetric deletes, no distance
    computed."""
    return word in words or word in deleted or any(d in words or d in deleted for d in deletions(word))


@lru_cache(maxsize=1)
def _drug_deletions() -> frozenset[str]:
    """Every drug word of six letters or more with one letter taken out (symmetric-delete lookup)."""
    return frozenset(d for w in drug_words() if len(w) >= NEAR_DRUG_MIN_LENGTH for d in deletions(w))


def near_drug(word: str) -> bool:
    """True for a drug word, or a word of six letters or more one edit away from one (a letter missing,
    added, changed, or two swapped): symmetric deletes, no distance computed."""
    w, drugs = word.lower(), drug_words()
    if w in drugs:
        return True
    if len(w) < NEAR_DRUG_MIN_LENGTH or not w.isalpha() or w in _common_words():
        return False  # 'medical' is one letter from a brand, and no drug
    return one_edit_from(w, drugs, _drug_deletions())
