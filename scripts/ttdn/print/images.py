"""Photos at print resolution, made from the originals (never from the site's screen sizes).

Each derivative is a JPEG sized for the box it is placed in (`Box`, in mm, as the stylesheet
places it) at the edition's resolution, stored under a name that hashes the original's bytes,
the width and the quality: an existing file is a cache hit, and changing the text of an edition
never resizes its photos again. The bulletin and the photo book both make their photos here.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PIL import Image

from ttdn.files import atomic_write
from ttdn.images.cache import content_hash
from ttdn.images.options import ImageOptions
from ttdn.images.pipeline import check_file, init_process, load_upright, open_image, orientation
from ttdn.print.editions import MM_PER_INCH, Edition

# Bump when the way derivatives are made changes (resampling, flattening, encoder settings).
RECIPE = "print-1"


@dataclass(frozen=True)
class Box:
    """Where the stylesheet places a photo: at most `width_mm` × `height_mm` (None: no limit).

    "contain" (the whole photo shows, scaled down to fit) or "cover" (it fills the box and the
    overflow is cut: the photo is printed larger than the box in one direction)."""

    width_mm: float
    height_mm: float | None = None
    fit: Literal["contain", "cover"] = "contain"

    def printed_width_mm(self, size: tuple[int, int]) -> float:
        """Width the photo of `size` (upright pixels) is printed at in this box."""
        ratio = size[0] / size[1]
        if self.height_mm is None:
            return self.width_mm
        if self.fit == "cover":
            return max(self.width_mm, self.height_mm * ratio)
        return min(self.width_mm, self.height_mm * ratio)


@dataclass(frozen=True)
class PrintImage:
    source: Path  # the original
    file: Path  # the derivative in the cache
    width: int
    height: int
    printed_mm: float = 0.0  # width it is printed at
    needed: int = 0  # pixels the edition's resolution asks for at that width

    @property
    def ppi(self) -> float:
        """Resolution reached on paper."""
        return self.width / (self.printed_mm / MM_PER_INCH) if self.printed_mm else 0.0

    def warning(self) -> tuple[Path, str, str] | None:
        """(original, vi, en) when the original is too small for its placement, else None."""
        if self.width >= self.needed:
            return None
        ppi = round(self.ppi)
        return (
            self.source,
            f"{self.source.name}: ảnh gốc chỉ đạt {ppi} ppi ở kích thước in "
            f"{self.printed_mm:.0f} mm; cần ảnh rộng ít nhất {self.needed} px.",
            f"{self.source.name}: the original reaches only {ppi} ppi printed "
            f"{self.printed_mm:.0f} mm wide; it needs to be at least {self.needed} px wide.",
        )


def derivative_name(content_sha: str, width: int, quality: int) -> str:
    key = hashlib.sha256(f"{RECIPE}:{content_sha}:{width}:{quality}".encode()).hexdigest()[:16]
    return f"{key}-{width}.jpg"


def upright_size(source: Path) -> tuple[int, int]:
    """The original's size as shown (EXIF orientation applied), from its headers."""
    options = ImageOptions()
    init_process(options)
    check_file(source, options)
    with open_image(source, source.read_bytes(), options) as im:
        swap = orientation(source, im) in (5, 6, 7, 8)
        return (im.height, im.width) if swap else im.size


def placed_image(source: Path, box: Box, edition: Edition, cache_dir: Path) -> PrintImage:
    """The derivative of `source` for `box` at the edition's resolution (never upscaled)."""
    content_sha, _ = content_hash(source)
    printed_mm = box.printed_width_mm(cached_upright_size(source, cache_dir, content_sha))
    needed = edition.pixels(printed_mm)
    made = print_image(source, needed, edition.jpeg_quality, cache_dir, content_sha)
    return PrintImage(made.source, made.file, made.width, made.height, printed_mm, needed)


def cached_upright_size(source: Path, cache_dir: Path,
                        content_sha: str | None = None) -> tuple[int, int]:
    """`upright_size`, kept beside the derivatives by the original's content: reading the
    orientation decodes some formats (a PNG's eXIf chunk may follow its pixels), ~10 ms a photo
    on every build of every edition."""
    if content_sha is None:
        content_sha, _ = content_hash(source)
    cache_dir.mkdir(parents=True, exist_ok=True)
    known = cache_dir / f"{content_sha[:32]}.size"
    try:
        width, height = (int(n) for n in known.read_text("ascii").split())
        return width, height
    except (OSError, ValueError):
        size = upright_size(source)
        atomic_write(known, f"{size[0]} {size[1]}".encode("ascii"))
        return size


def print_image(source: Path, width: int, quality: int, cache_dir: Path,
                content_sha: str | None = None) -> PrintImage:
    """The derivative of `source` at most `width` pixels wide (never upscaled), from the cache
    or made now. Raises `ttdn.images.ImageError` for a file the image pipeline would refuse."""
    if content_sha is None:
        content_sha, _ = content_hash(source)
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_dir / derivative_name(content_sha, width, quality)
    if target.is_file():
        with Image.open(target) as done:
            return PrintImage(source, target, done.width, done.height)
    options = ImageOptions()
    init_process(options)  # HEIF opener and the pixel limit, as the site's pipeline
    im = load_upright(source, options, max_width=width)
    if im.mode == "RGBA":  # paper is white: flatten transparency onto it
        flat = Image.new("RGB", im.size, "white")
        flat.paste(im, mask=im.getchannel("A"))
        im = flat
    buf = io.BytesIO()
    # No metadata: the JPEG carries no EXIF, GPS or profile (the pixels are sRGB already).
    im.save(buf, "JPEG", quality=quality, optimize=True, progressive=False, subsampling="4:2:0")
    atomic_write(target, buf.getvalue())
    return PrintImage(source, target, im.width, im.height)
