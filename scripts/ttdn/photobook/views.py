"""What the photo book's templates need of one page, already decided (templates place values).

The landing page gets the chapters and the print editions; a chapter page gets its gallery, its
press pack and its neighbouring chapters, and the one script of the site: the lightbox.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from babel import Locale
from babel.numbers import format_decimal
from markupsafe import Markup

from ttdn.content import Entry
from ttdn.i18n import Language
from ttdn.images.model import ImageRecord
from ttdn.photobook.book import Book, Chapter, Photo
from ttdn.photobook.print import Edition
from ttdn.urls import relative_url

LIGHTBOX_SCRIPT = "assets/javascripts/lightbox.js"  # in overrides/: the theme copies it
LARGE_WIDTH = 1600  # the lightbox and the no-JavaScript link open this derivative
# Two columns on phones, three from tablets on; Material's content column is ~46rem wide.
GALLERY_SIZES = "(min-width: 76.25em) 15rem, (min-width: 45em) 30vw, 47vw"
EAGER = 2  # the first photos are above the fold on a phone: not lazy


@dataclass(frozen=True)
class GalleryItem:
    picture: Markup  # <picture> of the derivatives (ttdn.images.markup: values escaped)
    large: str  # href of the large JPEG: the lightbox's image, and the link without JavaScript
    caption: str
    place: str
    credit: str


@dataclass(frozen=True)
class ChapterCard:
    number: str  # "Chương 1"
    title: str
    description: str
    href: str
    count: str  # "12 ảnh"
    picture: Markup | None


@dataclass(frozen=True)
class Download:
    label: str
    href: str
    about: str  # "PDF, 24 trang, 8,1 MB"


@dataclass(frozen=True)
class ChapterLink:
    label: str  # "Chương trước"
    title: str
    href: str


@dataclass(frozen=True)
class PhotoBookView:
    lang: Language
    gallery: tuple[GalleryItem, ...] = ()
    chapters: tuple[ChapterCard, ...] = ()
    editions: tuple[Download, ...] = ()
    press_pack: Download | None = None
    previous: ChapterLink | None = None
    next: ChapterLink | None = None
    script: str | None = None  # the lightbox, on gallery pages only

    def t(self, key: str, **values: object) -> str:
        text = self.lang.t(key)
        return text.format(**values) if values else text


@dataclass(frozen=True)
class Published:
    """A file the build publishes for the book: where in the site, and what to say about it."""

    url: str  # path from the site root
    bytes: int
    pages: int = 0  # PDFs
    photos: int = 0  # zips


class PictureStore(Protocol):
    """What the gallery needs of the images plugin (ttdn.plugins.images)."""

    def picture_html(self, record: ImageRecord, alt: str, page_url: str, eager: bool = True,
                     sizes: str | None = None) -> Markup: ...

    def derivative_url(self, record: ImageRecord, width: int) -> str: ...


class PictureMaker:
    """The images plugin's markup and URLs, for one page."""

    def __init__(self, images: PictureStore, page_url: str):
        self.images = images
        self.page_url = page_url

    def picture(self, record: ImageRecord, alt: str, eager: bool) -> Markup:
        # Markup: ttdn.images.markup escapes every value it writes into the <picture>.
        return Markup(self.images.picture_html(
            record, alt, self.page_url, eager=eager, sizes=GALLERY_SIZES
        ))

    def large(self, record: ImageRecord) -> str:
        return relative_url(self.images.derivative_url(record, LARGE_WIDTH), self.page_url)


class LazyPictures(PictureMaker):
    """For a page where the book is below the fold (the home page): every picture lazy."""

    def picture(self, record: ImageRecord, alt: str, eager: bool) -> Markup:
        return super().picture(record, alt, eager=False)


def size_text(size: int, lang: Language) -> str:
    """"8,1 MB" / "8.1 MB", "350 KB": decimal units, the language's number format."""
    locale = lang.t("babel_locale")
    if size >= 1_000_000:
        return f"{format_decimal(round(size / 1_000_000, 1), locale=locale)} MB"
    return f"{format_decimal(max(1, round(size / 1000)), locale=locale)} KB"


def book_view(
    book: Book,
    entry: Entry,
    pictures: PictureMaker,
    editions: Mapping[Edition, Published],
    href: Callable[[str], str],
) -> PhotoBookView:
    lang = entry.lang
    cards = []
    for number, chapter in enumerate(book.chapters_in(lang), start=1):
        page = chapter.page(lang)
        cover = chapter.photos[0] if chapter.photos else None
        cards.append(ChapterCard(
            number=lang.t("photobook_chapter_number").format(number=number),
            title=page.meta.title,
            description=page.meta.description,
            href=href(page.url),
            count=lang.t("photobook_photo_count").format(count=len(chapter.photos)),
            # The card's title names the link: its picture is decoration (empty alt).
            picture=pictures.picture(cover.record, "", eager=number <= 2) if cover else None,
        ))
    names = Locale.parse(lang.t("babel_locale")).languages
    downloads = []
    for edition, published in editions.items():
        if edition.print_shop:
            label = lang.t("photobook_edition_print_shop")
        elif len(edition.languages) > 1:
            label = lang.t("photobook_edition_bilingual")
        else:
            name = names.get(edition.languages[0], edition.languages[0])
            label = lang.t("photobook_edition_language").format(language=name)
        about = lang.t("photobook_file_pdf").format(
            pages=published.pages, size=size_text(published.bytes, lang)
        )
        downloads.append(Download(label, href(published.url), about))
    return PhotoBookView(lang, chapters=tuple(cards), editions=tuple(downloads))


def chapter_view(
    book: Book,
    chapter: Chapter,
    entry: Entry,
    pictures: PictureMaker,
    press_pack: Published | None,
    href: Callable[[str], str],
) -> PhotoBookView:
    lang = entry.lang
    items = tuple(
        _item(photo, lang, pictures, eager=i < EAGER) for i, photo in enumerate(chapter.photos)
    )
    pack = None
    if press_pack is not None:
        pack = Download(
            lang.t("photobook_press_pack"),
            href(press_pack.url),
            lang.t("photobook_file_zip").format(
                count=press_pack.photos, size=size_text(press_pack.bytes, lang)
            ),
        )
    siblings = book.chapters_in(lang)
    at = siblings.index(chapter)
    previous = _link(siblings[at - 1], lang, "photobook_previous_chapter", href) if at else None
    following = (
        _link(siblings[at + 1], lang, "photobook_next_chapter", href)
        if at + 1 < len(siblings) else None
    )
    return PhotoBookView(
        lang, gallery=items, press_pack=pack, previous=previous, next=following,
        script=LIGHTBOX_SCRIPT if items else None,
    )


def _item(photo: Photo, lang: Language, pictures: PictureMaker, eager: bool) -> GalleryItem:
    return GalleryItem(
        picture=pictures.picture(photo.record, photo.entry.alt[lang.code], eager),
        large=pictures.large(photo.record),
        caption=photo.caption(lang),
        place=photo.entry.place[lang.code],
        credit=photo.credit(lang),
    )


def _link(chapter: Chapter, lang: Language, key: str, href: Callable[[str], str]) -> ChapterLink:
    page = chapter.page(lang)
    return ChapterLink(lang.t(key), page.meta.title, href(page.url))
