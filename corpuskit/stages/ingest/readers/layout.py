"""Lines a PDF wrapped to fit its page, joined back into the sentences they cut.

A PDF's text layer ends every visual line with a newline, so "患者张" at the end of one line and
"伟因胸痛入院" at the start of the next are two lines: the sentence is broken for segmentation and
training, and a name cut in two no longer looks like a name to de-identification. A line is taken
as wrapped when it is nearly as long as the page's full lines and does not end a sentence; short
lines (headings, table rows, list items) are never joined.
"""

from __future__ import annotations

import re

from corpuskit.stages.ingest.segment import find_heading

_SENTENCE_END = frozenset("。！？；：!?;:…」』）)】\"'”’")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
_FULL_SHARE = 0.85  # a line at least this share of the full line width may be a wrapped one
_MIN_FULL_WIDTH = 40  # columns: pages whose longest lines are shorter wrap nothing
_LIST_ITEM = re.compile(r"^(?:[-•*·]|\d{1,3}[.、)]|[（(]?[一二三四五六七八九十]+[、)）])\s*")


def display_width(line: str) -> int:
    """Columns a line takes: a CJK character two, anything else one."""
    return len(line) + len(_CJK.findall(line))


def rejoin_wrapped_lines(text: str) -> str:
    """`text` with wrapped lines joined: CJK to CJK directly, Latin words with one space."""
    lines = text.split("\n")
    widths = sorted(display_width(line.strip()) for line in lines if line.strip())
    if len(widths) < 3:
        return text
    full = widths[int(len(widths) * 0.9) if len(widths) > 9 else -1]  # the page's full line width
    if full < _MIN_FULL_WIDTH:
        return text  # only short lines (a list of clause titles, a table): nothing was wrapped
    out = [lines[0]]
    visual = display_width(lines[0].strip())  # the last visual line (out[-1] may hold several)
    for line in lines[1:]:
        prev, nxt = out[-1].rstrip(), line.strip()
        joined = _join(prev, nxt) if visual >= _FULL_SHARE * full else None
        if joined is None:
            out.append(line)
        else:
            out[-1] = joined
        visual = display_width(nxt)
    return "\n".join(out)


def _join(prev: str, nxt: str) -> str | None:
    if not prev or not nxt or prev[-1] in _SENTENCE_END or _LIST_ITEM.match(nxt):
        return None
    if find_heading(nxt, None, frozenset()) is not None:
        return None  # 第二条 付款方式, Item 7., 现病史：… open a section, never continue a sentence
    if _CJK.match(prev[-1]) and _CJK.match(nxt[0]):
        return prev + nxt
    if (prev[-1].isalnum() or prev[-1] in ",-") and nxt[0].islower():
        return prev + nxt if prev[-1] == "-" else prev + " " + nxt
    return None
