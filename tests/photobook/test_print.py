"""The photo book's PDFs, opened: linked with their sizes, page count, photos embedded at print
resolution, captions with their diacritics in the text layer, tagged with an outline; the
print-shop edition with 3 mm bleed (TrimBox inside BleedBox) and PDF/X-4 identification."""

from __future__ import annotations

import collections
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from PIL import Image
from pypdf import PdfReader

from helpers import ROOT, parse
from photobook.book_on_disk import LANGS, caption, chapters
from photobook.test_gallery import local_file
from print.pdf_reading import placed_images
from ttdn.i18n import strings

CHAPTERS = chapters()
PHOTOS = sum(len(photos) for photos in CHAPTERS.values())
EDITIONS = {"vi": ("vi",), "en": ("en",), "song-ngu": ("vi", "en"), "nha-in": ("vi", "en")}
MM = 72 / 25.4


def pdf(site: Path, edition: str) -> Path:
    return site / "sach-anh" / f"sach-anh-quang-ngai-{edition}.pdf"


def shown_size(path: Path, lang: str) -> str:
    """"8,1 MB" / "8.1 MB" from 1 MB up, "614 KB" below (decimal units)."""
    size = path.stat().st_size
    if size >= 1e6:
        return f"{size / 1e6:.1f}".replace(".", "," if lang == "vi" else ".") + " MB"
    return f"{round(size / 1000)} KB"


