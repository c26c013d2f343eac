"""The photo book, read once per build: its landing page, its chapters in order, their photos.

A chapter is a page `docs/<lang>/sach-anh/<chapter>/index.md` (content type `photo-chapter`) and
a folder of originals `photos/sach-anh/<chapter>/` with its `manifest.yml`. The photos come from
the image pipeline's records (never an original): a photo the pipeline refused is already an
error of the images plugin.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ttdn.content import Entry
from ttdn.findings import Finding, shown
from ttdn.i18n import Language
from ttdn.images.model import ImageRecord
from ttdn.model import BuildModel
from ttdn.photobook.manifest import MANIFEST, PhotoEntry, read_manifest

FOLDER = "sach-anh"  # docs/<lang>/sach-anh/ and photos/sach-anh/
BOOK_TYPE = "photo-book"
CHAPTER_TYPE = "photo-chapter"


class RecordSource(Protocol):
    def record_for(self, path: Path) -> ImageRecord | None: ...


@dataclass(frozen=True)
class Photo:
    entry: PhotoEntry
    path: Path  # the original: read only to make derivatives
    record: ImageRecord  # the image pipeline's derivatives
    number: int  # 1-based, in its chapter

    def caption(self, lang: Language) -> str:
        """The caption in `lang`, after "Ảnh minh họa:" / "Illustration:" for a drawing."""
        text = self.entry.caption[lang.code]
        return f"{lang.t('photobook_illustration')}: {text}" if self.entry.illustration else text

    def credit(self, lang: Language) -> str:
        """"Ảnh: <photographer> · <credit>" ("Hình vẽ: …" for an illustration)."""
        key = "photobook_credit_illustration" if self.entry.illustration else "photobook_credit"
        return lang.t(key).format(
            photographer=self.entry.photographer, credit=self.entry.credit
        )


@dataclass(frozen=True)
class Chapter:
    slug: str
    order: int
    pages: Mapping[str, Entry]  # its page in each language that has one
    photos: tuple[Photo, ...]

    def page(self, lang: Language) -> Entry | None:
        return self.pages.get(lang.code)


@dataclass(frozen=True)
class Book:
    pages: Mapping[str, Entry]  # the landing page in each language that has one
    chapters: tuple[Chapter, ...]  # in book order

    def chapter_of(self, entry: Entry) -> Chapter | None:
        """The chapter whose page in the entry's language is the entry's file."""
        return next((c for c in self.chapters
                     if (page := c.pages.get(entry.lang.code)) and page.src == entry.src), None)

    def chapters_in(self, lang: Language) -> list[Chapter]:
        return [c for c in self.chapters if lang.code in c.pages]

    @property
    def photos(self) -> list[Photo]:
        return [photo for chapter in self.chapters for photo in chapter.photos]


def load_book(
    model: BuildModel, records: RecordSource, photos_dir: Path, root: Path
) -> tuple[Book, list[Finding]]:
    """The book from the model's pages and each chapter's manifest, and every problem found."""
    codes = model.languages.codes
    pages = {
        code: entry
        for code in codes
        for entry in model.content.of_type(code, BOOK_TYPE)
    }
    by_slug: dict[str, dict[str, Entry]] = {}
    for code in codes:
        for entry in model.content.of_type(code, CHAPTER_TYPE):
            by_slug.setdefault(entry.src.parent.name, {})[code] = entry
    findings: list[Finding] = []
    chapters = []
    for slug, chapter_pages in by_slug.items():
        found, problems = read_manifest(photos_dir / FOLDER / slug, codes, root)
        findings += problems
        photos = []
        for item in found:
            record = records.record_for(item.path)
            if record is not None:  # else: the images plugin has reported why
                photos.append(Photo(item.entry, item.path, record, len(photos) + 1))
        first = chapter_pages.get(model.languages.default.code) or next(
            iter(chapter_pages.values())
        )
        chapters.append(Chapter(slug, first.meta.order, chapter_pages, tuple(photos)))
    folder = photos_dir / FOLDER
    if folder.is_dir():
        findings += [
            Finding(
                shown(sub / MANIFEST, root), 0, "manifest-orphan",
                f"Không có trang chương docs/<ngôn ngữ>/{FOLDER}/{sub.name}/index.md cho thư "
                "mục ảnh này, nên ảnh không được đăng.",
                f"No chapter page docs/<lang>/{FOLDER}/{sub.name}/index.md for this photo "
                "folder, so its photos are not published.",
                severity="warning",
            )
            for sub in sorted(folder.iterdir())
            if sub.is_dir() and sub.name not in by_slug
        ]
    chapters.sort(key=lambda c: (c.order, c.slug))
    return Book(pages, tuple(chapters)), findings
