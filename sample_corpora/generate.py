"""Write the synthetic sample corpora and their gold identifier spans. Deterministic.

    python sample_corpora/generate.py            # rewrites sample_corpora/{medical,legal,finance,gold}

Layout: `<domain>/<lang>/<group>_<doc_type>.<ext>` for single documents, where
`<group>` is the patient (pt…), contract (ct…) or issuer (co…) key, plus a
csv/jsonl per folder holding several documents with `id`, `group_id`,
`doc_type` and `text` fields. Ingest recovers the group key from file names
with `path_pattern: '(?P<group_id>(?:pt|ct|co)\\d+)_(?P<doc_type>[a-z_]+)\\.'`.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _gen import finance, legal, medical, render  # noqa: E402
from _gen.people import People  # noqa: E402

SEED = 20240601
LANG_BASE = {"zh": 100, "en": 200}


def main(out: Path = HERE) -> None:
    gold: list[dict] = []
    for domain in ("medical", "legal", "finance"):
        shutil.rmtree(out / domain, ignore_errors=True)
        for lang in ("zh", "en"):
            folder = out / domain / lang
            folder.mkdir(parents=True)
            people = People(lang, SEED + LANG_BASE[lang] + len(domain))
            writer = Writer(folder, out, lang, domain, gold)
            {"medical": medical_docs, "legal": legal_docs, "finance": finance_docs}[domain](people, writer)
            writer.flush_tables()
    (out / "gold").mkdir(exist_ok=True)
    with open(out / "gold" / "identifiers.jsonl", "w", encoding="utf-8") as fh:
        for g in gold:
            fh.write(json.dumps(g, ensure_ascii=False) + "\n")
    print(f"wrote {len(gold)} documents, {sum(len(g['spans']) for g in gold)} gold spans")


class Writer:
    """Writes one folder's documents in their formats and collects gold entries."""

    def __init__(self, folder: Path, root: Path, lang: str, domain: str, gold: list[dict]):
        self.folder, self.root, self.lang, self.domain, self.gold = folder, root, lang, domain, gold
        self.tables: dict[str, list[dict]] = {}

    def file(
        self, doc, group: str, doc_type: str, fmt: str, *, encoding: str = "utf-8", newline: str = "\n"
    ) -> None:
        ext = {"txt": "txt", "md": "md", "html": "html", "pdf": "pdf", "docx": "docx"}[fmt]
        path = self.folder / f"{group}_{doc_type}.{ext}"
        if fmt == "txt":
            text, spans = render.write_text(doc, path, newline=newline, encoding=encoding)
        elif fmt == "md":
            text, spans = render.write_md(doc, path)
        elif fmt == "html":
            text, spans = render.write_html(doc, path, self.lang)
        elif fmt == "pdf":
            text, spans = render.write_pdf(doc, path, self.lang)
        else:
            text, spans = render.write_docx(doc, path)
        rel = path.relative_to(self.root).as_posix()
        self._gold(rel, rel, fmt, encoding, text, spans, group, doc_type, exact=fmt in ("txt", "md"))

    def row(self, doc, group: str, doc_type: str, table: str, date: str = "") -> None:
        """A document stored as one row of `<table>` (a .csv or .jsonl file in this folder)."""
        rows = self.tables.setdefault(table, [])
        rid = f"{group}-{doc_type}-{len(rows) + 1}"
        text, spans = render.relayout(doc, lambda kind, t: ("", "\n"))
        rows.append({"id": rid, "group_id": group, "doc_type": doc_type, "date": date, "text": text})
        rel = (self.folder / table).relative_to(self.root).as_posix()
        self._gold(
            f"{rel}#{rid}", rel, Path(table).suffix[1:], "utf-8", text, spans, group, doc_type, exact=True
        )

    def flush_tables(self) -> None:
        for name, rows in self.tables.items():
            path = self.folder / name
            if name.endswith(".csv"):
                buf = io.StringIO()
                w = csv.DictWriter(
                    buf, fieldnames=["id", "group_id", "doc_type", "date", "text"], lineterminator="\n"
                )
                w.writeheader()
                w.writerows(rows)
                path.write_text(buf.getvalue(), encoding="utf-8")
            else:
                with open(path, "w", encoding="utf-8") as fh:
                    for r in rows:
                        fh.write(json.dumps(r, ensure_ascii=False) + "\n")

    def _gold(self, gid, rel, fmt, encoding, text, spans, group, doc_type, exact) -> None:
        for s in spans:
            assert 0 <= s["start"] < s["end"] <= len(text), (gid, s)
        self.gold.append(
            {
                "id": gid,
                "path": rel,
                "format": fmt,
                "encoding": encoding,
                "lang": self.lang,
                "domain": self.domain,
                "doc_type": doc_type,
                "group_id": group,
                "exact": exact,
                "text": text,
                "spans": sorted(spans, key=lambda s: (s["start"], s["end"])),
            }
        )


