"""Real files of every format ingest reads, good and broken, written into a tmp folder by code."""

from __future__ import annotations

import io
import json
import os
import random
import zipfile
from pathlib import Path
from typing import Any

import pyarrow as pa

from corpuskit.stages.base import RunContext
from corpuskit.stages.ingest.stage import IngestStage

ZH_NOTE = (
    "入院记录\n姓名：张三　性别：男　年龄：45岁\n主诉：反复咳嗽、咳痰3天。\n现病史：患者3天前受凉后出现咳嗽，咳黄痰，伴发热。\n"
    "既往史：既往体健。\n体格检查：T 38.5℃，右下肺可闻及湿啰音。\n辅助检查：胸部CT示右下肺斑片影。\n诊断：社区获得性肺炎\n治疗：头孢曲松抗感染。\n"
)
EN_NOTE = (
    "ADMISSION NOTE\nPatient: John Carter  MRN: 12345678\nChief Complaint: cough and fever for 3 days.\n"
    "HPI: John is a 45-year-old male with productive cough and fevers.\nPMH: Hypertension.\n"
    "Medications: Lisinopril 10 mg daily.\nAssessment: Community-acquired pneumonia.\nPlan: Start ceftriaxone.\n"
)
ZH_CONTRACT = (
    "采购合同\n甲方：北京某某科技有限公司\n乙方：上海某某贸易有限公司\n第一条 标的物\n乙方向甲方出售服务器十台。\n"
    "第二条 付款方式\n甲方于验收合格后三十日内付款。\n第三条 争议解决\n双方协商解决。\n"
)
EN_REPORT = (
    "ACME Corp Annual Report\nItem 1A. Risk Factors\nOur business faces intense competition.\n"
    "Item 7. Management's Discussion and Analysis\nNet revenue grew 12% to $1.2 billion.\n"
)


