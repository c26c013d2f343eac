"""What image a file holds, from its bytes alone: the suffix is never trusted.

    >>> detect(path.read_bytes()[:HEAD_BYTES])
    'jpeg'

`detect(data)` returns one of the names below, or None when the bytes are no image we know. It
reads only the start of the file: pass at least `HEAD_BYTES` (64 KiB) so an MPO's index segment
is seen; a shorter prefix still names every other format. It never decodes anything and never
raises, whatever the bytes.

Names, and which ones the pipeline accepts (`ACCEPTED`):
    jpeg, mpo (JPEG with a multi-picture index: phones' portrait and 3D shots), png, gif, webp,
    tiff, heic (HEIF with HEVC or any other non-AV1 brand), avif       accepted
    svg, bmp, psd, ico, jp2, jxl                                         images we refuse

`ttdn images --out`, `--check`, the pre-commit hook and the build's docs/ policy all classify
files with this one function, so a photo cannot slip past under a `.txt`, `.jfif` or no suffix.
"""

from __future__ import annotations

import re
import struct

HEAD_BYTES = 64 * 1024

ACCEPTED = frozenset({"jpeg", "mpo", "png", "gif", "webp", "tiff", "heic", "avif"})
REFUSED = frozenset({"svg", "bmp", "psd", "ico", "jp2", "jxl"})

# Pillow's format names for the accepted ones (MPO and JPEG share Pillow's JPEG opener).
PILLOW_FORMATS = {"jpeg": "JPEG", "mpo": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WEBP",
                  "tiff": "TIFF", "heic": "HEIF", "avif": "AVIF"}

# ISO base media (HEIF) brands. AV1 brands make an AVIF; the others are HEIF stills or
# sequences whatever their codec, as libheif reads them.
_AVIF_BRANDS = {b"avif", b"avis"}
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs",
                b"mif1", b"msf1", b"mif2", b"MiHE", b"MiPr", b"miaf"}
_SVG = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE\s+svg[^>]*>\s*)?"
    rb"(?:<!--.*?-->\s*)*<svg[\s>]",
    re.DOTALL | re.IGNORECASE,
)


def detect(data: bytes) -> str | None:
    """The image format of a file whose first bytes are `data`, or None if it is not an image."""
    if data.startswith(b"\xff\xd8\xff"):
        return "mpo" if _has_mp_index(data) else "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "tiff"
    if data[4:8] == b"ftyp":
        return _isobmff(data)
    if data.startswith(b"BM") and len(data) >= 26 and data[14] in (12, 40, 52, 56, 64, 108, 124):
        return "bmp"
    if data.startswith(b"8BPS"):
        return "psd"
    if data[:4] in (b"\x00\x00\x01\x00", b"\x00\x00\x02\x00") and data[4:6] not in (b"", b"\0\0"):
        return "ico"
    if data.startswith((b"\x00\x00\x00\x0cjP  \r\n\x87\n", b"\xff\x4f\xff\x51")):
        return "jp2"
    if data.startswith((b"\xff\x0a", b"\x00\x00\x00\x0cJXL \r\n\x87\n")):
        return "jxl"
    if _SVG.match(data[:HEAD_BYTES]):
        return "svg"
    return None


def _isobmff(data: bytes) -> str | None:
    (size,) = struct.unpack(">I", data[:4])
    end = min(len(data), size if size >= 16 else 16)
    brands = {data[8:12]} | {data[i : i + 4] for i in range(16, end - 3, 4)}
    if brands & _AVIF_BRANDS:
        return "avif"
    if brands & _HEIF_BRANDS:
        return "heic"
    return None  # MP4, QuickTime, Canon CR3...: not an image we know


def _has_mp_index(data: bytes) -> bool:
    """Whether the JPEG's header segments (before the scan) hold an APP2 'MPF' index."""
    pos = 2
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker in (0xDA, 0xD9):  # start of scan, end of image: headers are over
            return False
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if marker == 0xE2 and data[pos + 4 : pos + 8] == b"MPF\x00":
            return True
        if length < 2:
            return False
        pos += 2 + length
    return False
