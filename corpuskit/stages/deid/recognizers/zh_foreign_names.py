"""Foreign names in Chinese text: transliterations (布林肯, 谢尔久科夫, 约翰·史密斯) and Latin spellings.

jieba tags transliterated names `nr`/`nrt`, but also drugs (阿莫西林), cities (莫斯科) and football
clubs (富勒姆); these helpers decide which transliteration is a person, and complete one found in part.
"""

from __future__ import annotations

import regex

from corpuskit.stages.deid.recognizers.zh_name_lexicon import (
    FOREIGN_NAME_TITLES_AFTER,
    FOREIGN_NAME_TITLES_BEFORE,
    TRANSLITERATION_NAME_CHARS,
    TRANSLITERATION_RUN,
)

_HAN = regex.compile(r"\p{Han}")
NAME_DOTS = "·・•．‧･"

# a foreign name introduced with its own spelling in brackets: "威尔莱特（WillWright）",
# "阿特金森（martinatkinson）", "斯图尔特·卡里·韦尔奇（stuartcarywelch1928-2008）"
_ROMANISED = regex.compile(
    r"(?<=\p{Han})[（(][ \t]*([A-Za-z][A-Za-z .'\-]{1,40}[A-Za-z])[ \t]*"
    r"(?:\d{4}[ \t]*[-–—~][ \t]*\d{4}[ \t]*)?(?=[）)]|$)"
)


# words around a foreign team or city, not a person: 做客汉诺威, 输给富勒姆, 米德尔vs博尔顿, 西汉姆主场
_TEAM_BEFORE = frozenset(
    "vs VS Vs 对阵 做客 客场 主场 输给 负于 战胜 击败 逼平 迎战 在 从 到 去 飞往 前往 来自 位于".split()
)
_TEAM_AFTER = frozenset("vs VS Vs 主场 客场 队 派 市 城 港 州 省 军 人 方面 球迷".split())


def latin_person_name(word: str) -> bool:
    """A first name or surname of the Latin-script Faker locales: the drug list holds some (marek)."""
    from corpuskit.stages.deid.recognizers.en_names import lexicons

    first, last = lexicons()
    return word.capitalize() in first or word.capitalize() in last


# transliterations jieba tags `nr` that name a brand, a genre or a cartoon, not a person
NOT_FOREIGN_PEOPLE = frozenset("奥特曼 肯德基 麦当劳 星巴克 迪士尼 奥斯卡 罗曼史 纳尼亚 哈根达斯".split())


def rare_word(word: str, most: int = 100) -> bool:
    """jieba's dictionary counts the word `most` times or fewer (or does not know it)."""
    import jieba

    return (jieba.dt.FREQ.get(word) or 0) <= most


def team_or_title(text: str, tokens: list, k: int) -> bool:
    """Token k stands where a team or a city stands, inside a book or film title 《…》, or is an emoticon
    code ([奥特曼])."""
    tok = tokens[k]
    before = tokens[k - 1].text if k else ""
    after = tokens[k + 1].text if k + 1 < len(tokens) else ""
    opened = text.rfind("《", 0, tok.idx)
    end = tok.idx + len(tok.text)
    return (
        (text[tok.idx - 1 : tok.idx] == "[" and text[end : end + 1] == "]")
        or before in _TEAM_BEFORE
        or after in _TEAM_AFTER
        or after[:1].isdigit()
        or (opened >= 0 and text.find("》", opened) > tok.idx and text.rfind("》", 0, tok.idx) < opened)
    )


def complete_foreign_names(text: str, tokens: list, found: dict[tuple[int, int], float]) -> None:
    """A foreign name found in part (谢尔久/nr 科夫/nrt, 阿特金/nr 森/n, 伊萨克/nz 克拉克/nrt) grows over the
    jieba words beside it that are names too, or transliteration characters cut off before a bracket."""
    at = {tok.idx: k for k, tok in enumerate(tokens)}
    ends = {tok.idx + len(tok.text): k for k, tok in enumerate(tokens)}
    for (start, end), score in list(found.items()):
        if score < 0.5:
            continue
        new_start, new_end = start, end
        k = at.get(new_end)
        while k is not None and new_end - new_start < 10:
            tok = tokens[k]
            after = text[tok.idx + len(tok.text) : tok.idx + len(tok.text) + 1]
            foreign = all(c in TRANSLITERATION_NAME_CHARS for c in tok.text)
            if tok.tag_ == "nrt" and foreign:
                pass  # 谢尔久/nr 科夫/nrt — `nrt` is jieba's tag for transliterated names
            elif (
                tok.tag_.startswith("nr")
                and len(tok.text) == 1
                and foreign
                and all(c in TRANSLITERATION_NAME_CHARS for c in text[new_start:new_end])
            ):
                pass  # 范博梅/nr 尔/nr: a last syllable jieba cut off a transliteration (not 周康/康)
            elif (
                len(tok.text) == 1
                and foreign
                and text[new_end - 1] in TRANSLITERATION_NAME_CHARS
                and not _HAN.match(after or "x")
            ):
                pass  # 阿特金/nr 森/n （: the last syllable, cut off before a bracket or a comma
            else:
                break
            new_end = tok.idx + len(tok.text)
            k = at.get(new_end)
        k = ends.get(new_start)
        if k is not None:
            tok = tokens[k]
            if (
                tok.tag_ in ("nrt", "nz")
                and len(tok.text) >= 3
                and all(c in TRANSLITERATION_NAME_CHARS for c in tok.text)
            ):
                new_start = tok.idx  # 伊萨克/nz 克拉克/nrt
        if (new_start, new_end) != (start, end):
            found[(new_start, new_end)] = max(found.get((new_start, new_end), 0), score)


