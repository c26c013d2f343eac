"""A chapter's press pack: its photos at the original's full resolution, each carrying its
caption in every language, its photographer and credit line as XMP (IPTC Core fields), and a
credits file in every language. Never a location: the photos are made from the originals by the
print pipeline (ttdn.print.images: upright, sRGB, no EXIF, GPS or other metadata), and the
packet written into them (ttdn.images.xmp.describe) has no place field; each file is checked
with the image pipeline's own location reader before it goes in.

The zip is deterministic (fixed timestamps, sorted names), so an unchanged chapter gives the same
bytes, and its name in the cache hashes what goes in: an existing file is reused as it is.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from ttdn.files import atomic_write
from ttdn.i18n import Language
from ttdn.images import metadata, xmp
from ttdn.photobook.book import Chapter, Photo
from ttdn.print.images import cached_upright_size, print_image

CREDITS = "credits.txt"
ZIP_TIME = (2000, 1, 1, 0, 0, 0)  # fixed: the same chapter always gives the same bytes
RECIPE = "press-2"
PRESS_JPEG_QUALITY = 90


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


def press_photo(photo: Photo, languages: Sequence[Language], cache_dir: Path) -> bytes:
    """The photo at its original's size, with its caption, creator and credit as XMP."""
    width, _ = cached_upright_size(photo.path, cache_dir)
    made = print_image(photo.path, width, PRESS_JPEG_QUALITY, cache_dir)
    packet = xmp.describe({lang.code: photo.caption(lang) for lang in languages},
                          photo.entry.photographer, photo.entry.credit)
    data = metadata.jpeg_with_xmp(made.file.read_bytes(), packet)
    if found := metadata.location(data, "jpeg"):  # a guard: nothing above writes a place
        raise ValueError(f"{photo.path}: location in a press photo: {found}")
    return data


def press_pack(
    chapter: Chapter,
    languages: Sequence[Language],
    cache_dir: Path,
) -> Path:
    """The chapter's zip in `cache_dir`, made unless an identical one is there already; its
    photos are made in `cache_dir/photos` from the originals."""
    credits = credits_text(chapter, languages).encode("utf-8")
    files = [(photo_name(photo), press_photo(photo, languages, cache_dir / "photos"))
             for photo in chapter.photos]
    digest = hashlib.sha256(f"{RECIPE}\n".encode() + credits)
    for name, data in files:
        digest.update(f"{name}:{hashlib.sha256(data).hexdigest()}\n".encode())
    target = cache_dir / f"{chapter.slug}-{digest.hexdigest()[:16]}.zip"
    if target.is_file():
        return target
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        info = zipfile.ZipInfo(CREDITS, ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, credits)
        for name, data in sorted(files):
            # JPEGs are compressed already: stored as they are.
            archive.writestr(zipfile.ZipInfo(f"{chapter.slug}/{name}", ZIP_TIME), data)
    cache_dir.mkdir(parents=True, exist_ok=True)
    atomic_write(target, buffer.getvalue())
    return target
