"""The `ttdn-site` MkDocs plugin: owns the build model and turns it into pages, heads, language
links, 404s, feeds, the sitemap and fonts.

Thin: the model is `ttdn.model` (content → index), a page's view is `ttdn.views.page_view`, and
the files written after each language build are `ttdn.plugins.site.outputs`.

mkdocs-static-i18n (folder structure) builds the default language at `/`, then reruns the build
for each other language from its `on_post_build`, on this same plugin object. So: the model is
loaded once, by the default-language build; everything else is keyed by the language of the
build in progress, read from `theme.language` once static-i18n has set it.
"""

from __future__ import annotations

import importlib
import unicodedata
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemBytecodeCache
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ttdn import preview
from ttdn.assets import Assets
from ttdn.buildlog import NOTICE
from ttdn.contact import Contact, contact_findings, load_contact
from ttdn.content import ContentType
from ttdn.content.text import markdown_text
from ttdn.content.video import MARKER as VIDEO_MARKER
from ttdn.findings import Finding, report
from ttdn.i18n import Language
from ttdn.model import BuildModel, languages_of, load_model
from ttdn.plugins.site import outputs
from ttdn.plugins.site.config import SiteConfig
from ttdn.plugins.site.outputs import skip_to_title, valid_toggles
from ttdn.plugins.site.status import StatusOptions, status_entry, write_status
from ttdn.preview import Preview, update_model
from ttdn.views import PageView, page_view

log = get_plugin_logger(__name__)


