"""The page types: each stands for one built page, found by its path or glob, or is missing."""

from __future__ import annotations

import pytest

from support.audit import PageType, heaviest_pages, page_path

pytestmark = pytest.mark.audit


def make(site, *paths: str) -> None:
    for path in paths:
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text("<p>" + "x" * len(path) + "</p>", "utf-8")


def test_a_page_type_is_its_first_built_match_in_each_language(tmp_path) -> None:
    make(tmp_path, "tin-bai/2026/b/index.html", "tin-bai/2026/a/index.html", "en/404.html")
    article = PageType("article", "tin-bai/[0-9][0-9][0-9][0-9]/*/")
    assert page_path(tmp_path, article, "vi") == "tin-bai/2026/a/"
    assert page_path(tmp_path, PageType("404", "404.html"), "en") == "en/404.html"


def test_a_page_type_with_no_built_page_is_missing(tmp_path) -> None:
    make(tmp_path, "tin-bai/index.html")
    article = PageType("article", "tin-bai/[0-9][0-9][0-9][0-9]/*/")
    assert page_path(tmp_path, article, "vi") is None
    assert page_path(tmp_path, PageType("article", "tin-bai/"), "en") is None


def test_heaviest_pages_rank_html_and_the_files_it_loads(tmp_path) -> None:
    make(tmp_path, "a/x/index.html", "a/y/index.html")
    (tmp_path / "a" / "y" / "big.jpg").write_bytes(b"0" * 5000)
    (tmp_path / "a" / "y" / "index.html").write_text('<img src="big.jpg" alt="">', "utf-8")
    assert heaviest_pages(tmp_path, PageType("t", "a/*/"), "vi", 1) == ["a/y/"]
