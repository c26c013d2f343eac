"""Markdown image references -> responsive `<picture>` markup. Pure: no MkDocs, no I/O.

What an editor writes (the title, optional, is the caption; ` | ` separates the credit):

    ![Bãi biển Mỹ Khê](/photos/sach-anh/my-khe.jpg "Mỹ Khê lúc bình minh | Ảnh: Sở Ngoại vụ")

A path starting with `/` is taken from the repository root (`/photos/sach-anh/my-khe.jpg`), any
other from the Markdown file's folder, so an editor's Markdown preview finds the photo too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote

from markupsafe import Markup, escape

from ttdn.images.model import ImageRecord

# ![alt](src "title") with alt free of unescaped brackets; src may be <wrapped in angles>.
IMAGE = re.compile(
    r"!\[(?P<alt>(?:[^\[\]\\\n]|\\.)*)\]"
    r"\(\s*(?P<src><[^>\n]*>|[^\s)]+)"
    r"(?:\s+(?P<q>[\"'])(?P<title>.*?)(?P=q))?\s*\)"
)
FENCE = re.compile(r"^(?P<indent>\s{0,3})(?P<fence>`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
MIME = {"avif": "image/avif", "webp": "image/webp"}
# Material's content column is at most ~46rem; below 76.25em the page is one column.
DEFAULT_SIZES = "(min-width: 76.25em) 46rem, 100vw"


@dataclass(frozen=True)
class ImageRef:
    start: int  # offsets in the Markdown text
    end: int
    line: int  # 1-based
    alt: str
    src: str  # the path as written, URL-decoded, without #fragment or ?query
    title: str | None
    alone: bool  # the only thing on an unindented line: may become a <figure>

    @property
    def external(self) -> bool:
        return bool(EXTERNAL.match(self.src))


def find_images(markdown: str) -> list[ImageRef]:
    """Every image reference outside code blocks and code spans."""
    if "![" not in markdown:
        return []  # most pages: skip masking the code of every line
    masked = mask_code(markdown)
    refs = []
    for m in IMAGE.finditer(masked):
        src = m.group("src").strip("<>")
        src = unquote(re.split(r"[?#]", src, maxsplit=1)[0])
        line_start = markdown.rfind("\n", 0, m.start()) + 1
        line_end = markdown.find("\n", m.end())
        line_end = len(markdown) if line_end < 0 else line_end
        alone = markdown[line_start:line_end].strip() == m.group(0) and (
            m.start() == line_start
        )
        refs.append(ImageRef(
            start=m.start(), end=m.end(), line=markdown.count("\n", 0, m.start()) + 1,
            alt=_unescape(m.group("alt")).strip(), src=src, title=m.group("title"), alone=alone,
        ))
    return refs


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def mask_code(text: str) -> str:
    """The Markdown with fenced blocks and code spans blanked (same length, so offsets hold).

    One definition for every reader of Markdown that must skip code (images, links, checks).
    A fence closes on a line of the same character, at least as long, and nothing else."""
    out: list[str] = []
    fence: str | None = None
    for line in text.splitlines(keepends=True):
        m = FENCE.match(line)
        if fence is None and m:
            fence = m.group("fence")
            out.append(_blank(line))
        elif fence is not None:
            if line.strip().startswith(fence[0] * len(fence)) and set(line.strip()) == {fence[0]}:
                fence = None
            out.append(_blank(line))
        else:
            out.append(CODE_SPAN.sub(lambda c: _blank(c.group(0)), line))
    return "".join(out)


def _blank(s: str) -> str:
    return re.sub(r"[^\n]", " ", s)


def split_title(title: str | None) -> tuple[str, str]:
    """`"Caption | Credit"` -> (caption, credit); either may be empty."""
    if not title:
        return "", ""
    caption, _, credit = title.partition(" | ")
    return caption.strip(), credit.strip()


def picture(
    record: ImageRecord,
    alt: str,
    url: Callable[[str], str],
    *,
    sizes: str = DEFAULT_SIZES,
    eager: bool = False,
) -> Markup:
    """One line of HTML: <picture> with AVIF/WebP sources and the fallback <img>.

    `url(file)` turns a derivative's file name into a URL relative to the page. Built with
    `Markup.format`, which escapes every value it fills in: the result is safe to print as is.
    """
    parts = [Markup("<picture>")]
    for fmt in ("avif", "webp"):
        if fmt in record.variants and not (fmt == "avif" and record.animated):
            parts.append(Markup('<source type="{}" srcset="{}" sizes="{}">').format(
                MIME[fmt], _srcset(record, fmt, url), sizes))
    fallback = record.variants[record.fallback]
    default = max((v for v in fallback if v.width <= 800), key=lambda v: v.width,
                  default=fallback[0])
    attrs = Markup('src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"').format(
        url(default.file), _srcset(record, record.fallback, url), sizes, record.width,
        record.height, alt)
    if not eager:
        attrs += Markup(' loading="lazy" decoding="async"')
    # No inline style: the site's CSP (style-src 'self') blocks it. A plain backdrop from the
    # stylesheet shows until the image arrives.
    if not record.alpha:
        attrs += Markup(' class="ttdn-placeholder"')
    parts.append(Markup("<img {}>").format(attrs))
    parts.append(Markup("</picture>"))
    return Markup("").join(parts)


def figure(picture_html: Markup, caption: str, credit: str) -> Markup:
    """A <figure> around the picture, with the caption and the credit (plain text)."""
    text = escape(caption)
    if credit:
        text += Markup(' <span class="ttdn-credit">{}</span>').format(credit)
    return Markup('<figure class="ttdn-figure">{}<figcaption>{}</figcaption></figure>').format(
        picture_html, text)


def _srcset(record: ImageRecord, fmt: str, url: Callable[[str], str]) -> str:
    return ", ".join(f"{url(v.file)} {v.width}w" for v in record.variants[fmt])
