"""Write a `Doc` as txt, md, html, pdf or docx; return the gold text and spans for that file.

For txt and md the gold text is exactly the file's decoded content. For html,
pdf and docx (whose readers reflow text) the gold text is the document's
logical text, one block per line, tables as tab-separated rows.
"""

from __future__ import annotations

import html
import io
import textwrap
import zipfile
from collections.abc import Callable
from pathlib import Path

from .spans import Doc

FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)


def relayout(doc: Doc, wrap: Callable[[str, str], tuple[str, str]]) -> tuple[str, list[dict]]:
    """Re-join a doc's blocks with `wrap(kind, text) -> (prefix, suffix)` and move its spans along."""
    out, spans, old_pos, new_pos = [], [], 0, 0
    by_start = sorted(doc.spans, key=lambda s: s["start"])
    for kind, text in doc.blocks:
        prefix, suffix = wrap(kind, text)
        shift = new_pos + len(prefix) - old_pos
        for s in by_start:
            if old_pos <= s["start"] < old_pos + len(text):
                spans.append({**s, "start": s["start"] + shift, "end": s["end"] + shift})
        out.append(prefix + text + suffix)
        new_pos += len(prefix) + len(text) + len(suffix)
        old_pos += len(text) + 1
    return "".join(out), spans


def write_text(
    doc: Doc, path: Path, *, newline: str = "\n", encoding: str = "utf-8"
) -> tuple[str, list[dict]]:
    text, spans = relayout(doc, lambda kind, t: ("", newline))
    path.write_bytes(text.encode(encoding))
    return text, spans


def write_md(doc: Doc, path: Path) -> tuple[str, list[dict]]:
    # table rows stay tab-separated inside a fenced block so offsets never move inside a block
    state = {"in_table": False}

    def wrap(kind: str, t: str) -> tuple[str, str]:
        prefix = ""
        if kind == "row" and not state["in_table"]:
            prefix, state["in_table"] = "```tsv\n", True
        elif kind != "row" and state["in_table"]:
            prefix, state["in_table"] = "```\n\n", False
        if kind == "h":
            return prefix + "## ", "\n\n"
        return prefix, "\n" if kind == "row" else "\n\n"

    text, spans = relayout(doc, wrap)
    if state["in_table"]:
        text += "```\n"
    path.write_text(text, encoding="utf-8")
    return text, spans


def write_html(doc: Doc, path: Path, lang: str) -> tuple[str, list[dict]]:
    body, rows = [], []
    for kind, t in doc.blocks:
        if kind == "row":
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in t.split("\t")) + "</tr>")
            continue
        if rows:
            body.append('<table class="labs">' + "".join(rows) + "</table>")
            rows = []
        body.append(f"<h2>{html.escape(t)}</h2>" if kind == "h" else f"<p>{html.escape(t)}</p>")
    if rows:
        body.append("<table>" + "".join(rows) + "</table>")
    nav = "返回列表 | 打印 | 导出" if lang == "zh" else "Back to list | Print | Export"
    page = (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>EMR viewer</title>'
        "<style>body{font-family:sans-serif} .labs td{padding:2px 6px}</style>"
        "<script>window.viewer={session:'x'};</script></head>\n<body>\n"
        f'<nav class="toolbar">{nav}</nav>\n<div class="document">\n'
        + "\n".join(body)
        + "\n</div>\n</body></html>\n"
    )
    path.write_text(page, encoding="utf-8")
    return doc.text, list(doc.spans)


def write_pdf(doc: Doc, path: Path, lang: str) -> tuple[str, list[dict]]:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if lang == "zh":
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        font = bold = "STSong-Light"
    else:
        font, bold = "Helvetica", "Helvetica-Bold"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    y = height - 60
    for kind, t in doc.blocks:
        lines = _wrap_for_pdf(t.replace("\t", "    "), lang)
        for line in lines:
            if y < 60:
                c.showPage()
                y = height - 60
            c.setFont(bold if kind == "h" else font, 13 if kind == "h" else 10.5)
            c.drawString(50, y, line)
            y -= 18 if kind == "h" else 15
        y -= 4
    c.showPage()
    c.save()
    return doc.text, list(doc.spans)


def _wrap_for_pdf(text: str, lang: str) -> list[str]:
    if lang == "zh":  # CJK has no spaces to break on: cut by width in characters
        return [text[i : i + 40] for i in range(0, len(text), 40)] or [""]
    return textwrap.wrap(text, 95) or [""]


def write_docx(doc: Doc, path: Path) -> tuple[str, list[dict]]:
    import datetime as dt

    import docx

    d = docx.Document()
    d.core_properties.created = d.core_properties.modified = dt.datetime(2024, 1, 1)
    d.core_properties.author = "corpuskit sample generator"
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            table = d.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for k, cell in enumerate(row):
                    table.cell(r, k).text = cell
            rows.clear()

    for kind, t in doc.blocks:
        if kind == "row":
            rows.append(t.split("\t"))
            continue
        flush()
        if kind == "h":
            d.add_heading(t, level=2)
        else:
            d.add_paragraph(t)
    flush()
    buf = io.BytesIO()
    d.save(buf)
    path.write_bytes(_fixed_time_zip(buf.getvalue()))
    return doc.text, list(doc.spans)


def _fixed_time_zip(data: bytes) -> bytes:
    """Re-pack a zip with fixed timestamps so regenerating gives identical bytes."""
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
