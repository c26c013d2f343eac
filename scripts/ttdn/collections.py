"""Collections: the content model and the type declarations in, a read-only site index out.

`index_site` is a pure function. From each content type's declared collections it makes the
listing pages (paginated, with their own titles; filtered and sorted as declared: "upcoming"),
the archives (per category, per year…), the feeds, each item's neighbours and related items,
and the home page's slots. Listing pages that have no Markdown file of their own are new entries
of the index, never of the content model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from ttdn.content import Content, ContentType, Entry, PageMeta, Pages
from ttdn.content.types import Archive, Labels, Listing, Neighbours, Related
from ttdn.i18n import Language

PAGE_FOLDER = "trang"  # base/trang/2/: the second page of a listing


@dataclass(frozen=True)
class Feed:
    lang: Language
    base: str  # URL path of its listing: "en/tin-bai/chu-de/bien-dao/"
    title: str
    description: str
    items: tuple[Entry, ...]

    @property
    def rss(self) -> str:
        return self.base + "rss.xml"

    @property
    def json(self) -> str:
        return self.base + "feed.json"


@dataclass(frozen=True)
class Group:
    title: str
    items: tuple[Entry, ...]


@dataclass(frozen=True)
class ArchiveLink:
    title: str
    url: str


@dataclass(frozen=True)
class ArchiveGroup:
    """One archive declaration's pages (every topic, every year), linked from the listing."""

    heading: str  # its title in the listing ("Theo chủ đề")
    links: tuple[ArchiveLink, ...]


@dataclass(frozen=True)
class ListingPage:
    entry: Entry  # the listing page itself
    items: tuple[Entry, ...]
    page: int
    pages: int
    previous: Entry | None = None  # the listing's neighbouring pages
    next: Entry | None = None
    feed: Feed | None = None
    groups: tuple[Group, ...] = ()  # when the listing puts its items under headings
    partial: str = "listing.html"  # how the listing is shown (its type's declaration)
    archives: tuple[ArchiveGroup, ...] = ()  # the type's archives, so each is reachable


@dataclass(frozen=True)
class ItemLinks:
    previous: Entry | None = None  # older
    next: Entry | None = None  # newer
    related: tuple[Entry, ...] = ()
    archives: tuple[ArchiveLink, ...] = ()  # the archives the item is listed in


@dataclass(frozen=True)
class HomeSlot:
    """Items a listing declares for the home page, with the listing they come from."""

    title: str
    url: str  # the listing
    items: tuple[Entry, ...]
    more: str  # the link to the listing


@dataclass(frozen=True)
class SiteIndex:
    pages: Pages  # content pages and generated listing pages
    listings: Mapping[str, ListingPage]  # by listing page URL
    links: Mapping[str, ItemLinks]  # by item URL
    labels: Mapping[str, str]  # item URL → its label (category name) in lists and feeds
    home: Mapping[str, tuple[HomeSlot, ...]]  # by language code, in declaration order
    feeds: tuple[Feed, ...]

    def feeds_of(self, code: str) -> list[Feed]:
        return [feed for feed in self.feeds if feed.lang.code == code]


@dataclass
class _Builder:
    """Accumulates one index; private to `index_site`, so nothing outside sees it half-made."""

    content: Content
    generated: dict[str, dict[PurePosixPath, Entry]]
    listings: dict[str, ListingPage] = field(default_factory=dict)
    links: dict[str, ItemLinks] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    home: dict[str, list[HomeSlot]] = field(default_factory=dict)
    feeds: list[Feed] = field(default_factory=list)