def foreign_name_runs(tokens: list) -> list[tuple[int, int, bool]]:
    """Runs of adjacent `nr` words written in transliteration characters (布/nr 林肯/nr): (start, end,
    titled), titled when an office or honorific word stands right before or after the run."""
    out = []
    i = 0
    while i < len(tokens):
        j = i
        while (
            j < len(tokens)
            and tokens[j].tag_.startswith("nr")
            and all(c in TRANSLITERATION_NAME_CHARS for c in tokens[j].text)
            and (j == i or tokens[j].idx == tokens[j - 1].idx + len(tokens[j - 1].text))
        ):
            j += 1
        if j == i:
            i += 1
            continue
        start, end = tokens[i].idx, tokens[j - 1].idx + len(tokens[j - 1].text)
        before = tokens[i - 1].text if i > 0 else ""
        after = tokens[j].text if j < len(tokens) else ""
        if 2 <= end - start <= 8:
            titled = before in FOREIGN_NAME_TITLES_BEFORE or after in FOREIGN_NAME_TITLES_AFTER
            out.append((start, end, titled))
        i = j
    return out


NAME_DOTS = "·・•．‧･"


def transliterated_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The dotted foreign name inside text[start:end] (Han runs joined by middle dots), or None.

    The first run keeps its trailing transliteration characters and the last its leading ones
    (甲方代表约翰·史密斯签字 → 约翰·史密斯); runs in between must be transliteration throughout.
    """
    parts = regex.split(f"[{NAME_DOTS}]", text[start:end])
    first, last = parts[0], parts[-1]
    head = len(first) - len(first.rstrip(TRANSLITERATION_RUN))
    tail = len(last) - len(last.lstrip(TRANSLITERATION_RUN))
    if not head or not tail or any(c not in TRANSLITERATION_NAME_CHARS for p in parts[1:-1] for c in p):
        return None
    return start + len(first) - head, end - len(last) + tail


# where a place follows: 从纳什维尔, 到阿拉斯加 are travel, not people
_PLACE_PREPOSITIONS = frozenset("从 到 在 去 来自 前往 位于 飞往 抵达 游".split())


def dictionary_foreign_name(tokens: list, k: int) -> bool:
    """Token k is a foreign name jieba's dictionary itself lists as one (`nrt`, three characters or
    more: 斯图尔特, 埃托奥, 舍甫琴科), standing as a person stands in a sentence.

    Two-character `nrt` words are left out: 拜托, 休克, 切丝 and 尼玛 carry the tag too. So is one
    that modifies the noun after it (哈根达斯/nrt 冰淇淋, 奥林巴斯/nrt 公益: a brand) or follows a
    preposition of place (从/p 纳什维尔/nrt)."""
    tok = tokens[k]
    if tok.tag_ != "nrt" or len(tok.text) < 3:
        return False
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if (
        nxt is not None
        and nxt.idx == tok.idx + len(tok.text)
        and nxt.tag_.startswith(("n", "vn"))  # 冰淇淋 is `nr` to jieba too
    ):
        return False
    return not (k and tokens[k - 1].text in _PLACE_PREPOSITIONS)


def romanised_names(text: str, add) -> list[int]:
    """A run of transliteration characters (dots allowed) right before a bracketed Latin spelling:
    both are the name, unless the spelling is an ordinary English word or a drug. Returns where
    the brackets of drugs' spellings open: a word ending there is the drug (阿莫西林（amoxicillin）),
    which jieba lists as a transliterated name, and no rule should call it a person."""
    from corpuskit.stages.deid.english_words import common_word, drug_words

    drugs = []
    for m in _ROMANISED.finditer(text):
        latin = m.group(1)
        key = latin.lower().replace(" ", "")
        if key in drug_words() and not latin_person_name(latin):
            drugs.append(m.start())
            continue
        if " " not in latin and common_word(key):
            continue
        start = m.start()
        while (
            start > 0
            and m.start() - start < 12
            and (text[start - 1] in TRANSLITERATION_NAME_CHARS or text[start - 1] in NAME_DOTS)
        ):
            start -= 1
        while start < m.start() and text[start] in NAME_DOTS:
            start += 1
        if m.start() - start >= 2:
            add(start, m.start(), 0.6)
            add(m.start(1), m.end(1), 0.6)
    return drugs
