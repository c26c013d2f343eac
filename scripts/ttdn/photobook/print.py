"""The photo book's print editions, rendered by the one print renderer (ttdn.print.render).

Editions: one per language and one bilingual (captions in every language, plan II.7a "song ngữ
Việt-Anh"), tagged PDF/UA-1 with an outline from the headings; and the print-shop edition, PDF/X-4
with 3 mm bleed, crop marks and full-bleed photos, so a printer can take the file as it is.

Photos are made from the originals by ttdn.print.images for the box each is placed in, at the
edition's resolution (150 ppi on screen, 300 for the print shop); the renderer's one cache key
and fail-closed fetcher apply as for the bulletin.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ttdn.i18n import Language
from ttdn.model import BuildModel
from ttdn.photobook.book import Book, Photo
from ttdn.print.editions import PRINT_SHOP, SCREEN
from ttdn.print.editions import Edition as Output
from ttdn.print.images import Box, placed_image
from ttdn.print.render import Document, Rendered, environment, fonts, render_documents, resource_url

# The book links nothing outside itself: one fixed base, so no site setting reaches the key.
BASE_URL = "https://print.invalid/sach-anh/"
# Where book.css and print-shop.css place the photos (mm): keep in step with the stylesheets.
BOXES = {
    False: {"cover": Box(297, 140, "cover"), "photo": Box(261, 150, "contain"),
            "photo-bilingual": Box(261, 140, "contain")},
    True: {"cover": Box(303, 143, "cover"), "photo": Box(303, 173, "cover"),
           "photo-bilingual": Box(303, 173, "cover")},
}


@dataclass(frozen=True)
class Edition:
    name: str  # part of the file name: "vi", "en", "song-ngu", "nha-in"
    languages: tuple[str, ...]  # caption languages; the first is the document's
    output: Output  # resolution, PDF variant, bleed and marks

    @property
    def print_shop(self) -> bool:
        return self.output.bleed_mm > 0


def editions(codes: tuple[str, ...] | list[str]) -> list[Edition]:
    """Every edition for the site's languages (default first)."""
    both = tuple(codes)
    return [
        *(Edition(code, (code,), SCREEN) for code in codes),
        Edition("song-ngu", both, SCREEN),
        Edition("nha-in", both, PRINT_SHOP),
    ]


def render(book: Book, model: BuildModel, edition: Edition, cache_dir: Path) -> Rendered:
    """The edition's PDF in `cache_dir/pdf`, its photos in `cache_dir/print-images`.

    Raises `ttdn.images.ImageError` for an original the image pipeline refuses."""
    return render_editions(book, model, [edition], cache_dir, processes=1)[0]


def render_editions(book: Book, model: BuildModel, wanted: Sequence[Edition], cache_dir: Path,
                    processes: int) -> list[Rendered]:
    """`render` of each edition, in order; those not in the cache made on `processes` cores."""
    documents, warnings = [], []
    for edition in wanted:
        html, files, found, titles = _document(book, model, edition, cache_dir / "print-images")
        documents.append(Document(html, BASE_URL, files, edition.output, cache_dir / "pdf",
                                  edition.name, titles))
        warnings.append(tuple(found))
    return [dataclasses.replace(done, warnings=found)
            for done, found in zip(render_documents(documents, processes), warnings, strict=True)]


def _template(name: str) -> str:
    return (Path(__file__).parent / "templates" / name).read_text("utf-8")


