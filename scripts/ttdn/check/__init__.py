"""`ttdn check`: every rule an editor's contribution must pass, without building the site.

    content model (schemas, names, folders, slugs, empty bodies)   ttdn.content
    files the pages refer to (covers, photos, videos, attachments)  ttdn.assets
    translations (counterpart, pending, stale; draft/category/date) ttdn.parity
    links (pages, other language, headings; https outside)          ttdn.check.links
    text in Unicode NFC (--fix normalises, changing nothing else)   ttdn.check.text
    photos (readable, limits, no location)                          ttdn.check.images
    the trust boundary (what content and docs/ may hold)            ttdn.check.trust
      on the files the gate let through (links, dotfiles, limits…)  ttdn.guard.gate

The build reports the same findings for what it shares (content model, assets, pairs), so a
clean check means a build that does not fail on content. With paths, only those pages (and
their translations) are loaded: a pull request's changed files are checked in well under a
second on a ten-year site.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ttdn.assets import Assets, references
from ttdn.check.images import collect_errors, image_files, image_findings, is_image
from ttdn.check.links import LinkChecker
from ttdn.check.pages import PageSite
from ttdn.check.project import Project
from ttdn.check.schedule import scheduled_findings
from ttdn.check.text import body_of, fix_nfc, nfc_finding
from ttdn.check.trust import trust_findings
from ttdn.check.unloaded import unloaded
from ttdn.contact import contact_findings, load_contact
from ttdn.content import Content, Entry, load_content
from ttdn.content.categories import categories
from ttdn.content.types import type_findings, type_of
from ttdn.findings import Finding, ordered, shown
from ttdn.guard import gate
from ttdn.images.markup import EXTERNAL
from ttdn.model import languages_of
from ttdn.parity import PairState, pair_findings, pair_states, parity_findings
from ttdn.photobook.book import CHAPTER_TYPE, FOLDER
from ttdn.photobook.manifest import read_manifest


@dataclass
class CheckResult:
    findings: list[Finding]
    pages: int  # Markdown files checked
    images: int  # image files checked
    seconds: float
    states: list[PairState] = field(default_factory=list)  # every page against its translation
    fixed: list[str] = field(default_factory=list)  # files --fix normalised
    checked: list[str] | None = None  # with paths: the pages checked (a pull request's own)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]


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
    # The gate walks as the build does: what it refuses by name is never read further.
    gate_scope = gate.walk(project.root, project.docs_dir, project.photos_dir, languages.codes)
    scope = _Scope.of(project, [Path(p).absolute() for p in paths], gate_scope)
    fixed = [shown(p, project.root) for p in scope.markdown_files(project, gate_scope)
             if fix and fix_nfc(p)]
    content, findings = load_content(
        project.docs_dir, languages, project.types, categories(),
        root=project.root, today=today, only=scope.pages, pages=gate_scope.pages,
    )
    findings += [f for f in gate_scope.findings if scope.covers(project.root / f.path)]
    assets = Assets(project.root, project.docs_dir, project.photos_dir, None)
    findings += assets.check(content)
    findings += pair_findings(content)
    if not preview:
        findings += parity_findings(content)
        findings += scheduled_findings(content, project.types, today)
    if scope.pages is not None:
        findings += _slug_clashes(project, content, gate_scope)
    else:  # rules over the whole content need all of it (a subset would look incomplete)
        findings += type_findings(content, project.types)
    site = PageSite(project.root, project.docs_dir, languages, content, project.types, today)
    links = LinkChecker(site)
    written = list(_written(content))
    written += unloaded(scope.markdown_files(project, gate_scope), written, project,
                        languages)
    texts = []
    for entry in written:
        text = entry.path.read_text("utf-8-sig")
        texts.append((entry, text))
        if not preview and (nfc := nfc_finding(text, entry.shown)) is not None:
            findings.append(nfc)
        body, _ = body_of(text)
        findings += links.check(entry, body)
    images, walk_errors = ([], []) if preview else scope.images(project, assets, written,
                                                                 gate_scope)
    findings += collect_errors(walk_errors, project.root)
    findings += image_findings(images, project.root)
    findings += trust_findings(project, texts, scope.docs_files(gate_scope),
                               scope.page_files(project, gate_scope))
    findings += manifest_findings(project, content)
    findings += _contact_findings(project)
    return CheckResult(
        findings=ordered(set(findings)),
        pages=len(written),
        images=len(images),
        seconds=time.perf_counter() - start,
        states=list(pair_states(content)),
        fixed=fixed,
        checked=None if scope.pages is None else sorted({e.shown for e in written}),
    )


def _contact_findings(project: Project) -> list[Finding]:
    """The build's rule on the contact details (ttdn-site → contact): wrong or placeholders."""
    site = project.config.plugins.get("ttdn-site")
    config_file = Path(project.config.config_file_path)
    contact, errors = load_contact(site.config.contact if site else {}, config_file)
    return errors + contact_findings(contact, config_file)


