"""The `ttdn-site` MkDocs plugin: content model, language links, heads, 404s, sitemap, fonts.

mkdocs-static-i18n (folder structure) builds the default language at `/`, then reruns the build
for each other language from its `on_post_build`, on this same plugin object. So: the content
model is loaded once, by the default-language build; everything else is keyed by the language
of the build in progress, read from `theme.language` once static-i18n has set it.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ttdn import brand, fonts
from ttdn.content import ContentErrors, DocumentMeta, SiteContent, load_site
from ttdn.head import PageView, page_view
from ttdn.i18n import Language, Languages, strings
from ttdn.plugins.site.config import SiteConfig
from ttdn.sitemap import sitemap_xml

log = get_plugin_logger(__name__)


class SitePlugin(BasePlugin[SiteConfig]):
    def __init__(self) -> None:
        self.site: SiteContent | None = None
        self.lang: Language | None = None
        self.nav: Navigation | None = None
        self.files: Files | None = None
        self.env: Environment | None = None
        self.partials: Environment | None = None

    # Runs after static-i18n's on_config (-100), which sets this build's theme.language.
    @event_priority(-110)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.config.enabled:
            return config
        if not config.site_url:
            raise PluginError("ttdn-site: set site_url in mkdocs.yml (canonical URLs need it).")
        if not config.use_directory_urls:
            raise PluginError("ttdn-site: use_directory_urls must stay true.")
        languages = _languages(config)
        self.lang = languages.get(config.theme["language"])
        if self.site is None or self.lang.default:
            try:
                self.site = load_site(Path(config.docs_dir), languages)
            except ContentErrors as err:
                raise PluginError(str(err)) from None
        # Each language build would overwrite the one /404.html: we write one per language.
        config.theme.static_templates.discard("404.html")
        self.nav = self.files = self.env = self.partials = None
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self.files = files
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        return nav

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        # Material's own strings, corrected by our tables (see overrides/partials/language.html).
        env.globals["ttdn_material_string"] = _material_string
        self.env = env
        return env

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Directive documents: their number, date, issuer and signer right under the title."""
        view = self._view(config, page)
        if view.entry is None or not isinstance(view.entry.meta, DocumentMeta):
            return html
        # MkDocs renders pages before on_env: the theme's environment is made here, once.
        if self.partials is None:
            self.partials = config.theme.get_env()
        block = self.partials.get_template("partials/ttdn/document-meta.html").render(ttdn=view)
        head, sep, rest = html.partition("</h1>")
        return head + sep + block + rest if sep else block + html

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav: Navigation):
        if self.config.enabled:
            context["ttdn"] = self._view(config, page)
        return context

    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        site_dir = Path(config.site_dir)
        self._write_404(config, site_dir / self.lang.prefix / "404.html")
        brand.write_og_image(
            config.site_name,
            site_dir / self.lang.prefix / self.config.default_image,
            self._cache_dir(config) / "brand",
        )
        if self.lang.default:
            (site_dir / "sitemap.xml").write_bytes(sitemap_xml(self.site, config.site_url))
            fonts.install_fonts(self._cache_dir(config) / "fonts", site_dir / "assets" / "fonts")

    # -- helpers ---------------------------------------------------------------------------

    def _view(self, config: MkDocsConfig, page: Page | None) -> PageView:
        entry = None
        if page is not None:
            src = PurePosixPath(page.file.src_uri)
            entry = self.site.get(self.lang.code, PurePosixPath(*src.parts[1:]))
        return page_view(
            self.site,
            entry,
            self.lang,
            config.site_url,
            default_image=self.config.default_image,
            report_problem_url=self.config.report_problem_url,
        )

    def _write_404(self, config: MkDocsConfig, target: Path) -> None:
        """Render the theme's 404.html for this language, as MkDocs renders error pages."""
        template = self.env.get_template("404.html")
        base_url = urlsplit(config.site_url).path
        context = get_context(self.nav, self.files, config, base_url=base_url)
        context["ttdn"] = self._view(config, None)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(template.render(context), encoding="utf-8")

    def _cache_dir(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent / self.config.cache_dir


def _languages(config: MkDocsConfig) -> Languages:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("ttdn-site needs the mkdocs-static-i18n plugin ('i18n') in mkdocs.yml.")
    codes = [lang.locale for lang in i18n.config.languages if lang.build]
    default = next(lang.locale for lang in i18n.config.languages if lang.default)
    return Languages.from_codes(codes, default)


def _material_string(code: str, key: str) -> str:
    return strings(code)["material"].get(key, "")
