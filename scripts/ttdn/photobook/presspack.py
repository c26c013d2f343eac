"""A chapter's press pack: its photos in web quality and a credits file in every language.

The zip is deterministic (fixed timestamps, sorted names), so an unchanged chapter gives the same
bytes, and its name in the cache hashes what goes in: an existing file is reused as it is.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

from ttdn.files import atomic_write
from ttdn.i18n import Language
from ttdn.photobook.book import Chapter, Photo

CREDITS = "credits.txt"
ZIP_TIME = (2000, 1, 1, 0, 0, 0)  # fixed: the same chapter always gives the same bytes
RECIPE = "press-1"


def photo_name(photo: Photo) -> str:
    """"03-ly-son-bien.jpg": the photo's number in the chapter, then its original's name."""
    return f"{photo.number:02d}-{Path(photo.entry.file).stem}.jpg"


def credits_text(chapter: Chapter, languages: Sequence[Language]) -> str:
    """Who made each photo and how it may be used, in every language, one block per photo."""
    blocks = []
    for lang in languages:
        page = chapter.page(lang)
        title = page.meta.title if page else chapter.slug
        lines = [f"{title} — {lang.t('photobook_credits_title')} ({lang.t('language_name')})",
                 ""]
        for photo in chapter.photos:
            lines += [
                photo_name(photo),
                f"  {photo.caption(lang)}",
                f"  {lang.t('photobook_place')}: {photo.entry.place[lang.code]}",
                f"  {lang.t('photobook_photographer')}: {photo.entry.photographer}",
                f"  {lang.t('photobook_date')}: {lang.format_date(photo.entry.date)}",
                f"  {lang.t('photobook_licence')}: {photo.entry.credit}",
                "",
            ]
        blocks.append("\n".join(lines))
    return ("\n" + "=" * 72 + "\n\n").join(blocks)


def press_pack(
    chapter: Chapter,
    languages: Sequence[Language],
    web_file: Callable[[Photo], Path],
    cache_dir: Path,
) -> Path:
    """The chapter's zip in `cache_dir`, made unless an identical one is there already.

    `web_file(photo)` is the web-quality JPEG derivative of a photo (never the original).
    """
    credits = credits_text(chapter, languages).encode("utf-8")
    files = [(photo_name(photo), web_file(photo)) for photo in chapter.photos]
    digest = hashlib.sha256(f"{RECIPE}\n".encode() + credits)
    for name, path in files:
        digest.update(f"{name}:{path.name}\n".encode())  # derivative names hash their content
    target = cache_dir / f"{chapter.slug}-{digest.hexdigest()[:16]}.zip"
    if target.is_file():
        return target
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        info = zipfile.ZipInfo(CREDITS, ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, credits)
        for name, path in sorted(files):
            # JPEGs are compressed already: stored as they are.
            archive.writestr(zipfile.ZipInfo(f"{chapter.slug}/{name}", ZIP_TIME),
                             path.read_bytes())
    cache_dir.mkdir(parents=True, exist_ok=True)
    atomic_write(target, buffer.getvalue())
    return target
