"""Photos at print resolution, made from the originals (never from the site's screen sizes).

Each derivative is a JPEG sized for the width it is printed at in one edition, stored under a
name that hashes the original's bytes, the width and the quality: an existing file is a cache
hit, and changing the text of an issue never resizes its photos again.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from ttdn.files import atomic_write
from ttdn.images.cache import content_hash
from ttdn.images.options import ImageOptions
from ttdn.images.pipeline import init_process, load_upright

# Bump when the way derivatives are made changes (resampling, flattening, encoder settings).
RECIPE = "print-1"


@dataclass(frozen=True)
class PrintImage:
    source: Path  # the original
    file: Path  # the derivative in the cache
    width: int
    height: int


def derivative_name(content_sha: str, width: int, quality: int) -> str:
    key = hashlib.sha256(f"{RECIPE}:{content_sha}:{width}:{quality}".encode()).hexdigest()[:16]
    return f"{key}-{width}.jpg"


def print_image(source: Path, width: int, quality: int, cache_dir: Path) -> PrintImage:
    """The derivative of `source` at most `width` pixels wide (never upscaled), from the cache
    or made now. Raises `ttdn.images.ImageError` for a file the image pipeline would refuse."""
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
