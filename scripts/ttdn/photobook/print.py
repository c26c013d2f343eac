"""The photo book's print editions, rendered with WeasyPrint and cached on their content.

Editions: one per language and one bilingual (captions in every language, plan II.7a "song ngữ
Việt-Anh"), tagged PDF/UA-1 with an outline from the headings; and the print-shop edition, PDF/X-4
with 3 mm bleed, crop marks and full-bleed photos, so a printer can take the file as it is.

Photos come from the image pipeline at print resolution (`PRINT_WIDTH`, JPEG, sRGB, no metadata),
never from the originals. The cache key hashes everything that changes a PDF (texts, photo
derivatives, fonts, template, stylesheets, edition, WeasyPrint's version): an unchanged book is
not rendered again.

The generic print module (branch `print`, ttdn.print) is bulletin-shaped as this is written;
when it lands, this module's renderer and fetcher should move onto it.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import fontpkg_be_vietnam_pro
import jinja2
import weasyprint

from ttdn.files import atomic_write
from ttdn.i18n import Language
from ttdn.images import ImageError, ImageOptions, run
from ttdn.images.cache import content_hash
from ttdn.model import BuildModel
from ttdn.photobook.book import Book, Photo

RECIPE = "photobook-print-1"  # bump when the rendering changes in a way the inputs do not show
PRINT_WIDTH = 2400  # px: a photo printed 261 mm wide at ~230 dpi, or full bleed at ~200 dpi
PRINT_JPEG_QUALITY = 90
FONT_FACES = (
    (400, "normal", "BeVietnamPro-Regular.ttf"),
    (400, "italic", "BeVietnamPro-Italic.ttf"),
    (700, "normal", "BeVietnamPro-Bold.ttf"),
)


@dataclass(frozen=True)
class Edition:
    name: str  # part of the file name: "vi", "en", "song-ngu", "nha-in"
    languages: tuple[str, ...]  # caption languages; the first is the document's
    pdf_variant: str
    print_shop: bool = False  # bleed, crop marks, full-bleed photos, sRGB output intent


@dataclass(frozen=True)
class Rendered:
    edition: Edition
    path: Path  # in the cache
    pages: int
    bytes: int
    cached: bool
    seconds: float


def editions(codes: Sequence[str]) -> list[Edition]:
    """Every edition for the site's languages (default first)."""
    both = tuple(codes)
    return [
        *(Edition(code, (code,), "pdf/ua-1") for code in codes),
        Edition("song-ngu", both, "pdf/ua-1"),
        Edition("nha-in", both, "pdf/x-4", print_shop=True),
    ]


def print_files(
    originals: Sequence[Path], store: Path, jobs: int | None = None
) -> tuple[dict[Path, Path], list[ImageError]]:
    """Each original as one JPEG `PRINT_WIDTH` wide (never upscaled), made by the image pipeline
    (upright, sRGB, no metadata) into its own store, reused while the original is unchanged."""
    options = ImageOptions(
        widths=(PRINT_WIDTH,), modern_formats=(), jpeg_quality=PRINT_JPEG_QUALITY,
        jpeg_progressive=False,
    )
    result = run(list(dict.fromkeys(originals)), store, options, jobs=jobs)
    files = {
        path: store / record.variants[record.fallback][-1].file
        for path, record in result.records.items()
    }
    return files, result.summary.errors


def render(
    book: Book,
    model: BuildModel,
    edition: Edition,
    print_files: Mapping[Path, Path],
    cache_dir: Path,
) -> Rendered:
    """The edition's PDF in `cache_dir`; `print_files` maps each original to its print JPEG."""
    start = time.perf_counter()
    html, files = _document(book, model, edition, print_files)
    key = _cache_key(html, files, edition)
    target = cache_dir / f"{key}-{edition.name}.pdf"
    about = target.with_suffix(".json")
    if target.is_file() and about.is_file():
        pages = json.loads(about.read_text("utf-8"))["pages"]
        return Rendered(edition, target, pages, target.stat().st_size, True,
                        time.perf_counter() - start)
    allowed = {path.resolve().as_uri() for path in files}
    document = weasyprint.HTML(string=html, url_fetcher=_LocalFiles(allowed)).render()
    options: dict[str, Any] = {"pdf_variant": edition.pdf_variant, "pdf_identifier": key.encode()}
    if edition.print_shop:
        # PDF/X needs an output intent. The photos are sRGB, so is the intent; a print shop that
        # wants its own CMYK condition converts at RIP time (PDF/X-4 keeps RGB and ICC).
        options |= {"output_intent": "srgb", "pdf_tags": True}
    pdf = document.write_pdf(**options)
    cache_dir.mkdir(parents=True, exist_ok=True)
    atomic_write(target, pdf)
    atomic_write(about, json.dumps({"pages": len(document.pages)}).encode())
    return Rendered(edition, target, len(document.pages), len(pdf), False,
                    time.perf_counter() - start)


