"""Raw HTML, handlers, schemes and comments in a page fail the build with the page and line; what
the failed build wrote is clean anyway; everything Markdown and its extensions write passes."""

from __future__ import annotations

from guard.checks import build_failing, findings_of, unsafe
from guard.conftest import html_pages
from guard.corpus import EITHER, PASSING, REFUSED, REFUSED_AT_LOAD
from guard.sites import refused_at_load_files, snippet_lines


def test_the_corpus_is_broad() -> None:
    names = [c.name for c in REFUSED + REFUSED_AT_LOAD + EITHER + PASSING]
    assert len(REFUSED + REFUSED_AT_LOAD) >= 40 and len(set(names)) == len(names)


def test_every_refused_case_fails_the_build_naming_its_page_and_line(refused_build) -> None:
    report, _ = refused_build
    found = findings_of(report)
    wrong = {}
    for case in REFUSED:
        path = f"docs/vi/c/{case.name}.md"
        lines = {line for p, line, _ in found if p == path}
        if not lines or not lines <= snippet_lines(case):
            wrong[case.name] = (sorted(lines), sorted(snippet_lines(case)))
    assert wrong == {}


def test_tricky_cases_fail_on_their_own_line_or_not_at_all(refused_build) -> None:
    report, site = refused_build
    found = findings_of(report)
    wrong = {}
    for case in EITHER:
        lines = {line for p, line, _ in found if p == f"docs/vi/c/{case.name}.md"}
        if not lines <= snippet_lines(case):
            wrong[case.name] = sorted(lines)
        assert (site / f"c/{case.name}/index.html").is_file()  # checked clean below
    assert wrong == {}


def test_remote_and_data_images_fail_the_build_naming_page_and_line(tmp_path) -> None:
    report, _ = build_failing(tmp_path, refused_at_load_files())
    found = {(path, line) for path, line, _ in findings_of(report)}
    for case in REFUSED_AT_LOAD:
        (line,) = snippet_lines(case)
        assert (f"docs/vi/c/{case.name}.md", line) in found


def test_the_other_languages_findings_are_in_the_same_report(refused_build) -> None:
    report, _ = refused_build
    paths = {path for path, _, _ in findings_of(report)}
    assert {f"docs/en/c/{case.name}.md" for case in REFUSED[:3]} <= paths


def test_no_page_of_the_passing_cases_is_reported(refused_build) -> None:
    report, _ = refused_build
    assert "docs/vi/index.md" not in report and "docs/en/index.md" not in report


def test_each_finding_says_what_was_refused_in_vietnamese_then_english(refused_build) -> None:
    report, _ = refused_build
    assert "Thẻ HTML <script> không được phép" in report
    assert "The HTML element <script> is not allowed" in report
    assert report.index("Thẻ HTML <iframe>") < report.index("The HTML element <iframe>")
    assert "javascript:" in report and "write https://" in report


def test_a_failed_build_wrote_nothing_unsafe(refused_build) -> None:
    _, site = refused_build
    pages = html_pages(site)
    assert len(pages) > len(REFUSED)  # both languages were built before the build failed
    assert {path: unsafe(doc) for path, doc in pages.items() if unsafe(doc)} == {}


def test_passing_cases_build_into_clean_pages(passing_site) -> None:
    pages = html_pages(passing_site)
    assert {f"c/{case.name}/index.html" for case in PASSING} <= set(pages)
    assert {path: unsafe(doc) for path, doc in pages.items() if unsafe(doc)} == {}


def test_what_markdown_writes_is_published_unchanged(passing_site) -> None:
    def page(name):
        return html_pages(passing_site)[f"c/{name}/index.html"].xpath("//article")[0]

    assert "<script>alert('escaped')</script>" in page("escaped-text").text_content()
    assert page("code-block").xpath("string(.//pre/code)").startswith("<script>alert('fence')")
    links = page("safe-links").xpath(".//a/@href")
    assert {"https://www.quangngai.gov.vn/", "mailto:ttdn@example.vn", "tel:+842553822222",
            "../../", "#muc-hai"} <= set(links)
    assert page("footnote-abbr").xpath(".//abbr[@title='Ủy ban nhân dân']")
    assert page("footnote-abbr").xpath(".//div[@class='footnote']//li[@id]")
    assert page("definition-list").xpath(".//dl/dt")
    assert page("admonition-details").xpath(".//div[contains(@class,'admonition')]")
    assert page("admonition-details").xpath(".//details/summary")
    assert page("table-aligned").xpath(".//td[@align='right']")
    assert page("attr-list-class-id").xpath(".//p[@class='ghi-chu'][@id='doan-mot'][@lang='en']")
    assert page("md-in-html").xpath(".//div[@class='ttdn-cards']/p/strong")
    assert page("html-inline-safe").xpath(".//kbd") and page("html-inline-safe").xpath(".//sub")
    (link,) = page("link-title-quotes").xpath(".//a[@title]")
    assert link.get("onmouseover") is None and "onmouseover" in link.get("title")
