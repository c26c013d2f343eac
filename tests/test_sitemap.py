"""sitemap.xml lists every page once, with the same alternates as the page's head."""

from __future__ import annotations

from lxml import etree

from helpers import alternates, content_pages, url_of

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(site) -> dict[str, dict[str, str]]:
    root = etree.parse(str(site / "sitemap.xml")).getroot()
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_every_page_of_both_languages(site, pages: dict) -> None:
    assert set(sitemap(site)) == {url_of(path) for path in content_pages(pages)}


def test_sitemap_alternates_equal_head_alternates(site, pages: dict) -> None:
    entries = sitemap(site)
    for path, doc in content_pages(pages).items():
        assert entries[url_of(path)] == alternates(doc), path


def test_only_one_sitemap_is_written(site) -> None:
    assert not (site / "en" / "sitemap.xml").exists()
