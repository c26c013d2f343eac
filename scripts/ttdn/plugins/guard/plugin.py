"""The `ttdn-guard` MkDocs plugin: what a contributor writes cannot run, redirect, phish or leak.

Thin: the rules live in `ttdn.guard`. The plugin
- walks docs/ and photos/ through the gate (`ttdn.guard.gate`, as `ttdn check` does) before any
  other plugin or MkDocs reads a file, and stops the build at once when the walk refuses
  something by name: a symbolic link, a dotfile, a page beyond the Markdown limits…;
- refuses every file of docs/ that is not a Markdown page, a clean PDF, video or audio, and
  publishes PDFs without their authors' names (on_files); a file MkDocs found whose real path
  is outside docs/ is dropped there too, whatever led to it;
- checks each page's rendered HTML against the allow-list before the theme adds its own trusted
  markup, and publishes nh3's sanitised copy (on_page_content, before ttdn-site's);
- hands the theme the page's checked HTML as the one `Markup` of the page, and its table of
  contents as text (ttdn-site turns autoescape on: every other value is printed as text);
- fails the build once, after every language is built, with all findings. A refused file is
  never copied and a page's content is always the sanitised copy, so even a failed build's
  output carries nothing refused; `ttdn build` also keeps the last good site/.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from ttdn import engine
from ttdn.check.images import image_findings, is_image
from ttdn.content import frontmatter as fm
from ttdn.content.errors import ContentError
from ttdn.findings import Finding, report, shown
from ttdn.guard import files as file_policy
from ttdn.guard import gate, links
from ttdn.guard.sanitize import Locator, check
from ttdn.model import languages_of
from ttdn.plugins.guard.config import GuardConfig
from ttdn.preview import preview_of

log = get_plugin_logger(__name__)

# Where MkDocs warns about links it cannot resolve.
# MkDocs' link warnings: "mkdocs.structure.pages", under ProperDocs "properdocs.structure.pages".
PAGES_LOG = logging.getLogger(f"{engine.LOGGER}.structure.pages")


class GuardPlugin(BasePlugin[GuardConfig]):
    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.verdicts: dict[Path, file_policy.Verdict] = {}  # docs/ files judged in this build
        self.scope = gate.Scope()  # what the gate let through, for this build
        self.depth = 0  # static-i18n runs the other languages' builds inside the first one
        self.root = Path()
        self.docs = Path()
        self.default_lang = ""
        self.link_filter = logging.Filter()

    # Before ttdn-site (-110) loads the content and may stop the build with its own findings.
    @event_priority(0)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.docs = Path(config.docs_dir).resolve()
        if self.depth == 0:  # the first language's build: the others run inside it
            self.findings = []
            self._gate(config)
            self.default_lang = _default_language(config)
            self.link_filter = links.OtherLanguageLinks(self.docs)
            PAGES_LOG.addFilter(self.link_filter)
        return config

    def _gate(self, config: MkDocsConfig) -> None:
        """The gate's walk, as `ttdn check` runs it: refusals by name stop the build here,
        before ttdn-site, ttdn-images or MkDocs read any file."""
        languages, _ = languages_of(config)
        photos = self.root / self.config.photos_dir
        self.scope = gate.walk(self.root, self.docs, photos, languages.codes)
        if self.scope.findings:
            raise PluginError(
                "ttdn-guard: tệp không được đọc, trang không được dựng / files refused, the "
                "site is not built:\n" + report(self.scope.findings)
            )
        self.verdicts = gate.verdicts(self.scope, self.config.photos_dir)
        if _other_language_alone(config):
            # A build of one other language alone (ttdn.engine.languages): the same files pass
            # the same gate, and the default language's build reports what it refuses.
            self.findings = []
            return
        self.findings = gate.verdict_findings(self.verdicts, self.root)
        pages = self.scope.page_paths(self.docs)
        photos = [path for path in self.scope.photos if is_image(path)]
        preview = preview_of(config)
        if preview is not None:
            # A preview follows a good build and only pages were saved since (ttdn.serve): the
            # other pages' front matter and the photos passed then, unchanged.
            pages = [path for path in pages if path.resolve() in preview.changed]
            photos = []
        self.findings += gate.front_matter_findings(pages, self.root)
        # No photo may keep its position in the repository (plan II.3, IV.9): `ttdn check`'s
        # rule, on the same files. The site itself only ever publishes stripped copies.
        self.findings += [f for f in image_findings(photos, self.root)
                          if f.rule == "image-location"]

    def on_pre_build(self, config: MkDocsConfig) -> None:
        self.depth += 1

    def on_build_error(self, error: Exception) -> None:
        """Another step stopped the build first: still show what the guard found so far."""
        if self.findings:  # not yet reported: on_post_build empties the list when it raises
            log.error("ttdn-guard:\n" + report(self.findings))
        self.findings = []
        self.depth = 0
        PAGES_LOG.removeFilter(self.link_filter)

    # First of all plugins (ttdn-images 0, static-i18n -100): a refused file is never read.
    @event_priority(100)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        docs = os.path.realpath(self.docs)
        folders: dict[Path, bool] = {}  # folder → reached without a link, inside docs/
        for file in list(files):
            if file.abs_src_path is None:  # generated by the project's plugins: trusted
                continue
            if os.path.realpath(file.src_dir) != docs:  # the theme and overrides/: trusted
                continue
            path = self.docs / file.src_uri
            if path.parent not in folders:
                folders[path.parent] = (gate.inside(path.parent, self.docs)
                                        and not _through_link(path.parent, self.docs))
            if not folders[path.parent] or path.is_symlink():
                files.remove(file)  # the gate refused the link; this catches any other way
                continue
            verdict = self.verdicts.get(path)
            if file.is_documentation_page():
                if file.src_uri.endswith(".md"):
                    continue  # a page the gate accepted: rendered and sanitised, not copied
                verdict = None  # another Markdown suffix: the gate refused it
            if verdict is None or not verdict.ok:
                files.remove(file)  # never copied, even into a failed build's output
        return files

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """Publish the cleaned copies (PDFs without authors): files are copied after this."""
        for file in files:
            if file.abs_src_path is None:
                continue
            verdict = self.verdicts.get(Path(os.path.realpath(file.abs_src_path)))
            if verdict is not None and verdict.data is not None:
                file.content_bytes = verdict.data
        return env

    # Before ttdn-site adds the article and document blocks (trusted, escaped by the templates).
    @event_priority(100)
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        html = links.rewrite(html, page.file.src_uri, page.url, self.docs, self.default_lang)
        cleaned, problems = check(html)
        if problems:
            source, path = self._source(page)
            locator = Locator(source, _body_start(source, shown(path, self.root)))
            self.findings += [
                Finding(shown(path, self.root), locator.line_of(p), p.rule, p.vi, p.en)
                for p in problems
            ]
        return cleaned

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        """What Material prints as HTML: the content (checked above; ttdn-site's blocks after
        it are rendered with escaping) is the page's one Markup. The table of contents'
        titles are Python-Markdown's escaped text: made plain text, escaped once by the theme."""
        page.content = Markup(page.content or "")
        for link in _anchors(page.toc):
            link.title = Markup(link.title).striptags()
        return context

    # After static-i18n's (-100), which builds the other languages: every finding is in.
    @event_priority(-200)
    def on_post_build(self, config: MkDocsConfig) -> None:
        self.depth -= 1
        if self.depth == 0:
            PAGES_LOG.removeFilter(self.link_filter)
        if self.depth == 0 and self.findings:
            found = self.findings
            self.findings = []
            raise PluginError(
                "ttdn-guard: nội dung không an toàn, trang không được dựng / unsafe content, "
                "the site is not built:\n" + report(found)
            )

    # -- helpers ---------------------------------------------------------------------------

    def _source(self, page: Page) -> tuple[str, Path]:
        if page.file.abs_src_path:
            path = Path(page.file.abs_src_path)
            return path.read_text("utf-8-sig"), path
        return page.file.content_string, self.docs / page.file.src_uri  # generated page


def _anchors(links) -> Iterator[AnchorLink]:
    for link in links:
        yield link
        yield from _anchors(link.children)


def _body_start(source: str, name: str) -> int:
    try:
        return fm.parse(source, name).body_start
    except ContentError:
        return 1


def _through_link(path: Path, docs: Path) -> bool:
    """True when the path or a folder on the way to it, inside docs/, is a symbolic link."""
    current = path
    while current != docs and current.is_relative_to(docs):
        if current.is_symlink():
            return True
        current = current.parent
    return False


def _other_language_alone(config: MkDocsConfig) -> bool:
    """True in a build that starts with a language other than the default one (static-i18n's
    language is set before its own on_config, which runs after the guard's)."""
    current = getattr(config.plugins.get("i18n"), "current_language", None)
    return current is not None and current != _default_language(config)


def _default_language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return ""
    return next((lang.locale for lang in i18n.config.languages if lang.default), "")
