"""Content types, declared: what each kind of page is and which collections it feeds.

A type says where its files live (a path pattern under docs/<lang>/), its front matter schema,
whether it may be a draft or dated in the future, whether its file name must be unique, a rule on
its folder, the partial shown under its title, and its collections. `ttdn.collections` turns the
declarations into listing pages, archives, feeds and links; adding a type is a schema, a
declaration here and its templates, with no change to the collections code.

The first type whose pattern matches a page wins; `PAGE` matches everything and comes last.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from ttdn.content import bulletin
from ttdn.content.categories import Category
from ttdn.content.schema import ArticleMeta, DocumentMeta, PageMeta, PhotoChapterMeta

if TYPE_CHECKING:
    from ttdn.content.model import Content, Entry
    from ttdn.findings import Finding
    from ttdn.i18n import Language


@dataclass(frozen=True)
class Labels:
    """What a declaration's naming functions may read: this build's strings and categories."""

    lang: Language
    categories: Mapping[str, Category]
    site_name: str

    def t(self, key: str, **values: object) -> str:
        text = self.lang.t(key)
        return text.format(**values) if values else text


Namer = Callable[[Labels, Any], str]  # (labels, key) → a title or description


@dataclass(frozen=True)
class Listing:
    """The type's own listing under `base`: base/, base/trang/2/, … newest first.

    Page 1 is the section's own index.md when an editor wrote one (its title and introduction
    stay). `per_page=None` lists everything on one page; `group` puts items under headings.
    `keep` chooses the items (given the build's day: an "upcoming" listing); `order` and
    `ascending` override the type's order (soonest first). `home` items are shown on the home
    page under `home_title` (default: the listing's title) with a link to the listing.
    """

    base: str
    per_page: int | None = 10
    feed: bool = False
    group: Callable[[Entry], Hashable] | None = None  # e.g. the year
    group_title: Namer | None = None
    partial: str = "listing.html"  # partials/ttdn/<partial> under the listing page's text
    feed_title: Callable[[Labels], str] | None = None  # default: the site's name
    keep: Callable[[Entry, dt.date], bool] | None = None
    order: Callable[[Entry], Any] | None = None  # default: the type's
    ascending: bool = False
    home: int = 0  # how many items the home page shows
    home_title: Callable[[Labels], str] | None = None
    home_more: Callable[[Labels], str] | None = None  # default: "See all: <listing title>"


def upcoming(entry: Entry, today: dt.date) -> bool:
    """For a `Listing.keep`: a dated range (DateRangeMeta) not over yet."""
    return entry.meta.last_day >= today


@dataclass(frozen=True)
class Archive:
    """One listing per value of `key` (category, year…), at `base` with {key} filled in."""

    base: str  # "tin-bai/chu-de/{key}"
    key: Callable[[Entry], Hashable | None]
    title: Namer
    description: Namer
    feed: bool = False
    feed_title: Namer | None = None
    # The heading of the archive's links on the type's listing; None: not linked from there.
    heading: Callable[[Labels], str] | None = None
    newest_first: bool = False  # years: the latest first


@dataclass(frozen=True)
class Neighbours:
    """Previous (older) and next (newer) within the same `scope` (None: the whole type)."""

    scope: Callable[[Entry], Hashable] | None = None


@dataclass(frozen=True)
class Related:
    """Up to `count` other items sharing `key`, newest first."""

    key: Callable[[Entry], Hashable]
    count: int = 3


Collection = Listing | Archive | Neighbours | Related
PlaceRule = Callable[[PurePosixPath, PageMeta], tuple[str, str] | None]
# A rule over the whole loaded content (numbering, both languages…): returns findings.
Check = Callable[["Content"], list["Finding"]]


@dataclass(frozen=True)
class ContentType:
    name: str
    schema: type[PageMeta]
    pattern: str  # under docs/<lang>/: "*" one name, "**" any folders; index.md only if named
    partial: str | None = None  # partials/ttdn/<partial>, shown under the page title
    shows_cover: bool = False  # the `image` is shown first in the page, not only in previews
    schedulable: bool = False  # may be `draft: true` or dated in the future: then not built
    unique_slug: bool = False  # the file name is the item's identity in one language
    place: PlaceRule | None = None  # (vi, en) message when the file is in the wrong folder
    og_type: str = "article"
    # Found by the site's search under this section (its label: search_section_<key> in the
    # translation tables); None: never searched.
    search_section: str | None = "pages"
    label: Callable[[Entry, Labels], str | None] | None = None  # shown in lists and feeds
    order: Callable[[Entry], Any] = field(default=lambda e: (e.meta.date, e.src.stem))
    collections: tuple[Collection, ...] = ()
    checks: tuple[Check, ...] = ()

    def matches(self, src: PurePosixPath) -> bool:
        return _compiled(self.pattern).fullmatch(src.as_posix()) is not None

    def published(self, meta: PageMeta, today: Any) -> bool:
        if meta.pending:  # a translation asked for, not made yet: any type
            return False
        return not (self.schedulable and (getattr(meta, "draft", False) or meta.date > today))


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    parts = []
    for part in pattern.split("/"):
        if part == "**":
            parts.append("(?:[^/]+/)*")
            continue
        parts.append(re.escape(part).replace(r"\*", "[^/]*") + "/")
    regex = "".join(parts).removesuffix("/")
    if not pattern.endswith("index.md"):
        regex = f"(?!(?:[^/]+/)*index\\.md$){regex}"
    return re.compile(regex)


# -- The site's types ----------------------------------------------------------------------


def _year(entry: Entry) -> int:
    return entry.meta.date.year


def _year_of_issue(entry: Entry) -> int:
    return entry.meta.year


def _category(entry: Entry) -> str:
    return entry.meta.category


def _category_name(entry: Entry, labels: Labels) -> str:
    return labels.categories[entry.meta.category].name(labels.lang.code)


def _in_year_folder(src: PurePosixPath, meta: PageMeta) -> tuple[str, str] | None:
    year = meta.date.year
    if len(src.parts) == 3 and src.parts[1] == str(year):
        return None
    return (
        f"Bài viết phải nằm trong thư mục năm của ngày đăng: tin-bai/{year}/{src.name}.",
        f"An article must sit in the folder of its date's year: tin-bai/{year}/{src.name}.",
    )


PAGE = ContentType("page", PageMeta, "**/*.md")
PAGE_INDEX = ContentType("section", PageMeta, "**/index.md", og_type="website")

DOCUMENT = ContentType(
    "document",
    DocumentMeta,
    "van-ban/*.md",
    partial="document-meta.html",
    search_section="documents",
    order=lambda e: (e.meta.date, e.meta.number),
    collections=(
        Listing(
            "van-ban",
            per_page=None,
            group=_year,
            group_title=lambda labels, year: labels.t("documents_year", year=year),
        ),
    ),
)

ARTICLE = ContentType(
    "article",
    ArticleMeta,
    "tin-bai/**/*.md",
    partial="article-meta.html",
    search_section="column",
    shows_cover=True,
    schedulable=True,
    unique_slug=True,
    place=_in_year_folder,
    label=_category_name,
    collections=(
        Listing("tin-bai", per_page=10, feed=True, home=5,
                home_title=lambda labels: labels.t("latest_articles"),
                home_more=lambda labels: labels.t("all_articles")),
        Archive(
            "tin-bai/chu-de/{key}",
            key=_category,
            title=lambda labels, key: labels.categories[key].name(labels.lang.code),
            description=lambda labels, key: labels.categories[key].description(labels.lang.code),
            feed=True,
            feed_title=lambda labels, key: labels.categories[key].name(labels.lang.code),
            heading=lambda labels: labels.t("archive_topics"),
        ),
        Archive(
            "tin-bai/{key}",
            key=_year,
            title=lambda labels, year: labels.t("year_title", year=year),
            description=lambda labels, year: labels.t("year_description", year=year),
            heading=lambda labels: labels.t("archive_years"),
            newest_first=True,
        ),
        Neighbours(),
        Related(key=_category, count=3),
    ),
)

BULLETIN_ISSUE = ContentType(
    "bulletin-issue",
    bulletin.IssueMeta,
    "ban-tin/*/*/index.md",
    partial="bulletin-issue.html",
    search_section="bulletin",
    shows_cover=True,
    schedulable=True,
    place=bulletin.issue_place,
    label=bulletin.issue_label,
    order=lambda e: (e.meta.year, e.meta.quarter),
    collections=(
        # The bulletin's home: newest issue first, the archive under year headings, a feed.
        Listing(
            "ban-tin",
            per_page=None,
            feed=True,
            group=_year_of_issue,
            group_title=lambda labels, year: str(year),
            partial="bulletin-home.html",
            feed_title=lambda labels: labels.t("bulletin_name"),
        ),
    ),
    checks=(bulletin.check_issues,),
)

BULLETIN_ARTICLE = ContentType(
    "bulletin-article",
    bulletin.BulletinArticleMeta,
    "ban-tin/*/*/*.md",
    partial="bulletin-article.html",
    search_section="bulletin",
    shows_cover=True,
    schedulable=True,
    unique_slug=False,  # slugs repeat from issue to issue; the folder tells them apart
    place=bulletin.article_place,
    # Newest issue first, then the last article of an issue first: "previous" is the one
    # before it in the issue's contents.
    order=lambda e: (e.src.parent.as_posix(), e.meta.order, e.src.stem),
    collections=(Neighbours(scope=lambda e: e.src.parent),),  # within the issue
    checks=(bulletin.check_contents,),
)

# The photo book (plan II.7a): its landing page shows the cover, the introduction, the chapters
# and the print editions; each chapter page shows its gallery. Both come from ttdn-photobook,
# which reads each chapter's photos from photos/sach-anh/<chapter>/manifest.yml.
PHOTO_BOOK = ContentType(
    "photo-book", PageMeta, "sach-anh/index.md", shows_cover=True, og_type="website",
    search_section="photo_book",
)
PHOTO_CHAPTER = ContentType(
    "photo-chapter",
    PhotoChapterMeta,
    "sach-anh/*/index.md",
    search_section="photo_book",
    order=lambda e: (e.meta.order, e.src.parent.name),
)

# The contact page: its text, then the details from mkdocs.yml (ttdn-site → contact; the view's
# `contact`, partials/ttdn/contact.html).
CONTACT = ContentType("contact", PageMeta, "lien-he.md", og_type="website")

# The order matters: the first match wins.
CONTENT_TYPES: tuple[ContentType, ...] = (
    DOCUMENT, ARTICLE, BULLETIN_ISSUE, BULLETIN_ARTICLE, PHOTO_BOOK, PHOTO_CHAPTER, CONTACT,
    PAGE_INDEX, PAGE
)


def type_findings(content: Content, types: tuple[ContentType, ...]) -> list[Finding]:
    """What the types' own rules over the whole content find (the build and `ttdn check`)."""
    return [finding for kind in types for check in kind.checks for finding in check(content)]


def type_of(src: PurePosixPath, types: tuple[ContentType, ...]) -> ContentType:
    for kind in types:
        if kind.matches(src):
            return kind
    return PAGE
