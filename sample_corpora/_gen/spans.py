"""Text assembly that remembers where every fake identifier landed.

Templates are plain strings with `{key}` placeholders. A value is either a
plain string (no label: a diagnosis, an amount) or an `Ident(text, label)`;
rendering records a gold span for every `Ident`, in code points, exclusive end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_PLACEHOLDER = re.compile(r"\{([a-zA-Z_][a-zA-Z0-9_]*)\}")


@dataclass(frozen=True)
class Ident:
    """A fake identifier value and its canonical gold label."""

    text: str
    label: str

    def __str__(self) -> str:  # lets an Ident be used inside f-strings without a span
        return self.text


@dataclass
class Doc:
    """A document being written: text so far plus gold spans into it."""

    parts: list[str] = field(default_factory=list)
    spans: list[dict] = field(default_factory=list)
    # (heading, level) in order, for renderers that style headings (md/html/docx/pdf)
    blocks: list[tuple[str, str]] = field(default_factory=list)
    _len: int = 0

    def add(self, template: str, values: dict | None = None, kind: str = "p") -> None:
        """Append one block (a paragraph or heading) rendered from `template`, then a newline."""
        values = values or {}
        start_block = self._len
        pos = 0
        out: list[str] = []
        for m in _PLACEHOLDER.finditer(template):
            out.append(template[pos : m.start()])
            self._len += len(template[pos : m.start()])
            value = values[m.group(1)]
            text = str(value)
            if isinstance(value, Ident):
                self.spans.append({"start": self._len, "end": self._len + len(text), "label": value.label})
            out.append(text)
            self._len += len(text)
            pos = m.end()
        out.append(template[pos:])
        self._len += len(template[pos:])
        block = "".join(out)
        self.blocks.append((kind, block))
        self.parts.append(block + "\n")
        self._len += 1
        assert self._len - start_block == len(block) + 1

    def heading(self, text: str, values: dict | None = None) -> None:
        self.add(text, values, kind="h")

    def table(self, rows: list[list[str | Ident]]) -> None:
        """A table: rows of cells, written as tab-separated lines (what a docx reader gives back)."""
        for row in rows:
            template = "\t".join("{c%d}" % i for i in range(len(row)))
            self.add(template, {f"c{i}": cell for i, cell in enumerate(row)}, kind="row")

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def check(self) -> None:
        text = self.text
        for s in self.spans:
            assert 0 <= s["start"] < s["end"] <= len(text)
