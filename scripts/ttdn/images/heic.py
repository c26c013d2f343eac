"""Removing the location from a HEIC photo (iPhones' default), which cannot be edited in place.

JPEG, PNG and WebP lose their location by cutting metadata blocks out of the file, pixels kept
byte for byte (`ttdn.images.metadata`). HEIC's metadata sits in ISOBMFF boxes that pillow-heif
cannot rewrite, so the photo is encoded again by pillow-heif without EXIF and XMP, keeping its
colour profile, upright (pillow-heif has applied the container's rotation), at quality 95: a
loss too small to see, instead of a message telling an editor to re-export on a phone.
"""

from __future__ import annotations

import io

from PIL import Image

from ttdn.images.metadata import StripError, location

QUALITY = 95


def reencode_without_location(data: bytes) -> bytes:
    """The HEIC photo `data` encoded again with no EXIF and no XMP (see the module)."""
    import pillow_heif

    pillow_heif.register_heif_opener()
    with Image.open(io.BytesIO(data)) as im:
        im.load()
        out = io.BytesIO()
        im.save(out, "HEIF", quality=QUALITY, exif=None, xmp=None,
                icc_profile=im.info.get("icc_profile"))
    new = out.getvalue()
    if location(new, "heic"):
        raise StripError("location fields remain after encoding again")
    return new
