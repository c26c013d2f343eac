"""The `ttdn-print` MkDocs plugin: every published issue of the bulletin as PDFs, in the build.

Per issue: a screen and a print edition in each language, and one bilingual edition (the
default language first). Rendered once per build, in the default language's `on_config` (the
issue pages link to the files with their sizes, so the sizes must be known before any page is
rendered), from the cache when nothing changed; copied into the site after each language build.
Reaches the build model through `ttdn.model.model_of`: list it after `ttdn-site` in mkdocs.yml.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ttdn.assets import Asset
from ttdn.content import Entry, bulletin
from ttdn.files import publish, shared_work
from ttdn.i18n import Language
from ttdn.images.model import ImageError
from ttdn.model import BuildModel, languages_of, model_of
from ttdn.plugins.print.config import PrintConfig
from ttdn.preview import mark_stale, pages_showing, preview_of
from ttdn.print import PRINT, SCREEN, Edition, PrintError, PrintIssue, Rendered, render_many
from ttdn.print.render import resolution_findings
from ttdn.print.source import MarkdownOptions, print_issue

log = get_plugin_logger(__name__)
FILE_STEM = "ban-tin-doi-ngoai-quang-ngai"


@dataclass(frozen=True)
class Pdf:
    url: str  # path from the site root
    file: Path  # the rendered PDF in the cache
    bytes: int
    title_key: str  # its link text in translations/<lang>.yml
    lang: str  # the language build that copies it into the site
    edition: Edition


@dataclass(frozen=True)
class PdfLink:
    url: str
    title: str
    size: str  # "2,1 MB" / "2.1 MB"


class PrintPlugin(BasePlugin[PrintConfig]):
    def __init__(self) -> None:
        self.pdfs: dict[str, list[Pdf]] | None = None  # by issue page URL
        self.lang: Language | None = None

    # After ttdn-site's on_config (-110), which loads the build model.
    @event_priority(-120)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.config.enabled:
            self.pdfs = {}
            return config
        model = model_of(config)
        languages, _ = languages_of(config)
        self.lang = model.languages.get(languages.get(config.theme["language"]).code)
        if self.pdfs is None or self.lang.default:
            shown = preview_of(config)  # ttdn serve after a page edit
            before = shown.previous("ttdn-print") if shown is not None else None
            cache = model.assets.root / self.config.cache_dir
            with shared_work(cache):
                if before is not None and before.pdfs is not None:
                    # Only the issues with a saved page are printed again; the others' stay.
                    saved = {path.resolve().parent for path in shown.changed}
                    self.pdfs = self._render_all(model, config, cache, before.pdfs, saved)
                    # An issue's pages in every language link its PDFs (the bilingual one
                    # too), and so do the listings that show the issue.
                    changed = {url for url, pdfs in self.pdfs.items()
                               if pdfs != before.pdfs.get(url)}
                    changed |= pages_showing(model.index, changed)
                    shown.urls.update(changed)
                    mark_stale(Path(config.site_dir), changed)
                else:
                    self.pdfs = self._render_all(model, config, cache)
        return config

    def _render_all(self, model: BuildModel, config: MkDocsConfig, cache: Path,
                    previous: dict[str, list[Pdf]] | None = None,
                    saved_folders: set[Path] = frozenset()) -> dict[str, list[Pdf]]:
        start = time.perf_counter()
        root = model.assets.root
        options = MarkdownOptions.from_config(config.markdown_extensions, config.mdx_configs)
        default = model.languages.default
        made: dict[str, list[Pdf]] = {}
        # (entry that names the file, the page URLs that link it, issues, edition, bilingual)
        wanted: list[tuple[Entry, list[str], list[PrintIssue], Edition, bool]] = []
        try:
            for issue in bulletin.issues(model.content, default.code):
                versions = [e for e in model.content.translations(issue.src)
                            if e.type == "bulletin-issue"]
                if previous is not None and all(
                    e.url in previous and e.path.resolve().parent not in saved_folders
                    for e in versions
                ):
                    made.update({e.url: previous[e.url] for e in versions})
                    continue
                printed = {e.lang.code: print_issue(model, e, options, self.config.colophon)
                           for e in versions}
                for entry in versions:
                    for edition in (SCREEN, PRINT):
                        wanted.append((entry, [entry.url], [printed[entry.lang.code]], edition,
                                       False))
                if len(versions) > 1:
                    both = [printed[e.lang.code] for e in versions]
                    wanted.append((issue, [e.url for e in versions], both, SCREEN, True))
            done = render_many([(issues, edition) for _, _, issues, edition, _ in wanted],
                               cache, processes=os.cpu_count() or 1)
        except (PrintError, ImageError) as err:
            raise PluginError(f"ttdn-print: {err}") from None
        for (entry, urls, _, edition, bilingual), rendered in zip(wanted, done, strict=True):
            pdf = self._published(entry, rendered, edition, root, bilingual)
            for url in urls:
                made.setdefault(url, []).append(pdf)
        _prune(cache / "pdf", {pdf.file for pdfs in made.values() for pdf in pdfs})
        log.info(
            "%d PDF (%d rendered, %d cached) · %.1f s", len(done),
            sum(not r.cached for r in done), sum(r.cached for r in done),
            time.perf_counter() - start,
        )
        return made

    @staticmethod
    def _published(entry: Entry, rendered: Rendered, edition: Edition, root: Path,
                   bilingual: bool) -> Pdf:
        for finding in resolution_findings(rendered, edition.name, root):
            log.info(str(finding))  # the build log lists it as a warning: the build goes on
        meta = entry.meta
        suffix = "vi-en" if bilingual else entry.lang.code
        if edition is PRINT:
            suffix += "-in"
        name = f"{FILE_STEM}-{meta.year}-q{meta.quarter}-{suffix}.pdf"
        log.debug("%s: %d pages, %.2f MB, %s", name, rendered.pages, rendered.bytes / 1e6,
                  "cached" if rendered.cached else f"rendered in {rendered.seconds:.1f} s")
        key = "pdf_bilingual" if bilingual else f"pdf_{edition.name}"
        return Pdf(entry.url + name, rendered.path, rendered.bytes, key, entry.lang.code, edition)

    def links(self, url: str, lang: Language) -> list[PdfLink]:
        """The PDFs of the issue page at `url`, as that page's language names them."""
        return [
            PdfLink(pdf.url, lang.t(pdf.title_key), _size(pdf.bytes, lang))
            for pdf in (self.pdfs or {}).get(url, [])
        ]

    def enclosure(self, entry: Entry) -> Asset | None:
        """The issue's screen edition in its language: the RSS enclosure of the issue."""
        for pdf in (self.pdfs or {}).get(entry.url, []):
            if pdf.lang == entry.lang.code and pdf.edition is SCREEN and pdf.title_key != (
                "pdf_bilingual"
            ):
                return Asset(pdf.url.rsplit("/", 1)[-1], pdf.file, pdf.url)
        return None

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav: Navigation):
        context["ttdn_pdfs"] = self.links(page.url, self.lang) if self.lang else []
        home = getattr(context.get("ttdn"), "home", None)  # ttdn-site's view, made before
        if home is not None and home.issue is not None and self.lang:
            context["ttdn_home_pdfs"] = self.links(home.issue.entry.url, self.lang)
        return context

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Copy this language's PDFs (the bilingual ones with the default language) into site/."""
        site_dir = Path(config.site_dir)
        for pdfs in (self.pdfs or {}).values():
            for pdf in pdfs:
                if pdf.lang == self.lang.code:
                    target = site_dir / pdf.url
                    target.parent.mkdir(parents=True, exist_ok=True)
                    publish(pdf.file, target)


def _prune(folder: Path, keep: set[Path]) -> None:
    """Drop the PDFs of earlier versions of the issues: the cache holds this build's only."""
    if folder.is_dir():
        for path in folder.glob("*.pdf"):
            if path not in keep:
                path.unlink()


def _size(count: int, lang: Language) -> str:
    megabytes = format_decimal(count / 1e6, format="#,##0.0", locale=lang.t("babel_locale"))
    return f"{megabytes} MB"
