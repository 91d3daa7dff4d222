"""Contract parties, signatories and financial account numbers (Chinese and English)."""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from corpuskit.stages.deid.recognizers.base import NAME_WORD, TablePatternRecognizer, make_result
from corpuskit.stages.deid.recognizers.zh_names import surname_length

_ZH_ROLES = (
    "甲方",
    "乙方",
    "丙方",
    "丁方",
    "委托方",
    "受托方",
    "委托人",
    "受托人",
    "出租方",
    "承租方",
    "出租人",
    "承租人",
    "借款人",
    "贷款人",
    "出借人",
    "担保人",
    "保证人",
    "抵押人",
    "抵押权人",
    "买方",
    "卖方",
    "出卖人",
    "买受人",
    "发包人",
    "承包人",
    "发包方",
    "承包方",
    "转让方",
    "受让方",
    "许可方",
    "被许可方",
    "投资方",
    "原告",
    "被告",
    "申请人",
    "被申请人",
    "第三人",
    "用人单位",
    "劳动者",
    "供方",
    "需方",
    "合作方",
)
_ORG_SUFFIX = regex.compile(
    r"(?:公司|集团|银行|医院|事务所|中心|学校|大学|学院|委员会|局|厂|合伙企业|合作社|研究所|研究院|"
    r"协会|基金会|店|部|社|所)$"
)
_EN_ROLES = (
    r"(?:Party\s+[A-D]|Buyer|Seller|Lender|Borrower|Company|Landlord|Tenant|Licensor|Licensee|Client|"
    r"Contractor|Consultant|Employer|Employee|Purchaser|Vendor|Supplier|Customer|Guarantor|Lessor|Lessee|"
    r"Distributor|Agent|Investor|Parent|Bank|Agent|Trustee|Assignor|Assignee)"
)
_EN_ORG_WORD = regex.compile(
    r"\b(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|Company|Co|LLP|LP|PLC|GmbH|AG|SA|"
    r"Holdings|Group|Bank|Trust|Partners|Associates|University|Hospital|Fund|Capital|"
    r"Industries|Technologies|Systems|Solutions|Services|Foundation)\b\.?"
)
# words of one line: "Buyer: Acme Corp.⏎Seller: …" must not run on into the next field's label
_EN_NAME = r"(?:[A-Z][\w&.'’-]*,?[ \t](?:(?:of|de|&)[ \t])?){0,7}[A-Z][\w&.'’-]*"


