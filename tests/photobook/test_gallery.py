"""The built gallery pages, in both languages: every photo with its caption in the page's
language, alt text, width and height, a plain link to its large version, never an original; the
lightbox's markup and script on gallery pages only; no inline style or script."""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from PIL import Image

from helpers import parse
from photobook.book_on_disk import LANGS, PHOTOS, caption, chapters
from ttdn.i18n import strings

CHAPTERS = chapters()


def local_file(site: Path, page: str, url: str) -> Path:
    """The site file a URL written in `page` (a path in the site) points at."""
    path = urlsplit(urljoin("https://x.test/" + page, url)).path
    return site / path.lstrip("/")


def gallery(site: Path, lang: str, slug: str):
    page = f"{LANGS[lang]}sach-anh/{slug}/index.html"
    return page, parse(site / page)


@pytest.mark.parametrize("lang", list(LANGS))
@pytest.mark.parametrize("slug", list(CHAPTERS))
def test_every_photo_has_its_caption_alt_and_size_in_the_page_language(
    site: Path, lang: str, slug: str
) -> None:
    page, doc = gallery(site, lang, slug)
    figures = doc.xpath("//ul[@class='ttdn-gallery']/li/figure")
    assert len(figures) == len(CHAPTERS[slug])
    for figure, photo in zip(figures, CHAPTERS[slug], strict=True):
        img = figure.xpath(".//img")[0]
        assert img.get("alt") == photo["alt"][lang]
        width, height = int(img.get("width")), int(img.get("height"))
        assert (width, height) == (1600, 1067)  # the largest derivative of a 2400×1600 drawing
        text = figure.xpath("string(.//span[@class='ttdn-gallery__caption'])")
        assert text == caption(photo, lang)
        assert figure.xpath("string(.//span[@class='ttdn-gallery__place'])") == \
            photo["place"][lang]
        credit = figure.xpath("string(.//span[@class='ttdn-credit'])")
        assert photo["photographer"] in credit and photo["credit"] in credit
        other = "en" if lang == "vi" else "vi"
        assert photo["caption"][other] not in figure.text_content()


@pytest.mark.parametrize("lang", list(LANGS))
def test_without_javascript_each_photo_links_to_its_large_jpeg(site: Path, lang: str) -> None:
    slug = next(iter(CHAPTERS))
    page, doc = gallery(site, lang, slug)
    links = doc.xpath("//ul[@class='ttdn-gallery']//a")
    assert len(links) == len(CHAPTERS[slug])
    for link in links:
        assert link.get("class") == "ttdn-gallery__link"
        target = local_file(site, page, link.get("href"))
        with Image.open(target) as large:
            assert (large.format, large.width) == ("JPEG", 1600)
        assert link.xpath(".//img/@alt")  # the link is named by the photo's alt text


def _originals() -> set[str]:
    return {hashlib.sha256(p.read_bytes()).hexdigest() for p in PHOTOS.rglob("*.jpg")}


def test_no_original_is_served_anywhere_in_the_site(site: Path) -> None:
    originals = _originals()
    served = [
        p for p in site.rglob("*")
        if p.is_file() and hashlib.sha256(p.read_bytes()).hexdigest() in originals
    ]
    assert served == []
    for lang in LANGS:
        for slug in CHAPTERS:
            page, doc = gallery(site, lang, slug)
            urls = doc.xpath("//img/@src | //a/@href") + [
                part.split()[0] for srcset in doc.xpath("//@srcset") for part in srcset.split(",")
            ]
            assert not [u for u in urls if "photos/" in u]
            for url in urls:
                if "/assets/images/" in urljoin("https://x.test/" + page, url):
                    assert local_file(site, page, url).is_file(), url


@pytest.mark.parametrize("lang", list(LANGS))
def test_gallery_markup_has_no_inline_style_or_script(site: Path, lang: str) -> None:
    _, doc = gallery(site, lang, next(iter(CHAPTERS)))
    article = doc.xpath("//article")[0]
    assert article.xpath(".//@style") == []
    assert article.xpath(".//script") == []
    assert [a for a in article.xpath(".//@*") if a.attrname.startswith("on")] == []


@pytest.mark.parametrize("lang", list(LANGS))
def test_lightbox_markup_is_a_closed_dialog_with_labelled_buttons(site: Path, lang: str) -> None:
    _, doc = gallery(site, lang, next(iter(CHAPTERS)))
    t = strings(lang)
    dialog = doc.xpath("//dialog[@class='ttdn-lightbox']")[0]
    assert dialog.get("open") is None
    assert dialog.get("aria-label") == t["lightbox_label"]
    buttons = [" ".join(b.text_content().split()) for b in dialog.xpath(".//button")]
    assert buttons == [t["lightbox_previous"], t["lightbox_next"], t["lightbox_close"]]
    # Their arrows and cross are drawn (the site's font has no → ← ✕), hidden from readers.
    icons = dialog.xpath(".//button/svg")
    assert len(icons) == 3 and all(i.get("aria-hidden") == "true" for i in icons)
    assert all(b.get("type") == "button" for b in dialog.xpath(".//button"))


def test_lightbox_script_loads_on_gallery_pages_only(site: Path) -> None:
    def scripts(page: str) -> list[str]:
        return [s for s in parse(site / page).xpath("//script/@src") if "lightbox" in s]

    for prefix in LANGS.values():
        page = f"{prefix}sach-anh/{next(iter(CHAPTERS))}/index.html"
        (src,) = scripts(page)
        assert local_file(site, page, src).read_text("utf-8").startswith("/* The photo book")
        for other in ("index.html", "sach-anh/index.html", "gioi-thieu/index.html"):
            assert scripts(prefix + other) == [], prefix + other


@pytest.mark.parametrize("lang", list(LANGS))
def test_landing_page_shows_cover_chapters_in_order_and_print_editions(
    site: Path, lang: str
) -> None:
    page = f"{LANGS[lang]}sach-anh/index.html"
    doc = parse(site / page)
    t = strings(lang)
    article = doc.xpath("//article")[0]
    cover = article.xpath(".//h1/following::picture[1]//img/@alt")  # first after the title
    assert cover and cover[0].startswith(("Ảnh bìa minh họa", "Illustrated cover"))
    cards = article.xpath(".//ul[@class='ttdn-chapters']/li/a")
    assert [local_file(site, page, a.get("href")).name for a in cards] == list(CHAPTERS)
    numbers = [a.xpath("string(span[@class='ttdn-chapters__number'])") for a in cards]
    assert numbers[0].startswith(t["photobook_chapter_number"].format(number=1))
    pdfs = article.xpath(".//ul[@class='ttdn-downloads']/li/a")
    assert len(pdfs) == 4 and all(a.get("type") == "application/pdf" for a in pdfs)
    for link in pdfs:
        assert local_file(site, page, link.get("href")).is_file()
