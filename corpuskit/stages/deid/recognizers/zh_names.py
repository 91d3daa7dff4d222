"""Chinese person names from three signals: jieba's POS tag, context words, a surname lexicon.

* statistical: the zh NLP engine tags each jieba word; `nr` is jieba's person-name tag.
* context: a name right after 患者/姓名/家属/医生/甲方/法定代表人/联系人 … or right
  before a title (张医生, 王女士, 李某).
* lexicon: the first character (or two) must be a known surname for the context
  and title rules, and raises the score of a jieba `nr` word.
"""

from __future__ import annotations

import itertools
from typing import ClassVar

import regex
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from corpuskit.stages.deid.recognizers.base import make_result
from corpuskit.stages.deid.recognizers.zh_foreign_names import (
    NAME_DOTS,
    NOT_FOREIGN_PEOPLE,
    complete_foreign_names,
    dictionary_foreign_name,
    foreign_name_runs,
    rare_word,
    romanised_names,
    team_or_title,
    transliterated_name,
)
from corpuskit.stages.deid.recognizers.zh_name_lexicon import (
    BRACKET_BYLINE_ROLES,
    BYLINE_NOT_NAME_TAGS,
    BYLINE_ROLES,
    COMPOUND_SURNAMES,
    CONTEXT_WORDS,
    CREDIT_ROLES,
    FOREIGN_OFFICES,
    FUNCTION_CHARS,
    GIVEN_NAME_CHARS,
    LIST_JOINERS,
    NICKNAME_PREFIXES,
    NOT_NAME_TAGS,
    OFFICE_TITLES,
    SINGLE_SURNAMES,
    SPEECH_ADVERBS,
    SPEECH_VERBS,
    STOP_CHARS,
    SURNAME_OFFICES,
    TITLES,
    TOP_SURNAMES,
    TRANSLITERATION_NAME_CHARS,
    TRANSLITERATION_RUN,
    UNAMBIGUOUS_COMPOUNDS,
    WEAK_CONTEXT,
)

_HAN = regex.compile(r"\p{Han}")
# a drug's brand name reads like a person's to jieba (安素泰, 艾奕, 甘利欣): a dose right after it, or a
# generic name's dosage form and a bracket right before it ("奥美拉唑肠溶胶囊(艾奕)40mg"), say it is not
_DOSE_AFTER = regex.compile(
    r"[)）”\"'’]?\s*\d+(?:\.\d+)?\s*(?:mg|g|ml|μg|ug|mcg|iu|u|万u|万单位|单位|片|粒|支|袋|瓶|丸|mmol)",
    regex.IGNORECASE,
)
_DRUG_FORM_BEFORE = regex.compile(
    r"(?:胶囊|注射液|注射剂|片|颗粒|口服液|粉针|混悬液|乳剂|软膏|针剂)[(（“\"]$"
)
# anatomy and findings jieba also tags `nr`: 门静脉, 阴道镜, 窦性心(律); no given name ends so
_CLINICAL_LAST_CHARS = frozenset("镜脉")
# lab tests a name never precedes: 高敏肌钙蛋白 (high-sensitivity troponin); 高敏体质 (an allergic constitution)
_ANALYTES_AFTER = ("肌钙蛋白", "C反应蛋白", "c反应蛋白", "体质")
# a drug's place in a sentence: after a verb of taking or giving (口服华法林, 否认服用“华法林”), before the
# class it belongs to (华法林抗凝治疗, 华法林等抗凝药)
_DRUG_VERB_BEFORE = regex.compile(r"(?:口服|服用|予以?|加用|停用|改用|换用|静滴|静推|含服|外用|联用)[“\"]?$")
_DRUG_CLASS_AFTER = regex.compile(
    r"[”\"]?(?:等)?(?:抗凝|抗血小板|保肝|抑酸|护胃|降压|降糖|降脂|镇痛|止痛|抗感染|抗病毒|化疗|羊膜腔)"
)
# criteria and scores named after a place or person (鹿特丹标准, Glasgow评分) name nobody in the record
_EPONYM_AFTER = ("标准", "评分", "分级", "分期", "综合征", "量表", "指数", "试验", "病毒", "杆菌", "球菌")
# drugs and herbs whose names start with a surname character: 华法林 (warfarin), 甘利欣, 利凡诺 (rivanol),
# 诺和锐 (NovoRapid), 他莫昔芬 (tamoxifen), 黄芩/黄芪/黄连 (herbs) …
_DRUG_NAMES = regex.compile(
    "华法林|甘利欣|利凡诺|诺和锐|诺和灵|他莫昔芬|来曲唑|阿那曲唑|黄芩|黄芪|黄连|黄柏|黄精|白术|白芍|白芷|柴胡|甘草|"
    "丁香|石斛|杜仲|陈皮|连翘|钩藤|党参|丹参|当归|何首乌|柏子仁|桂枝|葛根|金银花|牛黄|安宫牛黄|云南白药"
)
# 阴道炎, 宫颈炎, 关节炎: an organ's inflammation, read as surname + given name
_INFLAMMATION = regex.compile(r"[道颈腺管膜囊节肠胃肝肺肾鼻耳眼皮周体窦咽喉舌龈唇]炎$")
# roles and findings that jieba's surname reading turns into names: 原主诊(教授), 张力高
_NOT_NAME_PARTS = regex.compile(r"主诊|主治|主管|值班|^张力")
# 于 the preposition before a time of day: 患者于晨起时 (a patient named 于晨 stays one: 患者于晨，女)
_PREPOSITION_TIME = regex.compile(r"于[晨晚夜早午凌](?:起|间|时|饭|餐|练)")


# words only clinical text uses often: where one appears the name rules leave out the guesses that
# drug names and cut-short lab terms would trigger
_CLINICAL_REGISTER = regex.compile(
    r"患者|患儿|病人|入院|出院|诊断|治疗|术后|术前|化疗|放疗|复查|病史|症状|体征|检查|查体|给予|予以|口服|静滴"
    r"|[0-9]\s*(?:mg|ml|mm|cm|g/L|mmol)|肿瘤|[癌炎瘤]|血压|心率|体温|CT|MRI|B超|彩超|既往|主诉|诊治|手术|病变|病灶"
    r"|用药|药物|疗效|不良反应|受试者|入组|临床|转氨酶|胆红素|肝功能|肾功能"
)


