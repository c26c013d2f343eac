"""Bad articles fail the build with the file, the line and a bilingual message."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import Abort

from helpers import article, column_site

BAD = "vi/tin-bai/2023/bai-sai.md"


def build_error(small_site, caplog, text: str, name: str = BAD) -> str:
    files = column_site(1, 1)
    files[name] = text
    with pytest.raises(Abort):
        small_site(files)
    return caplog.text


def test_article_without_title(small_site, caplog) -> None:
    text = article("X", "2023-02-01").replace("title: X\n", "")
    log = build_error(small_site, caplog, text)
    assert f"{BAD}:" in log and "Thiếu trường bắt buộc 'title'" in log
    assert "The required field 'title' is missing" in log


def test_article_with_a_date_that_does_not_parse(small_site, caplog) -> None:
    log = build_error(small_site, caplog, article("X", "1/2/2023"))
    assert f"{BAD}:4: schema: 'date' không phải ngày hợp lệ" in log


def test_article_with_an_unknown_category(small_site, caplog) -> None:
    log = build_error(small_site, caplog, article("X", "2023-02-01", category="the-thao"))
    assert f"{BAD}:5: schema: Chủ đề 'the-thao' không có trong danh sách" in log
    assert "Unknown category 'the-thao'" in log


def test_article_cover_without_alt_text(small_site, caplog) -> None:
    log = build_error(small_site, caplog, article("X", "2023-02-01", image="anh.jpg"))
    assert f"{BAD}:7: schema: Có 'image' nhưng thiếu 'image_alt'" in log


def test_two_articles_with_the_same_slug_in_one_language(small_site, caplog) -> None:
    name = "vi/tin-bai/2022/bai-01.md"  # bai-01 exists in 2023 already
    log = build_error(small_site, caplog, article("X", "2022-05-01"), name=name)
    assert "Tên bài 'bai-01' đã dùng" in log and "The slug 'bai-01' is already used" in log


def test_article_outside_the_folder_of_its_year(small_site, caplog) -> None:
    log = build_error(small_site, caplog, article("X", "2024-01-01"))
    assert f"{BAD}:4:" in log and "tin-bai/2024/bai-sai.md" in log
