"""From the build model to what the print renderer takes: one issue in one language.

The Markdown is rendered again for paper, not taken from the site's pages: photos must come from
their originals (the site's pages hold screen-sized derivatives), the page title is printed by
the template, and headings move one level down under the article's title. The result is
sanitised with nh3: only the tags and attributes below reach WeasyPrint, links only to http(s)
and mail, and no <style> or style attribute can change the layout or fetch anything.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urljoin

import markdown
import nh3
from markupsafe import Markup

from ttdn.content import Entry, bulletin, frontmatter
from ttdn.head import absolute
from ttdn.i18n import page_path
from ttdn.images.markup import EXTERNAL, figure, find_images, split_title
from ttdn.model import BuildModel
from ttdn.print.model import PrintArticle, PrintIssue

TAGS = {
    "p", "br", "hr", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "sub", "sup",
    "small", "abbr", "code", "pre", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "a",
    "figure", "figcaption", "img", "span", "table", "thead", "tbody", "tr", "th", "td",
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt"},
    "abbr": {"title"},
    "span": {"class"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
FIRST_H1 = re.compile(r"^\s*<h1[^>]*>.*?</h1>\s*", re.DOTALL)
HEADING = re.compile(r"<(/?)h([1-5])\b")
# The site's heading permalinks (toc) mean nothing on paper.
LEFT_OUT_EXTENSIONS = {"toc"}


@dataclass(frozen=True)
class MarkdownOptions:
    extensions: tuple[Any, ...]
    configs: Mapping[str, Any]

    @classmethod
    def from_config(cls, extensions: list[Any], configs: Mapping[str, Any]) -> MarkdownOptions:
        kept = tuple(e for e in extensions if str(e) not in LEFT_OUT_EXTENSIONS)
        return cls(kept, {k: v for k, v in configs.items() if k not in LEFT_OUT_EXTENSIONS})


def print_issue(model: BuildModel, issue: Entry, options: MarkdownOptions,
                colophon: Mapping[str, str] | None = None) -> PrintIssue:
    """Issue `issue` (its index.md) and its articles, ready for `ttdn.print.render`."""
    images: dict[str, Path] = {}
    cover = _photo_key(model, issue, issue.meta.image, images)
    articles = tuple(
        PrintArticle(
            anchor=article.src.stem,
            title=article.meta.title,
            description=article.meta.description,
            html=_body(model, article, options, images),
        )
        for article in bulletin.articles_of(model.content, issue)
    )
    meta = issue.meta
    return PrintIssue(
        lang=issue.lang.code,
        number=meta.number,
        year=meta.year,
        quarter=meta.quarter,
        date=meta.date,
        url=absolute(model.site_url, issue.url),
        title=meta.title,
        description=meta.description,
        cover=cover or "",
        cover_alt=meta.image_alt or "",
        editorial_html=_body(model, issue, options, images),
        board=tuple(meta.board),
        articles=articles,
        images=images,
        colophon=dict(colophon or {}),
    )


def _photo_key(model: BuildModel, entry: Entry, ref: str | None, images: dict[str, Path]):
    """The root-relative key of a photo of the photos folder, registered in `images`."""
    if not ref:
        return None
    path = model.assets.locate(entry, ref).resolve()
    if not path.is_file() or not path.is_relative_to(model.assets.photos_dir.resolve()):
        return None  # the content checks report it
    key = "/" + path.relative_to(model.assets.root.resolve()).as_posix()
    images[key] = path
    return key


def _href(model: BuildModel, entry: Entry, tag: str, name: str, value: str) -> str:
    """A link to another page's Markdown becomes that page's URL on the site (as MkDocs does);
    any relative link is made absolute from the page it is written in, so the bilingual edition
    (one document, one base URL) sends each language's links to the right pages."""
    if tag != "a" or name != "href" or EXTERNAL.match(value) or value.startswith("#"):
        return value
    path, _, fragment = value.partition("#")
    if not path.endswith(".md"):  # a link to a page's URL: absolute, from this page's own URL
        return urljoin(absolute(model.site_url, entry.url), value)
    target = entry.beside(path) if not path.startswith("/") else PurePosixPath(path.lstrip("/"))
    url = absolute(model.site_url, entry.lang.prefix + page_path(target))
    return f"{url}#{fragment}" if fragment else url


def _body(model: BuildModel, entry: Entry, options: MarkdownOptions,
          images: dict[str, Path]) -> str:
    text = frontmatter.read(entry.path, entry.shown).body
    pieces, last = [], 0
    for ref in find_images(text):
        key = _photo_key(model, entry, ref.src, images) if not ref.external else None
        html = ""  # an external or missing image is a finding already; paper gets nothing
        if key is not None and ref.alt:
            html = Markup('<img src="{}" alt="{}">').format(key, ref.alt)
            caption, credit = split_title(ref.title)
            if ref.alone and (caption or credit):
                html = "\n\n" + str(figure(html, caption, credit)) + "\n\n"
        pieces += [text[last:ref.start], str(html)]
        last = ref.end
    source = "".join(pieces) + text[last:]
    html = markdown.Markdown(
        extensions=list(options.extensions), extension_configs=dict(options.configs)
    ).convert(source)
    html = FIRST_H1.sub("", html, count=1)
    html = HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)
    return nh3.clean(
        html,
        attribute_filter=lambda tag, name, value: _href(model, entry, tag, name, value),
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener",
        strip_comments=True,
    )