def index_site(
    content: Content, types: tuple[ContentType, ...], labels: Mapping[str, Labels],
    today: dt.date,
) -> SiteIndex:
    """Every collection of every type in every language; `labels` by language code; `today`
    for the listings that keep items by date ("upcoming")."""
    out = _Builder(content, {lang.code: {} for lang in content.languages.all})
    for lang in content.languages.all:
        out.home[lang.code] = []
        words = labels[lang.code]
        for kind in types:
            items = sorted(content.of_type(lang.code, kind.name), key=kind.order, reverse=True)
            if kind.label is not None:
                out.labels.update({item.url: kind.label(item, words) for item in items})
            archive_links: dict[str, list[ArchiveLink]] = {item.url: [] for item in items}
            listing_urls: list[str] = []
            groups: list[ArchiveGroup] = []
            for declared in kind.collections:
                if isinstance(declared, Listing):
                    listing_urls += _listing(out, lang, words, declared,
                                             _chosen(declared, items, today))
                elif isinstance(declared, Archive):
                    found = _archives(out, lang, words, declared, items, archive_links)
                    if found and declared.heading is not None:
                        groups.append(ArchiveGroup(declared.heading(words), tuple(found)))
            for url in listing_urls:  # every archive reachable from the type's listing
                out.listings[url] = replace(out.listings[url], archives=tuple(groups))
            _item_links(out, kind, items, archive_links)
    pages = Pages(
        content.languages,
        {
            code: {**{e.src: e for e in content.of_language(code)}, **out.generated[code]}
            for code in content.languages.codes
        },
    )
    return SiteIndex(
        pages=pages,
        listings=dict(out.listings),
        links=dict(out.links),
        labels=dict(out.labels),
        home={code: tuple(slots) for code, slots in out.home.items()},
        feeds=tuple(out.feeds),
    )


def _listing(
    out: _Builder, lang: Language, words: Labels, declared: Listing, items: list[Entry]
) -> list[str]:
    base = PurePosixPath(declared.base)
    own = out.content.get(lang.code, base / "index.md")
    title = own.meta.title if own else declared.base
    description = own.meta.description if own else title
    groups: Callable[[list[Entry]], tuple[Group, ...]] | None = None
    if declared.group is not None:
        groups = lambda chunk: _groups(chunk, declared, words)  # noqa: E731
    feed_title = None
    if declared.feed:
        feed_title = declared.feed_title(words) if declared.feed_title else words.site_name
    urls = _paginate(
        out, lang, base, items, title, description, declared.per_page, feed_title, groups,
        declared.partial,
    )
    if declared.home and urls and items:
        heading = declared.home_title(words) if declared.home_title else title
        more = declared.home_more(words) if declared.home_more else words.t("see_all", title=title)
        out.home[lang.code].append(
            HomeSlot(heading, urls[0], tuple(items[: declared.home]), more)
        )

    return urls


def _chosen(declared: Listing, items: list[Entry], today: dt.date) -> list[Entry]:
    """The listing's items, in its order (`items` come newest first, the type's order)."""
    if declared.keep is not None:
        items = [item for item in items if declared.keep(item, today)]
    if declared.order is not None:
        items = sorted(items, key=declared.order, reverse=True)
    return items[::-1] if declared.ascending else items


def _archives(
    out: _Builder,
    lang: Language,
    words: Labels,
    declared: Archive,
    items: list[Entry],
    archive_links: dict[str, list[ArchiveLink]],
) -> list[ArchiveLink]:
    """Each key's archive pages; returns the first page of each, in the declared order."""
    members: dict[Hashable, list[Entry]] = {}
    for item in items:
        key = declared.key(item)
        if key is not None:
            members.setdefault(key, []).append(item)
    firsts = []
    ordered = sorted(members.items(), key=lambda kv: str(kv[0]), reverse=declared.newest_first)
    for key, chosen in ordered:
        base = PurePosixPath(declared.base.format(key=key))
        title = declared.title(words, key)
        feed_title = None
        if declared.feed:
            named = declared.feed_title(words, key) if declared.feed_title else title
            feed_title = f"{words.site_name}: {named}"
        urls = _paginate(
            out, lang, base, chosen, title, declared.description(words, key), 10, feed_title
        )
        for item in chosen:
            archive_links[item.url].append(ArchiveLink(title, urls[0]))
        firsts.append(ArchiveLink(title, urls[0]))
    return firsts


