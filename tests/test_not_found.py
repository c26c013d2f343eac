"""One 404 page per language, each in its own language (static-i18n writes only one)."""

from __future__ import annotations

from urllib.parse import urljoin


def test_vietnamese_404_is_in_vietnamese(pages: dict) -> None:
    doc = pages["404.html"]
    assert doc.get("lang") == "vi"
    assert doc.xpath("string(//h1)") == "Không tìm thấy trang"
    assert doc.xpath("//head/link[@rel='canonical']") == []  # not a page to point search at


def test_english_404_is_in_english(pages: dict) -> None:
    doc = pages["en/404.html"]
    assert doc.get("lang") == "en"
    assert doc.xpath("string(//h1)") == "Page not found"


def test_404_links_use_absolute_paths_so_they_work_at_any_depth(pages: dict) -> None:
    for path in ("404.html", "en/404.html"):
        hrefs = pages[path].xpath("//link[@rel='stylesheet']/@href")
        assert hrefs and all(h.startswith("/") for h in hrefs), path
    (home,) = pages["en/404.html"].xpath("//a[@hreflang='vi']/@href")
    assert urljoin("https://x.test/en/a/b/missing/", home) == "https://x.test/"
