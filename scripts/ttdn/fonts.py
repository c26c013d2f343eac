"""Be Vietnam Pro, subset to Latin + Vietnamese and converted to WOFF2, served by the site itself.

The TTFs come from the `fontpkg-be-vietnam-pro` package (OFL). Subsetting takes a few seconds,
so results are cached on disk, keyed on the font's bytes, the ranges and this recipe's version.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import fontpkg_be_vietnam_pro
from fontTools import subset
from fontTools import version as fonttools_version

from ttdn.files import atomic_write, publish

RECIPE_VERSION = "1"

# Google Fonts' "latin" and "vietnamese" ranges, merged: every page needs both.
UNICODE_RANGES = [
    (0x0000, 0x00FF), (0x0102, 0x0103), (0x0110, 0x0111), (0x0128, 0x0129), (0x0131, 0x0131),
    (0x0152, 0x0153), (0x0168, 0x0169), (0x01A0, 0x01A1), (0x01AF, 0x01B0), (0x02BB, 0x02BC),
    (0x02C6, 0x02C6), (0x02DA, 0x02DA), (0x02DC, 0x02DC), (0x0300, 0x0301), (0x0303, 0x0304),
    (0x0308, 0x0309), (0x0323, 0x0323), (0x0329, 0x0329), (0x1EA0, 0x1EF9), (0x2000, 0x206F),
    (0x20AB, 0x20AC), (0x2122, 0x2122), (0x2191, 0x2191), (0x2193, 0x2193), (0x2212, 0x2212),
    (0x2215, 0x2215), (0xFEFF, 0xFEFF), (0xFFFD, 0xFFFD),
]


@dataclass(frozen=True)
class Face:
    weight: int
    style: str  # "normal" | "italic"
    ttf: str  # file name inside the package

    @property
    def woff2_name(self) -> str:
        suffix = "-italic" if self.style == "italic" else ""
        return f"be-vietnam-pro-{self.weight}{suffix}.woff2"


# Regular and bold only (about 30 KB each): pages are read on phones over mobile networks, and
# the browser's synthetic italic is good enough for the few emphasised words of official texts.
# overrides/assets/stylesheets/ttdn.css declares these faces.
FACES = [
    Face(400, "normal", "BeVietnamPro-Regular.ttf"),
    Face(700, "normal", "BeVietnamPro-Bold.ttf"),
]


def unicodes() -> list[int]:
    return [cp for start, end in UNICODE_RANGES for cp in range(start, end + 1)]


def _source(face: Face) -> Path:
    return Path(fontpkg_be_vietnam_pro.ROOT) / "files" / face.ttf


def _cache_key(face: Face) -> str:
    digest = hashlib.sha256(_source(face).read_bytes())
    digest.update(f"{RECIPE_VERSION}|{fonttools_version}|{UNICODE_RANGES}".encode())
    return digest.hexdigest()[:16]


def subset_face(face: Face) -> bytes:
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # keep kerning and the marks' positioning
    options.name_IDs = ["*"]  # keeps the OFL notice in the font
    options.notdef_outline = True
    font = subset.load_font(str(_source(face)), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes())
    subsetter.subset(font)
    out = io.BytesIO()
    subset.save_font(font, out, options)
    return out.getvalue()


def build_fonts(cache_dir: Path) -> list[Path]:
    """The WOFF2 files, from the cache or made now."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for face in FACES:
        cached = cache_dir / f"{_cache_key(face)}-{face.woff2_name}"
        if not cached.exists():
            atomic_write(cached, subset_face(face))
        paths.append(cached)
    return paths


def install_fonts(cache_dir: Path, dest: Path) -> list[Path]:
    """Copy the fonts into the built site (`site/assets/fonts/`)."""
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for face, cached in zip(FACES, build_fonts(cache_dir), strict=True):
        target = dest / face.woff2_name
        publish(cached, target)
        written.append(target)
    return written
