"""Chinese identifier recognizers: ids with check digits, phones, cards, record numbers, plates, dates, ages.

Record numbers (住院号, 病案号 …) carry no checksum, so they are anchored on their
field label by a look-behind instead of guessed from digit shape.
"""

from __future__ import annotations

from corpuskit.stages.deid.recognizers.base import TablePatternRecognizer, luhn_ok, only_digits

_SEP = r"[:：\s]*(?:为|是)?[:：\s]*"  # between a field label and its value: "病案号：", "身份证号为"
_NOT_DIGIT_BEFORE, _NOT_DIGIT_AFTER = r"(?<![0-9])", r"(?![0-9])"

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def resident_id_ok(value: str) -> bool:
    """ISO 7064 MOD 11-2 check digit of an 18-character 居民身份证号."""
    v = value.upper()
    if len(v) != 18 or not v[:17].isdigit():
        return False
    return _ID_CHECK[sum(int(c) * w for c, w in zip(v[:17], _ID_WEIGHTS)) % 11] == v[17]


class ResidentIdRecognizer(TablePatternRecognizer):
    """居民身份证号: 18 characters, birth date inside, ISO 7064 check digit."""

    ENTITY = "ID"
    LANGUAGES = ("zh", "en")
    PATTERNS = [
        (
            "resident_id",
            r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])"
            r"(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])",
            0.5,
        )
    ]
    CONTEXT = ["身份证", "证件", "公民身份", "ID"]

    def validate_result(self, pattern_text: str) -> bool:
        return resident_id_ok(pattern_text)


class ZhAnchoredIdRecognizer(TablePatternRecognizer):
    """An ID number in a field labelled 身份证号/证件号码, whatever its check digit, and the 15-digit
    first-generation numbers still found in old records. A mistyped or OCR-damaged number is still 17
    right digits of somebody's ID (recall first); unlabelled numbers need the check digit
    (`ResidentIdRecognizer`)."""

    ENTITY = "ID"
    LANGUAGES = ("zh",)
    PATTERNS = [
        (
            "anchored_id",
            r"(?<=(?:居民身份证号码|居民身份证号|身份证号码|身份证号|身份证|公民身份号码|证件号码|证件号)"
            + _SEP
            + r")(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])",
            0.85,
        ),
        # a company's 统一社会信用代码 (or old 营业执照注册号) after its label, check character or not
        (
            "anchored_credit_code",
            r"(?<=(?:统一社会信用代码|社会信用代码|信用代码|营业执照注册号|营业执照号码|营业执照号|注册号)"
            + _SEP
            + r")[0-9A-Z]{15,18}(?![0-9A-Za-z])",
            0.85,
        ),
        # insurance, customer and vehicle numbers name one person's policy, account or car:
        # 保单号：P2023118800456, 客户编号 C00123, 车架号 LSVAM4187C2184847
        (
            "policy_number",
            r"(?<=(?:投保单号|保险单号|保单号|客户编号|客户号|会员卡号|会员号|理赔号|报案号|车架号|发动机号)(?:码)?"
            + _SEP
            + r")[A-Za-z0-9][A-Za-z0-9-]{4,24}(?![0-9A-Za-z])",
            0.85,
        ),
        # staff and student numbers name one person in one institution: 工号：10234, 学号 S2021001
        (
            "staff_number",
            r"(?<=(?:员工编号|员工号|职工号|工号|学号)" + _SEP + r")[A-Za-z]{0,3}\d{3,12}(?![0-9A-Za-z])",
            0.8,
        ),
    ]


# 身分證 letters → their two-digit codes (the letters were added out of order over the years)
_TW_LETTER = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36)))


