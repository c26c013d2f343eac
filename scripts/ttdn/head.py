"""What a page says about its translations: canonical URL, hreflang alternates and the link to
the other language. The sitemap reuses `alternates`, so the sitemap and the heads can never
disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from ttdn.content import Entry, Pages
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
    title: str = ""  # the title of the page it leads to


def absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path


def alternates(pages: Pages, entry: Entry, site_url: str) -> list[Alternate]:
    """One alternate per existing translation (itself included), then x-default.

    x-default is the default language's version, or the only version there is.
    """
    found = pages.translations(entry.src)
    links = [Alternate(t.lang.code, absolute(site_url, t.url)) for t in found]
    return [*links, Alternate("x-default", links[0].href)] if links else []


def language_links(pages: Pages, entry: Entry | None, lang: Language) -> list[LanguageLink]:
    """Links to the other languages: the same page, else its nearest translated parent.

    `entry` is None for pages that have no source (the 404 page): they link to the home page.
    """
    links = []
    for other in pages.languages.others(lang.code):
        target = pages.counterpart(entry.src, other) if entry else None
        if target is not None:
            links.append(LanguageLink(
                other, target.url, exact=target.src == entry.src, title=target.meta.title
            ))
        else:
            links.append(LanguageLink(other, other.prefix, exact=False))
    return links
