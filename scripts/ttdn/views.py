"""Page views: what the templates need of one page, in its language, already decided.

Templates only place values: the Open Graph type, which partial goes under the title, the video's
URLs and type, the groups of a listing, where the latest items come from — all are decided here,
from the build model. `ttdn` in the template context is a `PageView`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from markupsafe import Markup

from ttdn.assets import Asset
from ttdn.collections import Feed, HomeSlot, ItemLinks, ListingPage
from ttdn.contact import Contact
from ttdn.content import ContentType, Entry, bulletin
from ttdn.head import Alternate, LanguageLink, absolute, alternates, language_links
from ttdn.i18n import Language, parents
from ttdn.model import BuildModel
from ttdn.parity import stale_original
from ttdn.urls import relative_url

CONTACT_TYPE = "contact"
CONTACT_PAGE = PurePosixPath("lien-he.md")  # docs/<lang>/lien-he.md: the contact type's page
VIDEO_TYPES = {".mp4": "video/mp4", ".webm": "video/webm"}


@dataclass(frozen=True)
class VideoView:
    title: str
    poster: Asset | None  # the poster photo's derivative
    src: str | None = None  # self-hosted file: path from the site root
    mime: str | None = None
    link: str | None = None  # YouTube's or Facebook's page: a link, nothing loaded before it
    link_label: str = ""  # translation key of the link's text ("video_youtube"…)
    inline: bool = False  # the body places it (ttdn.content.video.MARKER), not the title


@dataclass(frozen=True)
class IssueCard:
    """One issue of the bulletin as lists and pages show it."""

    entry: Entry
    label: str  # "Số 1/2023" / "Issue 1/2023"
    quarter: str  # "Quý I/2023" / "Q1 2023"
    contents: tuple[Entry, ...]  # its articles, in the order of its table of contents
    cover_html: Markup | None = None  # the cover's <picture> (the bulletin home's latest issue)


@dataclass(frozen=True)
class BulletinView:
    issue: IssueCard | None = None  # the issue of this page, or the home's latest issue


@dataclass(frozen=True)
class HomeView:
    """The home page's top tasks, from the collections that already exist: the bulletin's
    latest issue (its card, as the bulletin's home makes it), the directive documents.
    The photo book's part and the issue's PDFs come from their plugins (ttdn-photobook,
    ttdn-print), the latest articles from `PageView.home_slots` (declared by the listings)."""

    issue: IssueCard | None
    bulletin_url: str | None  # the bulletin's home
    documents: tuple[Entry, ...]
    documents_url: str | None


@dataclass(frozen=True)
class Crumb:
    title: str
    url: str  # path from the site root


@dataclass(frozen=True)
class PageView:
    lang: Language
    entry: Entry | None  # None for the 404 page
    links: list[LanguageLink]
    alternates: list[Alternate]
    canonical: str | None
    og_type: str
    og_image: str  # absolute URL
    report_problem_url: str
    page_url: str  # this page's URL path, "" for the home page
    site_url: str
    partial: str | None = None  # partials/ttdn/<partial> under the title
    listing: ListingPage | None = None
    item: ItemLinks | None = None  # previous/next, related, archives of an item
    home_slots: tuple[HomeSlot, ...] = ()  # on the home page: what the listings declare
    feeds: list[Feed] = field(default_factory=list)  # announced in the head
    video: VideoView | None = None
    cover_html: Markup | None = None  # the cover photo's <picture>, first in the content
    attachment: Asset | None = None  # a document's file
    item_labels: Mapping[str, str] = field(default_factory=dict)  # url → label in lists
    item_links: Mapping[str, ItemLinks] = field(default_factory=dict)  # url → its archives…
    bulletin: BulletinView | None = None
    home: HomeView | None = None  # the language's home page only
    breadcrumb: tuple[Crumb, ...] = ()  # the pages above this one, home first
    section: str | None = None  # URL of the section (menu tab) this page belongs to
    stale_original: Entry | None = None  # a translation's original, changed since (notice)
    contact: Contact | None = None  # the contact page's details (mkdocs.yml), after its text
    contact_url: str | None = None  # this language's contact page, linked from every footer
    og_image_alt: str | None = None  # when the preview is not the page's own `image`
    noindex: bool = False  # pages for editors only (the translation status page)
    # `ttdn serve` shows drafts and scheduled pages (ttdn.content.load, drafts=True) with a
    # banner: "draft", or the date a finished page is scheduled for.
    unpublished: str | dt.date | None = None

    def t(self, key: str, **values: object) -> str:
        text = self.lang.t(key)
        return text.format(**values) if values else text

    def href(self, url: str) -> str:
        """A link from this page to `url` (a path from the site root), relative like MkDocs'."""
        return relative_url(url or ".", self.page_url or ".")

    def absolute(self, url: str) -> str:
        return absolute(self.site_url, url)

    def label(self, item: Entry) -> str | None:
        return self.item_labels.get(item.url)

    def label_url(self, item: Entry) -> str | None:
        """The archive the item's label names (its topic's page), if it has one."""
        label = self.label(item)
        links = self.item_links.get(item.url)
        for archive in links.archives if links and label else ():
            if archive.title == label:
                return archive.url
        return None

    @property
    def untranslated(self) -> list[LanguageLink]:
        """The other languages this page has no translation in (a notice says so)."""
        return [link for link in self.links if not link.exact] if self.entry else []

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
    model: BuildModel,
    entry: Entry | None,
    lang: Language,
    *,
    default_image: str,
    report_problem_url: str,
    cover_html: Markup | None = None,
    contact: Contact | None = None,
) -> PageView:
    index = model.index
    url = entry.url if entry else None
    listing = index.listings.get(url) if url is not None else None
    feeds = [listing.feed] if listing and listing.feed else []
    if not feeds:  # its section's feed (the bulletin's on its pages), else the column's
        feeds = _section_feed(index.feeds_of(lang.code), url or lang.prefix)
    kind = model.type_named(entry.type) if entry else None
    preview = model.assets.preview_image(entry) if entry and not entry.generated else None
    image = preview.url if preview else lang.prefix + default_image
    return PageView(
        lang=lang,
        entry=entry,
        links=language_links(index.pages, entry, lang),
        alternates=alternates(index.pages, entry, model.site_url) if entry else [],
        canonical=absolute(model.site_url, entry.url) if entry else None,
        og_type=kind.og_type if kind else "website",
        og_image=absolute(model.site_url, image),
        report_problem_url=report_problem_url,
        page_url=url if url is not None else lang.prefix,
        site_url=model.site_url,
        partial=kind.partial if kind else None,
        listing=listing,
        item=index.links.get(url) if url is not None else None,
        home_slots=index.home.get(lang.code, ()) if url == lang.prefix else (),
        feeds=feeds,
        video=_video(model, entry) if entry else None,
        cover_html=cover_html,
        attachment=_attachment(model, entry) if entry else None,
        item_labels=index.labels,
        item_links=index.links,
        bulletin=_bulletin(model, entry, lang, listing) if entry else None,
        home=_home(model, lang) if url == lang.prefix else None,
        breadcrumb=breadcrumb(model, entry) if entry else (),
        section=_section(model, entry) if entry else None,
        stale_original=stale_original(model.content, entry) if entry else None,
        contact=contact if kind is not None and kind.name == CONTACT_TYPE else None,
        contact_url=_contact_url(model, lang),
        unpublished=_unpublished(entry, kind) if entry and kind else None,
    )