def taiwan_id_ok(value: str) -> bool:
    """Check digit of a Taiwan 身分證字號 / 居留證 number: a letter, then 9 digits (weights 1,9,8…1,1)."""
    v = value.upper()
    if len(v) != 10 or v[0] not in _TW_LETTER or not v[1:].isdigit():
        return False
    code = _TW_LETTER[v[0]]
    digits = [code // 10, code % 10, *map(int, v[1:])]
    return sum(d * w for d, w in zip(digits, (1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1))) % 10 == 0


def hkid_ok(value: str) -> bool:
    """Check character of a Hong Kong 身份證 number: 1–2 letters, 6 digits, check digit or A."""
    v = value.upper().replace("(", "").replace(")", "")
    head, digits, check = v[:-7], v[-7:-1], v[-1]
    if not (1 <= len(head) <= 2 and head.isalpha() and digits.isdigit()):
        return False
    values = [36] * (2 - len(head)) + [ord(c) - ord("A") + 10 for c in head] + [int(d) for d in digits]
    total = sum(x * w for x, w in zip(values, range(9, 1, -1)))
    expected = (11 - total % 11) % 11
    return check == ("A" if expected == 10 else str(expected))


class TaiwanHongKongIdRecognizer(TablePatternRecognizer):
    """身分證字號 (Taiwan: A123456789) and 香港身份證 (A123456(3)), each with its check digit."""

    ENTITY = "ID"
    LANGUAGES = ("zh", "en")
    PATTERNS = [
        ("taiwan_id", r"(?<![0-9A-Za-z])[A-Z][1289]\d{8}(?![0-9A-Za-z])", 0.5),
        ("hkid", r"(?<![0-9A-Za-z])[A-Z]{1,2}\d{6}(?:\([0-9A]\)|[0-9A])(?![0-9A-Za-z])", 0.5),
    ]
    CONTEXT = ["身分证", "身份证", "证件", "居留证", "ID", "HKID"]

    def validate_result(self, pattern_text: str) -> bool:
        return taiwan_id_ok(pattern_text) or hkid_ok(pattern_text)


class ZhMobilePhoneRecognizer(TablePatternRecognizer):
    """手机号 (1[3-9]x, optional +86, optional separators) and 固定电话 with an area code."""

    ENTITY = "PHONE"
    LANGUAGES = ("zh",)
    PATTERNS = [
        (
            "mobile",
            _NOT_DIGIT_BEFORE + r"(?:(?:\+|00)?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}" + _NOT_DIGIT_AFTER,
            0.7,
        ),
        (
            "landline",
            _NOT_DIGIT_BEFORE
            # the local number may be split too: 021-6488 1234, 0755-8321-4567
            + r"(?:\(0\d{2,3}\)|0\d{2,3})[-－—\s]?[2-9]\d{2,3}[-－—\s]?\d{4}(?:[-转]\d{1,5})?"
            + _NOT_DIGIT_AFTER,
            0.6,
        ),
        ("service", _NOT_DIGIT_BEFORE + r"[48]00[-\s]?\d{3}[-\s]?\d{4}" + _NOT_DIGIT_AFTER, 0.6),
        # Taiwan: 0912-345-678 or +886 912 345 678; landlines 02-2345-6789, (04)2234-5678
        (
            "taiwan_mobile",
            _NOT_DIGIT_BEFORE + r"(?:(?:\+|00)886[-\s]?9|09)\d{2}[-\s]?\d{3}[-\s]?\d{3}" + _NOT_DIGIT_AFTER,
            0.6,
        ),
        (
            "taiwan_landline",
            _NOT_DIGIT_BEFORE + r"(?:\(0[2-8]\d?\)|0[2-8]\d?-)\s?\d{3,4}-\d{4}" + _NOT_DIGIT_AFTER,
            0.6,
        ),
        # Hong Kong and Macau numbers with their country code: +852 9123 4567, +853 6612 3456
        (
            "hk_macau",
            _NOT_DIGIT_BEFORE + r"(?:\+|00)85[23][-\s]?\d{4}[-\s]?\d{4}" + _NOT_DIGIT_AFTER,
            0.6,
        ),
        (
            "anchored",
            r"(?<=(?:电话|手机|联系方式|座机|固话|传真|Tel|TEL|tel)(?:号码)?"
            + _SEP
            + r")[2-9]\d{3}[-\s]?\d{3,4}"
            + _NOT_DIGIT_AFTER,
            0.6,
        ),
    ]
    CONTEXT = ["电话", "手机", "联系", "联络", "致电", "号码", "传真"]


class ZhBankCardRecognizer(TablePatternRecognizer):
    """银行卡号: 15–19 digits (optionally in groups of four) passing Luhn, or any digits after 卡号/账号."""

    ENTITY = "BANK_CARD"
    LANGUAGES = ("zh",)
    PATTERNS = [
        ("card", _NOT_DIGIT_BEFORE + r"[1-9]\d{14,18}" + _NOT_DIGIT_AFTER, 0.3),
        (
            "card_grouped",
            _NOT_DIGIT_BEFORE + r"[1-9]\d{3}(?:[\s-]\d{4}){2,3}(?:[\s-]\d{1,3})?" + _NOT_DIGIT_AFTER,
            0.3,
        ),
    ]
    CONTEXT = ["银行卡", "卡号", "账号", "帐号", "银行", "储蓄卡", "信用卡", "开户"]

    def validate_result(self, pattern_text: str) -> bool:
        # a valid 居民身份证号 passes Luhn one time in ten; the ID recognizer owns those
        return luhn_ok(only_digits(pattern_text)) and not resident_id_ok(pattern_text)


class ZhAnchoredCardRecognizer(TablePatternRecognizer):
    """Account and card numbers named by their label, no checksum required (recall first)."""

    ENTITY = "ACCOUNT"
    LANGUAGES = ("zh",)
    PATTERNS = [
        (
            "anchored_account",
            r"(?<=(?:银行卡号|卡号|银行账号|账号|帐号|账户|帐户|开户账号)"
            + _SEP
            # the bank may stand between label and number: 收款账户：中国建设银行 6217 …
            + r"(?:\p{Han}{2,24}(?:银行|信用社|支行|分行|分理处|营业部)[\s,，:：]*)?"
            + r")\d[\d\s-]{6,28}\d"
            + _NOT_DIGIT_AFTER,
            0.85,
        )
    ]


class ZhSocialAccountRecognizer(TablePatternRecognizer):
    """微信号 and QQ numbers after their label: how patients and clients are reached in China, and
    as identifying as a phone number. WeChat ids are 6–20 characters starting with a letter."""

    ENTITY = "ACCOUNT"
    LANGUAGES = ("zh",)
    PATTERNS = [
        (
            "wechat",
            r"(?<=(?:微信号|微信|WeChat|wechat|VX|vx|wx)"
            + _SEP
            + r")[A-Za-z][-_A-Za-z0-9]{5,19}(?![-_A-Za-z0-9])",
            0.85,
        ),
        ("qq", r"(?<=(?:QQ|qq)(?:号码|号)?" + _SEP + r")[1-9]\d{4,11}(?!\d)", 0.85),
    ]


class ZhMedicalRecordRecognizer(TablePatternRecognizer):
    """住院号/门诊号/病案号/病历号/医保号 and friends, anchored on the field label."""

    ENTITY = "MRN"
    LANGUAGES = ("zh",)
    LABELS = (
        "住院号",
        "门诊号",
        "病案号",
        "病历号",
        "医保号",
        "医保卡号",
        "社保号",
        "社保卡号",
        "就诊卡号",
        "就诊号",
        "登记号",
        "ID号",
        "检查号",
        "影像号",
        "标本号",
        "病理号",
        "住院编号",
        "门诊编号",
    )
    PATTERNS = [
        (
            "anchored_record",
            r"(?<=(?:"
            + "|".join(LABELS)
            + r")(?:码)?"
            + _SEP
            + r")[A-Za-z0-9][A-Za-z0-9-]{3,24}(?![A-Za-z0-9])",
            0.9,
        )
    ]


def credit_code_ok(value: str) -> bool:
    """GB 32100-2015 check character of a 统一社会信用代码."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    v = value.upper()
    if len(v) != 18 or any(c not in alphabet for c in v):
        return False
    check = (31 - sum(alphabet.index(c) * w for c, w in zip(v[:17], weights)) % 31) % 31
    return alphabet[check] == v[17]


class CreditCodeRecognizer(TablePatternRecognizer):
    """统一社会信用代码: 18 characters from a 31-letter alphabet with a check character."""

    ENTITY = "ID"
    LANGUAGES = ("zh", "en")
    PATTERNS = [
        (
            "credit_code",
            r"(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}"
            r"(?![0-9A-Za-z])",
            0.4,
        )
    ]
    CONTEXT = ["信用代码", "统一社会", "营业执照", "注册号"]

    def validate_result(self, pattern_text: str) -> bool:
        return credit_code_ok(pattern_text)


class ZhPassportRecognizer(TablePatternRecognizer):
    """Chinese passport numbers (E/G/D/S/P + 8 digits, E + letter + 7 digits), or any after 护照号."""

    ENTITY = "PASSPORT"
    LANGUAGES = ("zh",)
    PATTERNS = [
        ("passport", r"(?<![0-9A-Za-z])(?:[EGDSP]\d{8}|E[A-HJ-NP-Z]\d{7})(?![0-9A-Za-z])", 0.6),
        ("anchored_passport", r"(?<=护照(?:号码|号)?" + _SEP + r")[A-Z0-9]{6,12}(?![0-9A-Za-z])", 0.9),
    ]
    CONTEXT = ["护照"]


class ZhLicensePlateRecognizer(TablePatternRecognizer):
    """车牌号: province character, city letter, 5 (6 for new-energy) letters/digits."""

    ENTITY = "LICENSE_PLATE"
    LANGUAGES = ("zh",)
    PATTERNS = [
        (
            "plate",
            r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z]"
            r"[·•\s]?[A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳](?![0-9A-Za-z])",
            0.75,
        )
    ]
    CONTEXT = ["车牌", "牌照", "车辆"]


class EmailRecognizerCjk(TablePatternRecognizer):
    """E-mail without `\\b`, which fails next to Han characters ("邮箱zhang@x.cn联系").

    Used for English too: Presidio's EmailRecognizer costs ~12 ms per 3 KB note (its
    pattern backtracks) and asks tldextract for the public suffix list.
    """

    ENTITY = "EMAIL"
    LANGUAGES = ("zh", "en")
    PATTERNS = [
        (
            "email",
            r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
            r"\.[A-Za-z]{2,24}(?![A-Za-z])",
            0.9,
        )
    ]


class IpRecognizerCjk(TablePatternRecognizer):
    """IPv4 addresses with digit/dot look-arounds instead of `\\b`."""

    ENTITY = "IP"
    LANGUAGES = ("zh",)
    _OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
    PATTERNS = [("ipv4", r"(?<![\d.])" + r"\.".join([_OCTET] * 4) + r"(?![\d.])", 0.7)]


class UrlRecognizerCjk(TablePatternRecognizer):
    """URLs that stop at the first Han character or full-width punctuation."""

    ENTITY = "URL"
    LANGUAGES = ("zh",)
    PATTERNS = [("url", r"(?:https?://|www\.)[A-Za-z0-9._~:/?#\[\]@!$&'*+,;=%-]+[A-Za-z0-9/]", 0.8)]


class ZhDateRecognizer(TablePatternRecognizer):
    """Dates: 2023年3月5日, 2023年3月, 3月5日, 2023-03-05, 2023/3/5, 二〇二三年三月五日, 出生年月：1996.08,
    2014.09-2018.06."""

    ENTITY = "DATE"
    LANGUAGES = ("zh",)
    _CN = "〇零一二三四五六七八九十"
    PATTERNS = [
        ("ymd", _NOT_DIGIT_BEFORE + r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?", 0.85),
        ("md", _NOT_DIGIT_BEFORE + r"(?:1[0-2]|0?[1-9])\s*月\s*(?:3[01]|[12]\d|0?[1-9])\s*[日号]", 0.7),
        (
            "iso",
            _NOT_DIGIT_BEFORE
            + r"(?:19|20)\d{2}[-/.](?:1[0-2]|0?[1-9])[-/.](?:3[01]|[12]\d|0?[1-9])"
            + _NOT_DIGIT_AFTER,
            0.85,
        ),
        ("han_ymd", f"[{_CN}]{{4}}年[{_CN}]{{1,2}}月(?:[{_CN}]{{1,3}}[日号])?", 0.8),
        # year and month alone, as forms and résumés write them: "出生年月：1996.08" (a bare 1996.08
        # may be an amount, so only after a date label), "2014.09-2018.06" and "2018.07至今" (periods)
        (
            "ym_labelled",
            r"(?<=(?:出生年月|出生日期|出生|生日|年月|日期|时间)"
            + _SEP
            + r")(?:19|20)\d{2}[-/.](?:1[0-2]|0?[1-9])"
            + r"(?![0-9]|[-/.][0-9])",
            0.85,
        ),
        (
            "ym_period",
            _NOT_DIGIT_BEFORE
            + r"(?:19|20)\d{2}[/.](?:1[0-2]|0[1-9])\s*[-–—~～至到]\s*"
            + r"(?:(?:19|20)\d{2}[/.](?:1[0-2]|0[1-9])(?![0-9]|[/.][0-9])|至今|今)",
            0.8,
        ),
    ]
    CONTEXT = ["日期", "时间", "出生", "入院", "出院", "就诊", "签订", "生日"]


class ZhAgeRecognizer(TablePatternRecognizer):
    """Ages: 45岁, 45周岁, 3岁2个月, 年龄：45."""

    ENTITY = "AGE"
    LANGUAGES = ("zh",)
    PATTERNS = [
        ("sui", _NOT_DIGIT_BEFORE + r"\d{1,3}\s*(?:周岁|岁)(?:\s*\d{1,2}\s*个月)?", 0.85),
        (
            "anchored_age",
            r"(?<=年龄" + _SEP + r")\d{1,3}(?:\s*(?:周岁|岁)(?:\s*\d{1,2}\s*个月)?)?" + _NOT_DIGIT_AFTER,
            0.9,
        ),
        ("han_sui", r"(?<![一二三四五六七八九十百])[一二三四五六七八九十]{1,3}(?:周岁|岁)", 0.6),
    ]
