"""The PDFs themselves: opened with pypdf and checked with qpdf, as a reader's tools would."""

from __future__ import annotations

import re
import subprocess
import unicodedata

import pytest
from pypdf import PdfReader

from print.conftest import ARTICLES
from print.pdf_reading import fonts, outline_pages, outline_titles, xmp_attributes
from ttdn.print import PRINT, SCREEN

ALL = ["vi-screen", "vi-print", "en-screen", "bilingual-screen"]


def reader(editions, name: str) -> PdfReader:
    return PdfReader(editions.pdfs[name].path)


@pytest.mark.parametrize("name", ALL)
def test_pdf_opens_with_a_page_count_in_the_expected_range(editions, name):
    # Cover + editorial and contents + each article on 1-3 pages + colophon, per language; a
    # print edition then up to 3 blank pages to fold into sheets of 4.
    languages = 2 if name.startswith("bilingual") else 1
    pages = len(reader(editions, name).pages)
    blanks = 3 if name.endswith("print") else 0
    assert 3 + ARTICLES <= pages / languages <= 3 + 3 * ARTICLES + blanks


@pytest.mark.parametrize("name", ALL)
def test_qpdf_check_passes(editions, name):
    result = subprocess.run(
        ["qpdf", "--check", str(editions.pdfs[name].path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


@pytest.mark.parametrize("name", ALL)
def test_every_font_is_be_vietnam_pro_and_embedded(editions, name):
    found = fonts(reader(editions, name))
    assert found, "no fonts"
    for base, descriptor in found.items():
        assert "Be-Vietnam-Pro" in base, f"fallback font {base}"
        assert "/FontFile2" in descriptor, f"{base} is not embedded"


@pytest.mark.parametrize(
    ("name", "lang", "title"),
    [
        ("vi-screen", "vi", "Bản tin Đối ngoại Quảng Ngãi – Số 1/2023"),
        ("vi-print", "vi", "Bản tin Đối ngoại Quảng Ngãi – Số 1/2023"),
        ("en-screen", "en", "Quảng Ngãi Foreign Affairs Bulletin – Issue 1/2023"),
    ],
)
def test_metadata_has_title_author_language_and_date(editions, name, lang, title):
    pdf = reader(editions, name)
    info = pdf.metadata
    assert info.title == title
    assert info.author == {
        "vi": "Sở Ngoại vụ tỉnh Quảng Ngãi",
        "en": "Department of Foreign Affairs of Quảng Ngãi Province",
    }[lang]
    assert info["/CreationDate"].startswith("D:20230331")
    assert pdf.trailer["/Root"]["/Lang"] == lang
    assert title in pdf.xmp_metadata.dc_title.values()


@pytest.mark.parametrize("name", ALL)
def test_pdf_is_tagged_for_screen_readers(editions, name):
    catalog = reader(editions, name).trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert catalog["/Lang"] in ("vi", "en")
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True


def test_screen_edition_declares_pdf_ua_1(editions):
    assert SCREEN.pdf_variant == "pdf/ua-1"
    for name in ("vi-screen", "en-screen", "bilingual-screen"):
        assert xmp_attributes(reader(editions, name))["pdfuaid:part"] == "1"


def test_print_edition_declares_pdf_a_2a_with_an_output_intent(editions):
    pdf = reader(editions, "vi-print")
    attributes = xmp_attributes(pdf)
    assert (attributes["pdfaid:part"], attributes["pdfaid:conformance"]) == ("2", "A")
    intent = pdf.trailer["/Root"]["/OutputIntents"][0]
    assert intent["/S"] == "/GTS_PDFA1"


def test_print_edition_has_a_bleed_around_the_a4_trim(editions):
    page = reader(editions, "vi-print").pages[0]
    trim = [float(v) for v in page.trimbox]
    bleed = [float(v) for v in page.bleedbox]
    mm = 72 / 25.4
    assert trim[2] - trim[0] == pytest.approx(210 * mm, abs=0.5)
    assert trim[3] - trim[1] == pytest.approx(297 * mm, abs=0.5)
    assert trim[0] - bleed[0] == pytest.approx(PRINT.bleed_mm * mm, abs=0.5)


@pytest.mark.parametrize("name", ["vi-screen", "en-screen", "vi-print"])
def test_outline_lists_the_articles_in_order(editions, name):
    issue = editions.en if name.startswith("en") else editions.vi
    titles = [title for _, title in outline_titles(reader(editions, name))]
    positions = [titles.index(article.title) for article in issue.articles]
    assert positions == sorted(positions)


def test_bilingual_outline_lists_both_languages(editions):
    titles = [title for _, title in outline_titles(reader(editions, "bilingual-screen"))]
    for article in editions.vi.articles + editions.en.articles:
        assert article.title in titles


@pytest.mark.parametrize("name", ["vi-screen", "en-screen"])
def test_contents_page_numbers_are_the_articles_pages(editions, name):
    pdf = reader(editions, name)
    issue = editions.en if name.startswith("en") else editions.vi
    contents = pdf.pages[1].extract_text()
    starts = outline_pages(pdf)
    for article in issue.articles:
        line = next(line for line in contents.splitlines() if line.startswith(article.title))
        printed = int(re.search(r"(\d+)\s*$", line).group(1))
        assert printed == starts[article.title]
        assert article.title in pdf.pages[printed - 1].extract_text()


@pytest.mark.parametrize("name", ALL)
def test_text_layer_keeps_vietnamese_diacritics(editions, name):
    text = "\n".join(page.extract_text() for page in reader(editions, name).pages)
    text = unicodedata.normalize("NFC", text)
    assert "Quảng Ngãi" in text
    assert "Quang Ngai" not in text


def test_inner_pages_carry_the_running_header_and_a_page_number(editions):
    pdf = reader(editions, "vi-screen")
    cover, third = pdf.pages[0].extract_text(), pdf.pages[2].extract_text()
    assert "Bản tin Đối ngoại Quảng Ngãi – Số 1/2023" in third
    assert re.search(r"(^|\n)3\s*($|\n)", third)
    assert not re.search(r"(^|\n)1\s*($|\n)", cover)  # the cover has no page number


def test_bilingual_edition_switches_the_running_header(editions):
    pdf = reader(editions, "bilingual-screen")
    texts = [page.extract_text() for page in pdf.pages]
    assert any("Quảng Ngãi Foreign Affairs Bulletin – Issue 1/2023" in t for t in texts[-3:])
    assert any("Bản tin Đối ngoại Quảng Ngãi – Số 1/2023" in t for t in texts[1:4])


def test_interface_strings_come_from_each_languages_table(editions):
    vi = reader(editions, "vi-screen").pages[1].extract_text()
    en = reader(editions, "en-screen").pages[1].extract_text()
    assert "Mục lục" in vi and "Lời tòa soạn" in vi
    assert "Contents" in en and "Editorial" in en


def test_pages_turn_into_images_with_pdftoppm(editions, tmp_path):
    # What a reader sees: the cover page is not blank (its photo and title are drawn).
    from PIL import Image, ImageStat

    out = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1",
         str(editions.pdfs["vi-screen"].path), str(out)],
        check=True,
    )
    (png,) = tmp_path.glob("page*.png")
    with Image.open(png) as im:
        assert max(ImageStat.Stat(im.convert("L")).stddev) > 20


def test_bilingual_edition_tags_each_part_with_its_language(editions):
    # Screen readers switch voices by /Lang: the English half must not be read as Vietnamese.
    pdf = reader(editions, "bilingual-screen")
    document = pdf.trailer["/Root"]["/StructTreeRoot"]["/K"][0].get_object()
    langs = [str(ref.get_object().get("/Lang")) for ref in document["/K"]]
    first_en = langs.index("en")
    assert set(langs[:first_en]) == {"vi"} and set(langs[first_en:]) == {"en"}
    en_cover = next(i for i, page in enumerate(pdf.pages)
                    if "Quảng Ngãi Foreign Affairs Bulletin" in page.extract_text())
    assert en_cover > 2


def body_lines(path, first: int, last: int) -> list[str]:
    """Text lines of the pages, as pypdf reads them (pdftotext joins hyphenated lines)."""
    pages = PdfReader(path).pages[first - 1:last]
    return [line.strip() for page in pages for line in page.extract_text().splitlines()
            if len(line.strip()) > 30]


@pytest.mark.parametrize("name", ["vi-screen", "en-screen"])
def test_article_lines_hold_60_to_75_characters(editions, name):
    lines = body_lines(editions.pdfs[name].path, 3, 4)
    full = sorted(len(line) for line in lines)[len(lines) // 2:]  # paragraphs' full lines
    assert full and 60 <= full[0] and full[-1] <= 78, full


def test_english_text_is_hyphenated(editions):
    lines = body_lines(editions.pdfs["en-screen"].path, 3, 8)
    assert any(line.endswith(("\u2010", "-")) for line in lines)


def test_colophon_lists_publisher_and_marks_missing_facts_as_placeholders(editions, tmp_path):
    import dataclasses

    from ttdn.print import render

    text = reader(editions, "vi-screen").pages[-1].extract_text()
    assert "Thông tin xuất bản" in text and "Sở Ngoại vụ tỉnh Quảng Ngãi" in text
    assert text.count("[CHƯA CÓ: chờ tỉnh xác nhận]") == 3  # licence, print run, printer
    given = dataclasses.replace(editions.en, colophon={"print_run": "500"})
    last = PdfReader(render([given], SCREEN, tmp_path).path).pages[-1].extract_text()
    assert "Print run" in last and "500" in last
    assert last.count("[MISSING: to be confirmed by the province]") == 2
