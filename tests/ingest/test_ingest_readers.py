"""Every reader on real files: encodings, structure kept, fields mapped, broken files quarantined."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_fixtures import bad_jsonl, broken_corpus, good_corpus, ingest, reasons_by_file

from corpuskit import registry
from corpuskit.stages.ingest.encoding import DecodeError, decode


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> tuple[dict[str, list[dict]], object]:
    root = tmp_path_factory.mktemp("good")
    good_corpus(root)
    rows, ctx = ingest(
        [
            {"path": str(root), "exclude": ["rows.csv"]},
            {"path": str(root / "rows.csv"), "fields": {"text": "note", "group": "patient"}},
        ],
        dedup={"exact": "keep", "near": False},
    )
    by_file: dict[str, list[dict]] = {}
    for r in rows:
        by_file.setdefault(Path(r["source"]["path"]).name, []).append(r)
    return by_file, ctx


def test_every_builtin_reader_is_registered_by_entry_point():
    names = set(registry.readers.names())
    assert {
        "txt.v1",
        "md.v1",
        "html.v1",
        "pdf.v1",
        "docx.v1",
        "jsonl.v1",
        "json.v1",
        "csv.v1",
        "tsv.v1",
        "parquet.v1",
    } <= names


@pytest.mark.parametrize(
    "name,encoding,snippet",
    [
        ("note_utf8.txt", "utf-8", "张三"),
        ("note_bom.txt", "utf-8-sig", "Mary Carter"),
        ("note_utf16.txt", "utf-16", "Paul Carter"),
        ("note_gbk.txt", "gb18030", "李四"),
        ("contract_big5.txt", "big5", "甲方應於本合約簽訂後支付價款"),
    ],
)
def test_encodings_detected_and_recorded(good, name, encoding, snippet):
    by_file, _ = good
    (rec,) = by_file[name]
    assert rec["source"]["encoding"] == encoding
    assert snippet in rec["text"]
    assert "\r" not in rec["text"] and "\ufeff" not in rec["text"]


def test_gbk_crlf_file_becomes_lf_with_stable_hash_of_raw_bytes(good, tmp_path):
    by_file, _ = good
    (rec,) = by_file["note_gbk.txt"]
    import hashlib

    raw = Path(rec["source"]["path"]).read_bytes()
    assert b"\r\n" in raw and rec["source"]["sha256"] == hashlib.sha256(raw).hexdigest()


def test_html_visible_text_only_with_paragraphs_and_table_cells(good):
    by_file, _ = good
    (rec,) = by_file["page.html"]
    text = rec["text"]
    assert "secret" not in text and "color:red" not in text and "Home | Print" not in text
    assert "胸痛2小时。" in text  # inline <b> does not break a paragraph
    assert "肌钙蛋白 | 5.6" in text
    assert rec["meta"]["sections"] == ["主诉", "诊断"]


def test_pdf_pages_and_chinese_cid_text(good):
    by_file, _ = good
    (en,) = by_file["two_pages.pdf"]
    assert "Chief Complaint" in en["text"] and "repeat chest X-ray" in en["text"]
    assert en["source"]["page"] == 1 and en["meta"]["pages"] == 2
    (zh,) = by_file["zh.pdf"]
    assert "第二条 付款方式" in zh["text"] and zh["lang"] == "zh"


def test_pdf_sections_know_their_page(tmp_path):
    from ingest_fixtures import write_pdf

    write_pdf(
        tmp_path / "r.pdf",
        [
            "Item 1A. Risk Factors\nCompetition is intense in every market we serve.",
            "Item 7. Management's Discussion and Analysis\nRevenue grew in fiscal 2023.",
        ],
    )
    rows, _ = ingest([{"path": str(tmp_path)}], granularity="section")
    assert [(r["source"]["section"], r["source"]["page"]) for r in rows] == [
        ("Item 1A. Risk Factors", 1),
        ("Item 7. Management's Discussion and Analysis", 2),
    ]


def test_docx_paragraphs_then_table_in_body_order(good):
    by_file, _ = good
    (rec,) = by_file["contract.docx"]
    text = rec["text"]
    assert (
        text.index("Senior Engineer") < text.index("Employer | Globex LLC") < text.index("End of document.")
    )
    assert rec["domain"] == "legal" and rec["doc_type"] == "employment_contract"


def test_markdown_headings_are_sections(good):
    by_file, _ = good
    (rec,) = by_file["report.md"]
    assert rec["meta"]["sections"][0] == "# Annual Report"
    assert "Item 1A. Risk Factors" in rec["meta"]["sections"]


def test_jsonl_field_mapping_group_labels_and_meta(good):
    by_file, _ = good
    rows = {r["meta"]["source_id"]: r for r in by_file["rows.jsonl"]}
    assert rows["a1"]["group_id"] == "pt9" and rows["a1"]["labels"] == ["pneumonia"]
    assert rows["a2"]["labels"] == ["finance", "annual"] and rows["a2"]["group_id"] == "co1"
    assert rows["a1"]["source"]["line"] == 1 and rows["a2"]["source"]["line"] == 2
    assert rows["a1"]["lang"] == "zh" and rows["a2"]["lang"] == "en"


def test_csv_with_mapped_text_column_tsv_json_and_parquet(good):
    by_file, _ = good
    (csv_rec,) = by_file["rows.csv"]
    assert csv_rec["group_id"] == "p7" and "Chief Complaint" in csv_rec["text"]
    assert by_file["rows.tsv"][0]["text"].startswith("Net revenue grew 10%")
    assert sorted(r["text"][:4] for r in by_file["rows.parquet"]) == ["The ", "患者主诉"]


def test_json_records_path(tmp_path):
    import json

    (tmp_path / "x.json").write_text(
        json.dumps({"data": {"items": [{"text": "Section 1. Definitions."}, {"text": "Section 2. Term."}]}})
    )
    rows, ctx = ingest([{"path": str(tmp_path), "json_records": "data.items"}])
    assert [r["text"] for r in rows] == ["Section 1. Definitions.", "Section 2. Term."]
    rows, ctx = ingest(
        [{"path": str(tmp_path)}]
    )  # records not at the top: the file is refused, with a reason
    assert rows == [] and ctx.quarantined[0].reason.startswith("missing text field")


def test_broken_files_are_quarantined_with_reasons(tmp_path):
    expected = broken_corpus(tmp_path)
    rows, ctx = ingest([{"path": str(tmp_path), "include": ["*"]}])
    got = reasons_by_file(ctx)
    for name, prefix in expected.items():
        assert name in got, name
        assert all(r.startswith(prefix) for r in got[name]), (name, got[name])
    assert got["scanned.pdf"] == ["no text layer: page 1", "no text layer: page 2"]
    assert rows == []
    stats = ctx.stats["ingest.v1"]
    assert stats["files_in"] == len(expected) == stats["files_quarantined"]
    assert stats["files_ingested"] == 0


def test_jsonl_with_bad_lines_keeps_the_good_ones(tmp_path):
    bad_jsonl(tmp_path / "mixed.jsonl")
    rows, ctx = ingest([{"path": str(tmp_path)}])
    assert [r["meta"]["source_id"] for r in rows] == ["ok1", "ok2"]
    entries = [(e.reason, e.detail.get("line")) for e in ctx.quarantined]
    assert entries == [
        ("malformed JSONL: line 2", 2),
        ("missing text field: 'text'", 4),
        ("malformed JSONL: line 6 is not an object", 6),
    ]
    assert ctx.stats["ingest.v1"]["files_ingested"] == 1


def test_quarantine_reasons_never_carry_text(tmp_path):
    bad_jsonl(tmp_path / "mixed.jsonl")
    broken_corpus(tmp_path / "b")
    _, ctx = ingest([{"path": str(tmp_path), "include": ["*"]}])
    for e in ctx.quarantined:
        assert "unterminated" not in e.reason and "no text field here" not in str(e.to_json())


def test_size_limit(tmp_path):
    (tmp_path / "big.txt").write_text("患者主诉胸痛。" * 200_000, encoding="utf-8")
    (tmp_path / "small.txt").write_text("患者主诉胸痛两小时。", encoding="utf-8")
    rows, ctx = ingest([{"path": str(tmp_path)}], max_file_mb=1)
    assert [Path(r["source"]["path"]).name for r in rows] == ["small.txt"]
    assert ctx.quarantined[0].reason.startswith("over size limit: 4.0 MB > 1 MB")


@pytest.mark.parametrize(
    "raw,reason", [(b"\x00\x01\x02binary\x00" * 50, "binary"), (b"%PDF-1.4 fake", "binary")]
)
def test_decode_refuses_binary(raw, reason):
    with pytest.raises(DecodeError) as err:
        decode(raw)
    assert err.value.reason == reason


def test_decode_forced_encoding_and_error():
    assert decode("病历".encode("gbk"), "gbk").text == "病历"
    with pytest.raises(DecodeError):
        decode(b"\xff\xfe\xfa", "utf-8")


def test_html_declared_gbk_charset(tmp_path):
    page = '<html><head><meta charset="gbk"></head><body><p>出院诊断：急性阑尾炎</p></body></html>'
    (tmp_path / "p.html").write_bytes(page.encode("gbk"))
    rows, _ = ingest([{"path": str(tmp_path)}])
    assert rows[0]["text"] == "出院诊断：急性阑尾炎" and rows[0]["source"]["encoding"] in ("gbk", "gb18030")


def test_docx_merged_cells_appear_once(tmp_path):
    import docx

    d = docx.Document()
    t = d.add_table(rows=2, cols=3)
    t.cell(0, 0).merge(t.cell(0, 2)).text = "Payment schedule"
    for k, v in enumerate(["Deposit", "30%", "2024-01-05"]):
        t.cell(1, k).text = v
    d.save(str(tmp_path / "t.docx"))
    rows, _ = ingest([{"path": str(tmp_path)}])
    assert rows[0]["text"] == "Payment schedule\nDeposit | 30% | 2024-01-05"


def test_chunk_and_paragraph_granularity_through_the_stage(good):
    from corpuskit.stages.ingest.segment import count_tokens

    root = Path(good[0]["note_utf8.txt"][0]["source"]["path"]).parent
    chunks, _ = ingest([{"path": str(root)}], granularity="chunk", max_tokens=20, dedup={"exact": "keep"})
    assert all(count_tokens(r["text"]) <= 20 for r in chunks) and len({r["id"] for r in chunks}) == len(
        chunks
    )
    paras, _ = ingest([{"path": str(root), "include": ["two_pages.pdf"]}], granularity="paragraph")
    assert [r["source"]["page"] for r in paras][-1] == 2 and paras[0]["source"]["page"] == 1


def _json_records(n: int) -> list[dict]:
    return [{"id": i, "score": i / 2, "text": f"Record {i}: 患者{i}号 reports cough for {i} days."} for i in range(n)]


def test_json_streams_utf8_and_reads_other_encodings_whole_with_the_same_records(tmp_path):
    import json

    records = _json_records(300)
    (tmp_path / "u8").mkdir()
    (tmp_path / "gbk").mkdir()
    (tmp_path / "u8" / "a.json").write_text(json.dumps({"export": {"rows": records}}, ensure_ascii=False), "utf-8")
    (tmp_path / "gbk" / "a.json").write_bytes(json.dumps({"export": {"rows": records}}, ensure_ascii=False).encode("gbk"))
    streamed, ctx_s = ingest([{"path": str(tmp_path / "u8"), "json_records": "export.rows"}], workers=0)
    whole, ctx_w = ingest([{"path": str(tmp_path / "gbk"), "json_records": "export.rows"}], workers=0)
    assert len(streamed) == len(whole) == 300 and not ctx_s.quarantined and not ctx_w.quarantined
    for a, b in zip(streamed, whole):
        assert (a["text"], a["meta"]["source_id"]) == (b["text"], b["meta"]["source_id"])
    assert streamed[1]["meta"]["source_id"] == "1"
    assert [r["source"]["encoding"] for r in (streamed[0], whole[0])] == ["utf-8", "gb18030"]


def test_json_keeps_the_records_before_a_corrupt_spot(tmp_path):
    import json

    good = json.dumps(_json_records(3), ensure_ascii=False)
    (tmp_path / "cut.json").write_text(good[:-1] + ', {"text": "half a rec', "utf-8")  # cut mid-record
    rows, ctx = ingest([{"path": str(tmp_path)}], workers=0)
    assert [r["meta"]["source_id"] for r in rows] == ["0", "1", "2"]
    reasons = reasons_by_file(ctx)["cut.json"]
    assert reasons == ["corrupt JSON: after index 2 (IncompleteJSONError)"]
    assert "half a rec" not in str([e.to_json() for e in ctx.quarantined])  # no record text in reasons
    assert ctx.stats["ingest.v1"]["files_ingested"] == 1


def test_json_shapes_one_record_missing_path_and_size_limit_for_whole_reads(tmp_path):
    import json

    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "r.json").write_text(json.dumps({"text": "A single note about cough."}), "utf-8")
    rows, _ = ingest([{"path": str(tmp_path / "one")}], workers=0)
    assert [r["text"] for r in rows] == ["A single note about cough."]
    rows, ctx = ingest([{"path": str(tmp_path / "one"), "json_records": "data.items"}], workers=0)
    assert rows == [] and reasons_by_file(ctx)["r.json"] == ["no list of records at json_records: 'data.items'"]
    (tmp_path / "u16").mkdir()
    (tmp_path / "u16" / "w.json").write_text(json.dumps(_json_records(50)), "utf-16")
    rows, ctx = ingest([{"path": str(tmp_path / "u16")}], workers=0, max_file_mb=0.001)
    assert rows == [] and reasons_by_file(ctx)["w.json"][0].startswith("over size limit")
    rows, ctx = ingest([{"path": str(tmp_path / "u16")}], workers=0)
    assert len(rows) == 50 and rows[0]["source"]["encoding"] == "utf-16"
