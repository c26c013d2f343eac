"""Which files under the given paths are images, by their bytes: nothing skipped without a word.

Every file is read (its first 64 KiB) and classified with `detect()`: a photo named `.txt`,
`.jfif` or nothing at all is still a photo, and a hidden one is still checked. Notes an editor
keeps beside photos (.md, .txt that are text) and hidden non-images (.DS_Store) are skipped;
every other file is an error naming it. A symbolic link (file or folder) is never followed:
it is that path's error, as in `ttdn check` and the build (`ttdn.guard.gate`), since a link
publishes whatever it points to. An unreadable folder or a special file is that path's error.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from ttdn.images import reasons
from ttdn.images.detect import ACCEPTED, HEAD_BYTES, detect
from ttdn.images.model import ImageError
from ttdn.images.options import NOTE_SUFFIXES


def collect(sources: Iterable[Path], *, images_only: bool = False
            ) -> tuple[list[Path], list[ImageError]]:
    """Image files of an accepted format under `sources` (files or folders), and the errors.

    With `images_only` (the pre-commit hook, which sees every staged file), files that are not
    images of an accepted format are skipped instead of refused.
    """
    walker = _Walker(images_only)
    for src in sources:
        if src.is_symlink():
            walker.errors.append(_link(src))
        elif src.is_dir():
            walker.folder(src, frozenset())
        elif src.exists():
            walker.file(src)
        else:
            walker.errors.append(ImageError(src, "không tìm thấy tệp hoặc thư mục",
                                            "no such file or folder"))
    return sorted(set(walker.found)), walker.errors


class _Walker:
    def __init__(self, images_only: bool) -> None:
        self.images_only = images_only
        self.found: list[Path] = []
        self.errors: list[ImageError] = []

    def folder(self, path: Path, ancestors: frozenset[tuple[int, int]]) -> None:
        try:
            info = path.stat()
            here = (info.st_dev, info.st_ino)
            if here in ancestors:
                self.errors.append(ImageError(
                    path, "liên kết tượng trưng tạo vòng lặp thư mục; hãy xoá liên kết",
                    "symbolic link loop: this folder contains itself; remove the link"))
                return
            with os.scandir(path) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as err:
            self.errors.append(reasons.unreadable(path, err))
            return
        for entry in entries:
            child = Path(entry.path)
            try:
                if entry.is_symlink():
                    self.errors.append(_link(child))
                elif entry.is_dir(follow_symlinks=False):
                    self.folder(child, ancestors | {here})
                else:
                    self.file(child)
            except OSError as err:
                self.errors.append(reasons.unreadable(child, err))

    def file(self, path: Path) -> None:
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode):
                if not self.images_only:
                    self.errors.append(ImageError(path, "không phải tệp thông thường",
                                                  "not a regular file"))
                return
            with path.open("rb") as f:
                head = f.read(HEAD_BYTES)
        except OSError as err:
            self.errors.append(reasons.unreadable(path, err))
            return
        if not head:
            if not self.images_only:
                self.errors.append(reasons.empty(path))
            return
        fmt = detect(head)
        if fmt in ACCEPTED:
            self.found.append(path)
        elif self.images_only:
            return
        elif fmt is not None:
            self.errors.append(reasons.unsupported(path, fmt))
        elif path.suffix.lower() not in NOTE_SUFFIXES and not path.name.startswith("."):
            self.errors.append(reasons.not_an_image(path))


def _link(path: Path) -> ImageError:
    """A symbolic link: refused, whether it points to a photo, a folder or nowhere."""
    target = os.readlink(path)
    vi_why, en_why = "", ""
    if not path.exists():
        broken = _dangling(path)
        vi_why, en_why = f" ({broken.vi})", f" ({broken.en})"
    return ImageError(
        path,
        f"liên kết tượng trưng (trỏ tới {target}){vi_why} không được dùng; hãy thay bằng chính "
        "tệp hoặc thư mục ảnh",
        f"symbolic link (to {target}){en_why} is not allowed; replace it by the real photo or "
        "folder",
    )


def _dangling(path: Path) -> ImageError:
    target = os.readlink(path)
    try:
        path.stat()
    except OSError as err:
        if err.errno == errno.ELOOP:
            return ImageError(path, f"liên kết tượng trưng tạo vòng lặp (trỏ tới {target})",
                              f"symbolic link loop (to {target})")
    return ImageError(path, f"liên kết tượng trưng hỏng (trỏ tới {target}, không tồn tại)",
                      f"broken symbolic link (to {target}, which does not exist)")
