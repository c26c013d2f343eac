"""The `ttdn-search` MkDocs plugin: one search index per language, folded for Vietnamese.

Thin: `ttdn.search.pages` decides which pages are searched, `ttdn.search.extract` reads a built
page's searchable region, `ttdn.search.index` writes the index. Each language's build writes its
own index from its own pages, so a language built in a process of its own
(`ttdn.engine.languages`) needs nothing from the others.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ttdn.model import model_of
from ttdn.plugins.search.config import SearchConfig
from ttdn.preview import preview_of
from ttdn.search.extract import page_text
from ttdn.search.folding import nfc
from ttdn.search.index import Document, write_index
from ttdn.search.pages import SearchScope, search_scope

log = get_plugin_logger(__name__)


@dataclass(frozen=True)
class SearchRegion:
    """What overrides/partials/ttdn/search-region.html needs (`ttdn_search` in the context)."""

    scope: SearchScope
    label: str  # the section's name in the page's language

    @property
    def searchable(self) -> bool:
        return self.scope.searchable


class SearchPlugin(BasePlugin[SearchConfig]):
    def __init__(self) -> None:
        self.docs: list[Document] = []  # this language build's pages
        self.lang = ""

    # After static-i18n's on_config (-100), which sets this build's theme.language.
    @event_priority(-110)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.config.enabled:
            return config
        self.lang = str(config.theme.get("language") or "en")
        self.docs = []
        scripts = [str(s) for s in config.extra_javascript]
        if self.config.script not in scripts:  # once: the config object outlives the builds
            config.extra_javascript.append(self.config.script)
        if self.config.stylesheet not in config.extra_css:
            config.extra_css.append(self.config.stylesheet)
        return config

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        # The search box is in the header of every page, the 404 pages included.
        env.globals["ttdn_search_index"] = self.config.output_dir.strip("/") + "/"
        env.globals["ttdn_search_page"] = self.config.page.strip("/") + "/"
        env.globals["ttdn_search_enabled"] = self.config.enabled
        return env

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        if not self.config.enabled:
            return context
        model = model_of(config)
        scope = search_scope(model, model.index.pages.by_url(page.url))
        table = model.languages.get(self.lang).strings
        label = table.get(scope.label_key, "") if scope.searchable else ""
        context["ttdn_search"] = SearchRegion(scope, label)
        return context

    # Last of the page's own plugins (ttdn-site's is at the default priority): read the output.
    @event_priority(-90)
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if not self.config.enabled:
            return output
        # One form for every word: text typed on another keyboard may arrive decomposed (NFD),
        # and then neither the browser's find nor a phrase would match it.
        output = nfc(output)
        found = page_text(output)
        if found is not None:
            model = model_of(config)
            entry = model.index.pages.by_url(page.url)
            scope = search_scope(model, entry)
            year = entry.meta.date.year if entry is not None else 0
            self.docs.append(Document(page.url, found.title, found.section, found.text,
                                      scope.section, year))
        return output

    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        if preview_of(config) is not None:
            return  # a preview renders a few pages: the full build's index stays
        start = time.perf_counter()
        prefix = model_of(config).languages.get(self.lang).prefix  # "" or "en/"
        out = Path(config.site_dir) / prefix / self.config.output_dir
        manifest = write_index(self.docs, out, self.lang)
        log.info("search index '%s': %d pages, %d shards in %.1f s", self.lang,
                 manifest["pages"], manifest["shards"], time.perf_counter() - start)

