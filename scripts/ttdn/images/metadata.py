"""Location metadata in originals: find it (any format), and remove it from JPEGs losslessly.

Where a photo's location hides: the EXIF GPS IFD; XMP (exif:GPS*, IPTC Core/Extension location,
photoshop:City...); IPTC-IIM datasets (city, sub-location, province, country). A JPEG is edited
byte for byte without changing any segment's length: GPS values and entries are zeroed, XMP or
IPTC values holding a place are blanked. The entropy-coded image data is never touched, and
offsets that other structures hold (MPO's MP index, maker notes) stay valid.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterator

from PIL import ExifTags, Image

GPS_IFD = 0x8825
# IPTC-IIM record 2 datasets that name a place.
IPTC_LOCATION = {26: "Content Location Code", 27: "Content Location Name", 90: "City",
                 92: "Sub-location", 95: "Province/State", 100: "Country Code",
                 101: "Country Name"}
XMP_LOCATION = re.compile(
    rb"exif:GPS|exifEX:GPS|GPSLatitude|GPSLongitude|GPSAltitude|LocationCreated|LocationShown"
    rb"|photoshop:City|photoshop:State|photoshop:Country|Iptc4xmpCore:Location"
    rb"|Iptc4xmpCore:CountryCode|Iptc4xmpExt:City|drone-dji:GpsL"
)
XMP_NS = b"http://ns.adobe.com/xap/1.0/\x00"
XMP_EXT_NS = b"http://ns.adobe.com/xmp/extension/\x00"
EXIF_HEADER = b"Exif\x00\x00"
PHOTOSHOP_HEADER = b"Photoshop 3.0\x00"
_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8,
               13: 4, 16: 8, 17: 8, 18: 8}
_EMPTY_XMP = (b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
              b'<x:xmpmeta xmlns:x="adobe:ns:meta/"/>')
_XMP_END = b'<?xpacket end="w"?>'


class StripError(ValueError):
    """The file's structure is not one we can edit safely."""


# --- Finding -------------------------------------------------------------------------------------


def location_in_image(im: Image.Image, raw: bytes | None = None) -> list[str]:
    """Names of the location fields an opened image carries ([] when none).

    `raw` (the file's bytes) lets JPEG/MPO be read segment by segment, every frame included;
    other formats are read through Pillow (EXIF, XMP, TIFF's IPTC tag).
    """
    if raw is not None and im.format in ("JPEG", "MPO"):
        return jpeg_location(raw)
    found: list[str] = []
    exif = im.getexif()
    if _gps_tags(exif.get_ifd(ExifTags.IFD.GPSInfo)):
        found.append("EXIF GPS")
    xmp = im.info.get("xmp")
    if xmp is None and im.format == "TIFF":
        xmp = im.tag_v2.get(700)  # type: ignore[attr-defined]
    if isinstance(xmp, str):
        xmp = xmp.encode()
    if isinstance(xmp, bytes) and XMP_LOCATION.search(xmp):
        found.append("XMP location")
    if im.format == "TIFF":
        iptc = im.tag_v2.get(33723)  # type: ignore[attr-defined]
        if isinstance(iptc, bytes) and _iptc_location(bytearray(iptc), 0, len(iptc)):
            found.append("IPTC location")
    return found


def _gps_tags(gps: dict) -> list[int]:
    # A GPS IFD holding only GPSVersionID (tag 0) names no place; cameras without a fix write it.
    return [tag for tag in gps if tag != 0]


def jpeg_location(data: bytes | bytearray) -> list[str]:
    found: list[str] = []
    buf = bytearray(data)
    for marker, start, end in jpeg_segments(buf):
        if marker == 0xE1 and buf.startswith(EXIF_HEADER, start):
            if _tiff_gps(buf, start + len(EXIF_HEADER), end, erase=False):
                found.append("EXIF GPS")
        elif marker == 0xE1 and buf.startswith((XMP_NS, XMP_EXT_NS), start):
            if XMP_LOCATION.search(bytes(buf[start:end])):
                found.append("XMP location")
        elif marker == 0xED and buf.startswith(PHOTOSHOP_HEADER, start):
            if _photoshop_iptc(buf, start + len(PHOTOSHOP_HEADER), end, erase=False):
                found.append("IPTC location")
    return sorted(set(found))


