"""The `ttdn-photobook` MkDocs plugin: the photo book's galleries, print editions and press packs.

Thin: the book is read by `ttdn.photobook.book` (pages from the build model, photos from each
chapter's manifest and the images plugin's records), the PDFs are `ttdn.photobook.print`, the zips
`ttdn.photobook.presspack`, and what templates show is `ttdn.photobook.views` (the
`photobook` variable of overrides/partials/ttdn/photobook.html).

Order in mkdocs.yml: after ttdn-site (the model) and ttdn-images (the photos). Like ttdn-site, the
book is read once per build, by the default-language build; static-i18n reruns the build per
language on this same object. The PDFs and zips are shared by every language: they are written
once, into the default language's site folder (the site's root).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ttdn.content import Entry
from ttdn.files import publish, shared_work
from ttdn.findings import report, shown
from ttdn.images.model import ImageError
from ttdn.model import BuildModel, model_of
from ttdn.photobook.book import BOOK_TYPE, CHAPTER_TYPE, FOLDER, Book, load_book
from ttdn.photobook.presspack import press_pack
from ttdn.photobook.print import Edition, editions, render_editions
from ttdn.photobook.views import (
    LazyPictures,
    PictureMaker,
    Published,
    book_view,
    chapter_view,
)
from ttdn.plugins.photobook.config import PhotoBookConfig
from ttdn.preview import Preview, mark_stale, preview_of
from ttdn.print.render import PrintError, resolution_findings

log = get_plugin_logger(__name__)
SHARE_WIDTH = 1200  # Open Graph's recommended preview width


class PhotoBookPlugin(BasePlugin[PhotoBookConfig]):
    def __init__(self) -> None:
        self.book: Book | None = None
        self.editions: dict[Edition, Published] = {}
        self.packs: dict[str, Published] = {}  # by chapter slug
        self.files: dict[str, Path] = {}  # site URL path → the cached file published there
        self.site_root: Path | None = None

    # After ttdn-site's and ttdn-images' on_config (-110): the model and the photos are ready.
    @event_priority(-120)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.config.enabled:
            return config
        model = model_of(config)
        current = model.languages.get(config.theme["language"])
        if self.book is None or current.default:
            self.site_root = Path(config.site_dir)
            shown = preview_of(config)  # ttdn serve after a page edit: photos are unchanged
            before = shown.previous("ttdn-photobook") if shown is not None else None
            if before is not None and before.book is not None:
                # The photos and manifests are as they were (saving one makes a full build).
                # A saved page of the book changes its PDFs and every page of the book
                # (chapter titles, previous and next): the book is read and made again (the
                # PDFs from their cache when unchanged). Otherwise nothing changes.
                self.book = before.book
                if self._saved_in_book(shown):
                    self._load(config, model)
                    shown.urls.update(self._urls())
                    mark_stale(Path(config.site_dir), self._urls())
                else:
                    self.files = before.files
                    self.packs, self.editions = before.packs, before.editions
            else:
                self._load(config, model)
        return config

    def _pages(self) -> list[Entry]:
        return [*self.book.pages.values(),
                *(page for chapter in self.book.chapters for page in chapter.pages.values())]

    def _saved_in_book(self, shown: Preview) -> bool:
        return any(page.path.resolve() in shown.changed for page in self._pages())

    def _urls(self) -> set[str]:
        return {page.url for page in self._pages()}

    def _read(self, config: MkDocsConfig, model: BuildModel) -> Book:
        images = config.plugins.get("ttdn-images")
        if images is None or images.records is None:
            raise PluginError("ttdn-photobook: list 'ttdn-images' before it in mkdocs.yml.")
        book, findings = load_book(model, images, model.assets.photos_dir, model.assets.root)
        if any(f.severity == "error" for f in findings):
            raise PluginError(report(findings))
        for finding in findings:
            log.warning(str(finding))
        return book

    def _load(self, config: MkDocsConfig, model: BuildModel) -> None:
        root = model.assets.root
        self.book = book = self._read(config, model)
        cache = root / self.config.cache_dir
        self.files, self.packs, self.editions = {}, {}, {}
        for chapter in book.chapters:
            if not chapter.photos:
                continue
            with shared_work(cache):
                made = press_pack(chapter, model.languages.all, cache / "press")
            url = f"{FOLDER}/{chapter.slug}/anh-bao-chi-{chapter.slug}.zip"
            self.packs[chapter.slug] = Published(url, made.stat().st_size,
                                                 photos=len(chapter.photos))
            self.files[url] = made
        if self.config.print_editions and book.photos:
            with shared_work(cache):
                self._render(book, model, cache, root)

    def _render(self, book: Book, model: BuildModel, cache: Path, root: Path) -> None:
        wanted = editions(model.languages.codes)
        try:
            made = render_editions(book, model, wanted, cache, processes=os.cpu_count() or 1)
        except ImageError as e:
            raise PluginError(f"{shown(e.path, root)}: {e.vi}\n    {e.en}") from None
        except PrintError as e:
            raise PluginError(f"ttdn-photobook: {e}") from None
        for edition, done in zip(wanted, made, strict=True):
            for finding in resolution_findings(done, edition.name, root):
                log.info(str(finding))  # the build log lists it as a warning: the build goes on
            url = f"{FOLDER}/{self.config.pdf_name}-{edition.name}.pdf"
            self.editions[edition] = Published(url, done.bytes, pages=done.pages)
            self.files[url] = done.path
            log.info(
                "photo book %s: %d pages, %.1f MB, %s", edition.name, done.pages,
                done.bytes / 1e6, "cached" if done.cached else f"rendered in {done.seconds:.1f} s",
            )

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav: Navigation):
        if not self.config.enabled or self.book is None:
            return context
        model = model_of(config)
        entry = model.index.pages.by_url(page.url)
        images = config.plugins.get("ttdn-images")

        def href(url: str) -> str:
            return get_relative_url(url or ".", page.url or ".")

        if entry is not None and entry.url == entry.lang.prefix:
            # The home page shows the book (its first chapter's photo, its chapters) below the
            # fold: the landing page's view, every picture lazy.
            book = model.index.pages.get(entry.lang.code, PurePosixPath(FOLDER) / "index.md")
            if book is not None:
                context["photobook_home"] = book_view(
                    self.book, book, LazyPictures(images, page.url), self.editions, href
                )
            return context
        if entry is None or entry.type not in (BOOK_TYPE, CHAPTER_TYPE):
            return context
        pictures = PictureMaker(images, page.url)
        if entry.type == BOOK_TYPE:
            context["photobook"] = book_view(self.book, entry, pictures, self.editions, href)
        elif (chapter := self.book.chapter_of(entry)) is not None:
            context["photobook"] = chapter_view(
                self.book, chapter, entry, pictures, self.packs.get(chapter.slug), href
            )
            view = context.get("ttdn")
            if chapter.photos and view is not None and not entry.meta.image:
                # A gallery's link preview is its first photo, not the site's logo card.
                first = chapter.photos[0]
                url = images.derivative_url(first.record, SHARE_WIDTH)
                context["ttdn"] = replace(
                    view, og_image=view.absolute(url),
                    og_image_alt=first.entry.alt[entry.lang.code],
                )
        return context

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Publish the PDFs and zips once, at the site's root (every language links there)."""
        if not self.config.enabled or self.site_root is None:
            return
        for url, source in self.files.items():
            target = self.site_root / url
            if target.is_file() and target.stat().st_size == source.stat().st_size:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            publish(source, target)
