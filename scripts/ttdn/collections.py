"""The column's collections, computed once per build from the content model: paginated listings
(all articles, per category, per year), the documents list, the home page's latest articles,
each article's neighbours and related articles, and the feeds.

Listing pages that have no Markdown file of their own are registered in the content model as
generated entries, so that they get alternates, a sitemap entry and language links like any page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from ttdn.content import DocumentMeta, Entry, PageMeta, SiteContent
from ttdn.content.categories import Category, categories
from ttdn.i18n import Language

PER_PAGE = 10
LATEST = 5
RELATED = 3
ARTICLES = PurePosixPath("tin-bai")
DOCUMENTS = PurePosixPath("van-ban")


@dataclass(frozen=True)
class Feed:
    lang: Language
    base: str  # URL path of its listing: "en/tin-bai/chu-de/bien-dao/"
    title: str
    description: str
    items: list[Entry]

    @property
    def rss(self) -> str:
        return self.base + "rss.xml"

    @property
    def json(self) -> str:
        return self.base + "feed.json"


@dataclass(frozen=True)
class Listing:
    entry: Entry  # the listing page itself
    items: list[Entry]
    page: int
    pages: int
    previous: Entry | None = None  # the listing's neighbouring pages
    next: Entry | None = None
    feed: Feed | None = None
    by_year: bool = False  # documents: grouped under year headings


@dataclass(frozen=True)
class ArticleLinks:
    category: Category
    category_url: str
    previous: Entry | None  # older
    next: Entry | None  # newer
    related: list[Entry]


@dataclass
class Collections:
    listings: dict[str, Listing] = field(default_factory=dict)  # by listing page URL
    articles: dict[str, ArticleLinks] = field(default_factory=dict)  # by article URL
    latest: dict[str, list[Entry]] = field(default_factory=dict)  # by language code
    feeds: list[Feed] = field(default_factory=list)

    def feeds_of(self, code: str) -> list[Feed]:
        return [feed for feed in self.feeds if feed.lang.code == code]


def build_collections(site: SiteContent, site_name: dict[str, str]) -> Collections:
    """All collections of all languages; `site_name` is the site's name per language."""
    out = Collections()
    for lang in site.languages.all:
        articles = site.articles(lang.code)
        out.latest[lang.code] = articles[:LATEST]
        _article_links(out, lang, articles)
        _paginate(out, site, lang, ARTICLES, articles, feed_title=site_name[lang.code])
        for category in categories().values():
            members = [a for a in articles if a.meta.category == category.slug]
            base = ARTICLES / "chu-de" / category.slug
            _paginate(out, site, lang, base, members, category.name(lang.code),
                      category.description(lang.code),
                      feed_title=f"{site_name[lang.code]}: {category.name(lang.code)}")
        for year in sorted({a.meta.date.year for a in articles}, reverse=True):
            members = [a for a in articles if a.meta.date.year == year]
            _paginate(out, site, lang, ARTICLES / str(year), members,
                      lang.t("year_title").format(year=year),
                      lang.t("year_description").format(year=year))
        _documents(out, site, lang)
    return out


def category_url(lang: Language, slug: str) -> str:
    return f"{lang.prefix}{ARTICLES}/chu-de/{slug}/"


def _article_links(out: Collections, lang: Language, articles: list[Entry]) -> None:
    by_category: dict[str, list[Entry]] = {}
    for article in articles:  # newest first, as `articles`
        by_category.setdefault(article.meta.category, []).append(article)
    for i, article in enumerate(articles):
        category = categories()[article.meta.category]
        same = [a for a in by_category[category.slug][: RELATED + 1] if a is not article]
        out.articles[article.url] = ArticleLinks(
            category=category,
            category_url=category_url(lang, category.slug),
            previous=articles[i + 1] if i + 1 < len(articles) else None,
            next=articles[i - 1] if i > 0 else None,
            related=same[:RELATED],
        )


def _paginate(
    out: Collections,
    site: SiteContent,
    lang: Language,
    base: PurePosixPath,
    items: list[Entry],
    title: str | None = None,
    description: str | None = None,
    feed_title: str | None = None,
) -> None:
    """Listing pages of `items` under `base`: base/, base/trang/2/, …

    Page 1 is the section's own index.md when an editor wrote one (its title and introduction
    stay); otherwise, and for later pages, the page is generated. A listing with no item in
    this language has no page at all, except a section index an editor wrote.
    """
    own = site.get(lang.code, base / "index.md")
    if not items and own is None:
        return
    pages = max(1, -(-len(items) // PER_PAGE))
    entries = []
    for number in range(1, pages + 1):
        if number == 1 and own is not None:
            entries.append(own)
            title = title or own.meta.title
            description = description or own.meta.description
            continue
        src = base / "index.md" if number == 1 else base / "trang" / str(number) / "index.md"
        suffix = "" if number == 1 else lang.t("page_suffix").format(page=number)
        meta = PageMeta(
            title=f"{title}{suffix}",
            description=description,
            date=max(item.meta.modified for item in items),
        )
        entry = Entry(lang, src, None, meta)
        site.add(entry)
        entries.append(entry)
    feed = None
    if feed_title is not None:
        feed = Feed(lang, lang.prefix + str(base) + "/", feed_title, description, items)
        out.feeds.append(feed)
    for number, entry in enumerate(entries, start=1):
        out.listings[entry.url] = Listing(
            entry=entry,
            items=items[(number - 1) * PER_PAGE : number * PER_PAGE],
            page=number,
            pages=pages,
            previous=entries[number - 2] if number > 1 else None,
            next=entries[number] if number < pages else None,
            feed=feed,
        )


def _documents(out: Collections, site: SiteContent, lang: Language) -> None:
    own = site.get(lang.code, DOCUMENTS / "index.md")
    if own is None:
        return
    documents = [e for e in site.entries[lang.code].values() if isinstance(e.meta, DocumentMeta)]
    documents.sort(key=lambda e: (e.meta.date, e.meta.number), reverse=True)
    out.listings[own.url] = Listing(own, documents, 1, 1, by_year=True)
