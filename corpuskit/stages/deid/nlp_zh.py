"""A Chinese spaCy pipeline Presidio can use: blank zh, jieba words with POS tags, lemmas set.

No Chinese spaCy pipeline with NER installs offline, and `spacy.blank("zh")`
leaves `lemma_` empty, so Presidio's context words never fire. This tokenizer
cuts with `jieba.posseg` (words *and* tags: `nr` marks person names, used by
`ZhPersonNameRecognizer`) and sets each token's lemma to its text, so context
words such as 住院号 or 身份证 boost a nearby match.
"""

from __future__ import annotations

import logging

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces

_jieba_ready = False


def _jieba():
    global _jieba_ready
    import jieba
    import jieba.posseg

    if not _jieba_ready:
        jieba.setLogLevel(logging.WARNING)  # jieba prints its cache path at INFO on first use
        jieba.initialize()
        _jieba_ready = True
    return jieba.posseg


class JiebaPosTokenizer:
    """spaCy tokenizer: jieba.posseg words, `tag_` = jieba flag, `lemma_` = the word itself."""

    def __init__(self, vocab):
        self.vocab = vocab
        self.posseg = _jieba()

    def __call__(self, text: str) -> Doc:
        pairs = [(p.word, p.flag) for p in self.posseg.cut(text, HMM=True)]
        words, spaces = get_words_and_spaces([w for w, _ in pairs if not w.isspace()], text)
        tag_at: dict[int, str] = {}
        pos = 0
        for w, flag in pairs:
            tag_at[pos] = flag
            pos += len(w)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for tok in doc:
            tok.tag_ = tag_at.get(tok.idx, "x")
            tok.lemma_ = tok.text
        return doc


def build_zh_pipeline() -> Language:
    """Blank zh with the jieba+POS tokenizer; no components, so `nlp.pipe` costs one jieba pass."""
    nlp = spacy.blank("zh")
    nlp.tokenizer = JiebaPosTokenizer(nlp.vocab)
    return nlp