# --- Removing ------------------------------------------------------------------------------------


def strip_jpeg_location(data: bytes) -> bytes:
    """The same JPEG with every location field emptied; pixels and segment lengths unchanged."""
    buf = bytearray(data)
    segments = list(jpeg_segments(buf))
    if not segments:
        raise StripError("not a JPEG stream")
    for marker, start, end in segments:
        if marker == 0xE1 and buf.startswith(EXIF_HEADER, start):
            _tiff_gps(buf, start + len(EXIF_HEADER), end, erase=True)
        elif marker == 0xE1 and buf.startswith(XMP_NS, start):
            if XMP_LOCATION.search(bytes(buf[start:end])):
                _blank_xmp(buf, start + len(XMP_NS), end)
        elif marker == 0xE1 and buf.startswith(XMP_EXT_NS, start):
            if XMP_LOCATION.search(bytes(buf[start:end])):
                buf[start + len(XMP_EXT_NS) : end] = b" " * (end - start - len(XMP_EXT_NS))
        elif marker == 0xED and buf.startswith(PHOTOSHOP_HEADER, start):
            _photoshop_iptc(buf, start + len(PHOTOSHOP_HEADER), end, erase=True)
    if jpeg_location(buf):
        raise StripError("location fields remain after stripping")
    return bytes(buf)


