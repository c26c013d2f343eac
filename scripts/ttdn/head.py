"""What a page says about itself and its translations: canonical URL, hreflang alternates,
Open Graph tags and the link to the other language. The sitemap reuses `alternates`, so the
sitemap and the heads can never disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from mkdocs.utils import get_relative_url

from ttdn.collections import ArticleLinks, Collections, Feed, Listing
from ttdn.content import Entry, SiteContent
from ttdn.content.categories import Category, categories
from ttdn.i18n import Language


@dataclass(frozen=True)
class Alternate:
    hreflang: str  # "vi", "en" or "x-default"
    href: str  # absolute URL


@dataclass(frozen=True)
class LanguageLink:
    """The one visible link to the other language, written in that language."""

    lang: Language
    url: str  # path from the site root
    exact: bool  # False when it leads to the nearest translated parent page


def absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path


def alternates(site: SiteContent, entry: Entry, site_url: str) -> list[Alternate]:
    """One alternate per existing translation (itself included), then x-default.

    x-default is the default language's version, or the only version there is.
    """
    found = site.translations(entry.src)
    links = [Alternate(t.lang.code, absolute(site_url, t.url)) for t in found]
    return [*links, Alternate("x-default", links[0].href)] if links else []


def language_links(site: SiteContent, entry: Entry | None, lang: Language) -> list[LanguageLink]:
    """Links to the other languages: the same page, else its nearest translated parent.

    `entry` is None for pages that have no source (the 404 page): they link to the home page.
    """
    links = []
    for other in site.languages.others(lang.code):
        target = site.counterpart(entry.src, other) if entry else None
        if target is not None:
            links.append(LanguageLink(other, target.url, exact=target.src == entry.src))
        else:
            links.append(LanguageLink(other, other.prefix, exact=False))
    return links


@dataclass(frozen=True)
class PageView:
    """What the templates need of a page, in its language (`ttdn` in the template context)."""

    lang: Language
    entry: Entry | None  # None for the 404 page
    links: list[LanguageLink]
    alternates: list[Alternate]
    canonical: str | None
    og_image: str  # absolute URL
    report_problem_url: str
    page_url: str  # this page's URL path, "" for the home page
    site_url: str
    listing: Listing | None = None
    article: ArticleLinks | None = None
    latest: list[Entry] = field(default_factory=list)  # the home page's latest articles
    feeds: list[Feed] = field(default_factory=list)  # announced in the head

    def t(self, key: str, **values: object) -> str:
        text = self.lang.t(key)
        return text.format(**values) if values else text

    def href(self, url: str) -> str:
        """A link from this page to `url` (a path from the site root), relative like MkDocs'."""
        return get_relative_url(url or ".", self.page_url or ".")

    def absolute(self, url: str) -> str:
        return absolute(self.site_url, url)

    def category(self, slug: str) -> Category:
        return categories()[slug]

    def date(self, day: dt.date) -> str:
        return self.lang.format_date(day)

    @property
    def report_problem_href(self) -> str:
        """The configured link: a full URL as is, a site path inside this language's pages."""
        url = self.report_problem_url
        return url if ":" in url else self.lang.prefix + url

    @property
    def modified(self) -> dt.date | None:
        return self.entry.meta.modified if self.entry else None

    @property
    def modified_text(self) -> str | None:
        return self.lang.format_date(self.modified) if self.modified else None


def page_view(
    site: SiteContent,
    collections: Collections,
    entry: Entry | None,
    lang: Language,
    site_url: str,
    default_image: str,
    report_problem_url: str,
    first_image: str | None = None,
) -> PageView:
    # The page's first photo from the image pipeline, else a cover kept beside the page,
    # else the site's own preview image.
    image = first_image or lang.prefix + default_image
    if first_image is None and entry is not None and entry.meta.image:
        image = entry.asset_url(entry.meta.image)
    url = entry.url if entry else None
    listing = collections.listings.get(url) if url is not None else None
    feeds = [listing.feed] if listing and listing.feed else []
    if not feeds:  # every page announces its language's feed of all articles
        feeds = collections.feeds_of(lang.code)[:1]
    return PageView(
        lang=lang,
        entry=entry,
        links=language_links(site, entry, lang),
        alternates=alternates(site, entry, site_url) if entry else [],
        canonical=absolute(site_url, entry.url) if entry else None,
        og_image=absolute(site_url, image),
        report_problem_url=report_problem_url,
        page_url=url if url is not None else lang.prefix,
        site_url=site_url,
        listing=listing,
        article=collections.articles.get(url) if url is not None else None,
        latest=collections.latest.get(lang.code, []) if url == lang.prefix else [],
        feeds=feeds,
    )
