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


def text_of(region_html: str) -> str:
    found = page_text(page(REGION.format(region_html)))
    assert found is not None
    return found.text


def test_unclosed_elements_end_with_the_region_not_with_the_page() -> None:
    # html.parser counted tags: an unclosed <p> or <li> kept the region open to the footer.
    assert text_of("<p>một<p>hai") == "một hai"
    assert text_of("<ul><li>một<li>hai</ul>") == "một hai"
    assert text_of("<p>một</span> hai</p><p>ba</p>") == "một hai ba"  # stray end: ignored


def test_comments_cdata_and_processing_instructions_give_no_text() -> None:
    assert text_of("a<!-- ẩn -->b <!-- <p>ẩn</p> --> c") == "ab c"
    assert text_of("a<![CDATA[ẩn]]>b<?php echo 1 ?>c") == "abc"


def test_character_references_are_read_as_a_browser_reads_them() -> None:
    assert text_of("<p>&amp; &lt;x&gt; &copy &notit; &#x80; &#0; &bogus; &Aacute;</p>") == (
        "& <x> © ¬it; € \ufffd &bogus; Á")
    assert text_of("Lý&nbsp;Sơn") == "Lý Sơn"  # a no-break space separates words


def test_scripts_styles_and_svg_inside_the_region_are_left_out_whatever_they_hold() -> None:
    assert text_of('<p>a</p><script>var s = "</div><p>lộ</p>";</script><p>b</p>') == "a b"
    assert text_of("<style>p::after{content:'lộ'}</style><p>a</p>") == "a"
    assert text_of('a<svg><title>biểu tượng</title><path d="M0"/></svg>b') == "ab"
    assert text_of("<noscript>lộ</noscript><template><p>lộ</p></template>a") == "a"


def test_textarea_content_is_text_not_markup() -> None:
    assert text_of("<textarea><b>x</b></textarea>") == "<b>x</b>"


def test_only_the_first_region_is_read_and_a_region_inside_it_is_ordinary_text() -> None:
    nested = REGION.format('<p>a</p><div data-ttdn-search-body data-ttdn-search-title="X">'
                           "<p>b</p></div><p>c</p>")
    found = page_text(page(nested + REGION.format("<p>trang khác</p>")))
    assert found is not None and (found.title, found.text) == ("Đảo Lý Sơn", "a b c")


def test_tag_and_attribute_names_in_upper_case_are_the_same_names() -> None:
    html = page('<DIV DATA-TTDN-SEARCH-BODY DATA-TTDN-SEARCH-TITLE="Lý Sơn"><H1>Lý Sơn</H1>'
                "<P>Đảo<BR>lớn</P><NAV>Trang chủ</NAV><SCRIPT>x()</SCRIPT>"
                "<DIV DATA-TTDN-SEARCH-IGNORE>Ngày</DIV></DIV>")
    found = page_text(html)
    assert found is not None and (found.title, found.text) == ("Lý Sơn", "Đảo lớn")


def test_attributes_without_values() -> None:
    assert text_of('<p class>a</p><span data-ttdn-search-ignore>b</span><span hidden>c</span>'
                   '<a class="x headerlink">¶</a>') == "a c"
    found = page_text(page("<div data-ttdn-search-body><p>a</p></div>"))
    assert found is not None and (found.title, found.section, found.text) == ("", "", "a")


def test_blocks_and_line_breaks_separate_words_inline_elements_do_not() -> None:
    assert text_of("Lý<b>Sơn</b>") == "LýSơn"
    assert text_of("a<br>b<br/>c") == "a b c"
    assert text_of("a<hr>b") == "a b"  # html.parser took <hr> for inline: "ab"
    assert text_of("a<img alt='ảnh'>b") == "ab"  # alternative text is not page text
    assert text_of("<table><tr><td>a</td><td>b</td></tr></table>c") == "a b c"
    assert text_of("a<div/>b<span/>c") == "a bc"  # "/>" closes any element, as before


def test_a_boundary_inside_a_left_out_element_still_separates_the_words_around_it() -> None:
    assert text_of("a<span data-ttdn-search-ignore>x</span>b") == "ab"
    assert text_of("a<div data-ttdn-search-ignore>x</div>b") == "a b"
    assert text_of("a<button>x<br>y</button>b") == "a b"
    assert text_of("a<button><div>x</div></button>b") == "a b"


def test_the_first_heading_reached_is_the_title_and_later_ones_are_text() -> None:
    assert text_of("<nav><h1>Mục lục</h1></nav><h1>Tiêu đề</h1><h1>Phần hai</h1>") == "Phần hai"
    assert text_of("<h1 data-ttdn-search-ignore>Ẩn</h1><h1>Hiện</h1>") == "Hiện"
    assert text_of("<p>Mở đầu</p><h1>Tiêu đề</h1><h2>Mục</h2>") == "Mở đầu Mục"


def test_noindex_is_read_in_any_case_anywhere_and_through_character_references() -> None:
    region = REGION.format("<p>x</p>")
    for meta in ('<meta name="ROBOTS" content="NoIndex">',
                 '<meta name="&#114;obots" content="noindex,nofollow">'):
        assert page_text(page(region, head=meta)) is None
    assert page_text(page(region + '<meta name="robots" content="noindex">')) is None
    assert page_text(page(region, head='<meta name="robots" content="index">')) is not None
    assert page_text(page(region, head='<meta name="googlebot" content="noindex">')) is not None


def test_a_region_named_only_in_text_comments_or_scripts_is_no_region() -> None:
    for body in ("<p>data-ttdn-search-body</p>",
                 "<!-- <div data-ttdn-search-body>x</div> --><p>y</p>",
                 "<script>'<div data-ttdn-search-body>x</div>'</script><p>y</p>"):
        assert page_text(page(body)) is None


def test_the_first_of_two_equal_attributes_counts_as_in_a_browser() -> None:
    found = page_text(page('<div data-ttdn-search-body data-ttdn-search-title="Một" '
                           'data-ttdn-search-title="Hai">x</div>'))
    assert found is not None and found.title == "Một"


def test_content_nested_a_thousand_deep_is_read_to_its_end() -> None:
    # Past libxml2's default depth (256) and Python's recursion limit (1000).
    deep = "<span>" * 1500 + "sâu" + "</span>" * 1500
    assert text_of(deep + "<p>sau</p>") == "sâu sau"


def test_title_and_section_are_read_in_nfc_with_references_resolved() -> None:
    nfd = unicodedata.normalize("NFD", "Lý Sơn")
    found = page_text(page(f'<div data-ttdn-search-body data-ttdn-search-title=" {nfd} &amp; '
                           f'B&#7871;n " data-ttdn-search-section="Tin &quot;m&#7899;i&quot;">'
                           "x</div>"))
    assert found is not None
    assert (found.title, found.section) == ("Lý Sơn & Bến", 'Tin "mới"')


def test_a_page_declaring_another_encoding_is_still_read_as_the_utf8_it_is() -> None:
    html = ('<?xml version="1.0" encoding="latin1"?><html><head><meta charset="windows-1252">'
            f'</head><body>{REGION.format("<p>Quảng Ngãi</p>")}</body></html>')
    found = page_text(html)
    assert found is not None and found.text == "Quảng Ngãi"
