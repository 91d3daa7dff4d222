"""Split a normalised document into records: document, section, paragraph, or chunks of ≤ N tokens.

Section headings are found per line by domain-aware patterns (EMR headings,
contract clauses, report items) plus the headings a structured format (md,
docx, html) marked. A heading written inline (`主诉：胸痛3天`) opens a section
at that line. Every segment knows its section heading and its offset in the
document.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

_ZH_NUM = "一二三四五六七八九十百零〇两"
_ENUM = rf"(?:[{_ZH_NUM}]+、|\d+[.、)]\s*|【|\(?[{_ZH_NUM}]+\)|（[{_ZH_NUM}]+）)?"

_EMR_ZH = (
    "主诉 现病史 既往史 个人史 婚育史 月经史 家族史 过敏史 体格检查 专科检查 辅助检查 实验室检查 "
    "影像学检查 初步诊断 入院诊断 出院诊断 诊断 鉴别诊断 治疗经过 诊疗经过 治疗计划 治疗 处理 处理意见 "
    "入院情况 出院情况 出院医嘱 医嘱 病程记录 手术经过"
).split()
_EMR_EN = [
    "chief complaint",
    "cc",
    "history of present illness",
    "hpi",
    "past medical history",
    "pmh",
    "past surgical history",
    "psh",
    "medications",
    "home medications",
    "allergies",
    "social history",
    "family history",
    "review of systems",
    "ros",
    "physical exam",
    "physical examination",
    "vital signs",
    "labs",
    "labs/imaging",
    "imaging",
    "results",
    "assessment",
    "plan",
    "assessment and plan",
    "a/p",
    "impression",
    "hospital course",
    "admission diagnosis",
    "discharge diagnoses",
    "discharge diagnosis",
    "discharge medications",
    "discharge instructions",
    "follow-up",
    "follow up",
    "disposition",
]

HEADING_PATTERNS: dict[str, list[re.Pattern[str]]] = {
    "medical": [
        re.compile(rf"^{_ENUM}(?P<h>{'|'.join(sorted(_EMR_ZH, key=len, reverse=True))})\s*(?:[:：】]|$)"),
        re.compile(
            rf"^(?P<h>{'|'.join(re.escape(h) for h in sorted(_EMR_EN, key=len, reverse=True))})\s*(?::|$)",
            re.I,
        ),
    ],
    "legal": [
        re.compile(rf"^(?P<h>第[{_ZH_NUM}\d]+[章节条])(?:\s|$|[:：、])"),
        re.compile(r"^(?P<h>(?:ARTICLE|Article|SECTION|Section)\s+(?:\d+|[IVXLC]+))\b(?!\.\d)"),
        re.compile(
            r"^(?P<h>\d{1,2}\.)\s+[A-Z][^.!?]{0,80}$"
        ),  # "7. Governing Law" (a short numbered title line)
    ],
    "finance": [
        re.compile(r"^(?P<h>(?:ITEM|Item)\s+\d{1,2}[A-C]?\.?)(?:\s|$)"),
        re.compile(rf"^(?P<h>第[{_ZH_NUM}\d]+[节章])(?:\s|$)"),
        re.compile(
            rf"^{_ENUM}(?P<h>重大风险提示|风险提示|管理层讨论与分析|经营情况讨论与分析|重要提示|公司基本情况|财务报告)"
        ),
        re.compile(r"^(?P<h>Management's Discussion and Analysis.{0,80}|Risk Factors)\s*$", re.I),
    ],
    "general": [
        re.compile(r"^#{1,6}\s+(?P<h>\S.*)$"),
        re.compile(rf"^(?P<h>[{_ZH_NUM}]+、)\S.{{0,28}}$"),  # "一、重大风险提示" as a short title line
    ],
}

_TOKEN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W_]+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|(?<=[.])\s+")


def count_tokens(text: str) -> int:
    """Approximate tokens: each Han character and each run of letters/digits counts one."""
    return len(_TOKEN.findall(text))


@dataclass
class Segment:
    text: str
    offset: int  # code points into the document text
    line: int  # 1-based line in the document text
    section: str | None


@functools.lru_cache(maxsize=8)
def _combined(groups: tuple[str, ...]) -> tuple[re.Pattern[str], list[str]]:
    """The groups' heading patterns as one alternation, tried in order (one regex call per line,
    not one per pattern: a 1.5 KB note has ~45 lines) and, per capture index, its group."""
    parts, owners = [], []
    for group in groups:
        for pattern in HEADING_PATTERNS[group]:
            body = pattern.pattern.replace("(?P<h>", "(")
            parts.append(f"(?i:{body})" if pattern.flags & re.I else f"(?:{body})")
            owners.append(group)
    combined = re.compile("|".join(parts))
    assert combined.groups == len(owners), "heading patterns capture only their heading"
    return combined, owners


def _groups(domain: str | None) -> tuple[str, ...]:
    groups = (
        (domain,) if domain in HEADING_PATTERNS and domain != "general" else ("medical", "legal", "finance")
    )
    return (*groups, "general")


def _matcher(domain: str | None) -> tuple[re.Pattern[str], list[str]]:
    return _combined(_groups(domain))


@functools.lru_cache(maxsize=8)
def _candidates(groups: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where a heading line may start, found in the whole text at once: each pattern with its `^`
    moved to the start of any line (after blanks) and its `$` anchors dropped. Dropping an anchor
    only widens a pattern, so every line `find_heading` accepts is a candidate; each candidate is
    then checked by `find_heading` itself. Zero-width (a lookahead): a wide match that runs into
    the next line cannot hide that line's start. Two patterns: one for the first line (`match`
    at 0), one that starts with a literal newline, so the regex engine jumps from newline to
    newline instead of trying `^` at every character. One scan instead of one regex call per
    line (a 1.5 KB note has ~45 lines, ~2 µs each)."""
    parts = []
    for group in groups:
        for pattern in HEADING_PATTERNS[group]:
            body = pattern.pattern
            assert body.startswith("^"), "heading patterns are anchored at the line start"
            body = re.sub(r"(?<!\\)\$", "", body[1:]).replace("(?P<h>", "(?:")
            parts.append(f"(?i:{body})" if pattern.flags & re.I else f"(?:{body})")
    ahead = r"(?=[^\S\n]*(?:" + "|".join(parts) + "))"
    return re.compile(ahead), re.compile("\n" + ahead)