class SitePlugin(BasePlugin[SiteConfig]):
    def __init__(self) -> None:
        self.model: BuildModel | None = None  # read it through ttdn.model.model_of(config)
        self.lang: Language | None = None
        self.views: dict[str, PageView] = {}  # by page URL, for the language build in progress
        self.nav: Navigation | None = None
        self.files: Files | None = None
        self.env: Environment | None = None
        self.partials: Environment | None = None
        # Set by `ttdn serve` before a preview build: render only what the saved pages affect.
        self.preview: Preview | None = None
        self.contact: Contact | None = None

    # Runs after static-i18n's on_config (-100), which sets this build's theme.language.
    @event_priority(-110)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.site_url:
            raise PluginError("ttdn-site: set site_url in mkdocs.yml (canonical URLs need it).")
        if not config.use_directory_urls:
            raise PluginError("ttdn-site: use_directory_urls must stay true.")
        if "ttdn-guard" not in config.plugins:
            # Templates escape everything but the page's HTML, which only the guard checks.
            raise PluginError(
                "ttdn-site: thêm plugin ttdn-guard vào mkdocs.yml: nội dung trang chỉ được in "
                "sau khi được kiểm tra / add the ttdn-guard plugin to mkdocs.yml: a page's "
                "content is printed only once the guard has checked it."
            )
        languages, _ = languages_of(config)
        current = languages.get(config.theme["language"])
        if self.model is None or current.default:
            self.model = self._update(config) if self.preview else self._load(config)
        self.lang = self.model.languages.get(current.code)
        if current.default or self.contact is None:  # None: a build of this language alone
            self.contact = self._contact(config, notice=current.default)
        # Each language build would overwrite the one /404.html: we write one per language.
        config.theme.static_templates.discard("404.html")
        self.views = {}
        self.nav = self.files = self.env = self.partials = None
        return config

    def _contact(self, config: MkDocsConfig, notice: bool) -> Contact | None:
        """The contact page's details; a notice (once a build) while they are placeholders."""
        config_file = Path(config.config_file_path or "mkdocs.yml")
        contact, errors = load_contact(self.config.contact, config_file)
        if errors:
            raise PluginError(report(errors))
        for finding in contact_findings(contact, config_file) if notice else ():
            log.info(str(finding), extra={NOTICE: True})  # shown, never fails the strict build
        return contact

    def _load(self, config: MkDocsConfig) -> BuildModel:
        types = _content_types(self.config.content_types)
        return self._accept(*load_model(config, types, self._assets(config),
                                        drafts=self.config.drafts))

    def _update(self, config: MkDocsConfig) -> BuildModel:
        """A preview build: the previous model with the saved pages read again."""
        previous = self.preview.model
        saved = preview.sources(self.preview.changed, Path(config.docs_dir))
        model = self._accept(*update_model(previous, config, saved, self._assets(config),
                                           drafts=self.config.drafts))
        self.preview.urls.update(preview.affected_urls(previous.index, model.index, saved))
        preview.mark_stale(Path(config.site_dir), self.preview.urls)
        return model

    def _assets(self, config: MkDocsConfig) -> Assets:
        root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        images = config.plugins.get("ttdn-images")
        photos = root / (images.config.photos_dir if images else "photos")
        return Assets(root, Path(config.docs_dir), photos, images)

    def _accept(self, model: BuildModel, findings: list[Finding]) -> BuildModel:
        if any(f.severity == "error" for f in findings):
            raise PluginError(report(findings))
        for finding in findings:
            log.warning(str(finding))
        return model

    # After static-i18n's on_files (-100), which keeps this language's files only.
    @event_priority(-110)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Leave out drafts and scheduled items; add the generated listing pages."""
        code = self.lang.code
        for src in self.model.content.hidden[code]:
            hidden = files.get_file_from_path(f"{code}/{src}")
            if hidden is not None:
                files.remove(hidden)
        for entry in self.model.index.pages.of_language(code):
            if entry.generated and (self.preview is None or entry.url in self.preview.urls):
                stub = _stub(entry.meta.title, entry.meta.description)
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

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        return nav

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        self.env = self._prepare(env)
        return env

    def _prepare(self, env: Environment) -> Environment:
        """Every environment that renders a page: the theme's (Material's templates and ours)
        and the one for the partials rendered into page content."""
        # MkDocs' environment does not escape: turned on here, every value any template prints
        # (Material's included) is text unless it is Markup: the page's guarded HTML
        # (ttdn-guard) and the <picture> markup ttdn.images builds with escaped values.
        env.autoescape = True
        # Material's own strings, corrected by our tables (see overrides/partials/language.html).
        env.globals["ttdn_material_string"] = self._material_string
        # Each language build makes a new environment: reuse compiled templates across them.
        env.bytecode_cache = FileSystemBytecodeCache(str(self._jinja_cache()))
        return env

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Under the title: the partial the page's type declares (a document's identity, an
        article's date and category…), then its cover photo."""
        view = self.view(config, page)
        if view.video is not None and view.video.inline:
            # The body's "[video]" paragraph (checked to stand once, ttdn.content.load).
            video = self._partials(config).get_template("partials/ttdn/video.html")
            html = html.replace(f"<p>{VIDEO_MARKER}</p>", video.render(ttdn=view), 1)
        if view.unpublished is not None:  # only under `ttdn serve` (drafts shown)
            banner = self._partials(config).get_template("partials/ttdn/unpublished.html")
            html = banner.render(ttdn=view) + html
        if view.partial is None and view.cover_html is None:
            return html
        block = str(view.cover_html or "")  # str: Markup + str would escape the str
        if view.partial is not None:
            template = self._partials(config).get_template(f"partials/ttdn/{view.partial}")
            pdfs = self._pdfs(config, page.url)
            block = template.render(ttdn=view, toc=page.toc, ttdn_pdfs=pdfs) + block
        head, sep, rest = html.partition("</h1>")
        return head + sep + block + rest if sep else block + html

    def _partials(self, config: MkDocsConfig) -> Environment:
        # MkDocs renders pages before on_env: the theme's environment is made here, once.
        if self.partials is None:
            self.partials = self._prepare(config.theme.get_env())
        return self.partials

    def _pdfs(self, config: MkDocsConfig, url: str) -> list:
        """An issue's PDFs (ttdn-print), shown under its title: on a phone, on the first
        screen rather than after the whole issue."""
        printer = config.plugins.get("ttdn-print")
        if printer is None or getattr(printer, "lang", None) is None:
            return []
        return printer.links(url, self.lang)

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        """Text typed with separate accent marks is published composed (Unicode NFC), as
        `ttdn check --fix` would write it: it searches, sorts and compares as readers type."""
        return unicodedata.normalize("NFC", markdown)

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav: Navigation):
        context["ttdn"] = self.view(config, page)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        label = escape(self.lang.strings["material"]["action.skip"])
        return skip_to_title(valid_toggles(output), label)

    def on_post_build(self, config: MkDocsConfig) -> None:
        # Also after a preview: feeds, sitemap, 404s and the status page are cheap, and a
        # preview must show what a full build would.
        site_dir = Path(config.site_dir)
        outputs.write_language(
            self.model, self.lang, config, site_dir, self.not_found_page(config),
            self._cache_dir, self.config.default_image,
        )
        if self.lang.default:
            outputs.write_shared(self.model, site_dir, self._cache_dir)
        status_view = page_view(
            self.model, status_entry(self.lang), self.lang,
            default_image=self.config.default_image,
            report_problem_url=self.config.report_problem_url,
        )
        write_status(self.env, self.nav, self.files, config, self.model, status_view, site_dir,
                     StatusOptions(self.config.translation_owner, self.config.repository or None,
                                   self.config.translation_history))

    # -- views -------------------------------------------------------------------------------

    def view(self, config: MkDocsConfig, page: Page | None) -> PageView:
        """The page's view, made once per page and language build."""
        key = page.url if page is not None else "\0404"
        if key not in self.views:
            entry = self.model.index.pages.by_url(page.url) if page is not None else None
            self.views[key] = page_view(
                self.model,
                entry,
                self.lang,
                default_image=self.config.default_image,
                report_problem_url=self.config.report_problem_url,
                cover_html=self._cover(config, entry),
                contact=self.contact,
            )
        return self.views[key]

    def _cover(self, config: MkDocsConfig, entry) -> Markup | None:
        """The cover as the page's first, eagerly loaded picture (never for listings)."""
        if entry is None or entry.generated or not entry.meta.image:
            return None
        kind = self.model.type_named(entry.type)
        if kind is None or not kind.shows_cover:
            return None
        asset = self.model.assets.find(entry, entry.meta.image)
        images = config.plugins.get("ttdn-images")
        if asset is None or asset.record is None or images is None:
            return None
        return images.picture_html(asset.record, entry.meta.image_alt or "", entry.url)

    def not_found_page(self, config: MkDocsConfig) -> str:
        return outputs.render_404(self.env, self.nav, self.files, config, self.view(config, None))

    def _jinja_cache(self) -> Path:
        # Jinja's bytecode cache keys on the template's source only, not on autoescape: a
        # folder of its own, never shared with code compiled without escaping.
        folder = self._cache_dir / "jinja-escaped"
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    @property
    def _cache_dir(self) -> Path:
        return Path(self.model.assets.root) / self.config.cache_dir

    def _material_string(self, code: str, key: str) -> str:
        return self.model.languages.get(code).strings["material"].get(key, "")


def _stub(title: str, description: str) -> str:
    """A generated page's Markdown. Its title may be a contributor's (a section's own
    index.md), so it goes in as text that Markdown cannot read as syntax ("[x](javascript:…)" is
    a link): the heading still gets its id, its permalink and the theme's skip link. The
    title is also front matter, so that the theme's `page.title` is the text, not the heading's
    HTML (which it would escape once more)."""
    front = yaml.safe_dump({"title": title}, allow_unicode=True)
    return f"---\n{front}---\n\n# {markdown_text(title)}\n\n{markdown_text(description)}\n"


def _content_types(spec: str) -> tuple[ContentType, ...]:
    """The declared content types, from "module:attribute" (mkdocs.yml `content_types`)."""
    module, _, name = spec.partition(":")
    try:
        return tuple(getattr(importlib.import_module(module), name))
    except (ImportError, AttributeError) as err:
        raise PluginError(f"ttdn-site: content_types '{spec}' cannot be loaded: {err}") from None