def _page_of(project: Project, path: Path, gate_scope: gate.Scope) -> PurePosixPath | None:
    """docs/<lang>/a/b.md → a/b.md for a page the gate accepted; None for any other file."""
    if not path.is_relative_to(project.docs_dir):
        return None
    parts = path.relative_to(project.docs_dir).parts
    src = PurePosixPath(*parts[1:]) if len(parts) > 1 else None
    if src is None or src not in gate_scope.pages.get(parts[0], ()):
        return None
    return src


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
    given: tuple[Path, ...] = ()  # the paths named on the command line

    @classmethod
    def of(cls, project: Project, paths: list[Path], gate_scope: gate.Scope) -> _Scope:
        """Pages under docs/<lang>/ (a folder: every page in it), the other files of docs/
        given, photo folders, and any file whose bytes are an image, wherever it is. Only
        what the gate let through: it has named the rest."""
        if not paths or any(path in (project.root, project.docs_dir) for path in paths):
            return cls(None, ())
        accepted = {*gate_scope.page_paths(project.docs_dir), *gate_scope.files}
        pages: set[PurePosixPath] = set()
        photos: list[Path] = []
        others: list[Path] = []
        for path in paths:
            if path.is_dir() and path.is_relative_to(project.photos_dir):
                photos.append(path)  # walked as `ttdn images --check` walks it
                continue
            inside = [p for p in accepted if p == path or p.is_relative_to(path)]
            for file in sorted(inside) if path.is_relative_to(project.docs_dir) else [path]:
                if file.is_symlink() or not file.is_file():
                    continue
                page = _page_of(project, file, gate_scope)
                if page is not None:
                    pages.add(page)
                    continue
                if file in accepted:
                    others.append(file)
                if is_image(file):
                    photos.append(file)
        return cls(frozenset(pages), tuple(photos), tuple(others), tuple(paths))

    def covers(self, path: Path) -> bool:
        """Whether a finding on this path belongs to the check (everything, or what was given
        and the translations of the pages given)."""
        if self.pages is None:
            return True
        if any(path == p or path.is_relative_to(p) for p in self.given):
            return True
        parts = path.parts
        return any(PurePosixPath(*parts[i:]) in self.pages for i in range(len(parts)))

    def markdown_files(self, project: Project, gate_scope: gate.Scope) -> list[Path]:
        return [p for p in gate_scope.page_paths(project.docs_dir) if self.covers(p)]

    def page_files(self, project: Project, gate_scope: gate.Scope) -> list[Path]:
        return self.markdown_files(project, gate_scope)

    def docs_files(self, gate_scope: gate.Scope) -> list[Path]:
        """The files of docs/ other than pages, for the trust boundary's file policy."""
        if self.pages is None:
            return sorted(gate_scope.files)
        return sorted(self.others)

    def images(
        self, project: Project, assets: Assets, written: list[Entry], gate_scope: gate.Scope
    ) -> tuple[list[Path], list]:
        """The image files to check, and the walk's own errors (unreadable files…); a path
        the gate refused (a link) is its finding, not the walk's."""
        if self.pages is None:
            found, errors = image_files([project.photos_dir])
            in_docs = [p for p in gate_scope.files if is_image(p)]
            found = [p for p in found if not _refused(p, gate_scope)]
            errors = [e for e in errors if not _refused(e.path, gate_scope)]
            return found + in_docs, errors
        found, errors = image_files([p for p in self.photos if p.is_dir()])
        found += [p for p in self.photos if p.is_file()]
        for reference in references(written):  # any iterable of entries
            if not EXTERNAL.match(reference.ref):
                path = assets.locate(reference.entry, reference.ref)
                if path.is_file() and is_image(path):
                    found.append(path)
        found = [p for p in found if not _refused(p, gate_scope)]
        errors = [e for e in errors if not _refused(e.path, gate_scope)]
        return sorted({path.resolve() for path in found}), errors


def _refused(path: Path, gate_scope: gate.Scope) -> bool:
    return any(path == r or path.is_relative_to(r) for r in gate_scope.refused)


def manifest_findings(project: Project, content: Content) -> list[Finding]:
    """Each photo-book chapter's manifest, read as the build reads it (`read_manifest`)."""
    codes = content.languages.codes
    slugs = sorted({entry.src.parent.name for code in codes
                    for entry in content.of_type(code, CHAPTER_TYPE)})
    findings = []
    for slug in slugs:
        _, problems = read_manifest(project.photos_dir / FOLDER / slug, codes, project.root)
        findings += problems
    return findings


def _slug_clashes(project: Project, content: Content, gate_scope: gate.Scope) -> list[Finding]:
    """Slug uniqueness for a partial check: compare the loaded items with every file's name."""
    findings = []
    for lang in content.languages.all:
        folder = project.docs_dir / lang.code
        for entry in content.of_language(lang.code):
            kind = type_of(entry.src, project.types)
            if not kind.unique_slug:
                continue
            for src in sorted(gate_scope.pages.get(lang.code, ())):
                other = folder / src
                if (src.stem == entry.src.stem and src != entry.src
                        and type_of(src, project.types) is kind):
                    findings.append(Finding(
                        entry.shown, 1, "duplicate-slug",
                        f"Tên bài '{entry.src.stem}' đã dùng cho {shown(other, project.root)}; "
                        "đặt tên khác.",
                        f"The slug '{entry.src.stem}' is already used by "
                        f"{shown(other, project.root)}; rename one.",
                    ))
    return findings
