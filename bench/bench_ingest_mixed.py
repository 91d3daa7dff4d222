"""Ingest of a mixed-format folder (pdf, docx, html, csv) against a plain read-and-hash loop.

    python bench/bench_ingest_mixed.py            # 20k documents, also measured at 2k
    python bench/bench_ingest_mixed.py --n 1000   # a quick look

A quarter of the documents each as PDF (reportlab), DOCX (a python-docx template with the
text swapped in), HTML, and rows of one CSV per folder. Same measurement and goals as
`bench_ingest.py`, which this script reuses.
"""

from __future__ import annotations

import csv
import html
import io
import random
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_ingest as base  # noqa: E402


def _docx_template() -> tuple[dict[str, bytes], str]:
    import docx

    d = docx.Document()
    d.add_paragraph("PLACEHOLDER")
    t = d.add_table(rows=2, cols=2)
    for r, row in enumerate([["Item", "Value"], ["Reference", "N/A"]]):
        for k, cell in enumerate(row):
            t.cell(r, k).text = cell
    buf = io.BytesIO()
    d.save(buf)
    parts = {i.filename: zipfile.ZipFile(buf).read(i.filename) for i in zipfile.ZipFile(buf).infolist()}
    return parts, parts["word/document.xml"].decode("utf-8")


def write_docx(path: Path, text: str, template: tuple[dict[str, bytes], str]) -> None:
    parts, xml = template
    paras = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r></w:p>' for p in text.split("\n")
    )
    start = xml.rfind("<w:p>", 0, xml.index("PLACEHOLDER"))
    start = start if start >= 0 else xml.rfind("<w:p ", 0, xml.index("PLACEHOLDER"))
    end = xml.index("</w:p>", xml.index("PLACEHOLDER")) + len("</w:p>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(
                name,
                (xml[:start] + paras + xml[end:]).encode("utf-8") if name == "word/document.xml" else data,
            )


def write_pdf(path: Path, text: str, zh_font: bool) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), invariant=1)
    c.setFont("STSong-Light" if zh_font else "Helvetica", 10)
    y = 800
    for line in text.split("\n"):
        for k in range(0, max(len(line), 1), 45 if zh_font else 95):
            if y < 50:
                c.showPage()
                c.setFont("STSong-Light" if zh_font else "Helvetica", 10)
                y = 800
            c.drawString(40, y, line[k : k + (45 if zh_font else 95)])
            y -= 14
    c.save()


def make_mixed_corpus(folder: Path, n: int, seed: int = 0) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    rng, texts, template = random.Random(seed), base.sample_texts(), _docx_template()
    for shard_no in range((n + base.PER_FOLDER - 1) // base.PER_FOLDER):
        sub = folder / f"shard_{shard_no:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        count = min(base.PER_FOLDER, n - shard_no * base.PER_FOLDER)
        rows = []
        for i in range(count):
            text = base.synth_doc(rng, texts)
            zh = any("\u4e00" <= ch <= "\u9fff" for ch in text[:50])
            kind = i % 4
            if kind == 0:
                write_pdf(sub / f"d{i:05d}.pdf", text, zh)
            elif kind == 1:
                write_docx(sub / f"d{i:05d}.docx", text, template)
            elif kind == 2:
                body = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n"))
                (sub / f"d{i:05d}.html").write_text(
                    f"<html><head><script>var x=1;</script></head><body><nav>Menu</nav>{body}</body></html>",
                    "utf-8",
                )
            else:
                rows.append({"id": f"r{shard_no}-{i}", "text": text})
        if rows:
            with open(sub / "rows.csv", "w", encoding="utf-8", newline="") as fh:
                w = csv.DictWriter(fh, fieldnames=["id", "text"])
                w.writeheader()
                w.writerows(rows)


def main() -> None:
    args = base.parse()
    if args.child:
        base.child_main(args)
        return
    if "--n" not in sys.argv:
        args.n = 20_000
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench_ingest_mixed_"))
    try:
        t0 = time.perf_counter()
        if not any(folder.glob("shard_*")):
            make_mixed_corpus(folder, args.n)
        print(
            f"corpus: {args.n} docs (pdf/docx/html/csv rows) in {folder} "
            f"({time.perf_counter() - t0:.1f}s to generate); workers={args.workers}"
        )
        rows = []
        for n in sorted({max(args.n // 10, 1), args.n}):
            # one unmeasured pass first: both runs then read from the page cache (the first run of a
            # fresh corpus would otherwise pay the disk reads alone, and flatter the ratio up to 5x)
            base.measure(Path(__file__), "plain", folder, n, args.workers)
            rows.append(
                (
                    n,
                    base.measure(Path(__file__), "plain", folder, n, args.workers),
                    base.measure(Path(__file__), "ingest", folder, n, args.workers),
                )
            )
        base.report(rows, "mixed formats, document granularity, exact + near dedup on")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
