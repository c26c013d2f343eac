"""The `ttdn-site` MkDocs plugin: content model, language links, heads, 404s, sitemap, fonts.

mkdocs-static-i18n (folder structure) builds the default language at `/`, then reruns the build
for each other language from its `on_post_build`, on this same plugin object. So: the content
model is loaded once, by the default-language build; everything else is keyed by the language
of the build in progress, read from `theme.language` once static-i18n has set it.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ttdn import brand, feeds, fonts
from ttdn.collections import Collections, build_collections
from ttdn.content import ArticleMeta, ContentErrors, DocumentMeta, SiteContent, load_site
from ttdn.head import PageView, page_view
from ttdn.i18n import Language, Languages, strings
from ttdn.plugins.site.config import SiteConfig
from ttdn.sitemap import sitemap_xml

log = get_plugin_logger(__name__)

# Material's two menu toggles carry autocomplete="off", which HTML allows only on controls that
# take text: the Nu checker rejects every page. They sit outside every template block, so the
# attribute is dropped from the output rather than by copying Material's base.html.
TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')


class SitePlugin(BasePlugin[SiteConfig]):
    def __init__(self) -> None:
        self.site: SiteContent | None = None
        self.collections: Collections | None = None
        self.lang: Language | None = None
        self.nav: Navigation | None = None
        self.files: Files | None = None
        self.env: Environment | None = None
        self.partials: Environment | None = None

    # Runs after static-i18n's on_config (-100), which sets this build's theme.language.
    @event_priority(-110)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.site_url:
            raise PluginError("ttdn-site: set site_url in mkdocs.yml (canonical URLs need it).")
        if not config.use_directory_urls:
            raise PluginError("ttdn-site: use_directory_urls must stay true.")
        languages, site_names = _languages(config)
        self.lang = languages.get(config.theme["language"])
        if self.site is None or self.lang.default:
            try:
                self.site = load_site(Path(config.docs_dir), languages)
            except ContentErrors as err:
                raise PluginError(str(err)) from None
            self.collections = build_collections(self.site, site_names)
        # Each language build would overwrite the one /404.html: we write one per language.
        config.theme.static_templates.discard("404.html")
        self.nav = self.files = self.env = self.partials = None
        return config

    # After static-i18n's on_files (-100), which keeps this language's files only.
    @event_priority(-110)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Leave out drafts and scheduled articles; add the generated listing pages."""
        for src in self.site.hidden[self.lang.code]:
            hidden = files.get_file_from_path(f"{self.lang.code}/{src}")
            if hidden is not None:
                files.remove(hidden)
        for entry in self.site.entries[self.lang.code].values():
            if entry.path is None:
                stub = f"# {entry.meta.title}\n\n{entry.meta.description}\n"
                files.append(
                    File.generated(
                        config,
                        self.lang.prefix + str(entry.src),
                        content=stub,
                        inclusion=InclusionLevel.NOT_IN_NAV,
                    )
                )
        self.files = files
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files):
        """An article's cover is its first image, so the image pipeline treats it as any other."""
        entry = self.site.by_url(page.url)
        if entry is not None and isinstance(entry.meta, ArticleMeta) and entry.meta.image:
            return f"![{entry.meta.image_alt}]({entry.meta.image})\n\n{markdown}"
        return markdown

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        return nav

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        # Material's own strings, corrected by our tables (see overrides/partials/language.html).
        env.globals["ttdn_material_string"] = _material_string
        self.env = env
        return env

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Under the title: a document's number, date, issuer and signer; an article's date,
        category, agency and reading time."""
        view = self._view(config, page)
        meta = view.entry.meta if view.entry else None
        partial = {DocumentMeta: "document-meta.html", ArticleMeta: "article-meta.html"}.get(
            type(meta)
        )
        if partial is None:
            return html
        # MkDocs renders pages before on_env: the theme's environment is made here, once.
        if self.partials is None:
            self.partials = config.theme.get_env()
        block = self.partials.get_template(f"partials/ttdn/{partial}").render(ttdn=view)
        head, sep, rest = html.partition("</h1>")
        return head + sep + block + rest if sep else block + html

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav: Navigation):
        context["ttdn"] = self._view(config, page)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return valid_toggles(output)

    def on_post_build(self, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        self._write_404(config, site_dir / self.lang.prefix / "404.html")
        brand.write_og_image(
            config.site_name,
            site_dir / self.lang.prefix / self.config.default_image,
            self._cache_dir(config) / "brand",
        )
        for feed in self.collections.feeds_of(self.lang.code):
            folder = site_dir / feed.base
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "rss.xml").write_bytes(feeds.rss_xml(feed, config.site_url))
            (folder / "feed.json").write_bytes(feeds.json_feed(feed, config.site_url))
        if self.lang.default:
            (site_dir / "sitemap.xml").write_bytes(sitemap_xml(self.site, config.site_url))
            fonts.install_fonts(self._cache_dir(config) / "fonts", site_dir / "assets" / "fonts")

    # -- helpers ---------------------------------------------------------------------------

    def _view(self, config: MkDocsConfig, page: Page | None) -> PageView:
        entry = self.site.by_url(page.url) if page is not None else None
        return page_view(
            self.site,
            self.collections,
            entry,
            self.lang,
            config.site_url,
            default_image=self.config.default_image,
            report_problem_url=self.config.report_problem_url,
            first_image=page.meta.get("og_image") if page is not None else None,
        )

    def _write_404(self, config: MkDocsConfig, target: Path) -> None:
        """Render the theme's 404.html for this language, as MkDocs renders error pages."""
        template = self.env.get_template("404.html")
        base_url = urlsplit(config.site_url).path
        context = get_context(self.nav, self.files, config, base_url=base_url)
        context["ttdn"] = self._view(config, None)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(valid_toggles(template.render(context)), encoding="utf-8")

    def _cache_dir(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent / self.config.cache_dir


def _languages(config: MkDocsConfig) -> tuple[Languages, dict[str, str]]:
    """The languages static-i18n builds, and the site's name in each."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("ttdn-site needs the mkdocs-static-i18n plugin ('i18n') in mkdocs.yml.")
    built = [lang for lang in i18n.config.languages if lang.build]
    default = next(lang.locale for lang in built if lang.default)
    names = {lang.locale: lang.site_name or config.site_name for lang in built}
    return Languages.from_codes([lang.locale for lang in built], default), names


def valid_toggles(html: str) -> str:
    return TOGGLE_AUTOCOMPLETE.sub(r"\1", html)


def _material_string(code: str, key: str) -> str:
    return strings(code)["material"].get(key, "")