def _document(
    book: Book, model: BuildModel, edition: Edition, image_dir: Path
) -> tuple[str, dict[str, Path], list[tuple[Path, str, str]], dict[str, str]]:
    """The edition's HTML, the files it may load (URL → file), resolution warnings and the
    title of each anchor its contents links to."""
    langs = [model.languages.get(code) for code in edition.languages]
    faces, files = fonts(BASE_URL)
    boxes = BOXES[edition.print_shop]
    warnings: list[tuple[Path, str, str]] = []
    root = model.assets.root.resolve()

    def src(photo_path: Path, place: str) -> str:
        made = placed_image(photo_path, boxes[place], edition.output, image_dir)
        if (warning := made.warning()) is not None:
            warnings.append(warning)
        path = photo_path.resolve()
        key = "/" + (path.relative_to(root).as_posix() if path.is_relative_to(root)
                     else path.name)
        url = resource_url(BASE_URL, f"{key}?w={made.width}")
        files[url] = made.file
        return url

    first = langs[0]
    parts = []
    for lang in langs:
        page = book.pages.get(lang.code) or book.pages.get(model.languages.default.code)
        parts.append({
            "lang": lang.code,
            "title": page.meta.title if page else lang.t("photobook_chapters"),
            "publisher": model.site_names[lang.code],
            "intro_title": lang.t("photobook_introduction"),
            "intro": _intro(book, page.meta.description if page else "", lang),
            "contents": lang.t("photobook_contents"),
            "credits": lang.t("photobook_credits_title"),
        })
    chapters = []
    for number, chapter in enumerate(book.chapters_in(first), start=1):
        titles = []
        for lang in langs:
            page = chapter.page(lang) or chapter.page(first)
            titles.append({"lang": lang.code, "text": page.meta.title,
                           "description": page.meta.description})
        chapters.append({
            "id": f"chuong-{chapter.slug}",
            "number_label": " / ".join(
                dict.fromkeys(lang.t("photobook_chapter_number").format(number=number)
                              for lang in langs)
            ),
            "titles": titles,
            "photos": [
                _photo(photo, langs, src(photo.path, "photo-bilingual" if len(langs) > 1
                                         else "photo"))
                for photo in chapter.photos
            ],
        })
    cover = _cover(book, model, first)
    cover_alts = _described({lang.code: _cover_alt(book, model, cover, lang) for lang in langs},
                            langs) if cover else []
    rows = [
        [
            f"{number}.{photo.number}",
            " / ".join(photo.caption(lang) for lang in langs),
            " / ".join(dict.fromkeys(photo.entry.place[lang.code] for lang in langs)),
            photo.entry.photographer,
            first.format_date(photo.entry.date),
            photo.entry.credit,
        ]
        for number, chapter in enumerate(book.chapters_in(first), start=1)
        for photo in chapter.photos
    ]
    headings = ["#"] + [
        " / ".join(dict.fromkeys(lang.t(key) for lang in langs))
        for key in ("photobook_caption", "photobook_place", "photobook_photographer",
                    "photobook_date", "photobook_licence")
    ]
    css = _template("book.css") + (_template("print-shop.css") if edition.print_shop else "")
    doc = {
        "lang": first.code,
        "title": " / ".join(part["title"] for part in parts),
        "author": " / ".join(dict.fromkeys(part["publisher"] for part in parts)),
        "description": " ".join(part["intro"][0] for part in parts if part["intro"]),
        "keywords": ", ".join(c["titles"][0]["text"] for c in chapters),
        "date": max((p.entry.date for p in book.photos), default=None),
        "parts": parts,
        "chapters": chapters,
        "cover": {"src": src(cover.path, "cover"), "alt": cover_alts[0],
                  "other_alts": cover_alts[1:]} if cover else None,
        "credit_headings": headings,
        "credit_rows": rows,
    }
    html = environment("ttdn.photobook").get_template("book.html").render(
        doc=doc, fonts=faces, css=css
    )
    titles = {chapter["id"]: " / ".join(t["text"] for t in chapter["titles"])
              for chapter in chapters}
    titles["credits"] = " / ".join(part["credits"] for part in parts)
    return html, files, list(dict.fromkeys(warnings)), titles


def _intro(book: Book, description: str, lang: Language) -> list[str]:
    paragraphs = [description] if description else []
    if any(photo.entry.illustration for photo in book.photos):
        paragraphs.append(lang.t("photobook_illustration_note"))
    return paragraphs


def _described(alts: Mapping[str, str], langs: list[Language]) -> list[dict[str, str]]:
    """A picture's description in each language of the edition, for a screen reader.

    The first is the Figure's own /Alt, with the /Lang of the document's language (the img's
    `lang`). A PDF structure element has one /Alt, a text string, and no standard way to give it
    in two languages: the multi-language text arrays of ISO 32000-1 (14.9.2.4) are for
    multimedia, not structure elements, and whether screen readers honour the language escapes
    inside a text string is unknown. One Figure per language would need the picture twice (the
    bilingual bulletin does that: one part per language, each placing every picture again), but
    the book shows each photo once with its captions in both languages; and an element with no
    content, carrying only an /Alt, is what the PDF Association's Tagged PDF Best Practice Guide
    warns against ("Empty structure elements"): readers may skip it. So each other language's
    description is real text, tagged in that language, inside the picture's caption in that
    language (beside the picture for the cover), drawn but clipped away (book.css, `.alt-text`):
    a reader reads it with that language's voice after the caption; the page does not change.
    """
    return [{"lang": lang.code, "text": alts[lang.code]} for lang in langs]


def _photo(photo: Photo, langs: list[Language], src: str) -> dict[str, Any]:
    """A photo's page: the picture, described in the first language (its /Alt), and its caption
    in each language, with the description in each other language (see `_described`)."""
    alts = _described(photo.entry.alt, langs)
    return {
        "src": src,
        "alt": alts[0],
        "captions": [
            {
                "lang": lang.code,
                "text": photo.caption(lang),
                "place": photo.entry.place[lang.code],
                "credit": photo.credit(lang),
                "alt": alt if i else None,
            }
            for i, (lang, alt) in enumerate(zip(langs, alts, strict=True))
        ],
    }


def _cover(book: Book, model: BuildModel, lang: Language) -> Photo | None:
    """The landing page's cover photo (its `image`), else the first photo of the book."""
    page = book.pages.get(lang.code)
    if page is not None and page.meta.image:
        asset = model.assets.find(page, page.meta.image)
        if asset is not None:
            for photo in book.photos:
                if photo.path.resolve() == asset.path.resolve():
                    return photo
    photos = book.photos
    return photos[0] if photos else None


def _cover_alt(book: Book, model: BuildModel, cover: Photo, lang: Language) -> str:
    """The cover's description in `lang`: the landing page's `image_alt` when that page shows
    the same photo, else the photo's own `alt` from its manifest."""
    page = book.pages.get(lang.code)
    if page is not None and page.meta.image and page.meta.image_alt:
        asset = model.assets.find(page, page.meta.image)
        if asset is not None and asset.path.resolve() == cover.path.resolve():
            return page.meta.image_alt
    return cover.entry.alt[lang.code]
