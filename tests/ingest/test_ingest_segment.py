"""Segmentation: domain headings, granularities, offsets that point back into the document."""

from __future__ import annotations

import pytest
from ingest_fixtures import EN_NOTE, EN_REPORT, ZH_CONTRACT, ZH_NOTE, ingest

from corpuskit.stages.ingest.segment import count_tokens, find_heading, segment


@pytest.mark.parametrize(
    "line,domain,heading",
    [
        ("主诉：反复咳嗽3天", "medical", "主诉"),
        ("【现病史】", "medical", "现病史"),
        ("三、体格检查", "medical", "体格检查"),
        ("Chief Complaint: cough", "medical", "Chief Complaint"),
        ("HPI:", "medical", "HPI"),
        ("ASSESSMENT AND PLAN:", "medical", "ASSESSMENT AND PLAN"),
        ("第十二条 违约责任", "legal", "第十二条 违约责任"),
        ("第三章 责任与争议", "legal", "第三章 责任与争议"),
        ("ARTICLE 4. WARRANTY", "legal", "ARTICLE 4. WARRANTY"),
        ("Section 2. Term", "legal", "Section 2. Term"),
        ("7. Governing Law", "legal", "7. Governing Law"),
        ("Item 1A. Risk Factors", "finance", "Item 1A. Risk Factors"),
        ("第四节 重大风险提示", "finance", "第四节 重大风险提示"),
        ("一、重大风险提示", "finance", "一、重大风险提示"),
        ("管理层讨论与分析", "finance", "管理层讨论与分析"),
    ],
)
def test_domain_headings(line, domain, heading):
    assert find_heading(line, domain, frozenset()) == heading


@pytest.mark.parametrize(
    "line,domain",
    [
        ("患者主诉胸痛两小时。", "medical"),  # the word inside a sentence is not a heading
        ("Plan to discharge tomorrow if afebrile.", "medical"),
        ("1.1 Seller shall deliver the Goods by March.", "legal"),
        ("Section 3.2 applies to all deliveries made under this Agreement.", "legal"),
        ("Risk factors include competition and regulation in several markets.", "finance"),
    ],
)
def test_body_lines_are_not_headings(line, domain):
    assert find_heading(line, domain, frozenset()) is None


def _check_offsets(text: str, segments) -> None:
    for s in segments:
        assert text[s.offset : s.offset + len(s.text)] == s.text
        assert text.count("\n", 0, s.offset) + 1 == s.line


@pytest.mark.parametrize(
    "text,domain,sections",
    [
        (ZH_NOTE, "medical", [None, "主诉", "现病史", "既往史", "体格检查", "辅助检查", "诊断", "治疗"]),
        (EN_NOTE, "medical", [None, "Chief Complaint", "HPI", "PMH", "Medications", "Assessment", "Plan"]),
        (ZH_CONTRACT, "legal", [None, "第一条 标的物", "第二条 付款方式", "第三条 争议解决"]),
        (
            EN_REPORT,
            "finance",
            [None, "Item 1A. Risk Factors", "Item 7. Management's Discussion and Analysis"],
        ),
    ],
)
def test_sections_per_domain(text, domain, sections):
    segs = segment(text.strip(), "section", domain=domain)
    assert [s.section for s in segs] == sections
    _check_offsets(text.strip(), segs)
    assert "".join(s.text for s in segs).replace("\n", "") == text.strip().replace("\n", "")


def test_paragraphs_join_a_lone_heading_to_its_body():
    text = (
        "Item 1A. Risk Factors\n\nCompetition is intense.\n\nRates may rise.\n\nItem 7. MD&A\n\nRevenue grew."
    )
    segs = segment(text, "paragraph", domain="finance")
    assert [s.text for s in segs] == [
        "Item 1A. Risk Factors\n\nCompetition is intense.",
        "Rates may rise.",
        "Item 7. MD&A\n\nRevenue grew.",
    ]
    assert [s.section for s in segs] == ["Item 1A. Risk Factors"] * 2 + ["Item 7. MD&A"]
    _check_offsets(text, segs)


@pytest.mark.parametrize("max_tokens", [16, 40, 200])
def test_chunks_respect_the_token_limit_and_sections(max_tokens):
    long_zh = (
        ZH_NOTE
        + "治疗经过："
        + "患者入院后予抗感染、化痰、补液等治疗，体温逐渐恢复正常，咳嗽明显减轻。" * 12
        + "\n"
    )
    segs = segment(long_zh.strip(), "chunk", domain="medical", max_tokens=max_tokens)
    assert all(count_tokens(s.text) <= max_tokens for s in segs)
    _check_offsets(long_zh.strip(), segs)
    covered = "".join(s.text for s in segs)
    assert len(covered.replace("\n", "")) == len(long_zh.strip().replace("\n", ""))
    by_section = {}
    for s in segs:
        by_section.setdefault(s.section, []).append(s)
    assert "治疗经过" in by_section and "主诉" in by_section


def test_count_tokens_cjk_and_words():
    assert count_tokens("患者主诉 chest pain 3 days") == 4 + 4


def test_sections_share_the_document_group_and_carry_their_heading(tmp_path):
    (tmp_path / "pt7_admission_note.txt").write_text(ZH_NOTE, encoding="utf-8")
    rows, _ = ingest(
        [{"path": str(tmp_path), "path_pattern": r"(?P<group_id>pt\d+)_(?P<doc_type>[a-z_]+)\."}],
        granularity="section",
    )
    assert {r["group_id"] for r in rows} == {"pt7"} and {r["doc_type"] for r in rows} == {"admission_note"}
    assert [r["source"]["section"] for r in rows][1:3] == ["主诉", "现病史"]
    assert all(r["meta"].get("section") == r["source"]["section"] for r in rows[1:])
    assert len({r["meta"]["doc_id"] for r in rows}) == 1 and [r["meta"]["segment"] for r in rows] == list(
        range(len(rows))
    )


def test_without_a_group_key_sections_share_the_document_id(tmp_path):
    (tmp_path / "note.txt").write_text(EN_NOTE, encoding="utf-8")
    rows, _ = ingest([{"path": str(tmp_path)}], granularity="section")
    assert len(rows) > 3 and {r["group_id"] for r in rows} == {rows[0]["meta"]["doc_id"]}