def _unpublished(entry: Entry, kind: ContentType) -> str | dt.date | None:
    """Why a page shown by `ttdn serve` would not be published yet (None: it would be)."""
    if not kind.schedulable:
        return None
    if getattr(entry.meta, "draft", False):
        return "draft"
    return entry.meta.date if entry.meta.date > dt.date.today() else None


def issue_card(
    model: BuildModel, issue: Entry, cover_for: str | None = None, *, eager: bool = True,
    sizes: str | None = None,
) -> IssueCard:
    """`cover_for`: the URL of the page that shows the cover (then its <picture> is made);
    `sizes`: how wide it shows there (the images plugin's default: the content's width)."""
    meta = issue.meta
    cover_html = None
    images = model.assets.images
    if cover_for is not None and images is not None and hasattr(images, "picture_html"):
        asset = model.assets.find(issue, meta.image)
        if asset is not None and asset.record is not None:
            # Markup: ttdn.images.markup escapes every value it writes into the <picture>.
            cover_html = Markup(images.picture_html(
                asset.record, meta.image_alt or "", cover_for, eager=eager, sizes=sizes
            ))
    return IssueCard(
        entry=issue,
        label=issue.lang.t("bulletin_issue").format(number=meta.number, year=meta.year),
        quarter=bulletin.quarter_label(issue.lang, meta),
        contents=tuple(bulletin.articles_of(model.content, issue)),
        cover_html=cover_html,
    )