def _paginate(
    out: _Builder,
    lang: Language,
    base: PurePosixPath,
    items: list[Entry],
    title: str,
    description: str,
    per_page: int | None,
    feed_title: str | None,
    groups: Callable[[list[Entry]], tuple[Group, ...]] | None = None,
    partial: str = "listing.html",
) -> list[str]:
    """Listing pages of `items` under `base`: base/, base/trang/2/, …; returns their URLs.

    Page 1 is the section's own index.md when an editor wrote one; otherwise, and for later
    pages, the page is generated. A listing with no item in this language has no page at all,
    except a section index an editor wrote.
    """
    own = out.content.get(lang.code, base / "index.md")
    if not items and own is None:
        return []
    size = per_page or max(1, len(items))
    pages = max(1, -(-len(items) // size))
    entries = []
    newest = max((item.meta.modified for item in items), default=None)
    for number in range(1, pages + 1):
        if number == 1 and own is not None:
            entries.append(own)
            continue
        src = base / "index.md" if number == 1 else base / PAGE_FOLDER / str(number) / "index.md"
        suffix = "" if number == 1 else lang.t("page_suffix").format(page=number)
        meta = PageMeta(
            title=f"{title}{suffix}",
            description=description,
            date=newest,
        )
        entry = Entry(lang, src, "listing", meta)
        out.generated[lang.code][src] = entry
        entries.append(entry)
    feed = None
    if feed_title is not None:
        feed = Feed(lang, lang.prefix + str(base) + "/", feed_title, description, tuple(items))
        out.feeds.append(feed)
    for number, entry in enumerate(entries, start=1):
        chunk = items[(number - 1) * size : number * size]
        out.listings[entry.url] = ListingPage(
            entry=entry,
            items=tuple(chunk),
            page=number,
            pages=pages,
            previous=entries[number - 2] if number > 1 else None,
            next=entries[number] if number < pages else None,
            feed=feed,
            groups=groups(chunk) if groups else (),
            partial=partial,
        )
    return [entry.url for entry in entries]


def _groups(items: list[Entry], declared: Listing, words: Labels) -> tuple[Group, ...]:
    grouped: dict[Hashable, list[Entry]] = {}
    for item in items:  # already in the listing's order: groups keep it
        grouped.setdefault(declared.group(item), []).append(item)
    title = declared.group_title or (lambda _words, key: str(key))
    return tuple(Group(title(words, key), tuple(members)) for key, members in grouped.items())


def _item_links(
    out: _Builder,
    kind: ContentType,
    items: list[Entry],
    archive_links: dict[str, list[ArchiveLink]],
) -> None:
    neighbours = [c for c in kind.collections if isinstance(c, Neighbours)]
    related = [c for c in kind.collections if isinstance(c, Related)]
    if not (neighbours or related or any(archive_links.values())):
        return
    scopes: dict[Hashable, list[Entry]] = {}
    for item in items:  # newest first
        scope = neighbours[0].scope(item) if neighbours and neighbours[0].scope else None
        scopes.setdefault(scope, []).append(item)
    position = {item.url: i for members in scopes.values() for i, item in enumerate(members)}
    by_key: dict[Hashable, list[Entry]] = {}
    if related:
        for item in items:
            by_key.setdefault(related[0].key(item), []).append(item)
    for item in items:
        previous = following = None
        if neighbours:
            scope = neighbours[0].scope(item) if neighbours[0].scope else None
            members, i = scopes[scope], position[item.url]
            previous = members[i + 1] if i + 1 < len(members) else None
            following = members[i - 1] if i > 0 else None
        same: tuple[Entry, ...] = ()
        if related:
            count = related[0].count
            candidates = by_key[related[0].key(item)][: count + 1]
            same = tuple(a for a in candidates if a is not item)[:count]
        out.links[item.url] = ItemLinks(previous, following, same, tuple(archive_links[item.url]))
