"""`ttdn check`: every rule an editor's contribution must pass, without building the site.

    content model (schemas, names, folders, slugs, empty bodies)   ttdn.content
    files the pages refer to (covers, photos, videos, attachments)  ttdn.assets
    translations (counterpart, pending, stale; draft/category/date) ttdn.parity
    links (pages, other language, headings; https outside)          ttdn.check.links
    text in Unicode NFC (--fix normalises, changing nothing else)   ttdn.check.text
    photos (readable, limits, no location)                          ttdn.check.images
    the trust boundary (what content and docs/ may hold)            ttdn.check.trust

The build reports the same findings for what it shares (content model, assets, pairs), so a
clean check means a build that does not fail on content. With paths, only those pages (and
their translations) are loaded: a pull request's changed files are checked in well under a
second on a ten-year site.
"""

from __future__ import annotations

import datetime as dt
import importlib
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from ttdn.assets import Assets, references
from ttdn.check.images import collect_errors, image_files, image_findings, is_image
from ttdn.check.links import LinkChecker
from ttdn.check.pages import PageSite
from ttdn.check.text import body_of, fix_nfc, nfc_finding
from ttdn.check.trust import trust_findings
from ttdn.contact import contact_findings, load_contact
from ttdn.content import Content, ContentType, Entry, load_content
from ttdn.content.categories import categories
from ttdn.content.types import type_findings, type_of
from ttdn.findings import Finding, ordered, shown
from ttdn.images.markup import EXTERNAL
from ttdn.model import languages_of
from ttdn.parity import PairState, pair_findings, pair_states, parity_findings


@dataclass
class CheckResult:
    findings: list[Finding]
    pages: int  # Markdown files checked
    images: int  # image files checked
    seconds: float
    states: list[PairState] = field(default_factory=list)  # every page against its translation
    fixed: list[str] = field(default_factory=list)  # files --fix normalised

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]


@dataclass(frozen=True)
class Project:
    """What a check needs of mkdocs.yml: folders, languages, content types."""

    root: Path
    docs_dir: Path
    photos_dir: Path
    config: MkDocsConfig
    types: tuple[ContentType, ...]

    @classmethod
    def load(cls, config_file: Path) -> Project:
        config = load_config(str(config_file))
        root = Path(config.config_file_path).resolve().parent
        images = config.plugins.get("ttdn-images")
        photos = root / (images.config.photos_dir if images else "photos")
        site = config.plugins.get("ttdn-site")
        spec = site.config.content_types if site else "ttdn.content:CONTENT_TYPES"
        module, _, name = spec.partition(":")
        types = tuple(getattr(importlib.import_module(module), name))
        return cls(root, Path(config.docs_dir).resolve(), photos, config, types)


def run_check(
    config_file: Path,
    paths: Sequence[Path] = (),
    *,
    fix: bool = False,
    today: dt.date | None = None,
    preview: bool = False,
) -> CheckResult:
    """Check the whole site, or only `paths` (Markdown files, photos, folders).

    `preview`: only what stops the build (for `ttdn serve`); translations still to do, text
    not in NFC and photo metadata are left to the full check.
    """
    start = time.perf_counter()
    project = Project.load(config_file)
    today = today or dt.date.today()
    languages, _ = languages_of(project.config)
    scope = _Scope.of(project, [Path(p).resolve() for p in paths], languages.codes)
    fixed = [shown(p, project.root) for p in scope.markdown_files(project, languages.codes)
             if fix and fix_nfc(p)]
    content, findings = load_content(
        project.docs_dir, languages, project.types, categories(),
        root=project.root, today=today, only=scope.pages,
    )
    assets = Assets(project.root, project.docs_dir, project.photos_dir, None)
    findings += assets.check(content)
    findings += pair_findings(content)
    if not preview:
        findings += parity_findings(content)
    if scope.pages is not None:
        findings += _slug_clashes(project, content)
    else:  # rules over the whole content need all of it (a subset would look incomplete)
        findings += type_findings(content, project.types)
    site = PageSite(project.root, project.docs_dir, languages, content, project.types, today)
    links = LinkChecker(site)
    written = list(_written(content))
    texts = []
    for entry in written:
        text = entry.path.read_text("utf-8-sig")
        texts.append((entry, text))
        if not preview and (nfc := nfc_finding(text, entry.shown)) is not None:
            findings.append(nfc)
        body, _ = body_of(text)
        findings += links.check(entry, body)
    images, walk_errors = ([], []) if preview else scope.images(project, assets, written)
    findings += collect_errors(walk_errors, project.root)
    findings += image_findings(images, project.root)
    findings += trust_findings(project, texts, scope.docs_files(project))
    findings += _contact_findings(project)
    return CheckResult(
        findings=ordered(set(findings)),
        pages=len(written),
        images=len(images),
        seconds=time.perf_counter() - start,
        states=list(pair_states(content)),
        fixed=fixed,
    )