class ContractPartyRecognizer(LocalRecognizer):
    """Party names after 甲方：/乙方（出租方）：/Party A: or 'by and between X and Y', and before ("Party A").

    A short Chinese value that starts with a surname is a PERSON; anything else an ORGANIZATION.
    """

    LANGUAGES: ClassVar[tuple[str, ...]] = ("zh", "en")
    _zh = regex.compile(
        r"(?<=(?:" + "|".join(sorted(_ZH_ROLES, key=len, reverse=True)) + r")\s*(?:[（(][^）)]{1,8}[）)])?"
        r"\s*[:：]\s*)(?!(?:"
        + "|".join(_ZH_ROLES)
        + r"))[^\s，。；,;:：（(\n]{2,40}"  # a signature row's next label is no party
    )
    _en = [
        regex.compile(r"(?<=\b" + _EN_ROLES + r"\s*:\s*)" + _EN_NAME),
        # 'between X and Y' alone is as often a note's 'between CCC and carevue': a bare 'between' needs the
        # comma or the quoted defined term a party's name is set off with
        regex.compile(r"(?<=\bby\s+and\s+between\s+)" + _EN_NAME + r"(?=\s*(?:,|\(|\band\b))"),
        regex.compile(
            r"(?<=\b(?<!\bby\s+and\s+)between\s+)"
            + _EN_NAME
            + r"(?=\s*(?:,|\(\s*(?:the\s+|hereinafter\s+)?[\"“]))"
        ),
        regex.compile(r"(?<=\)\s*,?\s*and\s+)" + _EN_NAME + r"(?=\s*,?\s*\()"),
        regex.compile(
            _EN_NAME
            + r"(?=\s*,?\s*(?:a\s+[\w\s-]{3,40}?(?:corporation|company|partnership|limited)[^()]{0,40})?"
            r"\(\s*(?:the\s+|hereinafter\s+)?[\"“]" + _EN_ROLES + r"[\"”]\s*\))"
        ),
    ]

    # what each English pattern cannot match without: a cheap search first, so a clinical note with
    # no party clause skips the look-behinds and the name-led pattern tried at every capital (~1 ms)
    _en_triggers = [  # one per pattern of _en, in its order
        regex.compile(r"\b" + _EN_ROLES + r"\s*:"),
        regex.compile(r"\bbetween\s"),
        regex.compile(r"\bbetween\s"),
        regex.compile(r"\)\s*,?\s*and\s"),
        regex.compile(r"\(\s*(?:the\s+|hereinafter\s+)?[\"“]" + _EN_ROLES + r"[\"”]\s*\)"),
    ]

    def __init__(self, supported_language: str | None = None):
        super().__init__(
            supported_entities=["ORGANIZATION", "PERSON"],
            name=type(self).__name__,
            supported_language=supported_language or "zh",
        )

    def load(self) -> None:
        """Regexes compile at import; nothing to load."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        if self.supported_language == "zh":
            for m in self._zh.finditer(text):
                value = m.group()
                person = len(value) <= 4 and surname_length(value) > 0 and not _ORG_SUFFIX.search(value)
                out.append(self._result("PERSON" if person else "ORGANIZATION", m.start(), m.end(), 0.85))
        else:
            for pattern, trigger in zip(self._en, self._en_triggers):
                if not trigger.search(text):
                    continue
                for m in pattern.finditer(text):
                    value = m.group().rstrip(",. ")
                    if len(value) >= 2 and value.split()[0] not in {
                        "The",
                        "This",
                        "Such",
                        "Each",
                        "All",
                        "Any",
                    }:
                        label = (
                            "ORGANIZATION"
                            if _EN_ORG_WORD.search(value) or len(value.split()) > 3
                            else "PERSON"
                        )
                        out.append(self._result(label, m.start(), m.start() + len(value), 0.8))
        return out

    def _result(self, entity: str, start: int, end: int, score: float) -> RecognizerResult:
        return make_result(self, entity, start, end, score)


class SignatoryRecognizer(TablePatternRecognizer):
    """Signatories: 'By: John A. Smith', 'Name: Mary Jones'; 法定代表人：张三, 签字：李四."""

    ENTITY = "PERSON"
    LANGUAGES = ("en", "zh")
    PATTERNS = [
        (
            "signed_by",
            r"(?<=\b(?:By|Name|Signed|Signature|Signatory|Witness|Attn|Attention)\s*:\s*(?:/s/\s*)?)"
            + NAME_WORD
            + r"(?:[ \t][A-Z]\.)?(?:[ \t]"  # within the line: the next line's "Name:" is a label
            + NAME_WORD
            + r"){1,2}",
            0.85,
        ),
        (
            "zh_signed",
            r"(?<=(?:法定代表人|法人代表|授权代表|委托代理人|签字|签名|签署人|经办人)\s*[:：]\s*)\p{Han}{2,4}"
            r"(?![\p{Han}])",
            0.85,
        ),
    ]


class AccountNumberRecognizer(TablePatternRecognizer):
    """Bank account, IBAN-like, policy and member numbers after their label."""

    ENTITY = "ACCOUNT"
    LANGUAGES = ("en",)
    PATTERNS = [
        (
            "labelled_account",
            r"(?i:(?<=\b(?:account|acct|a/c|policy|member|subscriber|routing|ABA|sort\s+code|"
            r"swift|bic|insurance|plan|group|loan|card|beneficiary)\b\.?\s*(?:no\.?|number|num|#|id)?\s*[:#]?\s*))"
            r"(?=[A-Z0-9 -]*\d{3})[A-Z0-9][A-Z0-9-]{3,}(?:\s[0-9]{2,6}){0,6}\b",
            0.8,
        ),
        ("iban", r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b", 0.4),
    ]
    CONTEXT = ["account", "iban", "bank", "transfer", "wire"]

    def validate_result(self, pattern_text: str) -> bool | None:
        if regex.fullmatch(r"\d+[xX]\d+(?:[xX]\d+)*", pattern_text):
            return False  # 'A/C 14X700X100%': assist-control ventilator settings, not an account
        compact = pattern_text.replace(" ", "")
        if regex.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{8,30}", compact):
            moved = compact[4:] + compact[:4]
            digits = "".join(str(int(c, 36)) for c in moved)
            return int(digits) % 97 == 1  # IBAN-shaped: the ISO 13616 checksum decides
        return None


class CompanyNameRecognizer(TablePatternRecognizer):
    """English company names by their legal form: 'Walters Analytics LLC', 'Baxter Holdings, Inc.'."""

    ENTITY = "ORGANIZATION"
    LANGUAGES = ("en",)
    PATTERNS = [
        (
            "legal_form",
            # the legal form as written in running text or in a capitals signature block (ACME ROBOTICS, INC.)
            # a word ends with a full stop only as a short abbreviation (St., Bros.) or an initialism (U.S.): a
            # sentence's end is no part of a name ('Sent to St. Agnes. ACME WIDGETS, INC.')
            r"\b(?:(?:(?:[A-Z]\.){2,}|[A-Z][a-z]{0,3}\.|[A-Z][\w&'’-]*),?[ \t]){1,5}"
            r"(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|LLP|"
            # capitals CO only as '& CO' or 'CO.': in a note 'REPEAT CO' is cardiac output
            # ', INC TO 30CC/HR' in a note is 'increased to'
            r"PLC|GmbH|S\.A|N\.V|Co|(?<=,[ \t]?)INC(?![ \t]+(?:TO|BY|FROM|WITH|DURING|AT|IN|FOR|AND|OR|AS|UP|SLOWLY)\b)|INC(?=\.)|LTD|LIMITED|CORP|"
            r"CORPORATION|GMBH|(?<=&[ \t]?)CO|CO(?=\.))\b\.?",
            0.75,
        )
    ]
    CONTEXT = ["company", "corporation", "between", "party"]

    def validate_result(self, pattern_text: str) -> bool | None:
        """A legal form in capitals goes with a name in capitals: 'Follow CO.' is the cardiac output.
        (A sentence's last word, 'PaCO2. Inc RR', is kept out by the pattern's words themselves.)"""
        words = pattern_text.split()
        form = words[-1].rstrip(".,")
        # (LLC, LLP and PLC are capitals in any name)
        if form in ("CO", "INC", "LTD", "CORP") and any(any(c.islower() for c in w) for w in words[:-1]):
            return False
        if form == "CO" and len(words) == 2 and len(words[0].strip(",&")) <= 3:
            return False  # 'SLEPT. WO CO.': without complaints, in a note's capitals
        return None