def text_of(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("lang", list(LANGS))
def test_landing_page_links_every_edition_with_its_page_count_and_size(
    site: Path, lang: str
) -> None:
    page = f"{LANGS[lang]}sach-anh/index.html"
    items = parse(site / page).xpath("//ul[@class='ttdn-downloads']/li")
    assert len(items) == len(EDITIONS)
    for item, edition in zip(items, EDITIONS, strict=True):
        target = local_file(site, page, item.xpath("a/@href")[0])
        assert target == pdf(site, edition)
        pages = len(PdfReader(target).pages)
        about = item.xpath("string(a/following-sibling::text()[1])")
        assert re.search(rf"PDF, {pages} (trang|pages), {re.escape(shown_size(target, lang))}",
                         about), about


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_pdf_has_every_page_and_every_photo_at_the_editions_ppi(site: Path, edition: str) -> None:
    reader = PdfReader(pdf(site, edition))
    # cover, introduction, contents; per chapter an opener and one page a photo; credits.
    assert len(reader.pages) == 3 + len(CHAPTERS) + PHOTOS + 1
    placed = placed_images(pdf(site, edition))
    assert len(placed) == 1 + PHOTOS  # the cover, then one photo a page
    dpi = 300 if edition == "nha-in" else 150
    originals = {Image.open(path).size for path in (ROOT / "photos" / "sach-anh").rglob("*.jpg")}
    for image in placed:
        # Made for the size it is drawn at (measured from the page's matrix), or, from an
        # original too small for that, the original's own pixels (the build warns about it).
        assert (dpi - 1 <= image.ppi < dpi + 2
                or (image.width_px, image.height_px) in originals), (image, originals)


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_captions_with_diacritics_are_in_the_text_layer(site: Path, edition: str) -> None:
    text = text_of(PdfReader(pdf(site, edition)))
    for slug, photos in CHAPTERS.items():
        for photo in photos:
            for lang in EDITIONS[edition]:
                assert caption(photo, lang) in text, (slug, lang, caption(photo, lang))
    for lang in set(LANGS) - set(EDITIONS[edition]):
        assert caption(CHAPTERS[next(iter(CHAPTERS))][0], lang) not in text
    assert "Quảng Ngãi" in text  # Vietnamese letters survive extraction in every edition


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_pdf_is_tagged_with_language_title_and_chapter_outline(site: Path, edition: str) -> None:
    reader = PdfReader(pdf(site, edition))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == EDITIONS[edition][0]
    assert reader.metadata.title
    titles: list[str] = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    langs = EDITIONS[edition]
    for slug in CHAPTERS:
        expected = " / ".join(chapter_title(lang, slug) for lang in langs)
        assert expected in titles, (expected, titles)
    credits = " / ".join(strings(lang)["photobook_credits_title"] for lang in langs)
    assert titles[-1] == credits


def chapter_title(lang: str, slug: str) -> str:
    page = ROOT / "docs" / lang / "sach-anh" / slug / "index.md"
    return yaml.safe_load(page.read_text("utf-8").split("---")[1])["title"]


def test_print_shop_edition_has_3mm_bleed_around_the_trim_on_every_page(site: Path) -> None:
    reader = PdfReader(pdf(site, "nha-in"))
    for page in reader.pages:
        bleed, trim = page.bleedbox, page.trimbox
        assert (trim.left, trim.bottom) > (bleed.left, bleed.bottom)
        assert (trim.right, trim.top) < (bleed.right, bleed.top)
        for inner, outer in ((trim.left, bleed.left), (trim.bottom, bleed.bottom),
                             (bleed.right, trim.right), (bleed.top, trim.top)):
            assert float(inner) - float(outer) == pytest.approx(3 * MM, abs=0.01)
        assert (float(trim.width), float(trim.height)) == pytest.approx((297 * MM, 210 * MM))


def test_print_shop_edition_identifies_itself_as_pdf_x4(site: Path) -> None:
    root = PdfReader(pdf(site, "nha-in")).trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>" in xmp
    (intent,) = root["/OutputIntents"]
    assert intent.get_object()["/S"] == "/GTS_PDFX"
    assert "/DestOutputProfile" in intent.get_object()


def test_screen_editions_have_no_bleed(site: Path) -> None:
    page = PdfReader(pdf(site, "vi")).pages[0]
    assert page.trimbox == page.mediabox


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf (Debian) not installed")
@pytest.mark.parametrize("edition", list(EDITIONS))
def test_qpdf_finds_no_structural_error(site: Path, edition: str) -> None:
    done = subprocess.run(["qpdf", "--check", str(pdf(site, edition))],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) missing")
def test_print_shop_photos_run_to_the_edge_of_the_bleed(site: Path, tmp_path: Path) -> None:
    """A photo page rendered whole at 25.4 dpi (1 px = 1 mm): in the print-shop edition the
    photo reaches the top and both sides of the bleed (inside the 10 mm slug), its caption on
    the paper below; the screen editions leave a white margin at the page's edge."""
    first_photo = 3 + 2  # cover, introduction, contents, opener; 1-based
    edges = {}
    for edition, inset in (("nha-in", 10 + 1), ("vi", 0)):  # slug, then 1 mm into the bleed
        out = tmp_path / edition
        subprocess.run(["pdftoppm", "-png", "-r", "25.4", "-f", str(first_photo), "-l",
                        str(first_photo), str(pdf(site, edition)), str(out)], check=True)
        (png,) = tmp_path.glob(f"{edition}*.png")
        with Image.open(png) as page:
            rgb = page.convert("RGB")
            w, h = rgb.size
            edges[edition] = [rgb.getpixel(xy) for xy in
                              ((w // 3, inset), (inset, h // 3), (w - 1 - inset, h // 3))]
    white = (255, 255, 255)
    assert all(pixel != white for pixel in edges["nha-in"]), edges
    assert all(pixel == white for pixel in edges["vi"]), edges


@pytest.mark.parametrize("edition", ["song-ngu", "nha-in"])
def test_bilingual_editions_tag_each_caption_with_its_language(site: Path, edition: str) -> None:
    # Captions, titles and descriptions say their language element by element (the HTML's
    # lang), as the bilingual bulletin does: an English caption is read with an English voice.
    import pikepdf

    from print.structure import elements

    with pikepdf.open(pdf(site, edition)) as book:
        found = list(elements(book))
    paragraphs = collections.Counter(e.lang for e in found if e.tag == "/P")
    assert all(e.lang in LANGS for e in found)
    # one caption paragraph a photo in each language, at least
    assert paragraphs["en"] >= PHOTOS and paragraphs["vi"] >= PHOTOS, paragraphs


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_links_are_named_after_their_chapter_and_nothing_is_an_orphan(
    site: Path, edition: str
) -> None:
    import pikepdf

    from print.structure import links, orphans

    with pikepdf.open(pdf(site, edition)) as book:
        assert orphans(book) == []
        found = links(book)
    names = [contents for _, contents, _ in found]
    assert len(found) == len(CHAPTERS) + 1  # one annotation per contents entry
    assert all(name and not re.fullmatch(r"[a-z0-9-]+", name) for name in names), names


def test_print_shop_edition_folds_into_sheets_of_4_with_marks_on_a_slug(site: Path) -> None:
    reader = PdfReader(pdf(site, "nha-in"))
    assert len(reader.pages) % 4 == 0
    for page in reader.pages:
        media, bleed = page.mediabox, page.bleedbox
        assert float(bleed.left) - float(media.left) == pytest.approx(10 * MM, abs=0.01)
        assert float(media.top) - float(bleed.top) == pytest.approx(10 * MM, abs=0.01)


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_pdfua_finds_nothing_but_the_print_shop_editions_pdfx_claim(
    site: Path, edition: str
) -> None:
    # The print shop's file claims PDF/X-4 (one variant per file), not PDF/UA: that is the only
    # finding allowed, and only there. The credits table's headers carry their /Scope.
    from pdfua import validate

    found = [f.rule_id for f in validate(str(pdf(site, edition))).findings]
    assert found == (["UA-28-004"] if edition == "nha-in" else []), found


def described_pictures() -> list[dict[str, str]]:
    """Language → alternative text of each picture of the book: the cover (the landing page's
    `image_alt`), then every photo of every chapter (its manifest's `alt`)."""
    cover = {}
    for lang in LANGS:
        page = ROOT / "docs" / lang / "sach-anh" / "index.md"
        cover[lang] = yaml.safe_load(page.read_text("utf-8").split("---")[1])["image_alt"]
    return [cover] + [photo["alt"] for photos in CHAPTERS.values() for photo in photos]


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_every_picture_is_described_in_each_language_of_the_edition_with_its_lang(
    site: Path, edition: str
) -> None:
    # A screen reader reads a Figure's /Alt with the voice of the Figure's /Lang: the bilingual
    # editions must describe each picture in English too, tagged English, not only in Vietnamese.
    import pikepdf

    from print.structure import figures, marked_texts

    langs = EDITIONS[edition]
    with pikepdf.open(pdf(site, edition)) as book:
        found = figures(book, marked_texts(pdf(site, edition)))
    pictures = described_pictures()
    assert len(found) == len(pictures)
    for figure in found:
        assert figure.lang in langs and figure.alt, figure
        described = [picture for picture in pictures
                     if all(picture[lang] in figure.descriptions.get(lang, []) for lang in langs)]
        assert described, (figure, langs)
        assert figure.alt == described[0][figure.lang]


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_each_section_of_the_book_is_one_structure_element_of_its_own(
    site: Path, edition: str
) -> None:
    # The cover, the introduction, each chapter (its opener and photo pages) and the credits: a
    # section over several pages is one Sect, and no section is joined to the one before it
    # (a reader moving by section lands on each chapter).
    import pikepdf

    from print.structure import elements

    with pikepdf.open(pdf(site, edition)) as book:
        sections = [e for e in elements(book) if e.tag == "/Sect"]
    assert len(sections) == 2 + len(CHAPTERS) + 1, sections
