"""The text of a built page's searchable region."""

from __future__ import annotations

import unicodedata

from ttdn.search.extract import page_text


def page(body: str, head: str = "") -> str:
    return (f"<html><head>{head}</head><body><header><form data-ttdn-search>Tìm</form></header>"
            f"{body}<footer>Chân trang</footer></body></html>")


REGION = ('<div data-ttdn-search-body data-ttdn-search-title="Đảo Lý Sơn" '
          'data-ttdn-search-section="Chuyên mục">{}</div>')


def test_region_text_without_title_heading_permalinks_scripts_or_ignored_parts() -> None:
    html = page(REGION.format(
        '<h1>Đảo Lý Sơn</h1><div data-ttdn-search-ignore>Ngày đăng</div>'
        '<h2 id="a">Biển<a class="headerlink" href="#a">¶</a></h2><p>Huyện đảo<br>Lý Sơn</p>'
        '<script>x()</script><figure><img alt="ảnh"><figcaption>Chú thích</figcaption></figure>'
    ) + "<p>Bài mới nhất</p>")
    found = page_text(html)
    assert found is not None
    assert (found.title, found.section) == ("Đảo Lý Sơn", "Chuyên mục")
    assert found.text == "Biển Huyện đảo Lý Sơn Chú thích"


def test_decomposed_text_is_read_in_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Quảng Ngãi")
    found = page_text(page(REGION.format(f"<p>{nfd}</p>")))
    assert found.text == unicodedata.normalize("NFC", "Quảng Ngãi")


def test_pages_without_region_or_marked_noindex_give_nothing() -> None:
    assert page_text(page("<p>Danh sách</p>")) is None
    noindex = '<meta name="robots" content="noindex, follow">'
    assert page_text(page(REGION.format("<p>Riêng</p>"), head=noindex)) is None


def test_navigation_inside_the_region_is_left_out() -> None:
    html = page(REGION.format(
        '<h1>Đảo Lý Sơn</h1><nav aria-label="Breadcrumb"><ol><li><a href="/">Bản tin</a></li>'
        '<li><a href="../">Số 1/2023</a></li></ol></nav><p>Huyện đảo Lý Sơn</p>'))
    found = page_text(html)
    assert found is not None and found.text == "Huyện đảo Lý Sơn"