class _LocalFiles(weasyprint.URLFetcher):
    """Only the fonts and photos the document names: nothing else is read, nothing fetched."""

    def __init__(self, allowed: set[str]):
        super().__init__()
        self.allowed = allowed

    def fetch(self, url: str, headers: Any = None) -> Any:
        if url not in self.allowed:
            raise ValueError(f"not a file of this book: {url}")
        return super().fetch(url, headers)


def _cache_key(html: str, files: list[Path], edition: Edition) -> str:
    digest = hashlib.sha256(f"{RECIPE}|weasyprint {weasyprint.__version__}|".encode())
    digest.update(json.dumps(asdict(edition), sort_keys=True).encode())
    # The texts and the CSS; each file by its content, not by where the checkout or the venv
    # is (its name in the HTML is an absolute file: URL), so the PDF's /ID is the same anywhere.
    for path in files:
        html = html.replace(path.resolve().as_uri(), content_hash(path)[0])
    digest.update(html.encode())
    return digest.hexdigest()[:16]


def _font_files() -> list[tuple[int, str, Path]]:
    root = Path(fontpkg_be_vietnam_pro.ROOT) / "files"
    return [(weight, style, root / name) for weight, style, name in FONT_FACES]


def _template(name: str) -> str:
    return resources.files("ttdn.photobook").joinpath("templates", name).read_text("utf-8")


def _document(
    book: Book, model: BuildModel, edition: Edition, print_files: Mapping[Path, Path]
) -> tuple[str, list[Path]]:
    """The edition's HTML and the files it loads."""
    langs = [model.languages.get(code) for code in edition.languages]
    files = [path for _, _, path in _font_files()]
    fonts = [
        {"url": path.resolve().as_uri(), "weight": weight, "style": style}
        for weight, style, path in _font_files()
    ]

    def src(photo_path: Path) -> str:
        made = print_files[photo_path]
        files.append(made)
        return made.resolve().as_uri()

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
                {
                    "src": src(photo.path),
                    "alt": photo.entry.alt[first.code],
                    "captions": [_caption(photo, lang) for lang in langs],
                }
                for photo in chapter.photos
            ],
        })
    cover = _cover(book, model, first)
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
        "cover": {"src": src(cover[0].path), "alt": cover[1]} if cover else None,
        "credit_headings": headings,
        "credit_rows": rows,
    }
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    html = environment.from_string(_template("book.html")).render(doc=doc, fonts=fonts, css=css)
    return html, files


def _intro(book: Book, description: str, lang: Language) -> list[str]:
    paragraphs = [description] if description else []
    if any(photo.entry.illustration for photo in book.photos):
        paragraphs.append(lang.t("photobook_illustration_note"))
    return paragraphs


def _caption(photo: Photo, lang: Language) -> dict[str, str]:
    return {
        "lang": lang.code,
        "text": photo.caption(lang),
        "place": photo.entry.place[lang.code],
        "credit": photo.credit(lang),
    }


def _cover(book: Book, model: BuildModel, lang: Language) -> tuple[Photo, str] | None:
    """The landing page's cover photo (its `image`), else the first photo of the book."""
    page = book.pages.get(lang.code)
    if page is not None and page.meta.image:
        asset = model.assets.find(page, page.meta.image)
        if asset is not None:
            for photo in book.photos:
                if photo.path.resolve() == asset.path.resolve():
                    return photo, page.meta.image_alt or ""
    photos = book.photos
    return (photos[0], photos[0].entry.alt[lang.code]) if photos else None
