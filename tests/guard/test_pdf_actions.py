"""PDF actions: what runs on opening or on a page event, what opens other files or programs,
and links that are not https: or mailto:, each refused naming its object and why, however
the PDF writes it (hex strings, #xx escapes in names, indirect objects, /Next chains)."""

from __future__ import annotations

import pytest

from guard.pdfs import CLEAN_PDFS, HOSTILE_PDFS, raw_pdf
from ttdn.guard import pdf


@pytest.mark.parametrize("name", sorted(HOSTILE_PDFS))
def test_an_acting_pdf_is_refused_with_its_object_and_reason(name: str) -> None:
    data, reason = HOSTILE_PDFS[name]
    problems = pdf.check(data)
    assert any(reason in p.en for p in problems), [p.en for p in problems]
    assert all(p.en.startswith("PDF object ") and "export the PDF again" in p.en
               for p in problems)
    assert all(p.vi.startswith("Tệp PDF, đối tượng ") for p in problems)


@pytest.mark.parametrize("name", sorted(CLEAN_PDFS))
def test_in_document_jumps_and_https_or_mailto_links_are_published(name: str) -> None:
    assert pdf.check(CLEAN_PDFS[name]) == []


def test_the_catalog_page_and_annotation_are_named() -> None:
    open_uri = pdf.check(HOSTILE_PDFS["open-uri.pdf"][0])
    assert "object 1 (the document catalog)" in open_uri[0].en
    page = pdf.check(HOSTILE_PDFS["page-aa-uri.pdf"][0])
    assert "object 3 (page 1)" in page[0].en and "trang 1" in page[0].vi
    link = pdf.check(HOSTILE_PDFS["uri-http.pdf"][0])
    assert "(page 1, annotation 1)" in link[0].en


def test_a_uri_hidden_behind_control_characters_is_read_as_a_viewer_reads_it() -> None:
    for written in ("\\001javascript:a", "\\tjava script:a", "JAVASCRIPT:a", "\\r\\njavascript:a"):
        data = raw_pdf(objects=(f"<< /S /URI /URI ({written}) >>",))
        assert any("the link 'javascript:a'" in p.en.replace("JAVASCRIPT", "javascript")
                   for p in pdf.check(data)), written


def test_an_annotation_event_that_only_jumps_inside_the_document_passes() -> None:
    data = raw_pdf(page_extra="/AA << /O << /S /GoTo /D [3 0 R /Fit] >> >>")
    assert pdf.check(data) == []