def _bulletin(
    model: BuildModel, entry: Entry, lang: Language, listing: ListingPage | None
) -> BulletinView | None:
    """The bulletin's home (latest issue first), an issue page, or an article's issue."""
    if listing is not None and listing.partial == "bulletin-home.html":
        latest = listing.items[0] if listing.items else None
        card = issue_card(model, latest, cover_for=entry.url) if latest else None
        return BulletinView(issue=card)
    if entry.type == "bulletin-issue":
        return BulletinView(issue=issue_card(model, entry))
    if entry.type == "bulletin-article":
        issue = bulletin.issue_of(model.content, entry)
        return BulletinView(issue=issue_card(model, issue)) if issue else None
    return None


HOME_DOCUMENTS = 5  # the home page lists the newest directive documents
# The home page's issue cover: beside its text, a third of the column on phones, 11rem wider up
# (ttdn.css .ttdn-home-issue): the phone downloads a small derivative.
HOME_COVER_SIZES = "(min-width: 45em) 11rem, 34vw"


def _home(model: BuildModel, lang: Language) -> HomeView:
    pages = model.index.pages
    listings = model.index.listings
    bulletin_home = pages.get(lang.code, PurePosixPath(bulletin.SECTION) / "index.md")
    issues = listings.get(bulletin_home.url) if bulletin_home else None
    latest = issues.items[0] if issues and issues.items else None
    documents_home = pages.get(lang.code, PurePosixPath(DOCUMENTS) / "index.md")
    documents = listings.get(documents_home.url) if documents_home else None
    return HomeView(
        issue=(
            issue_card(model, latest, cover_for=lang.prefix, sizes=HOME_COVER_SIZES)
            if latest else None
        ),
        bulletin_url=bulletin_home.url if bulletin_home else None,
        documents=documents.items[:HOME_DOCUMENTS] if documents else (),
        documents_url=documents_home.url if documents_home else None,
    )


DOCUMENTS = "van-ban"  # the directive documents' section


def breadcrumb(model: BuildModel, entry: Entry) -> tuple[Crumb, ...]:
    """The pages above `entry` that exist in its language, home first; () on a section's home
    and above (the menu's tabs are the way there). Generated listing pages count: an
    article's year archive (tin-bai/2026/) sits between the column and the article."""
    chain = [p for p in parents(entry.src) if p != PurePosixPath("index.md")]
    if not chain:
        return ()
    pages = model.index.pages
    home = pages.get(entry.lang.code, PurePosixPath("index.md"))
    above = [pages.get(entry.lang.code, src) for src in reversed(chain)]
    crumbs = [Crumb(home.meta.title, home.url)] if home else []
    return (*crumbs, *(Crumb(_short_title(model, p), p.url) for p in above if p is not None))


def _short_title(model: BuildModel, entry: Entry) -> str:
    """An issue is named by its number ("Số 1/2023"), as lists name it; others by title."""
    if entry.type == "bulletin-issue":
        return model.index.labels.get(entry.url) or entry.meta.title
    return entry.meta.title


def _section(model: BuildModel, entry: Entry) -> str | None:
    """The section's home (the menu tab) a page lies under: its first folder's index.md."""
    parts = entry.src.parts
    if len(parts) < 2:
        return None
    section = model.index.pages.get(entry.lang.code, PurePosixPath(parts[0]) / "index.md")
    return section.url if section else None


def _contact_url(model: BuildModel, lang: Language) -> str | None:
    page = model.index.pages.get(lang.code, CONTACT_PAGE)
    return page.url if page else None


def _section_feed(feeds: list[Feed], url: str) -> list[Feed]:
    """The feed of the nearest listing above `url`, else the language's first feed."""
    above = [feed for feed in feeds if url.startswith(feed.base)]
    return [max(above, key=lambda feed: len(feed.base))] if above else feeds[:1]


def _video(model: BuildModel, entry: Entry) -> VideoView | None:
    video = getattr(entry.meta, "video", None)
    if video is None:
        return None
    poster = model.assets.find(entry, video.poster)
    inline = entry.video_line is not None
    if video.youtube:
        return VideoView(
            video.title, poster, link=f"https://www.youtube.com/watch?v={video.youtube}",
            link_label="video_youtube", inline=inline,
        )
    if video.facebook:
        return VideoView(video.title, poster, link=video.facebook, link_label="video_facebook",
                         inline=inline)
    source = model.assets.find(entry, video.src)
    suffix = "." + video.src.rsplit(".", 1)[-1].lower()
    return VideoView(
        video.title, poster, src=source.url if source else None, mime=VIDEO_TYPES.get(suffix),
        inline=inline,
    )


def _attachment(model: BuildModel, entry: Entry) -> Asset | None:
    attachment = getattr(entry.meta, "attachment", None)
    return model.assets.find(entry, attachment) if attachment else None