def clinical_term(text: str, start: int, end: int) -> bool:
    """True when text[start:end], shaped like a name, is a drug, an anatomical term or a test prefix."""
    word = text[start:end]
    return bool(
        _DOSE_AFTER.match(text, end)
        or _DRUG_FORM_BEFORE.search(text, max(0, start - 6), start)
        or _DRUG_VERB_BEFORE.search(text, max(0, start - 4), start)
        or _DRUG_CLASS_AFTER.match(text, end)
        or text[end - 1] in _CLINICAL_LAST_CHARS
        or text.startswith("性", start + 1)  # 窦性心动过速, 良性: an adjective, no given name
        or (text.startswith("律", end) and not text.startswith("律师", end))
        or text.startswith(_ANALYTES_AFTER, end)
        or text.startswith(_EPONYM_AFTER, end)
        or _INFLAMMATION.search(word)
        or _NOT_NAME_PARTS.search(word)
        or _PREPOSITION_TIME.match(text, start)
        or any(
            m.start() < end and start < m.end()
            for m in _DRUG_NAMES.finditer(text, max(0, start - 4), end + 4)
        )
    )


def _beside_name(text: str, start: int, end: int, named: set[tuple[int, int]]) -> bool:
    """True when a found name follows text[start:end] after a list joiner, or precedes it before one,
    and the run is a word of its own (氯吡格雷、华法林: 格雷 ends a drug name)."""
    if start and _HAN.match(text[start - 1]) and text[start - 1] not in LIST_JOINERS:
        return False
    for joiner in LIST_JOINERS:
        after, before = end + len(joiner), start - len(joiner)
        if text.startswith(joiner, end) and any(s == after for s, _ in named):
            return True
        if before >= 0 and text.startswith(joiner, before) and any(e == before for _, e in named):
            return True
    return False


# what the names of trades and posts end with (书法家, 设计师, 运动员, 歌手, 彩民, 总监), and posts named whole
_ROLE_ENDINGS = frozenset("家师员手民监")
_ROLE_PEOPLE = tuple(  # a tuple for str.endswith: 执行制作人 ends with 制作人
    "制作人 负责人 发言人 主持人 创始人 合伙人 经纪人 代理人 联系人 投资人 策划人 出品人 "
    "国脚 球星 明星 歌星 影星 巨星 童星".split()
)
_NOT_ROLES = frozenset(
    "皇家 国家 大家 人家 自家 老家 东家 全家 本家 厂家 商家 农家 娘家 婆家 管家 公家 冤家".split()
)
# a Latin name in Chinese text, written as one word (BradBuxer) or capitalised (Svensson)
_LATIN_NAME = regex.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+){0,2}")


def _is_role_word(tok) -> bool:
    """A noun that names a trade or a post (书法家, 国脚, 音乐总监, 制作人): the person it belongs to often
    follows it without a pause."""
    word = tok.text
    return (
        word not in _NOT_ROLES
        and tok.tag_.startswith("n")
        and not tok.tag_.startswith("nr")
        and len(word) >= 2
        and (word[-1] in _ROLE_ENDINGS or word.endswith(_ROLE_PEOPLE))
    )


# name characters whose doubled form is mostly an adverb or adjective (明明, 刚刚, 平平, 静静地)
_NOT_DOUBLED_NAME = frozenset(
    "明刚平天常渐慢轻微稍红亮高大小好快多少早晚远深浅淡细白青绿紫蓝金银冰清静光新正良和宝心星隆朗旺"
)


def is_doubled_name(text: str, start: int) -> bool:
    """A doubled name character at `start` is what friends and family call someone (圆圆, 佳佳, 超超);
    not when it is part of a longer run or of an AABB word (开开心心, 林林总总), or ends in 的/地/得."""
    c = text[start]
    before, after = text[max(0, start - 2) : start], text[start + 2 : start + 4]
    return (
        text[start + 1 : start + 2] == c
        and c in GIVEN_NAME_CHARS
        and c not in _NOT_DOUBLED_NAME
        and not before.endswith(c)
        and not after.startswith(c)
        and not (len(before) == 2 and before[0] == before[1])
        and not (len(after) == 2 and after[0] == after[1])
        and not after.startswith(("的", "地", "得"))
    )


def is_nickname(word: str, any_surname: bool = False) -> bool:
    """阿/老/小 + one of the frequent surnames (阿袁, 老刘, 小陈), or any surname (老耿) when jieba
    already read the pair as one name word."""
    return (
        len(word) == 2
        and word[0] in NICKNAME_PREFIXES
        and word[1] in (SINGLE_SURNAMES if any_surname else TOP_SURNAMES)
        and word not in _NOT_NICKNAMES
    )


_NOT_NICKNAMES = frozenset("老公 阿公 老师 小师 老乡 老板 老总 老家 小区".split())  # jieba tags 老公 `nr`


def surname_then_given(text: str, start: int, end: int, word_ends: dict, word_tags: dict) -> bool:
    """True when text[start:end] is a two-character word of given-name characters right after a
    surname jieba left alone (武/n 振国/ns 同志): the three are one name."""
    before = start - 1
    return (
        end - start == 2
        and before >= 0
        and word_ends.get(before) == start
        and text[before] in SINGLE_SURNAMES
        and not word_tags[before].startswith(NOT_NAME_TAGS)
        and all(c in GIVEN_NAME_CHARS for c in text[start:end])
    )


def is_pet_name(word: str) -> bool:
    """小雅, 阿芳, 小宝: 小/阿 and one given-name character — a child's or a family name for someone."""
    return len(word) == 2 and word[0] in "小阿" and word[1] in GIVEN_NAME_CHARS


def surname_length(s: str) -> int:
    """Length of the surname `s` starts with (2 for 欧阳, 1 for 王), 0 when none."""
    if s[:2] in COMPOUND_SURNAMES:
        return 2
    return 1 if s[:1] in SINGLE_SURNAMES else 0


_KIN_WORDS = frozenset(
    "孙子 孙女 外孙 外孙女 儿子 女儿 侄子 侄女 外甥 外甥女 姑姑 叔叔 舅舅 姨妈 姑妈 舅妈 婶婶 "
    "师兄 师姐 师弟 师妹 师傅 师父 师母".split()
)


_MOTION = frozenset("步走行驶开跑飞流移转延看望去约偏")
_PLACE_ENDINGS = frozenset("州县市省镇乡区")


