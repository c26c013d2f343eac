"""Every knob of the image pipeline, with its default and the reason for it, in one place.

The MkDocs plugin's options and `ttdn images` both build an `ImageOptions`; `digest()` is the part
of the cache key that says "these settings", so changing any setting rebuilds every derivative.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, replace

# Bump when the recipe changes in a way the options do not show (resampling, colour handling,
# encoder calls): every cached derivative is then rebuilt.
PIPELINE_VERSION = 2  # 2: TIFF orientation applied once, opaque animations as RGB

# Formats Pillow may open: detect.ACCEPTED, each opened with its own opener only (most Pillow
# CVEs live in formats a photo site never needs: PSD, FLI, PCX...). Kept for callers.
INPUT_FORMATS = ("JPEG", "PNG", "WEBP", "AVIF", "GIF", "TIFF", "HEIF")

# File name endings taken as images when a folder is walked; other files are refused by name,
# except notes an editor may keep beside photos (credits, licences) and data files (the photo
# book's manifest.yml, read by ttdn.photobook).
IMAGE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".jpe", ".png", ".webp", ".avif", ".gif", ".mpo", ".tif", ".tiff",
     ".heic", ".heif", ".hif"}
)
NOTE_SUFFIXES = frozenset({".md", ".txt", ".yml", ".yaml"})

# Output formats, best first: browsers take the first <source> they support.
MODERN_FORMATS = ("avif", "webp")
SUFFIX = {"avif": "avif", "webp": "webp", "jpeg": "jpg", "png": "png", "gif": "gif"}

# Options that do not change the output bytes, so stay out of the cache key.
_NOT_IN_KEY = frozenset({"threads_per_process", "worker_memory_mb", "job_timeout_s"})


@dataclass(frozen=True)
class ImageOptions:
    # Widths of the derivatives, in CSS pixels of a phone up to a wide screen's content column.
    # Never upscaled: a narrower original gets its own width instead of the wider ones.
    widths: tuple[int, ...] = (480, 800, 1200, 1600)
    # A width within this fraction of a larger one is skipped (1600 and 1580 are one image).
    min_width_step: float = 0.15
    # Modern formats offered as <source>s, best first, before the JPEG (or PNG) fallback.
    modern_formats: tuple[str, ...] = MODERN_FORMATS
    # AVIF (libavif + aom): speed 8 is twice as fast as 6 for ~4 % more bytes (NOTES.md) and
    # 5-7x faster than sharp's effort 4. aom's loop-filter sharpness 3 keeps edges for fewer bytes:
    # q52 + sharpness 3 lands on sharp's q50/effort 4 (+3 % bytes, +0.2 SSIMULACRA2) where plain
    # q50 needed +17 % bytes (BENCHMARKS.md, 30 Nov 2026).
    avif_quality: int = 52
    avif_speed: int = 8
    avif_sharpness: int = 3
    avif_subsampling: str = "4:2:0"
    # WebP (libwebp) and JPEG (libjpeg-turbo): sharp's defaults are q80 for both. Our WebP at q79
    # matches sharp's q80 in bytes with an equal or better SSIMULACRA2 (BENCHMARKS.md).
    webp_quality: int = 79
    # Method 2 halves the encoding time but costs 1.1 SSIMULACRA2 on real camera photos (0.1 on
    # the 24 MP set); 3 saves ~10 % of the time for -0.2 (BENCHMARKS.md, 30 Nov 2026).
    webp_method: int = 4
    jpeg_quality: int = 80
    # Progressive + optimised Huffman tables: 5-10 % smaller JPEGs at the same quality.
    jpeg_progressive: bool = True
    # Placeholder: a tiny WebP inlined as a data: URI, kept under this many bytes of URI;
    # above it only the dominant colour is used.
    placeholder_width: int = 16
    placeholder_max_bytes: int = 1024
    # Limits on untrusted input. Camera originals are 3-50 MB; Pillow warns above 89.5 MP and we
    # treat its warning as an error (a decompression bomb costs memory before it costs disk).
    max_file_bytes: int = 60 * 1024 * 1024
    # Above this an original gets a warning and the command that shrinks it (ttdn.images.shrink):
    # git keeps every version of every file, and the site never shows more than 2400 px.
    warn_file_bytes: int = 20 * 1024 * 1024
    max_pixels: int = 89_478_485
    # An animation's budget counts every frame (Pillow's limit counts one): a 19 KB GIF can ask
    # for 100 frames of 2000x2000. Checked from the headers before any frame is decoded.
    max_animation_pixels: int = 89_478_485
    max_frames: int = 2000
    # Address space of each worker process (RLIMIT_AS): an input that needs more fails alone, as
    # "too large to decode", instead of the machine swapping or the OOM killer choosing.
    worker_memory_mb: int = 2048
    # A worker still busy with one file after this long is stopped and the file named: a decoder
    # looping on a fuzzed file must not hang the build. Animations at the budget take ~1 min.
    job_timeout_s: float = 600.0
    # Encoder threads per process: the pool already uses every core.
    threads_per_process: int = 1

    def digest(self) -> str:
        """Hash of the options that change the output bytes, plus the recipe version."""
        data = {k: v for k, v in asdict(self).items() if k not in _NOT_IN_KEY}
        data["version"] = PIPELINE_VERSION
        blob = json.dumps(data, sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()[:16]

    def with_(self, **changes: object) -> ImageOptions:
        return replace(self, **changes)


def valid_widths(source_width: int, widths: tuple[int, ...], min_step: float) -> list[int]:
    """The widths to make for an image `source_width` pixels wide, smallest first.

    Never upscales: if a configured width is wider than the source, the source's own width is made
    instead. Widths closer than `min_step` (a fraction) to a larger kept one are dropped, the larger
    one kept.
    """
    wanted = {w for w in widths if 0 < w <= source_width}
    if any(w > source_width for w in widths) or not wanted:
        wanted.add(source_width)
    kept: list[int] = []
    for w in sorted(wanted, reverse=True):
        if not kept or w <= kept[-1] * (1 - min_step):
            kept.append(w)
    return sorted(kept)


def scaled_height(width: int, source_size: tuple[int, int]) -> int:
    sw, sh = source_size
    return max(1, round(sh * width / sw))