def find_heading(
    line: str,
    domain: str | None,
    hinted: frozenset[str],
    matcher: tuple[re.Pattern[str], list[str]] | None = None,
) -> str | None:
    """The heading a line opens, or None. Headings are returned as written, at most 80 characters."""
    stripped = line.strip()
    if not stripped:
        return None
    if stripped in hinted:
        return stripped[:80]
    combined, owners = matcher or _matcher(domain)
    m = combined.match(stripped)
    if m is None:
        return None
    full_line = len(stripped) <= 80 and owners[m.lastindex - 1] != "medical"
    return (stripped if full_line else m.group(m.lastindex)).strip().rstrip(":：】")[:80]


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for i, line in enumerate(text.split("\n")):
        out.append((pos, i + 1, line))
        pos += len(line) + 1
    return out


def _heading_lines(text: str, domain: str | None, hinted: frozenset[str]) -> Iterator[tuple[int, int, str]]:
    """(offset, 1-based line number, heading) of each line that opens a section, in order."""
    matcher = _matcher(domain)
    if hinted:  # a marked heading can be any line: look at each
        for pos, lineno, line in _lines(text):
            h = find_heading(line, domain, hinted, matcher)
            if h is not None:
                yield pos, lineno, h
        return
    first, after_newline = _candidates(_groups(domain))
    starts = [0] if first.match(text) else []
    starts += (m.start() + 1 for m in after_newline.finditer(text))
    lineno, counted = 1, 0
    for pos in starts:
        end = text.find("\n", pos)
        h = find_heading(text[pos : end if end >= 0 else len(text)], domain, hinted, matcher)
        if h is not None:
            lineno += text.count("\n", counted, pos)
            counted = pos
            yield pos, lineno, h


def sections(text: str, domain: str | None, hinted: frozenset[str] = frozenset()) -> list[Segment]:
    """The document cut at heading lines; text before the first heading is a section with no heading."""
    out: list[Segment] = []
    start, start_line, heading = 0, 1, None
    for pos, lineno, h in _heading_lines(text, domain, hinted):
        if pos > start:
            out.append(Segment(text[start:pos].rstrip("\n"), start, start_line, heading))
            start, start_line = pos, lineno
        heading = h
    out.append(Segment(text[start:].rstrip("\n"), start, start_line, heading))
    return [s for s in out if s.text.strip()]


