"""The trust boundary's rules (`ttdn.guard`), run by `ttdn check` as the build runs them:

- docs/ holds only Markdown pages, clean PDFs, video and audio (`guard.files`), judged on the
  files the gate let through (`guard.gate`, which the build's guard plugin calls too);
- front-matter values that become URLs are paths inside the site (`guard.frontmatter`, read by
  `guard.gate.front_matter_findings` from each page file, as the build reads them);
- a page's rendered HTML holds only allow-listed elements, attributes and URL schemes, and no
  comments (`guard.sanitize`), each refusal placed on its line (`guard.sanitize.Locator`).

Rendering Markdown is the check's costliest step, so only a page whose body holds "<", "{" or
"&#" is rendered: without them Markdown and the enabled extensions produce only allow-listed
HTML (a named entity such as "&lt;" only shows a character), and the one way left to write a
bad URL, a link or image, is checked by `ttdn.check.links` and `ttdn.assets`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import markdown

from ttdn.content import Entry
from ttdn.findings import Finding
from ttdn.guard import gate
from ttdn.guard.sanitize import Locator, check

if TYPE_CHECKING:
    from ttdn.check.project import Project

MARKUP_SIGNS = ("<", "{", "&#")


def trust_findings(
    project: Project,
    pages: Sequence[tuple[Entry, str]],
    other_files: Sequence[Path],
    page_files: Sequence[Path],
) -> list[Finding]:
    """Findings for the pages (entry, file text), the other files of docs/ and the page
    files whose front matter to read."""
    judged = gate.verdicts(gate.Scope(files=list(other_files)), project.photos_dir.name)
    found = gate.verdict_findings(judged, project.root)
    found += gate.front_matter_findings(page_files, project.root)
    renderer = _Renderer(project)
    for entry, text in pages:
        body = "\n".join(text.splitlines()[entry.body_line - 1 :])
        if any(sign in body for sign in MARKUP_SIGNS):
            found += _content(entry, text, body, renderer)
    return found


def _content(entry: Entry, text: str, body: str, renderer: _Renderer) -> list[Finding]:
    _, problems = check(renderer.html(body))
    locator = Locator(text, entry.body_line)
    return [Finding(entry.shown, locator.line_of(p), p.rule, p.vi, p.en) for p in problems]


class _Renderer:
    """Markdown with mkdocs.yml's extensions, made once and reset between pages."""

    def __init__(self, project: Project):
        self.project = project
        self._md: markdown.Markdown | None = None

    def html(self, body: str) -> str:
        if self._md is None:
            config = self.project.config
            self._md = markdown.Markdown(
                extensions=config.markdown_extensions, extension_configs=config.mdx_configs
            )
        self._md.reset()
        return self._md.convert(body)