def write_pdf(path: Path, pages: list[str | None], zh: bool = False) -> None:
    """A PDF with one page per entry; None makes a page with a drawing and no text (like a scan)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "Helvetica"
    if zh:
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        font = "STSong-Light"
    c = canvas.Canvas(str(path), invariant=1)
    for page in pages:
        if page is None:
            c.setFillGray(0.5)
            c.rect(50, 300, 400, 400, fill=1)
        else:
            c.setFont(font, 11)
            y = 780
            for line in page.split("\n"):
                c.drawString(50, y, line)
                y -= 16
        c.showPage()
    c.save()


def write_docx(path: Path, heading: str, paragraphs: list[str], table: list[list[str]]) -> None:
    import docx

    d = docx.Document()
    d.add_heading(heading, level=1)
    for p in paragraphs:
        d.add_paragraph(p)
    t = d.add_table(rows=len(table), cols=len(table[0]))
    for r, row in enumerate(table):
        for k, cell in enumerate(row):
            t.cell(r, k).text = cell
    d.add_paragraph("End of document.")
    d.save(str(path))
    _fix_zip_times(path)


def _fix_zip_times(path: Path) -> None:
    """Rewrite a zip with one fixed time on every entry: python-docx stamps the clock (2 s steps) into
    the archive, so the same document written a moment later would have other bytes, another sha256 and
    other record ids (a test comparing two written copies failed whenever a 2 s step fell between them)."""
    import zipfile

    with zipfile.ZipFile(path) as src:
        entries = [(info, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w") as dst:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=(2020, 1, 1, 0, 0, 0))
            fixed.compress_type = info.compress_type
            dst.writestr(fixed, data)


def good_corpus(root: Path) -> None:
    """One readable file per format and encoding (the csv's text column is `note`: map it)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "note_utf8.txt").write_text(ZH_NOTE, encoding="utf-8")
    (root / "note_bom.txt").write_bytes(b"\xef\xbb\xbf" + EN_NOTE.replace("John", "Mary").encode("utf-8"))
    (root / "note_utf16.txt").write_bytes(EN_NOTE.replace("John", "Paul").encode("utf-16"))
    (root / "note_gbk.txt").write_bytes(ZH_NOTE.replace("张三", "李四").replace("\n", "\r\n").encode("gbk"))
    (root / "contract_big5.txt").write_bytes(
        "第一條 甲方應於本合約簽訂後支付價款。乙方應依約交付貨物，不得遲延。\n第二條 爭議解決\n雙方協商。\n".encode(
            "big5"
        )
    )
    (root / "report.md").write_text("# Annual Report\n\n" + EN_REPORT, encoding="utf-8")
    (root / "page.html").write_text(
        "<html><head><title>x</title><style>p{color:red}</style><script>var secret=1;</script></head><body>"
        "<nav>Home | Print</nav><h2>主诉</h2><p>胸痛<b>2</b>小时。</p><h2>诊断</h2><p>急性心肌梗死</p>"
        "<table><tr><td>项目</td><td>结果</td></tr><tr><td>肌钙蛋白</td><td>5.6</td></tr></table></body></html>",
        encoding="utf-8",
    )
    write_pdf(
        root / "two_pages.pdf", [EN_NOTE, "Plan: follow up in clinic in two weeks with repeat chest X-ray."]
    )
    write_pdf(root / "zh.pdf", [ZH_CONTRACT], zh=True)
    write_docx(
        root / "contract.docx",
        "Employment Agreement",
        ["Article 1. Position", "The Employee shall serve as Senior Engineer."],
        [["Party", "Name"], ["Employer", "Globex LLC"]],
    )
    (root / "rows.jsonl").write_text(
        "\n".join(
            json.dumps(r, ensure_ascii=False)
            for r in [
                {
                    "id": "a1",
                    "text": ZH_NOTE.replace("张三", "王五"),
                    "group_id": "pt9",
                    "label": "pneumonia",
                    "extra": "x",
                },
                {"id": "a2", "text": EN_REPORT, "group_id": "co1", "label": ["finance", "annual"]},
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    (root / "rows.csv").write_text(
        'id,note,patient\nc1,"' + EN_NOTE.replace('"', "") + '",p7\n', encoding="utf-8"
    )
    (root / "rows.tsv").write_text(
        "id\ttext\nt1\tNet revenue grew 10% in fiscal 2023 while margins improved.\n", encoding="utf-8"
    )
    (root / "list.json").write_text(
        json.dumps({"data": {"items": [{"text": "Section 1. Definitions apply to this Agreement."}]}}),
        encoding="utf-8",
    )
    import pyarrow.parquet as pq

    pq.write_table(
        pa.table(
            {
                "text": ["患者主诉头痛两天。", "The Company shall pay the Employee monthly."],
                "id": ["q1", "q2"],
            }
        ),
        root / "rows.parquet",
    )


def broken_corpus(root: Path) -> dict[str, str]:
    """Files that must be quarantined, with the reason prefix each must get."""
    root.mkdir(parents=True, exist_ok=True)
    good = root / "_tmp.pdf"
    write_pdf(good, [EN_NOTE])
    data = good.read_bytes()
    good.unlink()
    (root / "truncated.pdf").write_bytes(data[: len(data) // 3])
    write_pdf(root / "scanned.pdf", [None, None])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "not a word document")
    (root / "fake.docx").write_bytes(buf.getvalue())
    (root / "zero.txt").write_bytes(b"")
    (root / "random.txt").write_bytes(random.Random(7).randbytes(4096))
    (root / "blank.txt").write_text(" \n\t\n\u200b\n", encoding="utf-8")
    (root / "notext.csv").write_text("id,body\n1,hello\n", encoding="utf-8")
    (root / "header_only.csv").write_text("id,text\n", encoding="utf-8")
    (root / "data.xyz").write_text("what is this", encoding="utf-8")
    return {
        "truncated.pdf": "corrupt PDF",
        "scanned.pdf": "no text layer",
        "fake.docx": "corrupt DOCX",
        "zero.txt": "empty",
        "random.txt": "binary",
        "blank.txt": "empty",
        "notext.csv": "missing text field",
        "header_only.csv": "empty",
        "data.xyz": "unsupported format",
    }


def bad_jsonl(path: Path) -> None:
    lines = [
        json.dumps({"id": "ok1", "text": "The Receiving Party shall keep all information confidential."}),
        '{"id": "bad", "text": "unterminated',
        json.dumps({"id": "ok2", "text": "Buyer shall pay within thirty days of acceptance."}),
        json.dumps({"id": "notext", "body": "no text field here"}),
        "",
        json.dumps(["not", "an", "object"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def ingest(inputs: list[dict], ctx: RunContext | None = None, **params: Any) -> tuple[list[dict], RunContext]:
    """Run the ingest stage through its stage boundary, like the pipeline does; records as dicts."""
    from corpuskit.stages.base import checked

    ctx = ctx or RunContext()
    params.setdefault("workers", 0)
    stage = IngestStage(params)
    stage.ensure_setup(ctx)
    batches = list(checked(stage, stage.read(inputs, ctx), ctx))
    rows = pa.Table.from_batches(batches).to_pylist() if batches else []
    for r in rows:
        r["meta"] = json.loads(r["meta"])
    return rows, ctx


def reasons_by_file(ctx: RunContext) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for e in ctx.quarantined:
        out.setdefault(os.path.basename(e.path or ""), []).append(e.reason)
    return out
