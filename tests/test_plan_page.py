"""The first real content: Kế hoạch 197/KH-UBND, complete in both languages."""

from __future__ import annotations

import re

import pytest

PLAN = "van-ban/ke-hoach-197-kh-ubnd/index.html"


def numbered_headings(doc, part: str) -> list[int]:
    """Numbers of the h3 headings between part `part` (an h2 starting "II."…) and the next h2."""
    numbers, inside = [], False
    for heading in doc.xpath("//article//h2 | //article//h3"):
        text = heading.text_content().strip()
        if heading.tag == "h2":
            inside = text.startswith(f"{part}.")
        elif inside:
            numbers.append(int(re.match(r"(\d+)\.", text).group(1)))
    return numbers


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_plan_has_all_eleven_tasks(pages: dict, prefix: str) -> None:
    assert numbered_headings(pages[prefix + PLAN], "II") == list(range(1, 12))


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_plan_has_all_thirteen_responsibilities(pages: dict, prefix: str) -> None:
    assert numbered_headings(pages[prefix + PLAN], "IV") == list(range(1, 14))


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_plan_has_budget_recipients_and_signature(pages: dict, prefix: str) -> None:
    text = pages[prefix + PLAN].xpath("string(//article)")
    assert "III." in text
    assert "Trần Phước Hiền" in text
    assert "1079/QĐ-TTg" in text
    assert "15/11/2023" in text or "15 November 2023" in text


def test_plan_identity_block_uses_each_language_date_form(pages: dict) -> None:
    vi = pages[PLAN].xpath("string(//dl[@class='ttdn-docmeta'])")
    en = pages["en/" + PLAN].xpath("string(//dl[@class='ttdn-docmeta'])")
    assert "197/KH-UBND" in vi and "27 tháng 12, 2022" in vi
    assert "197/KH-UBND" in en and "27 December 2022" in en


def test_heading_anchors_keep_d_with_stroke_as_d(pages: dict) -> None:
    ids = pages[PLAN].xpath("//article//h3/@id")
    # "3. Đấu tranh, phản bác thông tin sai trái, …": Python-Markdown's default drops the Đ.
    assert any(i.startswith("3-dau-tranh-phan-bac-thong-tin-sai-trai") for i in ids)


@pytest.mark.parametrize(("prefix", "year"), [("", "Năm 2022"), ("en/", "2022")])
def test_documents_section_lists_the_plan_under_its_year(pages: dict, prefix: str, year: str):
    doc = pages[prefix + "van-ban/index.html"]
    assert doc.xpath("//article//h2/text()") == [year]
    assert doc.xpath("//ul[@class='ttdn-documents']//a/@href") == ["ke-hoach-197-kh-ubnd/"]
    assert doc.xpath("//ul[@class='ttdn-documents']//a/text()") == ["197/KH-UBND"]
