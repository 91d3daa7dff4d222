"""Readers for one-document files: plain text, Markdown, HTML, PDF, DOCX."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from corpuskit.stages.ingest.encoding import DecodeError, decode
from corpuskit.stages.ingest.readers.base import RawDoc, Reader, ReadProblem
from corpuskit.stages.ingest.readers.layout import rejoin_wrapped_lines

_MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)


class TextReader(Reader):
    """Plain text in any encoding `encoding.decode` recognises."""

    name = "txt.v1"
    extensions = (".txt", ".text", ".log")

    def read(self, path: Path, spec: Any, params: Any, data: bytes = b"") -> Iterator[RawDoc | ReadProblem]:
        try:
            decoded = decode(data, spec.encoding)
        except DecodeError as exc:
            yield ReadProblem(str(exc))
            return
        yield RawDoc(decoded.text, encoding=decoded.encoding)


class MarkdownReader(TextReader):
    """Markdown kept as text (readers downstream see the `#` marks); headings become section hints."""

    name = "md.v1"
    extensions = (".md", ".markdown")

    def read(self, path: Path, spec: Any, params: Any, data: bytes = b"") -> Iterator[RawDoc | ReadProblem]:
        for item in super().read(path, spec, params, data):
            if isinstance(item, RawDoc):
                item.headings = [m.group(0).strip() for m in _MD_HEADING.finditer(item.text)]
            yield item


_BLOCK_TAGS = (
    "p",
    "div",
    "section",
    "article",
    "li",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "pre",
    "blockquote",
    "table",
    "ul",
    "ol",
    "dt",
    "dd",
    "header",
    "footer",
    "title",
)
_DROP_TAGS = ("script", "style", "noscript", "template", "head", "nav", "svg", "iframe", "button", "form")


class HtmlReader(Reader):
    """Visible text of an HTML page (BeautifulSoup + lxml): scripts, styles, nav and head dropped;
    block elements end lines; table cells are joined with ` | `; h1–h6 become section hints."""

    name = "html.v1"
    extensions = (".html", ".htm", ".xhtml")

    def read(self, path: Path, spec: Any, params: Any, data: bytes = b"") -> Iterator[RawDoc | ReadProblem]:
        from bs4 import BeautifulSoup, UnicodeDammit

        dammit = UnicodeDammit(data, known_definite_encodings=[spec.encoding] if spec.encoding else [])
        if dammit.unicode_markup is None:
            yield ReadProblem("undecodable")
            return
        soup = BeautifulSoup(dammit.unicode_markup, "lxml")
        for tag in soup(_DROP_TAGS):
            tag.decompose()
        headings = [h.get_text(" ", strip=True) for h in soup(["h1", "h2", "h3", "h4", "h5", "h6"])]
        for cell in soup(["td", "th"]):
            if cell.find_next_sibling(["td", "th"]) is not None:
                cell.append(" | ")
        for tag in soup(_BLOCK_TAGS):
            tag.append("\n")
        root = soup.body or soup
        yield RawDoc(
            root.get_text(""), encoding=(dammit.original_encoding or "utf-8").lower(), headings=headings
        )


class PdfReader(Reader):
    """The text layer of each page (pypdf). A page without one (a scan) is quarantined as
    "no text layer"; the others make the document, with `source.page` where each record starts."""

    name = "pdf.v1"
    extensions = (".pdf",)

    def read(self, path: Path, spec: Any, params: Any, data: bytes = b"") -> Iterator[RawDoc | ReadProblem]:
        import logging

        import pypdf
        from pypdf.errors import PyPdfError

        logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns about every repairable oddity
        pages: list[tuple[int, str]] = []
        try:
            pdf = pypdf.PdfReader(io.BytesIO(data))
            if pdf.is_encrypted and not pdf.decrypt(""):
                yield ReadProblem("encrypted PDF")
                return
            for n, page in enumerate(pdf.pages, start=1):
                text = page.extract_text() or ""
                if params.pdf_rejoin_lines:
                    text = rejoin_wrapped_lines(text)
                if len("".join(text.split())) < params.pdf_min_chars:
                    yield ReadProblem(f"no text layer: page {n}", locator=f"p{n}", page=n)
                else:
                    pages.append((n, text))
        except (
            PyPdfError,
            ValueError,
            KeyError,
            TypeError,
            AttributeError,
            IndexError,
            RecursionError,
            zipfile.BadZipFile,
            OSError,
        ) as exc:
            yield ReadProblem(f"corrupt PDF: {type(exc).__name__}")
            return
        if pages:
            yield RawDoc("", encoding=None, meta={"pages": len(pages)}, pages=pages)


class DocxReader(Reader):
    """Paragraphs and tables of a Word file in body order (python-docx); table cells joined with ` | `,
    merged cells once; Heading/Title styles become section hints."""

    name = "docx.v1"
    extensions = (".docx",)

    def read(self, path: Path, spec: Any, params: Any, data: bytes = b"") -> Iterator[RawDoc | ReadProblem]:
        import docx
        from docx.table import Table

        try:
            document = docx.Document(io.BytesIO(data))
            # `paragraph.style` searches all styles for every unstyled paragraph (~3 ms each);
            # map style ids to names once and read the id from the paragraph XML instead
            style_names = {s.style_id: s.name or "" for s in document.styles}
            lines: list[str] = []
            headings: list[str] = []
            for block in document.iter_inner_content():
                if isinstance(block, Table):
                    for row in block.rows:
                        cells: list[str] = []
                        for cell in row.cells:
                            text = cell.text.strip()
                            if not cells or cells[-1] != text:  # a merged cell repeats itself
                                cells.append(text)
                        lines.append(" | ".join(cells))
                    continue
                ppr = block._p.pPr
                style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
                style = style_names.get(style_id, style_id or "")
                if style.startswith(("Heading", "Title")) and block.text.strip():
                    headings.append(block.text.strip())
                lines.append(block.text)
        except (zipfile.BadZipFile, KeyError, ValueError, AttributeError, TypeError) as exc:
            yield ReadProblem(f"corrupt DOCX: {type(exc).__name__}")
            return
        yield RawDoc("\n".join(lines), encoding=None, headings=headings)
