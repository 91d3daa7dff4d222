"""PDF lines wrapped to the page width are joined back; headings, table rows and list items are not."""

from __future__ import annotations

import pytest
from ingest_fixtures import ingest, write_pdf

from corpuskit.stages.ingest.readers.layout import rejoin_wrapped_lines

ZH_PAGE = (
    "入院记录\n"
    "患者因反复胸闷气短三年加重一周入院，患者张\n"
    "伟，男，六十五岁，既往高血压病史十余年，\n"
    "规律服药。\n"
    "诊断：冠心病\n"
    "1. 阿司匹林肠溶片口服每日一次每次一片\n"
    "2. 阿托伐他汀钙片口服每晚一次每次一片"
)
EN_PAGE = (
    "Discharge Summary\n"
    "The patient was admitted with chest pain and was\n"
    "found to have an elevated troponin; cardiology saw\n"
    "him on the first day.\n"
    "Plan: aspirin.\n"
    "Follow up in two weeks."
)


@pytest.mark.parametrize(
    "page,joined,kept",
    [
        (
            ZH_PAGE,
            "患者张伟，男，六十五岁，既往高血压病史十余年，规律服药。",
            ["入院记录\n患者", "诊断：冠心病\n1. 阿司匹林"],
        ),
        (
            EN_PAGE,
            "chest pain and was found to have an elevated troponin; cardiology saw him on",
            ["Summary\nThe", "aspirin.\nFollow"],
        ),
    ],
)
def test_wrapped_lines_join_and_short_lines_stay(page, joined, kept):
    out = rejoin_wrapped_lines(page)
    assert joined in out
    for piece in kept:
        assert piece in out


@pytest.mark.parametrize(
    "text",
    [
        "one line only",
        "a\nb",
        "Name | Value\nWBC | 12.3\nHgb | 9.8\nPlt | 250",  # a table: no line is a wrapped sentence
        "第一条 标的物\n第二条 付款方式\n第三条 争议解决\n第四条 其他",
    ],
)
def test_text_without_wrapped_lines_is_unchanged(text):
    assert rejoin_wrapped_lines(text) == text


def test_a_name_cut_by_a_pdf_line_break_is_whole_in_the_record(tmp_path):
    write_pdf(tmp_path / "note.pdf", [ZH_PAGE], zh=True)
    (rec,), _ = ingest([{"path": str(tmp_path)}])
    assert "患者张伟，男" in rec["text"]
    (raw,), _ = ingest([{"path": str(tmp_path)}], pdf_rejoin_lines=False)
    assert "患者张\n伟" in raw["text"]  # the option turns it off, and off the name is cut in two
