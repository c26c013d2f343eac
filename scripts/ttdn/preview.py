"""Preview rebuilds for `ttdn serve`: after an editor saves a few Markdown pages, render only
those pages and the pages that show them, from the previous build's model.

`mkdocs build` stays the reference for what a page is; a preview build produces the same pages,
but only the affected ones:

- the content model is the previous one with the saved pages read again (`update_content`);
- the affected pages are the saved ones plus, in the old and the new index, every page that
  lists or links them: listing pages, archives, neighbours, related items, the home page's slots
  (`affected_urls`);
- MkDocs builds in dirty mode with every page in its files (so that links to the others
  resolve as in a full build); the affected pages' old output is marked stale, so dirty mode
  renders them and only them;
- the search index, feeds, sitemap and status page keep their last full-build versions, and
  the photos, PDFs and photo book are taken over from the previous build.

Anything else saved (a photo, a template, mkdocs.yml, a page added or removed) makes a full
build: the preview's shortcut only holds while the set of pages is the same.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from ttdn.assets import Assets
from ttdn.collections import SiteIndex, index_site
from ttdn.content import Content, load_content
from ttdn.content.types import Labels
from ttdn.findings import Finding
from ttdn.i18n import page_path
from ttdn.model import SITE_PLUGIN, BuildModel, published_only
from ttdn.parity import pair_findings

if TYPE_CHECKING:
    from ttdn.engine import SiteConfig


@dataclass(frozen=True)
class Preview:
    """What a preview build starts from: the previous build and the Markdown files saved since."""

    changed: frozenset[Path]  # absolute paths of Markdown files under docs/
    model: BuildModel  # the previous build's
    # The previous build's plugins: photos, PDFs and the photo book are unchanged since, so
    # their plugins take over what they made instead of checking every file again.
    plugins: Mapping[str, object] = field(default_factory=dict)
    urls: set[str] = field(default_factory=set)  # filled by the site plugin: pages to render

    def previous(self, name: str) -> object | None:
        """The previous build's instance of the plugin `name` (mkdocs.yml's name)."""
        return self.plugins.get(name)


def sources(changed: Iterable[Path], docs_dir: Path) -> dict[str, set[PurePosixPath]]:
    """Language code → paths under docs/<lang>/ of the saved pages."""
    found: dict[str, set[PurePosixPath]] = {}
    for path in changed:
        relative = PurePosixPath(path.resolve().relative_to(docs_dir.resolve()).as_posix())
        found.setdefault(relative.parts[0], set()).add(PurePosixPath(*relative.parts[1:]))
    return found


def update_content(previous: Content, fresh: Content, saved: dict[str, set[PurePosixPath]]
                   ) -> Content:
    """The previous content with the saved pages replaced by their `fresh` reading."""
    entries, hidden, held = {}, {}, {}
    for code in previous.languages.codes:
        mine = saved.get(code, set())
        entries[code] = {e.src: e for e in previous.of_language(code) if e.src not in mine}
        entries[code].update({e.src: e for e in fresh.of_language(code) if e.src in mine})
        hidden[code] = (previous.hidden[code] - mine) | (fresh.hidden.get(code, set()) & mine)
        held[code] = {src: e for src, e in previous.held.get(code, {}).items() if src not in mine}
        held[code].update({s: e for s, e in fresh.held.get(code, {}).items() if s in mine})
    return Content(previous.languages, entries, hidden, held)


def affected_urls(old: SiteIndex, new: SiteIndex, saved: dict[str, set[PurePosixPath]]
                  ) -> set[str]:
    """The saved pages, their translations (a page names its translation in the language
    link) and every page that shows them, before or after the change."""
    urls: set[str] = set()
    for srcs in saved.values():
        for lang in new.pages.languages.all:
            urls |= {url for src in srcs for url in [lang.prefix + page_path(src)]
                     if any(index.pages.by_url(url) is not None for index in (old, new))}
    for index in (old, new):
        urls |= pages_showing(index, set(urls))
    return urls


def pages_showing(index: SiteIndex, urls: set[str]) -> set[str]:
    """Pages whose rendering includes one of `urls`' titles: listings and archives that list
    them, items that link them as neighbours or related, the home pages that show them."""
    found = {
        page for page, listing in index.listings.items()
        if any(item.url in urls for item in listing.items)
    }
    for page, links in index.links.items():
        linked = [links.previous, links.next, *links.related]
        if any(entry is not None and entry.url in urls for entry in linked):
            found.add(page)
    # The home pages show every section's top items (home slots, the latest issue, the photo
    # book, the documents): two pages, rendered again after any saved page.
    homes = {lang.prefix for lang in index.pages.languages.all}
    found |= homes
    # A section's title is in the breadcrumb of every page below it.
    sections = [url for url in urls if url not in homes]
    found |= {entry.url for entry in index.pages
              if any(entry.url.startswith(url) for url in sections)}
    return found


def mark_stale(site_dir: Path, urls: Iterable[str]) -> None:
    """Make dirty mode render these pages again: their output looks older than any source."""
    for url in urls:
        output = site_dir / url / "index.html"
        if output.is_file():
            os.utime(output, (0, 0))


def update_model(
    previous: BuildModel,
    config: SiteConfig,
    saved: dict[str, set[PurePosixPath]],
    assets: Assets,
    today: dt.date | None = None,
    drafts: bool = False,
) -> tuple[BuildModel, list[Finding]]:
    """The previous model with the `saved` pages read again (`ttdn serve`'s preview builds):
    the same model `load_model` would give while no page was added or removed."""
    everywhere = set().union(*saved.values())  # a page and its translations
    fresh, findings = load_content(
        Path(config.docs_dir), previous.languages, previous.types, previous.categories,
        root=assets.root, today=today, only=everywhere, drafts=drafts,
    )
    findings += published_only(assets.check(fresh), fresh, previous.types, today, drafts)
    content = update_content(
        previous.content, fresh, {code: everywhere for code in previous.languages.codes}
    )
    findings += pair_findings(content)
    labels = {
        lang.code: Labels(lang, previous.categories, previous.site_names[lang.code])
        for lang in previous.languages.all
    }
    index = index_site(content, previous.types, labels, today or dt.date.today())
    return replace(previous, content=content, index=index, assets=assets), findings


def preview_of(config: SiteConfig) -> Preview | None:
    """The preview `ttdn serve` asked for, or None for a full build."""
    return getattr(config.plugins.get(SITE_PLUGIN), "preview", None)
