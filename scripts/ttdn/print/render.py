"""An issue (or both languages of it, one after the other) to a PDF, cached on its content.

The cache key hashes everything that changes the output: the issue's text and metadata, the
bytes of every original photo and font, the template and stylesheet, the edition's settings and
WeasyPrint's version. A hit returns the PDF already in the cache without touching Pillow or
WeasyPrint: an unchanged issue is never rendered again.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any

import fontpkg_be_vietnam_pro
import jinja2
import pydyf
import weasyprint
from weasyprint.urls import FatalURLFetchingError, url_join

from ttdn.files import atomic_write
from ttdn.i18n import Language, strings
from ttdn.images.cache import content_hash
from ttdn.print.editions import COLUMN_MM, COVER_MM, MARGIN_INNER_MM, Edition
from ttdn.print.fetcher import LocalOnlyFetcher
from ttdn.print.images import print_image
from ttdn.print.model import PrintIssue

# Faces the stylesheet declares; WeasyPrint embeds the glyphs a PDF uses (full Vietnamese
# coverage is in the fonts, so any Vietnamese text has its glyphs).
FONT_FACES = (
    (400, "normal", "BeVietnamPro-Regular.ttf"),
    (400, "italic", "BeVietnamPro-Italic.ttf"),
    (600, "normal", "BeVietnamPro-SemiBold.ttf"),
    (700, "normal", "BeVietnamPro-Bold.ttf"),
    (700, "italic", "BeVietnamPro-BoldItalic.ttf"),
)
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


class PrintError(Exception):
    """A problem an editor can fix, in Vietnamese then English."""

    def __init__(self, vi: str, en: str):
        self.vi, self.en = vi, en
        super().__init__(f"{vi}\n    {en}")


@dataclass(frozen=True)
class Rendered:
    path: Path  # the PDF, in the cache folder
    bytes: int
    cached: bool  # True: nothing was rendered
    seconds: float


def font_files() -> list[tuple[int, str, Path]]:
    root = Path(fontpkg_be_vietnam_pro.ROOT) / "files"
    return [(weight, style, root / name) for weight, style, name in FONT_FACES]


def render(issues: Sequence[PrintIssue], edition: Edition, cache_dir: Path) -> Rendered:
    """The PDF of `issues` (one language, or several one after the other) in `edition`."""
    start = time.perf_counter()
    if not issues:
        raise ValueError("render() needs at least one issue")
    _check_images(issues)
    key = cache_key(issues, edition)
    target = cache_dir / "pdf" / f"{key}-{edition.name}.pdf"
    if target.is_file():
        return Rendered(target, target.stat().st_size, True, time.perf_counter() - start)
    html, files = _document(issues, edition, cache_dir / "images")
    document = weasyprint.HTML(
        string=html, base_url=issues[0].url, url_fetcher=LocalOnlyFetcher(files)
    )
    languages = [(issue.lang, _part_anchor(issue, len(issues))) for issue in issues]
    try:
        pdf = document.write_pdf(
            pdf_variant=edition.pdf_variant,
            pdf_identifier=key.encode(),
            finisher=partial(_tag_languages, languages),
        )
    except FatalURLFetchingError as err:
        cause = err.__cause__ or err
        raise PrintError(
            f"Bản in chỉ được dùng ảnh của bài (trong photos/) và phông chữ của trang: {cause}",
            f"A print edition may only use the issue's photos (from photos/) and the site's "
            f"fonts: {cause}",
        ) from None
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, pdf)
    return Rendered(target, len(pdf), False, time.perf_counter() - start)


def _part_anchor(issue: PrintIssue, parts: int) -> str:
    return f"{issue.lang}-cover" if parts > 1 else "cover"


def _tag_languages(languages: list[tuple[str, str]], document: Any, pdf: Any) -> None:
    """Give each part of a bilingual edition its /Lang in the structure tree.

    WeasyPrint writes the document's language (<html lang>) in the catalog only; a screen reader
    would read the English half with a Vietnamese voice. Each part starts on a new page with its
    cover (anchor `languages[i][1]`), so every top-level structure element on a page belongs to
    the part that page is in; children inherit /Lang (ISO 32000-1, 14.9.2).
    """
    if "StructTreeRoot" not in pdf.catalog or len(languages) < 2:
        return
    starts = sorted(
        (next(i for i, page in enumerate(document.pages) if anchor in page.anchors), lang)
        for lang, anchor in languages
    )
    page_of = {ref: i for i, ref in enumerate(pdf.page_references)}

    def resolve(reference: Any) -> Any:
        return pdf.objects[int(reference.split()[0])]

    root = resolve(pdf.catalog["StructTreeRoot"])
    for top in resolve(root["K"][0])["K"]:
        element = resolve(top)
        page = page_of.get(element.get("Pg"))
        if page is None:
            continue
        lang = [lang for start, lang in starts if start <= page][-1]
        element["Lang"] = pydyf.String(lang)


def cache_key(issues: Sequence[PrintIssue], edition: Edition) -> str:
    """Hash of everything that changes the PDF (see the module docstring)."""
    digest = hashlib.sha256()
    digest.update(f"{edition.digest()}|weasyprint {weasyprint.__version__}".encode())
    for name in ("issue.html", "print.css"):
        digest.update(_template_source(name).encode())
    for _, _, path in font_files():
        digest.update(content_hash(path)[0].encode())
    for issue in issues:
        data = asdict(issue)
        data["images"] = {src: content_hash(path)[0] for src, path in issue.images.items()}
        data["strings"] = {k: v for k, v in strings(issue.lang).items() if k != "material"}
        digest.update(json.dumps(data, sort_keys=True, default=str).encode())
    return digest.hexdigest()[:16]


def _check_images(issues: Sequence[PrintIssue]) -> None:
    for issue in issues:
        if issue.cover not in issue.images:
            raise PrintError(
                f"Số {issue.number}/{issue.year} ({issue.lang}): không có tệp cho ảnh bìa "
                f"'{issue.cover}'.",
                f"Issue {issue.number}/{issue.year} ({issue.lang}): no file for the cover "
                f"'{issue.cover}'.",
            )


def _template_source(name: str) -> str:
    return resources.files("ttdn.print").joinpath("templates", name).read_text("utf-8")


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("ttdn.print", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _document(
    issues: Sequence[PrintIssue], edition: Edition, image_dir: Path
) -> tuple[str, dict[str, Path]]:
    """The HTML of the PDF and the files it may load (URL as WeasyPrint resolves it → file)."""
    files: dict[str, Path] = {}
    fonts = []
    for weight, style, path in font_files():
        files[path.as_uri()] = path
        fonts.append({"url": path.as_uri(), "weight": weight, "style": style})
    parts = []
    for issue in issues:
        for src, original in issue.images.items():
            printed_mm = COVER_MM + 2 * edition.bleed_mm if src == issue.cover else COLUMN_MM
            made = print_image(original, edition.pixels(printed_mm), edition.jpeg_quality,
                               image_dir)
            files[url_join(issue.url, src, allow_relative=False, context=src)] = made.file
        parts.append(_part(issue, prefix=f"{issue.lang}-" if len(issues) > 1 else ""))
    first = parts[0]
    doc = {
        "lang": issues[0].lang,
        "title": " / ".join(part["running_header"] for part in parts),
        "author": " / ".join(dict.fromkeys(part["publisher"] for part in parts)),
        "description": " / ".join(issue.description for issue in issues),
        "keywords": [first["name"], first["issue_label"], first["quarter_label"]],
        "date": issues[0].date.isoformat(),
        "parts": parts,
    }
    html = _environment().get_template("issue.html").render(
        doc=doc,
        fonts=fonts,
        margin_mm=MARGIN_INNER_MM,
        bleed_mm=edition.bleed_mm,
        crop_marks=edition.crop_marks,
    )
    return html, files


def _part(issue: PrintIssue, prefix: str) -> dict[str, Any]:
    t = strings(issue.lang)
    name = t["bulletin_name"]
    label = t["bulletin_issue"].format(number=issue.number, year=issue.year)
    return {
        "lang": issue.lang,
        "issue": issue,
        "t": t,
        "prefix": prefix,
        "name": name,
        "issue_label": label,
        "quarter_label": t["bulletin_quarter"].format(
            quarter=issue.quarter, quarter_roman=ROMAN[issue.quarter], year=issue.year
        ),
        "running_header": t["print_running_header"].format(name=name, issue=label),
        "publisher": t["bulletin_publisher"],
        "date": Language(issue.lang, default=False).format_date(issue.date),
    }
