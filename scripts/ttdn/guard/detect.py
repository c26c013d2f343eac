"""What a file is, from its first bytes, never from its name.

A photo renamed `.jfif`, `.txt` or given no suffix is still a photo; an HTML page renamed
`.pdf` is still a page. Images are recognised by the image pipeline's own detector
(`ttdn.images.detect`); the rest of the module is the guard's.
"""

from __future__ import annotations

import re
from typing import Literal

from ttdn.images import detect as images_detect

Kind = Literal["image", "pdf", "video", "audio", "svg", "html", "text", "other"]

# ISO-BMFF (MP4 family) major brands of audio; other ISO-BMFF files that are not images are video.
AUDIO_BRANDS = {b"M4A ", b"M4B ", b"M4P ", b"F4A "}
MARKUP = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|script|iframe|meta|svg|\?xml|a\s|"
                    rb"img|div|form|object|embed|style|link|base)", re.IGNORECASE)


def image_format(head: bytes) -> str | None:
    """The raster image format the bytes start with ("jpeg", "png", "heic"…), or None.

    The image pipeline's detector, so the build, `ttdn images --check`, `ttdn check` and the
    pre-commit hook recognise a photo the same way. SVG is text the guard judges on its own.
    """
    found = images_detect.detect(head)
    return None if found == "svg" else found


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
