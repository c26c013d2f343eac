"""The content model: every page of every language with its validated front matter.

Loaded once per build (`ttdn.content.load`) and never changed afterwards: collections, views,
feeds and checks read it; none writes into it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath

from ttdn.content.schema import PageMeta
from ttdn.i18n import Language, Languages, page_path, parents
from ttdn.images.markup import ImageRef


@dataclass(frozen=True)
class Entry:
    lang: Language
    src: PurePosixPath  # relative to docs/<lang>/, the same in every language
    type: str  # its content type's name; "listing" for pages the build generates
    meta: PageMeta
    path: Path | None = None  # the Markdown file; None for generated pages
    shown: str = ""  # the file as findings name it, relative to the repository
    lines: Mapping[str, int] | None = None  # front matter key → line in the file
    words: int = 0
    images: tuple[ImageRef, ...] = ()  # inline images of the body, lines counted in the file
    digest: str = ""  # fingerprint of the text a translation is made from (ttdn.parity)
    has_body: bool = True  # any text besides headings (an empty item is not published)
    body_line: int = 1  # line of the file where the body starts
    video_line: int | None = None  # the body's line placing the video (ttdn.content.video)

    @cached_property  # asked for tens of thousands of times per build
    def url(self) -> str:
        """Path from the site root: "en/van-ban/ke-hoach-197-kh-ubnd/"."""
        return self.lang.prefix + page_path(self.src)

    @property
    def generated(self) -> bool:
        return self.path is None

    @property
    def reading_minutes(self) -> int:
        return max(1, round(self.words / 200))  # 200 words a minute, as Material's blog

    def line_of(self, key: str) -> int:
        return (self.lines or {}).get(key, 1)

    def beside(self, relative: str) -> PurePosixPath:
        """A path written in this page, relative to its language folder."""
        return PurePosixPath(posixpath.normpath(str(self.src.parent / relative)))


class Pages:
    """Read-only pages by language and source path; shared by the content model and the index."""

    def __init__(self, languages: Languages, entries: Mapping[str, Mapping[PurePosixPath, Entry]]):
        self.languages = languages
        self._entries = {code: dict(by_src) for code, by_src in entries.items()}
        self._urls = {e.url: e for by_src in self._entries.values() for e in by_src.values()}

    def get(self, code: str, src: PurePosixPath) -> Entry | None:
        return self._entries[code].get(src)

    def by_url(self, url: str) -> Entry | None:
        """The entry of a built page, from its URL path ("en/van-ban/")."""
        return self._urls.get(url)

    def of_language(self, code: str) -> list[Entry]:
        return list(self._entries[code].values())

    def __iter__(self) -> Iterator[Entry]:
        for by_src in self._entries.values():
            yield from by_src.values()

    def translations(self, src: PurePosixPath) -> list[Entry]:
        """The page in every language it exists in, default language first."""
        found = (self.get(lang.code, src) for lang in self.languages.all)
        return [entry for entry in found if entry is not None]

    def counterpart(self, src: PurePosixPath, target: Language) -> Entry | None:
        """The same page in `target`, else its nearest translated parent (never a 404)."""
        for candidate in [src, *parents(src)]:
            entry = self.get(target.code, candidate)
            if entry is not None:
                return entry
        return None


class Content(Pages):
    """The pages editors wrote, published ones only; drafts, future items and pending
    translations are `hidden` (their entries in `held`, for the checks)."""

    def __init__(
        self,
        languages: Languages,
        entries: Mapping[str, Mapping[PurePosixPath, Entry]],
        hidden: Mapping[str, frozenset[PurePosixPath]],
        held: Mapping[str, Mapping[PurePosixPath, Entry]] | None = None,
    ):
        super().__init__(languages, entries)
        self.hidden = dict(hidden)
        self.held = {code: dict(by_src) for code, by_src in (held or {}).items()}

    def written(self, code: str, src: PurePosixPath) -> Entry | None:
        """The page as written, published or not."""
        return self.get(code, src) or self.held.get(code, {}).get(src)

    def of_type(self, code: str, name: str) -> list[Entry]:
        return [e for e in self._entries[code].values() if e.type == name]