def medical_docs(p: People, w: Writer) -> None:
    build = medical.zh_record if p.lang == "zh" else medical.en_record
    base = LANG_BASE[p.lang]
    pts = {n: medical.new_patient(p, f"pt{base + n}") for n in range(1, 12)}
    # patients 1-4 have an admission note and a discharge summary: a grouped split must keep them together
    pairs = [("txt", "pdf"), ("docx", "txt"), ("html", "md"), ("pdf", "html")]
    for n, (fa, fd) in enumerate(pairs, start=1):
        pt = pts[n]
        w.file(build(p, pt, "admission"), pt["key"], "admission_note", fa)
        crlf = "\r\n" if n == 2 else "\n"  # one Windows-exported file
        w.file(build(p, pt, "discharge"), pt["key"], "discharge_summary", fd, newline=crlf)
    w.file(
        build(p, pts[5], "outpatient"),
        pts[5]["key"],
        "outpatient_record",
        "txt",
        encoding="gbk" if p.lang == "zh" else "utf-8",
    )
    w.file(build(p, pts[6], "outpatient"), pts[6]["key"], "outpatient_record", "md")
    for n in (7, 8, 2):  # patient 2 also has a clinic visit, stored in the csv export
        pt = pts[n]
        w.row(
            build(p, pt, "outpatient"),
            pt["key"],
            "outpatient_record",
            "outpatient_records.csv",
            pt["admit"].isoformat(),
        )
    for n in (9, 10, 3):
        pt = pts[n]
        w.row(
            build(p, pt, "outpatient"),
            pt["key"],
            "outpatient_record",
            "clinic_notes.jsonl",
            pt["admit"].isoformat(),
        )


def legal_docs(p: People, w: Writer) -> None:
    build = legal.zh_contract if p.lang == "zh" else legal.en_contract
    base = LANG_BASE[p.lang]
    kinds = ("purchase", "employment", "nda")
    formats = ("txt", "docx", "pdf", "html", "md", "txt", "pdf", "txt", "html", "docx")
    for n, fmt in enumerate(formats, start=1):
        kind, key = kinds[(n - 1) % 3], f"ct{base + n}"
        bom = "utf-8-sig" if (n == 6 and p.lang == "en") else "utf-8"  # one file saved by Notepad with a BOM
        w.file(build(p, kind, key), key, f"{kind}_contract", fmt, encoding=bom)
    for n in (11, 12):
        kind, key = kinds[(n - 1) % 3], f"ct{base + n}"
        w.row(build(p, kind, key), key, f"{kind}_contract", "contracts.jsonl")


def finance_docs(p: People, w: Writer) -> None:
    build = finance.zh_report if p.lang == "zh" else finance.en_report
    base = LANG_BASE[p.lang]
    issuers = {n: finance.new_issuer(p, f"co{base + n}") for n in range(1, 7)}
    files = [
        (1, "annual", "pdf"),
        (1, "risk", "txt"),
        (2, "annual", "docx"),
        (2, "risk", "html"),
        (3, "annual", "html"),
        (3, "risk", "md"),
        (4, "annual", "txt"),
        (4, "risk", "pdf"),
        (5, "annual", "md"),
    ]
    names = {"annual": "annual_report", "risk": "risk_disclosure"}
    for n, kind, fmt in files:
        w.file(
            build(p, kind, issuers[n]),
            issuers[n]["key"],
            names[kind],
            fmt,
            encoding="utf-16" if (n, kind, p.lang) == (4, "annual", "en") else "utf-8",
        )
    for n, kind in ((5, "risk"), (6, "annual"), (6, "risk")):
        w.row(build(p, kind, issuers[n]), issuers[n]["key"], names[kind], "disclosures.csv")


if __name__ == "__main__":
    main()