def nr_word_score(word: str, text: str, end: int) -> float:
    """Score for a word read as a name: high when it is surname + name characters.

    Two-character words need a frequent surname: jieba's dictionary tags many
    ordinary words `nr` (白云, 祝福), and they share the shape of real names (王菲).
    """
    if end < len(text) and text[end] in "氏":
        return 0.0  # 麦氏点, 巴氏征: eponyms, not people
    if word in _KIN_WORDS:
        return 0.0  # 孙子/nr 孙女/nr: jieba's dictionary tags kin words as names
    if len(word) == 2 and word[0] in "向朝" and word[1] in "东南西北" and text[end : end + 1] in _MOTION:
        return 0.0  # 向东步行, 朝南开: a direction (同事向东请假 is a name)
    if word[-1:] in _PLACE_ENDINGS:
        return 0.0  # 玉树州, 安宁市: a place whose first character is also a surname
    sl = surname_length(word)
    given = word[sl:]
    if not sl or not given or len(given) > 2 or word[0] == "左":
        return 0.3  # 左 is a surname, but in a note jieba's 左小腿/nr is a left calf
    if any(c in FUNCTION_CHARS for c in given):
        return 0.0  # 由其子, 于是: a surname character followed by grammar, not a given name
    hits = sum(c in GIVEN_NAME_CHARS for c in given)
    if hits < len(given):
        return 0.5 if hits else 0.3
    if len(word) == 2 and word[0] not in TOP_SURNAMES:
        return 0.3
    return 0.75


def known_full_name(word: str, tag: str) -> bool:
    """A three-character word jieba's dictionary itself calls a name (`nr`), starting with a frequent
    surname: 张三丰, 李小龙 — right after 患者 or 家属 that is a person whatever the given characters."""
    return tag.startswith("nr") and len(word) == 3 and word[0] in TOP_SURNAMES and surname_length(word) == 1


# characters of transliterated drug and eponym names (杜密克, 舒普深, 柯萨奇, 苗勒氏): jieba's HMM
# tags such unknown words as names just as readily as real ones
_TRANSLITERATION_CHARS = frozenset(
    "氏克尼萨奇普斯德尔卡特拉诺西蒙停密深韦罗洛铂吉奥沙坦唑嗪汀芬酮胺素霉酯钠钾"
)


def is_unknown_full_name(word: str, text: str, end: int) -> bool:
    """Surname + two given characters jieba has never seen as a word (周苏飘, 李园园, 赵小晚).

    jieba's dictionary tags many known clinical words `nr` (白蛋白, 安全性, 陈旧性), so only an
    out-of-vocabulary word that its HMM read as a name counts, and not one that reads as a
    transliteration or starts with 左 (left, in a clinical note: 左大隐, 左卡尼).
    """
    return (
        len(word) == 3
        and surname_length(word) == 1
        and word[0] != "左"
        and not any(c in FUNCTION_CHARS or c in STOP_CHARS or c in _TRANSLITERATION_CHARS for c in word[1:])
        and nr_word_score(word, text, end) > 0
        and out_of_vocabulary(word)
    )


def is_unknown_short_name(word: str) -> bool:
    """Surname + one character, as a word jieba has never seen (易昭, 夏邦)."""
    return (
        len(word) == 2
        and word[0] in SINGLE_SURNAMES
        and word[1] not in FUNCTION_CHARS
        and word[1] not in STOP_CHARS
        and word[1] not in _TRANSLITERATION_CHARS
        and out_of_vocabulary(word)
    )


def is_unknown_given_name(word: str) -> bool:
    """Two given-name characters, as a word jieba has never seen: a given name used alone (嘉欣, 雪莹)."""
    return len(word) == 2 and all(c in GIVEN_NAME_CHARS for c in word) and out_of_vocabulary(word)


def out_of_vocabulary(word: str) -> bool:
    """True when jieba's dictionary does not know the word: unknown names are out of vocabulary."""
    return rare_word(word, most=0)


# verbs that follow a name in records and start with a character names also use: "李明代诉" is 李明
# who narrates (代诉), "王芳陪同" 王芳 who accompanies; a greedy given name must give the character back
# what may stand before a clause's subject: a conjunction or a source (而纪平表示, 据闫大为称)
_CLAUSE_OPENERS = frozenset("而 但 但是 据 并 且 又 另 另外 同时 此外 其中 对此".split())
# 等人, 等4人, 等三名球员, 等大师: what closes a list of people
_CROWD_AFTER = regex.compile(
    r"等(?=(?:[\d一二两三四五六七八九十几数多]+[名位个]?)?(?:人|名|位|球员|明星|大师|艺术家|画家|作家|歌手|演员|选手|官员))"
)

_VERBS_AFTER_NAME = frozenset(
    "代诉 代述 代为 代签 代领 陪同 陪护 提供 签字 签名 同意 拒绝 要求 表示 告知 知情 口述 自述 述说 诉说 送来 送至".split()
)


def give_back_verb(text: str, start: int, end: int) -> int:
    """`end`, one character shorter when the name's last character starts one of those verbs
    (never below surname + one given character)."""
    if (
        end - start - surname_length(text[start : start + 2]) >= 2
        and text[end - 1 : end + 1] in _VERBS_AFTER_NAME
    ):
        return end - 1
    return end


def name_at(text: str, start: int, word_end: int | None = None, stray_after: bool = False) -> int:
    """End of a plausible full name starting at `start` (surname + 1–2 given characters), or `start`.

    `word_end` is the end of the jieba word starting there, when known: a 2–4
    character word that starts with a surname is taken whole. `stray_after`: jieba left the
    character after that word alone (林佩/nr 珊/n 陪同, 张家/nr 豪/n （): a surname and one
    character followed by a stray one is a three-character name cut in two.
    """
    sl = surname_length(text[start : start + 2])
    if not sl:
        return start
    if word_end is not None and 2 <= word_end - start <= 4 and word_end - start > sl:
        if (
            stray_after
            and word_end - start == sl + 1
            and word_end < len(text)
            and _HAN.match(text[word_end])
            and text[word_end] not in STOP_CHARS
            and text[word_end] not in FUNCTION_CHARS
        ):
            return word_end + 1
        return word_end
    end = start + sl
    for _ in range(2):
        if end < len(text) and _HAN.match(text[end]) and text[end] not in STOP_CHARS:
            end += 1
        else:
            break
    return give_back_verb(text, start, end) if end > start + sl else start