def strip_png_location(data: bytes) -> bytes:
    """The same PNG with GPS zeroed in eXIf and location-bearing XMP chunks dropped."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise StripError("not a PNG stream")
    out = bytearray(data[:8])
    pos = 8
    while pos + 12 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = bytearray(data[pos + 8 : pos + 8 + length])
        if len(body) != length:
            raise StripError("truncated PNG chunk")
        pos += 12 + length
        if kind == b"iTXt" and body.startswith(b"XML:com.adobe.xmp\x00"):
            if XMP_LOCATION.search(bytes(body)):
                continue  # drop it: an XMP packet cannot be blanked inside a compressed chunk
        if kind == b"eXIf":
            _tiff_gps(body, 0, len(body), erase=True)
        out += struct.pack(">I", length) + kind + body
        out += struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        if kind == b"IEND":
            break
    return bytes(out)


def _blank_xmp(buf: bytearray, start: int, end: int) -> None:
    # The packet's RDF cannot be edited safely by bytes; replace it by an empty packet padded with
    # the whitespace XMP allows, so the segment keeps its length.
    size = end - start
    packet = _EMPTY_XMP + b" " * max(0, size - len(_EMPTY_XMP) - len(_XMP_END)) + _XMP_END
    buf[start:end] = packet if len(packet) == size else b" " * size


# --- JPEG, TIFF and IPTC structures ---------------------------------------------------------------


def jpeg_segments(buf: bytearray) -> Iterator[tuple[int, int, int]]:
    """(marker, payload start, payload end) of each marker segment, in every frame of an MPO.

    Entropy-coded data after SOS is skipped; a malformed stream ends the walk (StripError).
    """
    if not buf.startswith(b"\xff\xd8"):
        return
    pos = 2
    n = len(buf)
    while pos < n:
        if buf[pos] != 0xFF:
            raise StripError(f"marker expected at byte {pos}")
        while pos < n and buf[pos] == 0xFF:
            pos += 1  # fill bytes
        if pos >= n:
            return
        marker = buf[pos]
        pos += 1
        if marker == 0xD9:  # EOI: an MPO's next frame may follow
            nxt = buf.find(b"\xff\xd8\xff", pos)
            if nxt < 0:
                return
            pos = nxt + 2
            continue
        if marker == 0xD8 or 0xD0 <= marker <= 0xD7 or marker == 0x01:
            continue
        if pos + 2 > n:
            raise StripError("truncated segment")
        (length,) = struct.unpack(">H", buf[pos : pos + 2])
        if length < 2 or pos + length > n:
            raise StripError(f"bad segment length at byte {pos}")
        yield marker, pos + 2, pos + length
        pos += length
        if marker == 0xDA:  # SOS: skip entropy-coded data up to the next real marker
            while True:
                pos = buf.find(b"\xff", pos)
                if pos < 0 or pos + 1 >= n:
                    return
                follower = buf[pos + 1]
                if follower == 0x00 or 0xD0 <= follower <= 0xD7 or follower == 0xFF:
                    pos += 1 if follower == 0xFF else 2
                    continue
                break


def _tiff_gps(buf: bytearray, base: int, end: int, *, erase: bool) -> bool:
    """Whether the TIFF structure at buf[base:end] has GPS tags; with erase, zero them in place."""
    if end - base < 8:
        return False
    order = {b"II": "<", b"MM": ">"}.get(bytes(buf[base : base + 2]))
    if order is None:
        return False

    def u16(at: int) -> int:
        return struct.unpack(order + "H", buf[at : at + 2])[0]

    def u32(at: int) -> int:
        return struct.unpack(order + "I", buf[at : at + 4])[0]

    ifd0 = base + u32(base + 4)
    if ifd0 + 2 > end:
        return False
    gps_at = None
    for i in range(u16(ifd0)):
        entry = ifd0 + 2 + 12 * i
        if entry + 12 > end:
            return False
        if u16(entry) == GPS_IFD:
            gps_at = base + u32(entry + 8)
    if gps_at is None or gps_at + 2 > end:
        return False
    count = u16(gps_at)
    if gps_at + 2 + 12 * count > end:
        raise StripError("GPS IFD runs past its segment")
    tags = [u16(gps_at + 2 + 12 * i) for i in range(count)]
    if not _gps_tags(dict.fromkeys(tags)):
        return False
    if erase:
        for i in range(count):
            entry = gps_at + 2 + 12 * i
            kind, n = u16(entry + 2), u32(entry + 4)
            size = _TYPE_SIZES.get(kind, 1) * n
            if size > 4:  # the value lives elsewhere: zero it too, not just the pointer
                at = base + u32(entry + 8)
                if at + size <= end:
                    buf[at : at + size] = bytes(size)
        # An empty IFD: count 0, and the zeroed entries read as a null next-IFD pointer.
        buf[gps_at : gps_at + 2 + 12 * count] = bytes(2 + 12 * count)
    return True


def _photoshop_iptc(buf: bytearray, start: int, end: int, *, erase: bool) -> bool:
    """Walk Photoshop image resources; look in (and blank) resource 0x0404, IPTC-IIM."""
    found = False
    pos = start
    while pos + 12 <= end and buf.startswith(b"8BIM", pos):
        rid = struct.unpack(">H", buf[pos + 4 : pos + 6])[0]
        name_len = buf[pos + 6]
        pos += 6 + ((name_len + 2) & ~1)  # Pascal string padded to even length
        if pos + 4 > end:
            break
        (size,) = struct.unpack(">I", buf[pos : pos + 4])
        pos += 4
        if rid == 0x0404:
            found |= _iptc_location(buf, pos, min(pos + size, end), erase=erase)
        pos += size + (size & 1)
    return found


def _iptc_location(buf: bytearray, start: int, end: int, *, erase: bool = False) -> bool:
    found = False
    pos = start
    while pos + 5 <= end and buf[pos] == 0x1C:
        record, dataset = buf[pos + 1], buf[pos + 2]
        (size,) = struct.unpack(">H", buf[pos + 3 : pos + 5])
        if size & 0x8000:  # extended length: not used for text fields; stop reading safely
            break
        value = pos + 5
        if record == 2 and dataset in IPTC_LOCATION and any(buf[value : value + size].strip()):
            found = True
            if erase:
                buf[value : value + size] = b" " * size
        pos = value + size
    return found
