"""The tagged structure a screen reader walks, read with pikepdf and checked with `pdfua`."""

from __future__ import annotations

import collections

import lxml.html
import pikepdf
import pytest
from pdfua import Severity, validate

from print.conftest import ARTICLES
from print.structure import elements, figures, links, marked_texts, orphans

ALL = ["vi-screen", "vi-print", "en-screen", "bilingual-screen"]


def opened(editions, name: str) -> pikepdf.Pdf:
    return pikepdf.open(editions.pdfs[name].path)


def issues_of(editions, name: str) -> list:
    return [editions.vi, editions.en] if name.startswith("bilingual") else (
        [editions.en] if name.startswith("en") else [editions.vi])


def test_bilingual_edition_tags_every_element_of_each_part_with_its_language(editions):
    with opened(editions, "bilingual-screen") as pdf:
        found = list(elements(pdf))
        by_page = collections.defaultdict(set)
        for element in found:
            if element.page is not None:
                by_page[element.page].add(element.lang)
        pages = len(pdf.pages)
        # Every element has a language, and each page holds one part's only.
        assert all(element.lang in ("vi", "en") for element in found)
        assert all(len(langs) == 1 for langs in by_page.values()), by_page
        order = [by_page[page].copy().pop() for page in sorted(by_page)]
        switch = order.index("en")
        # One part after the other (the parts' lengths differ: articles follow on).
        assert set(order[:switch]) == {"vi"} and set(order[switch:]) == {"en"}
        assert 0 < switch < pages


@pytest.mark.parametrize("name", ALL)
def test_no_element_is_an_orphan_of_the_parent_tree(editions, name):
    # Running heads and page numbers are artifacts, not elements no parent lists.
    with opened(editions, name) as pdf:
        assert orphans(pdf) == []
        artifacts = sum(
            1 for page in pdf.pages[1:]
            for operands, operator in pikepdf.parse_content_stream(page)
            if str(operator) == "BMC" and operands[0] == pikepdf.Name.Artifact
        )
        assert artifacts >= 2 * (len(pdf.pages) - 1)  # a running head and a number a page


@pytest.mark.parametrize("name", ALL)
def test_each_contents_entry_is_one_link_named_after_its_article(editions, name):
    issues = issues_of(editions, name)
    with opened(editions, name) as pdf:
        internal = [(contents, target) for _, contents, target in links(pdf)
                    if target and not target.startswith(("http", "mailto"))]
    expected = [article.title for issue in issues for article in issue.articles]
    assert [contents for contents, _ in internal] == expected


@pytest.mark.parametrize("name", ALL)
def test_each_article_is_one_art_element_even_across_pages(editions, name):
    parts = 2 if name.startswith("bilingual") else 1
    with opened(editions, name) as pdf:
        arts = [element for element in elements(pdf) if element.tag == "/Art"]
        assert len(arts) == parts * ARTICLES
        pages = len(pdf.pages)
    assert pages > parts * (2 + ARTICLES)  # so some article does run over a page


@pytest.mark.parametrize("name", ["vi-screen", "en-screen", "bilingual-screen"])
def test_pdfua_finds_nothing_in_the_screen_editions(editions, name):
    report = validate(str(editions.pdfs[name].path))
    assert [(f.rule_id, f.message) for f in report.findings] == []


def test_pdfua_finds_only_the_missing_pdfua_claim_in_the_pdfa_print_edition(editions):
    # PDF/A-2a is the print edition's claim (WeasyPrint writes one variant per file).
    report = validate(str(editions.pdfs["vi-print"].path))
    assert [f.rule_id for f in report.findings if f.severity >= Severity.WARNING] == [
        "UA-28-004"]


def pictures(issue) -> list[tuple[str, str, str]]:
    """(src, language, alt) of the issue's cover and of every picture in its articles."""
    found = [(issue.cover, issue.lang, issue.cover_alt)]
    for article in issue.articles:
        for img in lxml.html.fragment_fromstring(article.html, create_parent="div").iter("img"):
            found.append((img.get("src"), issue.lang, img.get("alt")))
    return found


@pytest.mark.parametrize("name", ALL)
def test_every_picture_is_described_in_each_language_of_the_edition_with_its_lang(editions, name):
    # The bilingual edition is one part per language, each placing every picture again: each
    # Figure's /Alt is its part's description, read with its part's /Lang (never the other's).
    issues = issues_of(editions, name)
    path = editions.pdfs[name].path
    with pikepdf.open(path) as pdf:
        found = sorted((figure.lang, figure.alt) for figure in figures(pdf, marked_texts(path)))
    expected = [picture for issue in issues for picture in pictures(issue)]
    assert found == sorted((lang, alt) for _, lang, alt in expected)
    described = {(src, lang) for src, lang, _ in expected}
    assert described == {(src, issue.lang) for src, _, _ in expected for issue in issues}