# roles a transcript opens a turn with ("主持人：大家好"): after them a common word starts speech, not a name
_TRANSCRIPT_ROLES = frozenset("主持人 记者 嘉宾 网友 主播 博主".split())

# tags of a word that cannot be the given name after a lone surname (verbs are decided apart)
_NOT_GIVEN_NAME_TAGS = tuple(t for t in NOT_NAME_TAGS if t != "v") + ("m", "q", "x")


class ZhPersonNameRecognizer(LocalRecognizer):
    """Chinese person names; needs the zh NLP engine's jieba tags (`token.tag_ == "nr"`)."""

    ENTITY: ClassVar[str] = "PERSON"
    LANGUAGES: ClassVar[tuple[str, ...]] = ("zh",)
    _context_re = regex.compile(
        r"(?:" + "|".join(sorted(CONTEXT_WORDS, key=len, reverse=True)) + r")[:：\s]*"
    )
    # forms and résumés space a label out to the width of the column: "姓    名：", "联 系 人："
    _spaced_label_re = regex.compile(
        r"(?:"
        + "|".join(
            r"[ \t\u3000]+".join(w) for w in sorted(CONTEXT_WORDS, key=len, reverse=True) if 2 <= len(w) <= 4
        )
        + r")[ \t\u3000]*[:：][ \t\u3000]*"
    )
    # a byline or a signature block puts a role word, spaces, a name and spaces in a row:
    # "（记者 骆家辉 通讯员 甘露）", "审判员 邬佳琪"
    _byline_re = regex.compile(
        r"(?<=^|[\s（(【\[])("
        + "|".join(sorted({*CONTEXT_WORDS, *BYLINE_ROLES}, key=len, reverse=True))
        + r")[ \t\u3000]+(\p{Han}{2,4})(?=[ \t\u3000]*(?:$|[\r\n）)】\]，,；;])|[ \t\u3000]+)",
        regex.MULTILINE,
    )
    # an article's credit line: "文/于建春", "（图／张三 摄影／李四）"
    _credit_re = regex.compile(
        r"(?<=^|[\s（(【\[|])(?:"
        + "|".join(sorted(CREDIT_ROLES, key=len, reverse=True))
        + r")[ \t\u3000]*[/／][ \t\u3000]*(\p{Han}{2,4})(?=$|[\s）)】\]，,；;。|/／])",
        regex.MULTILINE,
    )
    # an interview or a transcript opens each turn with the speaker: "傅思建：", "金石开："
    _speaker_label_re = regex.compile(
        r"(?:^[ \t\u3000]*(\p{Han}{2,4})|[【\[](\p{Han}{2,4})[】\]])[ \t\u3000]*[:：]", regex.MULTILINE
    )
    # a Western name written as one word in Chinese text, a known first name first: JohnMilius, TomConlin
    _camel_name_re = regex.compile(r"(?<![A-Za-z])([A-Z][a-z]{1,12})([A-Z][a-z]{1,15})(?![A-Za-z])")
    # "接诊医生为施敏。", "联系人是王芳，": a role, 为/是 and a name that ends the clause
    _copula_re = regex.compile(
        r"("
        + "|".join(sorted({*CONTEXT_WORDS, *BYLINE_ROLES}, key=len, reverse=True))
        + r")(?:为|是)(\p{Han}{2,4})(?=$|[\s，,。；;、）)！!？?])",
        regex.MULTILINE,
    )
    # "一位姓何的先生", "姓王，叫…": the surname alone narrows down who it is
    _surname_said_re = regex.compile(
        r"(?<=(?<!百)姓)(?:"
        + "|".join(sorted(COMPOUND_SURNAMES, key=len, reverse=True))
        + rf"|[{''.join(sorted(SINGLE_SURNAMES))}])"
        + r"(?=的|[，,。、；;]|先生|女士|小姐|师傅|老师|医生|护士|男子|女子|男|女)"
    )
    _labelled_value_re = regex.compile(r"\p{Han}{2,3}(?=$|[\s，,。；;、）)|])", regex.MULTILINE)
    _office_foreign_re = regex.compile(
        r"(?:"
        + "|".join(sorted(FOREIGN_OFFICES, key=len, reverse=True))
        + rf")([{TRANSLITERATION_RUN}]{{2,6}})(?![{TRANSLITERATION_RUN}])"
    )
    # 说明/说服 and 称号/称为 are other words
    _speech_re = regex.compile(
        rf"(?:{'|'.join(sorted(SPEECH_ADVERBS, key=len, reverse=True))})?"
        rf"(?:{'|'.join(sorted(SPEECH_VERBS, key=len, reverse=True))})(?<!说(?=明|服))(?<!称(?=号|为))"
    )
    _doubled_re = regex.compile(r"(\p{Han})\1")
    # a part after a dot stops at 和/与/及: "劳拉·琳妮和菲利普·西摩尔·霍夫曼" is two names
    _dotted_re = regex.compile(rf"\p{{Han}}{{1,6}}(?:[{NAME_DOTS}](?:(?![和与及])\p{{Han}}){{1,6}}){{1,3}}")
    _handle_re = regex.compile(r"(?<=@)[\p{Han}A-Za-z0-9_-]{2,20}")
    _title_re = regex.compile(
        r"(?:" + "|".join(sorted({*TITLES, *OFFICE_TITLES}, key=len, reverse=True)) + r")"
    )
    _cell_re = regex.compile(
        r"(?<=^|[\t，、,;；：:（(|])\p{Han}{2,4}(?=$|[\t，、,;；。)）|])", regex.MULTILINE
    )
    # a byline in brackets runs the role into the names: "（记者马力）", "（记者刘诗平、白洁纯）"
    _bracket_byline_re = regex.compile(
        r"[（(【\[][ \t\u3000]*(?:"
        + "|".join(sorted(BRACKET_BYLINE_ROLES, key=len, reverse=True))
        + r")[ \t\u3000]*(\p{Han}{2,4}(?:[、 \t\u3000]+\p{Han}{2,4})*)[ \t\u3000]*(?=[）)】\]])"
    )
    # "89岁的赵无极", "30岁的曹广辉": an age and 的 put a person right after them
    _age_before_re = regex.compile(r"\d{1,3}[ \t]*(?:周岁|岁)(?:的|之)")

    def __init__(self, supported_language: str | None = None):
        super().__init__(
            supported_entities=[self.ENTITY],
            name=type(self).__name__,
            supported_language=supported_language or "zh",
        )
        # no Presidio context list: context is one of this recognizer's own signals, and a
        # second boost from Presidio would lift every jieba `nr` guess next to 医生 to 1.0

    def load(self) -> None:
        """Nothing to load: the lexicon is in code, the tags come with the NLP artifacts."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        found: dict[tuple[int, int], float] = {}
        word_ends: dict[int, int] = {}

        word_tags: dict[int, str] = {}

        def add(start: int, end: int, score: float, min_len: int = 2) -> None:
            if end - start >= min_len and found.get((start, end), 0) < score:
                found[(start, end)] = score

        tokens = nlp_artifacts.tokens if nlp_artifacts is not None else []
        clinical_register = _CLINICAL_REGISTER.search(text) is not None
        for tok, nxt in itertools.pairwise(tokens):
            # jieba tags a lone surname `nr` when it cannot place the given name it precedes
            # (刘/nr 心车/n, 杨/nr 天宁/ns): the surname and the next short word read as one name
            end = tok.idx + 1
            if (
                len(tok.text) == 1
                and tok.tag_.startswith("nr")
                and tok.text in SINGLE_SURNAMES
                and nxt.idx == end
                and 1 <= len(nxt.text) <= 2
                and _HAN.fullmatch(nxt.text[0])
                and not nxt.tag_.startswith(_NOT_GIVEN_NAME_TAGS)
                # a two-character given name jieba read as a verb (李/nr 建新/v) is one; 王/nr 说/v is not
                and (len(nxt.text) == 2 or not nxt.tag_.startswith("v"))
            ):
                name_end = give_back_verb(text, tok.idx, end + len(nxt.text))  # 李/nr 明代/t 诉: 李明
                # a given name jieba tags `nr` itself (姚/nr 卫东/nr) needs one common name character
                floor = 0.5 if nxt.tag_.startswith("nr") else 0.75
                if nr_word_score(text[tok.idx : name_end], text, name_end) >= floor:
                    # only when every given-name character is a common one: 叶/nr 炎症, 窦/nr 丰富
                    # in a clinical note are a lobe and a sinus, not people
                    add(tok.idx, name_end, 0.6)
            if (
                tok.text in UNAMBIGUOUS_COMPOUNDS
                and nxt.idx == tok.idx + 2
                and 1 <= len(nxt.text) <= 2
                and (nxt.tag_.startswith("nr") or all(c in GIVEN_NAME_CHARS for c in nxt.text))
            ):
                add(tok.idx, nxt.idx + len(nxt.text), 0.6)  # 欧阳/ns 娜娜/nrt, 司马/nr 南
            if is_nickname(tok.text + nxt.text) and nxt.idx == end and nxt.tag_.startswith("nr"):
                add(tok.idx, end + 1, 0.6)  # 老/a 刘/nr, 小/a 陈/nr: how colleagues and friends are called
        for tok in tokens:
            if is_nickname(tok.text, any_surname=True) and tok.tag_.startswith("nr"):
                add(tok.idx, tok.idx + 2, 0.6)  # 阿袁, 小高, 老谢 as one `nr` word (小叶 is `n`: a lobule)
            word_ends[tok.idx] = tok.idx + len(tok.text)
            word_tags[tok.idx] = tok.tag_
            if 2 <= len(tok.text) <= 4 and _HAN.match(tok.text):
                end = tok.idx + len(tok.text)
                if tok.tag_.startswith("nr"):
                    add(tok.idx, end, nr_word_score(tok.text, text, end))
                    if is_unknown_full_name(tok.text, text, end):
                        add(tok.idx, end, 0.6)
                    if not clinical_register and (
                        is_unknown_short_name(tok.text) or is_unknown_given_name(tok.text)
                    ):
                        # 易昭, 苏歆, 刘同, 嘉欣: outside clinical text a two-character word jieba's HMM made
                        # up and called a name is one (in a note it is as often a drug or 谷丙转氨酶 cut short)
                        add(tok.idx, end, 0.5)
                elif (
                    len(tok.text) <= 3
                    and not tok.tag_.startswith(NOT_NAME_TAGS + ("nt", "ns"))
                    and out_of_vocabulary(tok.text)
                ):
                    # jieba's HMM made a new word it has never seen that reads as surname + given name
                    add(tok.idx, end, min(nr_word_score(tok.text, text, end), 0.6))
        for m in self._doubled_re.finditer(text, overlapped=True):
            tag = word_tags.get(m.start())  # None: the pair straddles two words (中国/国家)
            if tag and is_doubled_name(text, m.start()) and not tag.startswith(("d", "z", "t", "v", "m")):
                add(m.start(), m.end(), 0.5)
        foreign = foreign_name_runs(tokens)
        # outside clinical text (where 柯萨奇 and 替吉奥 carry the tag), a foreign name jieba lists
        listed_foreign = {
            (tok.idx, tok.idx + len(tok.text))
            for k, tok in enumerate(tokens)
            if dictionary_foreign_name(tokens, k)
        }
        for start, end, titled in foreign:
            if titled or (not clinical_register and (start, end) in listed_foreign):
                add(start, end, 0.6)  # 国务卿布林肯, 特朗普总统
        self._speakers(text, tokens, add)
        self._crowds(text, tokens, add)
        for m in self._office_foreign_re.finditer(text):
            add(m.start(1), m.end(1), 0.6)
        for m in self._dotted_re.finditer(text):
            span = transliterated_name(text, m.start(), m.end())
            if span:
                add(*span, 0.6, min_len=3)
        for m in self._handle_re.finditer(text):
            add(m.start(), m.end(), 0.6)  # @handles and //@name: reposts name people on social media
        # overlapped: "由其妻子孙美华" holds 其妻 and 妻子; the longer context must get its turn too
        for m in self._context_re.finditer(text, overlapped=True):
            word = m.group().rstrip(":： \t\n")
            # "姓名：张三", "姓名 张三" — a field label, not running text; a job title and a space
            # ("上级医师 查房") are not a label without the colon
            tail = m.group()[len(word) :]
            labelled = any(c in tail for c in ":：") or (bool(tail) and word not in WEAK_CONTEXT)
            tag = word_tags.get(m.end(), "n")
            we = word_ends.get(m.end())
            if (
                we == m.end() + 1
                and text[m.end()] in SINGLE_SURNAMES
                and word_tags.get(we, "").startswith("nr")
            ):
                # 儿子谢/v 志远/nrfg: jieba read the surname as a verb and the given name as a name
                tag = "nr"
            elif tag.startswith("nr") and we is not None and is_pet_name(text[m.end() : we]):
                add(m.end(), we, 0.6)  # 外孙女小雅, 老伴阿芳: what the family calls them
                continue
            elif we == m.end() + 2 and is_doubled_name(text, m.end()) and not tag.startswith(NOT_NAME_TAGS):
                add(m.end(), we, 0.6)  # 表妹婷婷/z: a doubled name right after kin
                continue
            if not labelled and tag.startswith(NOT_NAME_TAGS):
                continue  # 甲方支付, 乙方应于, 甲方以: the role word is the subject of a verb
            if (
                word in _TRANSCRIPT_ROLES
                and we is not None
                and we - m.end() >= 2
                and not tag.startswith("nr")
                and not out_of_vocabulary(text[m.end() : we])
            ):
                continue  # 主持人：大家好 — in a transcript the colon opens what the host says
            stray = (
                we is not None
                and word_ends.get(we) == we + 1
                and not word_tags.get(we, "x").startswith(NOT_NAME_TAGS + ("m", "q", "x"))
            )
            end = name_at(text, m.end(), we, stray)
            if labelled and end == m.end():
                # a rare surname the lexicon lacks (审核医师：滑蕾): a labelled value of two or three
                # characters that jieba has never seen as a word is a name all the same
                value = self._labelled_value_re.match(text, m.end())
                if (
                    value
                    and len(set(value.group())) > 1  # 主持人:哈哈哈
                    and not tag.startswith(NOT_NAME_TAGS + ("m", "q", "x"))
                    and out_of_vocabulary(value.group())
                ):
                    add(m.end(), value.end(), 0.6)
                continue
            if len(set(text[m.end() : end])) == 1:
                continue  # 主持人:哈哈哈 — laughter, whatever 哈 is as a surname
            if not labelled and word in WEAK_CONTEXT and not tag.startswith("nr"):
                if nr_word_score(text[m.end() : end], text, end) < 0.75:
                    continue  # 医生查房; but 医师孙立新 (frequent surname + name characters) stays
            if (
                not labelled
                and nr_word_score(text[m.end() : end], text, end) < 0.5
                and not known_full_name(text[m.end() : end], tag)
            ):
                continue  # 签字盖章, 乙方向甲方: the next word starts with a surname but reads as no name
            add(m.end(), end, 0.85 if labelled or tag.startswith("nr") else 0.6)
        for m in self._spaced_label_re.finditer(text):
            add(m.end(), name_at(text, m.end(), word_ends.get(m.end())), 0.85)
        for m in itertools.chain(self._byline_re.finditer(text), self._copula_re.finditer(text)):
            role, name = m.group(1), m.group(2)
            sl = surname_length(name)
            name_tag = word_tags.get(m.start(2), "n")
            if (
                sl
                and len(name) > sl
                # 甘露/v is a name in a byline; 上级医师 查房/v is a ward round
                and not name_tag.startswith(BYLINE_NOT_NAME_TAGS)
                and (
                    role in BYLINE_ROLES
                    or name_tag.startswith("nr")
                    or all(c in GIVEN_NAME_CHARS for c in name[sl:])  # 施敏, not 公司
                    or (len(name) >= 3 and out_of_vocabulary(name))  # not 查房记录
                )
            ):
                add(m.start(2), m.end(2), 0.6)
        if not clinical_register:  # 白蛋白/nr： opens a line of lab results
            token_ends = set(word_ends.values())
            for m in self._speaker_label_re.finditer(text):
                g = 1 if m.group(1) else 2  # "傅思建：" opening a line, or "【朱克】：" anywhere
                name, start = m.group(g), m.start(g)
                if (
                    word_tags.get(start, "").startswith("nr")
                    and m.end(g) in token_ends
                    and len(name) - surname_length(name) in (1, 2)
                    and name[:2] not in _KIN_WORDS
                    and word_ends[start] - start < len(name) + 1
                ):
                    add(start, m.end(g), 0.6)
        if not clinical_register:
            from corpuskit.stages.deid.recognizers.en_names import lexicons

            first_names = lexicons()[0]
            for m in self._camel_name_re.finditer(text):
                if m.group(1) in first_names:
                    add(m.start(), m.end(), 0.6)
        for m in self._credit_re.finditer(text):
            if surname_length(m.group(1)) and len(set(m.group(1))) > 1:
                add(m.start(1), m.end(1), 0.6)
        for m in self._cell_re.finditer(text):
            # a short name alone in a table cell or list item: \t徐丽丽\t, 、王五、
            if surname_length(m.group()) and all(
                c in GIVEN_NAME_CHARS for c in m.group()[surname_length(m.group()) :]
            ):
                add(m.start(), m.end(), 0.6)
        for m in self._cell_re.finditer(text):
            # "吴待秋、吴子深、冯超然": between two list marks, beside a name, an item that starts with a
            # surname is a name whatever its given characters
            sl = surname_length(m.group())
            if (
                sl
                and len(m.group()) in (2, 3)
                and m.start() > 0
                and text[m.start() - 1] == "、"
                and m.end() < len(text)
                and text[m.end()] == "、"
                and not any(c in FUNCTION_CHARS or c in STOP_CHARS for c in m.group()[sl:])
                and out_of_vocabulary(m.group())  # 钓鱼、游湖、游泳: a word jieba knows is no name
                and any(
                    score >= 0.5 and (e == m.start() - 1 or s == m.end() + 1)
                    for (s, e), score in found.items()
                )
            ):
                add(m.start(), m.end(), 0.5)
        for m in self._title_re.finditer(text):
            # the surname (and up to two given characters) just before a title: 张医生, 王某某, 李建国主任
            t0 = m.start()
            if t0 - 1 in word_ends and text[t0 - 1] == "副" and word_ends[t0 - 1] in (t0, m.end()):
                t0 -= 1  # 颜鲲/副局长, 王建国/副/院长: a deputy's name ends before 副
                if not any(word_tags.get(i, "").startswith("nr") for i in range(max(0, t0 - 3), t0)):
                    continue  # 卫健委/j 副主任: an office's deputy, unless jieba reads a name before it
            office = m.group() in OFFICE_TITLES
            if office and t0 not in word_ends:
                continue  # 国务院总理, 副主席: the title is the tail of another word
            # the jieba word that ends where the title starts, if it began at most 4 characters before
            starts = range(max(0, t0 - 4), t0)
            word_start = next((i for i in starts if word_ends.get(i) == t0), None)
            if t0 not in word_ends and any(
                word_ends.get(s, 0) > t0
                and not word_tags[s].startswith("nr")
                and not out_of_vocabulary(text[s : word_ends[s]])
                for s in range(max(0, t0 - 3), t0)
            ):
                continue  # 班主任, 护士长: the title is the tail of a common word
            if (
                word_start is not None
                and t0 - word_start >= 2
                and not word_tags[word_start].startswith("nr")
                and not out_of_vocabulary(text[word_start:t0])
                and not surname_then_given(text, word_start, t0, word_ends, word_tags)
            ):
                continue  # 公司经理, 公司老板: a known common word before the title, not a name
            lengths = [n for n in ((3, 2) if office else (3, 2, 1)) if t0 - n >= 0]
            if office and m.group() in SURNAME_OFFICES and word_ends.get(t0 - 1) == t0:
                # 宋/院长, 李/局长: a surname alone before a post is how staff are addressed
                lengths.append(1)
            # a name starts where a jieba word starts when one can (邻居/王/大妈: 王, not 居王)
            lengths.sort(key=lambda n: (t0 - n) not in word_ends)
            for length in lengths:
                start = t0 - length
                first_end = word_ends.get(start, start)
                if (
                    first_end - start >= 2
                    and first_end < t0
                    and not word_tags[start].startswith("nr")
                    and not out_of_vocabulary(text[start:first_end])
                ):
                    continue  # 全部/给/大爷: the candidate opens with a common word, not a surname
                if word_tags.get(start, "").startswith("b"):
                    continue  # 原/b 副/b 部长: former and deputy, not a surname and a name
                if surname_length(text[start : start + 2]) and all(
                    _HAN.match(c) and c not in STOP_CHARS for c in text[start:t0]
                ):
                    add(
                        start,
                        t0 + (len(m.group()) if m.group().startswith("某") else 0),
                        0.6,
                        min_len=1,
                    )
                    break
        for m in self._surname_said_re.finditer(text):
            add(m.start(), m.end(), 0.6, min_len=1)
        for m in self._bracket_byline_re.finditer(text):
            for item in regex.finditer(r"\p{Han}+", m.group(1)):
                sl = surname_length(item.group())
                if sl and len(item.group()) > sl and len(set(item.group())) > 1:
                    add(m.start(1) + item.start(), m.start(1) + item.end(), 0.6)
        for k, (tok, nxt) in enumerate(itertools.pairwise(tokens), start=1):
            if nxt.idx != tok.idx + len(tok.text) or not _is_role_word(tok):
                continue
            if (
                nxt.tag_.startswith("nr")
                and 2 <= len(nxt.text) <= 4
                and _HAN.match(nxt.text)
                and nxt.text not in _KIN_WORDS
                and rare_word(nxt.text, 150)  # 成员荣誉/nr: a common word jieba's dictionary tags a name
                and (surname_length(nxt.text) or not clinical_register)
            ):
                add(nxt.idx, nxt.idx + len(nxt.text), 0.6)  # 书法家曾巩, 彩民乔尔, 国脚丹尼, 作家笛安
            elif nxt.tag_ == "eng" and _LATIN_NAME.fullmatch(nxt.text):
                add(nxt.idx, nxt.idx + len(nxt.text), 0.6)  # 音乐总监BradBuxer, 执行制作人BenBell
            else:
                self._split_after_role(text, tokens, k, add)
        by_start = {tok.idx: tok for tok in tokens}
        for m in self._age_before_re.finditer(text):
            tok = by_start.get(m.end())
            if tok is None or not 2 <= len(tok.text) <= 4:
                continue
            if tok.tag_.startswith("nr") and (
                surname_length(tok.text) or all(c in TRANSLITERATION_NAME_CHARS for c in tok.text)
            ):
                add(tok.idx, tok.idx + len(tok.text), 0.6)
        drugs: list[int] = []
        if not clinical_register:
            drugs = romanised_names(text, add)
            for k, tok in enumerate(tokens):
                # a transliteration jieba calls a name (德沃夫/nr, 金尼尔/nr, 伯南克/nr): outside clinical
                # text, where such words are drugs and eponyms, a foreign person — unless it stands as a
                # team or a city stands (输给富勒姆, 汉诺威96队, 西汉姆主场) or inside a title (《莫斯科陷落》)
                if (
                    tok.tag_ == "nr"
                    and len(tok.text) >= 3
                    and len(set(tok.text)) > 1  # 耶耶耶
                    and all(c in TRANSLITERATION_NAME_CHARS for c in tok.text)
                    and tok.text not in NOT_FOREIGN_PEOPLE
                    and rare_word(tok.text)  # 莫斯科, 阿拉伯, 伯明翰: cities and peoples are common words
                    and not team_or_title(text, tokens, k)
                ):
                    add(tok.idx, tok.idx + len(tok.text), 0.5)
        self._names_in_lists(tokens, found, add)
        # 辛立伟、房子/豪: a list item jieba cut into a dictionary word and a stray character is a
        # three-character name when it reads as one and a word starts right after it
        named_ends = {e for (s, e), score in found.items() if score >= 0.5}
        for tok in tokens:
            start = tok.idx + 1
            item = text[start : start + 3]
            if (
                tok.text == "、"
                and tok.idx in named_ends
                and len(item) == 3
                and surname_length(item) == 1
                and all(c in GIVEN_NAME_CHARS for c in item[1:])
                and (start + 3 in word_ends or start + 3 == len(text))
                and start in word_ends
            ):
                add(start, start + 3, 0.5)
        # 克林顿和叶利钦: a foreign name joined to a found name by 和/与/、 is one too
        named = {(s, e) for (s, e), score in found.items() if score >= 0.5}
        for start, end, _titled in foreign:
            if _beside_name(text, start, end, named):
                add(start, end, 0.6)
        if not clinical_register:
            complete_foreign_names(text, tokens, found)
        return [
            make_result(self, self.ENTITY, s, e, score)
            for (s, e), score in found.items()
            if not clinical_term(text, s, e) and e not in drugs
        ]

    def _speakers(self, text: str, tokens: list, add) -> None:
        """The name right before a verb of saying (苏宁否认, 伯南克称, 萨蒂/nr 希/v 表示): a word jieba
        tags `nr` that starts with a surname, or a run of up to six transliteration characters of
        which jieba tags at least one word `nr`."""
        ending_at = {tok.idx + len(tok.text): i for i, tok in enumerate(tokens)}
        starts = {tok.idx for tok in tokens}
        for m in self._speech_re.finditer(text):
            i = ending_at.get(m.start())
            if i is None or m.start() not in starts or (m.end() < len(text) and m.end() not in starts):
                continue  # the verb must be words of its own: not 小说 or 说明书
            tok = tokens[i]
            if (
                tok.tag_.startswith("nr")
                and 2 <= len(tok.text) <= 4
                and surname_length(tok.text)
                and tok.text not in _KIN_WORDS
                and nr_word_score(tok.text, text, m.start()) > 0
            ):
                add(tok.idx, m.start(), 0.6)
                continue
            # a word jieba's dictionary has never seen, surname first, that speaks (而纪平/n 表示), or a
            # surname jieba cut from the rest of the name (闫/nr 大为/d 称), at the start of a clause
            first = i - 1 if i and len(tokens[i - 1].text) == 1 and tokens[i - 1].tag_.startswith("nr") else i
            word = text[tokens[first].idx : m.start()]
            if (
                2 <= len(word) <= 3
                and (first == i or len(tok.text) <= 2)
                and surname_length(word)
                and all(_HAN.match(c) for c in word)
                # 纪平: no function character; 闫/大为: jieba's word after the surname is no function word
                and (
                    tok.text not in FUNCTION_CHARS
                    if first != i
                    else not any(c in FUNCTION_CHARS for c in word)
                )
                and rare_word(word, most=0)
                and (
                    first == 0
                    or tokens[first - 1].text in _CLAUSE_OPENERS
                    or not _HAN.match(tokens[first - 1].text)
                )
            ):
                add(tokens[first].idx, m.start(), 0.5)
                continue
            j = i
            while (
                j >= 0
                and all(c in TRANSLITERATION_NAME_CHARS for c in tokens[j].text)
                and m.start() - tokens[j].idx <= 6
                and (j == i or tokens[j].idx + len(tokens[j].text) == tokens[j + 1].idx)
            ):
                j -= 1
            run = tokens[j + 1 : i + 1]
            if run and m.start() - run[0].idx >= 2 and any(t.tag_.startswith("nr") for t in run):
                add(run[0].idx, m.start(), 0.6)

    @staticmethod
    def _split_after_role(text: str, tokens: list, k: int, add) -> None:
        """After a trade or a post, a surname jieba left alone (token k) and the one or two characters after
        it, up to punctuation: 建筑师田/申申： — a three-character word jieba's dictionary has never seen."""
        nxt = tokens[k]
        if k + 2 > len(tokens) or len(nxt.text) != 1 or surname_length(nxt.text) != 1:
            return
        given = tokens[k + 1]
        end = given.idx + len(given.text)
        if (
            given.idx == nxt.idx + 1
            and 1 <= len(given.text) <= 2
            and all(_HAN.match(c) and c not in FUNCTION_CHARS for c in given.text)
            and rare_word(nxt.text + given.text, most=0)
            and (end == len(text) or text[end] in "：:，,。；;、（(")
        ):
            add(nxt.idx, end, 0.5)

    @staticmethod
    def _crowds(text: str, tokens: list, add) -> None:
        """A name jieba tags `nr` before 等人 or 等 + a count of people (西塞等人, 蔡朝阳等4人, 莫奈等大师): the
        list it closes is of people."""
        ending_at = {tok.idx + len(tok.text): tok for tok in tokens}
        for m in _CROWD_AFTER.finditer(text):
            tok = ending_at.get(m.start())
            if tok is not None and tok.tag_.startswith("nr") and 2 <= len(tok.text) <= 4:
                add(tok.idx, m.start(), 0.6)

    @staticmethod
    def _names_in_lists(tokens: list, found: dict[tuple[int, int], float], add) -> None:
        """A word listed right beside a found name (、 ， 和 与 及) is a name too when it reads as one:
        2–3 characters, a surname first, and jieba either tags it `nr` or has never seen it
        (刘德华、张学友和郭富城: 学友 holds no common given-name character, so alone it scores low)."""
        named_ends = {e for (s, e), score in found.items() if score >= 0.5}
        named_starts = {s for (s, e), score in found.items() if score >= 0.5}

        def candidate(tok) -> bool:
            word = tok.text
            return (
                2 <= len(word) <= 3
                and word not in _KIN_WORDS
                and surname_length(word) > 0
                and all(_HAN.match(c) and c not in FUNCTION_CHARS and c not in STOP_CHARS for c in word)
                and (
                    tok.tag_.startswith("nr")
                    or (not tok.tag_.startswith(NOT_NAME_TAGS) and out_of_vocabulary(word))
                )
            )

        for _ in range(2):  # twice: a name found this way can vouch for the next item of the list
            for k, (left, joiner, right) in enumerate(zip(tokens, tokens[1:], tokens[2:])):
                if joiner.text not in LIST_JOINERS:
                    continue
                left_end, right_start = left.idx + len(left.text), right.idx
                given = tokens[k + 3] if k + 3 < len(tokens) else None
                if (
                    left_end in named_ends
                    and right_start == joiner.idx + len(joiner.text)
                    and len(right.text) == 1
                    and right.tag_.startswith("nr")
                    and right.text in SINGLE_SURNAMES
                    and given is not None
                    and given.idx == right_start + 1
                    and 1 <= len(given.text) <= 2
                    and all(
                        _HAN.match(c) and c not in FUNCTION_CHARS and c not in STOP_CHARS for c in given.text
                    )
                ):
                    # 曹鹏飞和蔡/nr 朝阳/ns: a lone surname and the word after it, listed beside a name
                    add(right_start, given.idx + len(given.text), 0.5)
                    named_ends.add(given.idx + len(given.text))
                if (
                    left_end in named_ends
                    and candidate(right)
                    and right_start == joiner.idx + len(joiner.text)
                ):
                    add(right_start, right_start + len(right.text), 0.5)
                    named_starts.add(right_start)
                    named_ends.add(right_start + len(right.text))
                if right_start in named_starts and candidate(left) and left_end == joiner.idx:
                    add(left.idx, left_end, 0.5)
                    named_starts.add(left.idx)
                    named_ends.add(left_end)