def _contact_findings(project: Project) -> list[Finding]:
    """The build's rule on the contact details (ttdn-site → contact): wrong or placeholders."""
    site = project.config.plugins.get("ttdn-site")
    config_file = Path(project.config.config_file_path)
    contact, errors = load_contact(site.config.contact if site else {}, config_file)
    return errors + contact_findings(contact, config_file)


def _page_of(project: Project, path: Path, codes: list[str]) -> PurePosixPath | None:
    """docs/<lang>/a/b.md → a/b.md; None for a file outside the language folders."""
    if not path.is_relative_to(project.docs_dir):
        return None
    parts = path.relative_to(project.docs_dir).parts
    if len(parts) < 2 or parts[0] not in codes:
        return None
    return PurePosixPath(*parts[1:])


def _written(content: Content) -> Iterable[Entry]:
    for lang in content.languages.all:
        yield from content.of_language(lang.code)
        yield from content.held.get(lang.code, {}).values()


@dataclass(frozen=True)
class _Scope:
    """What a check covers: everything (pages None), or some pages and photos."""

    pages: frozenset[PurePosixPath] | None
    photos: tuple[Path, ...]
    others: tuple[Path, ...] = ()  # files of docs/ named on the command line, not pages

    @classmethod
    def of(cls, project: Project, paths: list[Path], codes: list[str]) -> _Scope:
        """Pages under docs/<lang>/ (a folder: every page in it), the other files of docs/
        given, photo folders, and any file whose bytes are an image, wherever it is."""
        if not paths or any(path in (project.root, project.docs_dir) for path in paths):
            return cls(None, ())
        pages: set[PurePosixPath] = set()
        photos: list[Path] = []
        others: list[Path] = []
        for path in paths:
            if path.is_dir() and path.is_relative_to(project.photos_dir):
                photos.append(path)  # walked as `ttdn images --check` walks it
                continue
            for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
                if not file.is_file():
                    continue
                page = _page_of(project, file, codes)
                if page is not None and file.suffix == ".md":
                    pages.add(page)
                    continue
                if page is not None:
                    others.append(file)
                if is_image(file):
                    photos.append(file)
        return cls(frozenset(pages), tuple(photos), tuple(others))

    def markdown_files(self, project: Project, codes: list[str]) -> list[Path]:
        if self.pages is None:
            return [p for code in codes for p in sorted((project.docs_dir / code).rglob("*.md"))]
        return [
            project.docs_dir / code / src
            for code in codes
            for src in sorted(self.pages)
            if (project.docs_dir / code / src).is_file()
        ]

    def docs_files(self, project: Project) -> list[Path]:
        """The files of docs/ other than pages, for the trust boundary's file policy."""
        if self.pages is None:
            candidates = (p for p in project.docs_dir.rglob("*") if p.is_file())
        else:
            candidates = iter(self.others)
        return sorted(p for p in candidates if p.suffix != ".md"
                      and not any(part.startswith(".") for part in p.relative_to(
                          project.docs_dir).parts))

    def images(
        self, project: Project, assets: Assets, written: list[Entry]
    ) -> tuple[list[Path], list]:
        """The image files to check, and the walk's own errors (unreadable files…)."""
        if self.pages is None:
            found, errors = image_files([project.photos_dir])
            in_docs = [p for p in project.docs_dir.rglob("*")
                       if p.is_file() and p.suffix != ".md" and is_image(p)]
            return found + in_docs, errors
        found, errors = image_files([p for p in self.photos if p.is_dir()])
        found += [p for p in self.photos if p.is_file()]
        for reference in references(written):  # any iterable of entries
            if not EXTERNAL.match(reference.ref):
                path = assets.locate(reference.entry, reference.ref)
                if path.is_file() and is_image(path):
                    found.append(path)
        return sorted({path.resolve() for path in found}), errors


def _slug_clashes(project: Project, content: Content) -> list[Finding]:
    """Slug uniqueness for a partial check: compare the loaded items with every file's name."""
    findings = []
    for lang in content.languages.all:
        folder = project.docs_dir / lang.code
        for entry in content.of_language(lang.code):
            kind = type_of(entry.src, project.types)
            if not kind.unique_slug:
                continue
            for other in sorted(folder.rglob(f"{entry.src.stem}.md")):
                src = PurePosixPath(other.relative_to(folder).as_posix())
                if src != entry.src and type_of(src, project.types) is kind:
                    findings.append(Finding(
                        entry.shown, 1, "duplicate-slug",
                        f"Tên bài '{entry.src.stem}' đã dùng cho {shown(other, project.root)}; "
                        "đặt tên khác.",
                        f"The slug '{entry.src.stem}' is already used by "
                        f"{shown(other, project.root)}; rename one.",
                    ))
    return findings
