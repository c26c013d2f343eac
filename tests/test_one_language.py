"""A page that exists in one language only is never published as the other's translation."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from lxml import etree
from mkdocs.exceptions import Abort

from helpers import SITE_URL, front, parse

FILES = {
    "vi/index.md": front("Trang chủ") + "# Trang chủ\n",
    "en/index.md": front("Home") + "# Home\n",
    "vi/gioi-thieu/index.md": front("Giới thiệu") + "# Giới thiệu\n",
    "en/gioi-thieu/index.md": front("About") + "# About\n",
    "vi/gioi-thieu/chi-tieng-viet.md": front("Chỉ có tiếng Việt") + "# Chỉ có tiếng Việt\n",
    "en/only-english.md": front("Only in English") + "# Only in English\n",
}


@pytest.fixture
def built(small_site):
    return small_site(FILES)


def test_untranslated_page_is_not_built_under_the_other_language(built) -> None:
    assert (built / "gioi-thieu/chi-tieng-viet/index.html").is_file()
    assert not (built / "en/gioi-thieu/chi-tieng-viet").exists()
    assert (built / "en/only-english/index.html").is_file()
    assert not (built / "only-english").exists()


def test_language_link_leads_to_the_nearest_translated_parent(built) -> None:
    page = "gioi-thieu/chi-tieng-viet/"
    header = "//a[contains(@class, 'ttdn-lang__link')]"
    (href,) = parse(built / page / "index.html").xpath(f"{header}[@hreflang='en']/@href")
    assert urljoin(SITE_URL + page, href) == SITE_URL + "en/gioi-thieu/"
    page = "en/only-english/"
    (href,) = parse(built / page / "index.html").xpath(f"{header}[@hreflang='vi']/@href")
    assert urljoin(SITE_URL + page, href) == SITE_URL


def test_untranslated_page_says_so_in_the_other_language(built) -> None:
    """Never a silent jump: a notice, in the language that is missing, names where it leads."""
    page = "gioi-thieu/chi-tieng-viet/"
    doc = parse(built / page / "index.html")
    (notice,) = doc.xpath("//aside[contains(@class, 'ttdn-untranslated')]")
    assert notice.get("lang") == "en"
    text = " ".join(notice.itertext())
    assert "This page is not available in English." in text and "About" in text
    (href,) = notice.xpath(".//a[@hreflang='en']/@href")
    assert urljoin(SITE_URL + page, href) == SITE_URL + "en/gioi-thieu/"
    (notice,) = parse(built / "en/only-english/index.html").xpath(
        "//aside[contains(@class, 'ttdn-untranslated')]"
    )
    assert notice.get("lang") == "vi" and "chưa có bản tiếng Việt" in " ".join(notice.itertext())
    assert parse(built / "gioi-thieu/index.html").xpath("//aside[contains(@class, "
                                                        "'ttdn-untranslated')]") == []


def test_untranslated_page_lists_no_alternate_in_the_other_language(built) -> None:
    doc = parse(built / "gioi-thieu/chi-tieng-viet/index.html")
    hreflangs = doc.xpath("//head/link[@rel='alternate']/@hreflang")
    assert sorted(hreflangs) == ["vi", "x-default"]
    assert doc.xpath("//head/meta[@property='og:locale:alternate']") == []


def test_sitemap_lists_the_page_once_without_a_translation(built) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = etree.parse(str(built / "sitemap.xml")).getroot()
    locs = root.xpath("//s:loc/text()", namespaces=ns)
    assert SITE_URL + "gioi-thieu/chi-tieng-viet/" in locs
    assert SITE_URL + "en/gioi-thieu/chi-tieng-viet/" not in locs
    links = root.xpath(
        f"//s:url[s:loc='{SITE_URL}gioi-thieu/chi-tieng-viet/']/x:link/@hreflang", namespaces=ns
    )
    assert sorted(links) == ["vi", "x-default"]


def test_bad_front_matter_fails_the_build_naming_file_and_line(small_site, caplog) -> None:
    files = dict(FILES)
    files["vi/gioi-thieu/sai.md"] = "---\ntitle: Sai\ndescription: Sai.\ndate: 31/12/2023\n---\n"
    with pytest.raises(Abort):
        small_site(files)
    message = caplog.text
    assert "vi/gioi-thieu/sai.md:4: schema: 'date' không phải ngày hợp lệ" in message
    assert "'date' is not a valid date" in message
