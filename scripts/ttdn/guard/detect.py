"""What a file is, from its first bytes, never from its name.

A photo renamed `.jfif`, `.txt` or given no suffix is still a photo; an HTML page renamed
`.pdf` is still a page. `image_format` is the one function to swap for `ttdn.images.detect`
when the image pipeline's own detector lands; the rest of the module is the guard's.
"""

from __future__ import annotations

import re
from typing import Literal

Kind = Literal["image", "pdf", "video", "audio", "svg", "html", "text", "other"]

# ISO-BMFF (MP4 family) major brands: images (AVIF, HEIF) and audio share the container.
IMAGE_BRANDS = {b"avif", b"avis", b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis",
                b"mif1", b"msf1", b"mif2"}
AUDIO_BRANDS = {b"M4A ", b"M4B ", b"M4P ", b"F4A "}
MARKUP = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|script|iframe|meta|svg|\?xml|a\s|"
                    rb"img|div|form|object|embed|style|link|base)", re.IGNORECASE)


def image_format(head: bytes) -> str | None:
    """The image format the bytes start with ("jpeg", "png", …), or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"  # also .jfif, .jpe and MPO
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "tiff"
    if head[:2] == b"BM":
        return "bmp"
    if head[:4] == b"\x00\x00\x01\x00" or head[:4] == b"\x00\x00\x02\x00":
        return "ico"
    if head[4:8] == b"ftyp" and (head[8:12] in IMAGE_BRANDS or _compatible(head, IMAGE_BRANDS)
                                 and head[8:12] not in (b"isom", b"mp41", b"mp42")):
        return "avif" if b"avi" in head[8:12] else "heif"
    if head[:4] == b"\x00\x00\x00\x0cjXL" or head[:2] == b"\xff\x0a":
        return "jxl"
    if head[:4] == b"8BPS":
        return "psd"
    return None


def _compatible(head: bytes, brands: set[bytes]) -> bool:
    size = int.from_bytes(head[:4], "big")
    compatible = head[16:min(size, len(head))]
    return any(compatible[i:i + 4] in brands for i in range(0, len(compatible) - 3, 4))


def kind(head: bytes) -> Kind:
    """What the first bytes (2 KiB are plenty) say the file is."""
    if image_format(head):
        return "image"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head[4:8] == b"ftyp":
        return "audio" if head[8:12] in AUDIO_BRANDS else "video"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video"  # WebM (Matroska)
    if head.startswith(b"OggS") or head.startswith(b"fLaC") or head.startswith(b"ID3"):
        return "audio"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio"
    if len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and head[1] & 0x06:
        return "audio"  # an MPEG audio frame (MP3 without ID3)
    text = _as_text(head)
    if text is None:
        return "other"
    if re.search(rb"<svg[\s>]", head, re.IGNORECASE):
        return "svg"
    if MARKUP.search(head):
        return "html"
    return "text"


def _as_text(head: bytes) -> bytes | None:
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if head.startswith(bom):
            return head
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start < len(head) - 4:  # a character cut at the end of the sample is fine
            return None
    return None if b"\x00" in head else head