def paragraphs(section: Segment, domain: str | None, hinted: frozenset[str]) -> list[Segment]:
    """Blank-line paragraphs, or lines where a text has no blank lines; a lone heading joins what follows."""
    sep = "\n\n" if "\n\n" in section.text else "\n"
    out: list[Segment] = []
    pos, pending = 0, None  # pending: a heading-only piece waiting to prefix the next paragraph
    for piece in section.text.split(sep):
        offset = section.offset + pos
        pos += len(piece) + len(sep)
        if not piece.strip():
            continue
        line = section.line + section.text.count("\n", 0, offset - section.offset)
        is_heading = "\n" not in piece.strip() and find_heading(piece, domain, hinted) == piece.strip()[:80]
        if pending is not None:
            piece = section.text[pending.offset - section.offset : offset - section.offset + len(piece)]
            offset, line = pending.offset, pending.line
            pending = None
        elif is_heading:
            pending = Segment(piece, offset, line, section.section)
            continue
        out.append(Segment(piece, offset, line, section.section))
    if pending is not None:
        out.append(pending)
    return out


def _split_long(seg: Segment, max_tokens: int) -> list[Segment]:
    """A paragraph over the limit: cut at sentence ends, then hard-cut by tokens if a sentence is too long."""
    pieces, start = [], 0
    for m in _SENTENCE_END.finditer(seg.text):
        if m.end() > start:
            pieces.append((start, m.end()))
            start = m.end()
    if start < len(seg.text):
        pieces.append((start, len(seg.text)))
    out: list[Segment] = []
    for a, b in pieces:
        sentence = seg.text[a:b]
        if count_tokens(sentence) <= max_tokens:
            out.append(Segment(sentence, seg.offset + a, seg.line + seg.text.count("\n", 0, a), seg.section))
            continue
        spans = [m.span() for m in _TOKEN.finditer(sentence)]
        for k in range(0, len(spans), max_tokens):
            lo = spans[k][0] if k else 0
            hi = spans[k + max_tokens][0] if k + max_tokens < len(spans) else len(sentence)
            out.append(
                Segment(
                    sentence[lo:hi],
                    seg.offset + a + lo,
                    seg.line + seg.text.count("\n", 0, a + lo),
                    seg.section,
                )
            )
    return out


def chunks(
    section: Segment, max_tokens: int, domain: str | None, hinted: frozenset[str], doc_text: str
) -> list[Segment]:
    """Paragraphs packed greedily into chunks of at most `max_tokens`, never across a section boundary."""
    units: list[Segment] = []
    for para in paragraphs(section, domain, hinted):
        units += [para] if count_tokens(para.text) <= max_tokens else _split_long(para, max_tokens)
    out: list[Segment] = []
    cur: Segment | None = None
    cur_tokens = 0
    for u in units:
        n = count_tokens(u.text)
        if cur is not None and cur_tokens + n <= max_tokens:
            cur = Segment(doc_text[cur.offset : u.offset + len(u.text)], cur.offset, cur.line, cur.section)
            cur_tokens += n
            continue
        if cur is not None:
            out.append(cur)
        cur, cur_tokens = u, n
    if cur is not None:
        out.append(cur)
    return out


def segment(
    text: str,
    granularity: str,
    *,
    domain: str | None = None,
    max_tokens: int = 512,
    headings: list[str] | None = None,
) -> list[Segment]:
    """Cut `text` into segments of the requested granularity. Offsets index into `text`."""
    hinted = frozenset(h.strip() for h in headings or () if h.strip())
    if granularity == "document":
        return [Segment(text, 0, 1, None)] if text.strip() else []
    secs = sections(text, domain, hinted)
    if granularity == "section":
        return secs
    if granularity == "paragraph":
        return [p for s in secs for p in paragraphs(s, domain, hinted)]
    return [c for s in secs for c in chunks(s, max_tokens, domain, hinted, text)]


def section_headings(text: str, domain: str | None, headings: list[str] | None = None) -> list[str]:
    hinted = frozenset(h.strip() for h in headings or () if h.strip())
    return [s.section for s in sections(text, domain, hinted) if s.section]
