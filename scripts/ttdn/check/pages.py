"""The pages a link may lead to, for a check that loaded only some of them.

A full check loaded every page into the content model; a check of a few changed files did not,
so a link to any other page is answered from the file itself (its front matter is read once and
kept). Listing pages the build generates are recognised from the types' declared collections.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ttdn.check.anchors import anchors_in
from ttdn.check.text import body_of
from ttdn.collections import PAGE_FOLDER
from ttdn.content import Content, ContentError, ContentType, type_of
from ttdn.content import frontmatter as fm
from ttdn.content.types import Archive, Listing
from ttdn.findings import shown
from ttdn.i18n import Languages


@dataclass(frozen=True)
class Target:
    shown: str  # the file, relative to the repository
    published: bool
    path: Path | None = None


class PageSite:
    def __init__(
        self,
        root: Path,
        docs_dir: Path,
        languages: Languages,
        content: Content,
        types: tuple[ContentType, ...],
        today: dt.date,
    ):
        self.root = root
        self.docs_dir = docs_dir
        self.languages = languages
        self.content = content
        self.types = types
        self.today = today
        self._pages: dict[tuple[str, PurePosixPath], Target | None] = {}
        self._anchors: dict[Path, set[str]] = {}
        self._sources: dict[str, list[PurePosixPath]] = {}
        self._generated = [_listing_pattern(base) for base in _listing_bases(types)]

    def shown(self, code: str, src: PurePosixPath) -> str:
        return shown(self.docs_dir / code / src, self.root)

    def page(self, code: str, src: PurePosixPath) -> Target | None:
        key = (code, src)
        if key not in self._pages:
            self._pages[key] = self._find(code, src)
        return self._pages[key]

    def _find(self, code: str, src: PurePosixPath) -> Target | None:
        entry = self.content.written(code, src)
        if entry is not None:
            published = self.content.get(code, src) is not None
            return Target(entry.shown, published, entry.path)
        path = self.docs_dir / code / src
        if path.is_symlink() or not path.is_file():
            return None  # a link is never read: the gate names it
        name = self.shown(code, src)
        try:
            data = fm.read(path, name).data
        except ContentError:
            return Target(name, True, path)  # its own check reports it
        return Target(name, self._published(src, data), path)

    def _published(self, src: PurePosixPath, data: dict) -> bool:
        kind = type_of(src, self.types)
        if isinstance(data.get("translation"), dict) and data["translation"].get("pending"):
            return False
        if not kind.schedulable:
            return True
        if data.get("draft") is True:
            return False
        try:
            return dt.date.fromisoformat(str(data.get("date"))) <= self.today
        except ValueError:
            return True

    def sources(self, code: str) -> list[PurePosixPath]:
        """Every page written in a language (published or not), for "did you mean"."""
        if code not in self._sources:
            folder = self.docs_dir / code
            self._sources[code] = sorted(
                PurePosixPath(p.relative_to(folder).as_posix()) for p in folder.rglob("*.md"))
        return self._sources[code]

    def anchors(self, target: Target) -> set[str]:
        assert target.path is not None
        if target.path not in self._anchors:
            body, _ = body_of(target.path.read_text("utf-8-sig"))
            self._anchors[target.path] = anchors_in(body)
        return self._anchors[target.path]

    def generated(self, url: str) -> bool:
        """True for a listing page the build makes (an archive, page 2 of a listing…)."""
        return any(pattern.fullmatch(url) for pattern in self._generated)


def _listing_bases(types: tuple[ContentType, ...]) -> list[str]:
    return [
        collection.base
        for kind in types
        for collection in kind.collections
        if isinstance(collection, Listing | Archive)
    ]


def _listing_pattern(base: str) -> re.Pattern[str]:
    parts = [re.escape(part) for part in base.strip("/").split("{key}")]
    return re.compile("[^/]+".join(parts) + rf"/(?:{PAGE_FOLDER}/\d+/)?")
