"""The one asset resolver: every file a page refers to, by one rule.

Covers, inline images, videos, posters, attachments, feed images and link-preview images are all
written the same way in a page: a path starting with "/" is read from the repository root
(`/photos/tin-bai/bia.jpg`), any other from the Markdown file's folder (`clip.mp4`). A photo under
the photos folder goes through the image pipeline and is served as its derivatives; a file beside
the page is served at the same place under the language's URL. Markdown, templates, feeds and
checks all ask here, so they can never disagree about a URL.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ttdn.content import Content, Entry
from ttdn.findings import Finding
from ttdn.images.markup import EXTERNAL
from ttdn.images.model import ImageRecord

PREVIEW_WIDTH = 1200  # what Zalo and Facebook ask for in a link preview


class ImageStore(Protocol):
    """What the images plugin offers: records of processed photos and their derivatives' URLs."""

    def record_for(self, path: Path) -> ImageRecord | None: ...

    def derivative_url(self, record: ImageRecord, width: int) -> str: ...


@dataclass(frozen=True)
class Asset:
    ref: str  # as the editor wrote it
    path: Path  # the file on disk
    url: str  # path from the site root of what the page links to
    record: ImageRecord | None = None  # set when it went through the image pipeline


@dataclass(frozen=True)
class Reference:
    """One file a page refers to, and where in the Markdown file it is written."""

    entry: Entry
    ref: str
    line: int
    photo: bool  # must be a photo of the photos folder (cover, poster)


class Assets:
    def __init__(self, root: Path, docs_dir: Path, photos_dir: Path, images: ImageStore | None):
        self.root = root
        self.docs_dir = docs_dir
        self.photos_dir = photos_dir
        self.images = images

    def locate(self, entry: Entry, ref: str) -> Path:
        if ref.startswith("/"):
            return self.root / ref.lstrip("/")
        return self.docs_dir / entry.lang.code / entry.beside(ref)

    def find(self, entry: Entry, ref: str, width: int = PREVIEW_WIDTH) -> Asset | None:
        """The asset behind `ref`, or None when it is missing or outside what is published.

        For a photo, `url` is its derivative closest to `width`.
        """
        path = self.locate(entry, ref).resolve()
        if not path.is_file():
            return None
        if path.is_relative_to(self.photos_dir.resolve()):
            record = self.images.record_for(path) if self.images else None
            if record is None:
                return None
            return Asset(ref, path, self.images.derivative_url(record, width), record)
        language_folder = (self.docs_dir / entry.lang.code).resolve()
        if not path.is_relative_to(language_folder):
            return None
        relative = path.relative_to(language_folder).as_posix()
        return Asset(ref, path, entry.lang.prefix + posixpath.normpath(relative))

    def preview_image(self, entry: Entry) -> Asset | None:
        """The page's link-preview image: its cover, else its first photo."""
        refs = [entry.meta.image] if entry.meta.image else []
        refs += [image.src for image in entry.images if not image.external]
        for ref in refs:
            asset = self.find(entry, ref)
            if asset is not None and asset.record is not None:
                return asset
        return None

    def check(self, content: Content) -> list[Finding]:
        """Every reference of every page that does not lead to a file the site can serve."""
        return [
            finding for reference in references(content) if (finding := self._check(reference))
        ]

    def _check(self, reference: Reference) -> Finding | None:
        entry, ref = reference.entry, reference.ref
        if EXTERNAL.match(ref):
            if reference.photo or any(image.src == ref for image in entry.images):
                return Finding(
                    entry.shown, reference.line, "asset-external",
                    f"Ảnh '{ref}' nằm trên máy chủ khác: trang không tải gì từ nơi khác. Hãy tải "
                    "ảnh về, để vào thư mục photos/ và viết đường dẫn /photos/….",
                    f"The image '{ref}' is on another host: pages load nothing from elsewhere. "
                    "Save it into photos/ and write its path as /photos/….",
                )
            return None
        path = self.locate(entry, ref).resolve()
        in_photos = path.is_relative_to(self.photos_dir.resolve())
        if reference.photo and not in_photos:
            return Finding(
                entry.shown, reference.line, "asset-not-photo",
                f"'{ref}' phải là ảnh trong thư mục {self._photos_name()}/ (ví dụ "
                f"/{self._photos_name()}/tin-bai/anh.jpg) để được tối ưu và xoá vị trí.",
                f"'{ref}' must be a photo in {self._photos_name()}/ (for example "
                f"/{self._photos_name()}/tin-bai/photo.jpg), so it is optimised and its "
                "location removed.",
            )
        if not path.is_file():
            return Finding(
                entry.shown, reference.line, "asset-missing",
                f"Không tìm thấy tệp '{ref}' (tìm ở {self._shown(path)}). Kiểm tra tên và "
                "đường dẫn: '/' ở đầu tính từ gốc kho, nếu không thì tính từ tệp Markdown.",
                f"The file '{ref}' was not found (looked for {self._shown(path)}). Check the "
                "name and path: a leading '/' starts at the repository root, otherwise at the "
                "Markdown file.",
            )
        language_folder = (self.docs_dir / entry.lang.code).resolve()
        if not in_photos and not path.is_relative_to(language_folder):
            return Finding(
                entry.shown, reference.line, "asset-outside",
                f"'{ref}' nằm ngoài thư mục ngôn ngữ của trang và ngoài {self._photos_name()}/: "
                "trang web không đăng tệp đó. Để tệp cạnh trang hoặc ảnh vào photos/.",
                f"'{ref}' lies outside the page's language folder and outside "
                f"{self._photos_name()}/: the site does not publish it. Put the file beside "
                "the page, or a photo in photos/.",
            )
        return None

    def _photos_name(self) -> str:
        return self._shown(self.photos_dir)

    def _shown(self, path: Path) -> str:
        root = self.root.resolve()
        path = path.resolve()
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def references(content: Content) -> Iterator[Reference]:
    """Every file reference of every page: front matter fields, then inline images."""
    for entry in content:
        meta = entry.meta
        if meta.image:
            yield Reference(entry, meta.image, entry.line_of("image"), photo=True)
        video = getattr(meta, "video", None)
        if video is not None:
            if video.src:
                yield Reference(entry, video.src, entry.line_of("video"), photo=False)
            yield Reference(entry, video.poster, entry.line_of("video"), photo=True)
        attachment = getattr(meta, "attachment", None)
        if attachment:
            yield Reference(entry, attachment, entry.line_of("attachment"), photo=False)
        for image in entry.images:
            yield Reference(entry, image.src, image.line, photo=False)
