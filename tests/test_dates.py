"""Dates in each language's own form: "27 tháng 12, 2022" / "27 December 2022"."""

from __future__ import annotations

import datetime as dt

from helpers import content_pages, language_of
from ttdn.i18n import Languages

LANGS = Languages.from_codes(["vi", "en"], "vi")


def test_every_page_shows_its_date_modified_in_its_language(pages: dict) -> None:
    label = {"vi": "Ngày cập nhật", "en": "Date modified"}
    for path, doc in content_pages(pages).items():
        lang = LANGS.get(language_of(path))
        (time,) = doc.xpath("//footer//time")
        written = lang.format_date(dt.date.fromisoformat(time.get("datetime")))
        assert time.text == written, path
        assert label[lang.code] in time.getparent().text_content(), path


def test_plan_page_footer_dates_read_naturally(pages: dict) -> None:
    vi = pages["van-ban/ke-hoach-197-kh-ubnd/index.html"].xpath("string(//footer//time)")
    en = pages["en/van-ban/ke-hoach-197-kh-ubnd/index.html"].xpath("string(//footer//time)")
    assert (vi, en) == ("27 tháng 12, 2022", "27 December 2022")


def test_footer_has_agency_and_report_a_problem_link(pages: dict) -> None:
    vi = pages["index.html"].xpath("//footer")[0]
    en = pages["en/index.html"].xpath("//footer")[0]
    assert "Ủy ban nhân dân tỉnh Quảng Ngãi" in vi.text_content()
    assert "People's Committee of Quảng Ngãi Province" in en.text_content()
    assert vi.xpath(".//a[.='Báo lỗi trang']/@href") == ["bao-loi/"]
    assert en.xpath(".//a[.='Report a problem']/@href") == ["bao-loi/"]
