"""Location metadata in originals: found from the headers of every format, removed alone.

Where a photo's location hides: the EXIF GPS IFD; XMP (exif:GPS*, IPTC Core/Extension location,
photoshop:City...) in every container (JPEG APP1 and extended XMP, PNG iTXt/tEXt/zTXt and
ImageMagick's "Raw profile" chunks, WebP, GIF, TIFF, HEIF/AVIF); IPTC-IIM datasets (city,
sub-location, province, country). Nothing here decodes pixels.

Stripping edits JPEG, PNG and WebP files: the GPS IFD is emptied in place, XMP is rewritten without
its location properties (xmp.py), IPTC place names blanked. Image data is never touched: JPEG
segments keep their lengths (MPO's index offsets stay valid), PNG and WebP image chunks are copied
as they are. Every other EXIF tag and XMP property is kept, and checked to be kept.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from PIL import Image

from ttdn.images import xmp
from ttdn.images.detect import HEAD_BYTES, detect

GPS_IFD = 0x8825
EXIF_IFD = 0x8769
# GPS tags that hold a position: latitude, longitude, destination latitude and longitude.
GPS_COORDINATES = (2, 4, 20, 22)
GPS_AREA_INFORMATION = 28
# IPTC-IIM record 2 datasets that name a place.
IPTC_LOCATION = {26: "Content Location Code", 27: "Content Location Name", 90: "City",
                 92: "Sub-location", 95: "Province/State", 100: "Country Code",
                 101: "Country Name"}
XMP_NS = b"http://ns.adobe.com/xap/1.0/\x00"
XMP_EXT_NS = b"http://ns.adobe.com/xmp/extension/\x00"
EXIF_HEADER = b"Exif\x00\x00"
PHOTOSHOP_HEADER = b"Photoshop 3.0\x00"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_XMP_KEY = b"XML:com.adobe.xmp"
_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8,
               13: 4, 16: 8, 17: 8, 18: 8}


class StripError(ValueError):
    """The file's structure is not one we can read or edit safely."""


@dataclass
class Blocks:
    """The raw metadata blocks of one file: EXIF (TIFF structures), XMP packets, IPTC-IIM."""

    exif: list[bytes] = field(default_factory=list)
    xmp: list[bytes] = field(default_factory=list)
    iptc: list[bytes] = field(default_factory=list)


# --- Finding -------------------------------------------------------------------------------------


def location(data: bytes, fmt: str | None = None) -> list[str]:
    """Where this file names its location ([] when nowhere), from its headers alone.

    Raises StripError when a metadata block is too broken to tell.
    """
    fmt = fmt or detect(data[:HEAD_BYTES])
    try:
        return _location(data, fmt)
    except (struct.error, IndexError, ValueError, zlib.error) as err:
        if isinstance(err, StripError):
            raise
        raise StripError(f"unreadable metadata ({err})") from None


def _location(data: bytes, fmt: str | None) -> list[str]:
    blocks = read_blocks(data, fmt)
    found: list[str] = []
    if any(exif_location(blob) for blob in blocks.exif):
        found.append("EXIF GPS")
    names = sorted({name for packet in blocks.xmp for name in xmp.location(packet)})
    if names:
        found.append(f"XMP location ({', '.join(names)})")
    if any(_iptc_location(bytearray(b), 0, len(b)) for b in blocks.iptc):
        found.append("IPTC location")
    return found


def location_in_image(im: Image.Image, raw: bytes | None = None) -> list[str]:
    """Names of the location fields an opened image carries ([] when none). Kept for callers that
    hold an opened image; `raw`, the file's bytes, is read when given (every format)."""
    if raw is not None:
        try:
            return location(raw)
        except StripError:
            return ["unreadable metadata"]
    blocks = Blocks()
    if exif := im.info.get("exif"):
        blocks.exif.append(exif)
    if packet := im.info.get("xmp"):
        blocks.xmp.append(packet if isinstance(packet, bytes) else str(packet).encode())
    found = ["EXIF GPS"] if any(exif_location(b) for b in blocks.exif) else []
    names = sorted({n for packet in blocks.xmp for n in xmp.location(packet)})
    return found + ([f"XMP location ({', '.join(names)})"] if names else [])


def exif_location(blob: bytes) -> bool:
    """Whether an EXIF block holds a real position: a non-zero coordinate or an area name."""
    gps = _gps_ifd(blob)
    for tag in GPS_COORDINATES:
        if _nonzero(gps.get(tag)):
            return True
    area = gps.get(GPS_AREA_INFORMATION)
    if isinstance(area, bytes):
        area = area[8:] if area[:8] in (b"ASCII\0\0\0", b"UNICODE\0", b"JIS\0\0\0\0\0") else area
        area = area.strip(b"\0 ")
    return bool(area.strip() if isinstance(area, str | bytes) else area)


def jpeg_location(data: bytes | bytearray) -> list[str]:
    return location(bytes(data), "jpeg")


def _gps_ifd(blob: bytes) -> dict:
    exif = Image.Exif()
    try:
        exif.load(blob if blob.startswith(EXIF_HEADER) else EXIF_HEADER + blob)
        return dict(exif.get_ifd(GPS_IFD))
    except (SyntaxError, ValueError, struct.error, OSError, KeyError, TypeError,
            IndexError) as err:
        raise StripError(f"unreadable EXIF ({err})") from None


def _nonzero(value: object) -> bool:
    if value is None:
        return False
    values = value if isinstance(value, tuple | list) else (value,)
    for v in values:
        try:
            if float(v) not in (0.0,) and float(v) == float(v):  # NaN: 0/0 rationals
                return True
        except (TypeError, ValueError, ZeroDivisionError):
            continue
    return False


def read_blocks(data: bytes, fmt: str | None) -> Blocks:
    """Every EXIF, XMP and IPTC block of the file, read from its structure without decoding."""
    if fmt in ("jpeg", "mpo"):
        return _jpeg_blocks(data)
    if fmt == "png":
        return _png_blocks(data)
    if fmt == "webp":
        return _webp_blocks(data)
    if fmt == "gif":
        return _gif_blocks(data)
    if fmt in ("tiff", "heic", "avif"):
        return _pillow_blocks(data, fmt)
    return Blocks()


def _jpeg_blocks(data: bytes) -> Blocks:
    blocks = Blocks()
    buf = bytearray(data)
    extended: dict[bytes, dict[int, bytes]] = {}
    for marker, start, end in jpeg_segments(buf, lenient=True):
        if marker == 0xE1 and buf.startswith(EXIF_HEADER, start):
            blocks.exif.append(bytes(buf[start:end]))
        elif marker == 0xE1 and buf.startswith(XMP_NS, start):
            blocks.xmp.append(bytes(buf[start + len(XMP_NS) : end]))
        elif marker == 0xE1 and buf.startswith(XMP_EXT_NS, start):
            at = start + len(XMP_EXT_NS)
            guid, (offset,) = bytes(buf[at : at + 32]), struct.unpack(">I", buf[at + 36 : at + 40])
            extended.setdefault(guid, {})[offset] = bytes(buf[at + 40 : end])
        elif marker == 0xED and buf.startswith(PHOTOSHOP_HEADER, start):
            blocks.iptc += _photoshop_iim(bytes(buf[start + len(PHOTOSHOP_HEADER) : end]))
    for chunks in extended.values():
        blocks.xmp.append(b"".join(chunks[k] for k in sorted(chunks)))
    return blocks


def png_chunks(data: bytes) -> Iterator[tuple[bytes, int, int]]:
    """(type, body start, body end) of each chunk up to IEND; a cut chunk ends the walk."""
    pos = len(PNG_SIGNATURE)
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        if pos + 12 + length > len(data):
            raise StripError(f"PNG chunk {kind!r} cut short")
        yield kind, pos + 8, pos + 8 + length
        pos += 12 + length
        if kind == b"IEND":
            return


def _png_text(kind: bytes, body: bytes) -> tuple[bytes, bytes]:
    """(keyword, text) of a tEXt, zTXt or iTXt chunk (text decompressed)."""
    keyword, _, rest = body.partition(b"\0")
    try:
        if kind == b"tEXt":
            return keyword, rest
        if kind == b"zTXt":
            return keyword, zlib.decompress(rest[1:], bufsize=1 << 16)
        compressed = rest[:1] == b"\1"
        _lang, _, rest = rest[2:].partition(b"\0")
        _translated, _, text = rest.partition(b"\0")
        return keyword, zlib.decompress(text) if compressed else text
    except zlib.error as err:
        raise StripError(f"bad compressed {kind.decode()} chunk ({err})") from None


def _raw_profile(text: bytes) -> tuple[bytes, bytes]:
    """ImageMagick's "Raw profile type X" text: (name, bytes) from its hex dump."""
    lines = text.strip().split(b"\n", 2)
    if len(lines) < 3:
        raise StripError("bad raw profile")
    try:
        return lines[0].strip(), bytes.fromhex(lines[2].decode("ascii"))
    except (ValueError, UnicodeDecodeError):
        raise StripError("bad raw profile hex") from None


def _png_blocks(data: bytes) -> Blocks:
    blocks = Blocks()
    for kind, start, end in png_chunks(data):
        body = data[start:end]
        if kind == b"eXIf":
            blocks.exif.append(body)
        elif kind in (b"tEXt", b"zTXt", b"iTXt"):
            keyword, text = _png_text(kind, body)
            if keyword == PNG_XMP_KEY:
                blocks.xmp.append(text)
            elif keyword.startswith(b"Raw profile type "):
                _add_profile(blocks, *_raw_profile(text))
    return blocks


def _add_profile(blocks: Blocks, name: bytes, blob: bytes) -> None:
    name = name.lower()
    if name in (b"exif", b"app1") and blob.startswith(EXIF_HEADER) or name == b"exif":
        blocks.exif.append(blob)
    elif name == b"app1" and blob.startswith(XMP_NS):
        blocks.xmp.append(blob[len(XMP_NS) :])
    elif name == b"xmp":
        blocks.xmp.append(blob)
    elif name in (b"iptc", b"8bim"):
        blocks.iptc += _photoshop_iim(blob) if blob.startswith(b"8BIM") else [blob]


def webp_chunks(data: bytes) -> Iterator[tuple[bytes, int, int]]:
    pos = 12
    while pos + 8 <= len(data):
        kind = data[pos : pos + 4]
        (length,) = struct.unpack("<I", data[pos + 4 : pos + 8])
        if pos + 8 + length > len(data):
            raise StripError(f"WebP chunk {kind!r} cut short")
        yield kind, pos + 8, pos + 8 + length
        pos += 8 + length + (length & 1)


def _webp_blocks(data: bytes) -> Blocks:
    blocks = Blocks()
    for kind, start, end in webp_chunks(data):
        if kind == b"EXIF":
            blocks.exif.append(data[start:end])
        elif kind == b"XMP ":
            blocks.xmp.append(data[start:end])
    return blocks


def _gif_blocks(data: bytes) -> Blocks:
    """XMP in a GIF application extension ("XMP DataXMP"): raw bytes up to the magic trailer."""
    blocks = Blocks()
    at = data.find(b"\x21\xff\x0bXMP DataXMP")
    while at >= 0:
        start = at + 14
        stop = data.find(b"\x01\xff\xfe", start)  # the 258-byte magic trailer begins so
        packet = data[start : stop if stop >= 0 else len(data)]
        blocks.xmp.append(packet)
        at = data.find(b"\x21\xff\x0bXMP DataXMP", start)
    return blocks


def _pillow_blocks(data: bytes, fmt: str) -> Blocks:
    """TIFF tags and HEIF/AVIF metadata items, through Pillow's headers-only open."""
    blocks = Blocks()
    try:
        with Image.open(io.BytesIO(data), formats=({"tiff": "TIFF", "heic": "HEIF",
                                                   "avif": "AVIF"}[fmt],)) as im:
            if fmt == "tiff":
                tags = im.tag_v2  # type: ignore[attr-defined]
                if GPS_IFD in tags:
                    exif = im.getexif()
                    blocks.exif.append(exif.tobytes())
                packet = tags.get(700)
                iptc = tags.get(33723)
                if isinstance(iptc, bytes):
                    blocks.iptc.append(iptc)
            else:
                if exif_blob := im.info.get("exif"):
                    blocks.exif.append(exif_blob)
                packet = im.info.get("xmp")
            if packet:
                blocks.xmp.append(packet if isinstance(packet, bytes) else str(packet).encode())
    except (OSError, SyntaxError, ValueError, EOFError, struct.error, RuntimeError,
            Image.DecompressionBombError) as err:
        raise StripError(f"unreadable {fmt.upper()} headers ({err})") from None
    return blocks


def _photoshop_iim(blob: bytes) -> list[bytes]:
    """The IPTC-IIM payloads (resource 0x0404) of Photoshop image resources."""
    found = []
    buf = bytearray(blob)
    pos = 0
    while pos + 12 <= len(buf) and buf.startswith(b"8BIM", pos):
        rid = struct.unpack(">H", buf[pos + 4 : pos + 6])[0]
        name_len = buf[pos + 6]
        pos += 6 + ((name_len + 2) & ~1)
        if pos + 4 > len(buf):
            break
        (size,) = struct.unpack(">I", buf[pos : pos + 4])
        pos += 4
        if rid == 0x0404:
            found.append(bytes(buf[pos : pos + size]))
        pos += size + (size & 1)
    return found


# --- Removing ------------------------------------------------------------------------------------


def strip_location(data: bytes, fmt: str | None = None) -> bytes:
    """The same file without its location; pixels and every other tag or property unchanged."""
    fmt = fmt or detect(data[:HEAD_BYTES])
    try:
        new = _strip(data, fmt)
    except (struct.error, IndexError, ValueError, zlib.error) as err:
        if isinstance(err, StripError):
            raise
        raise StripError(f"unexpected structure ({err})") from None
    if location(new, fmt):
        raise StripError("location fields remain after stripping")
    _same_exif_but_gps(read_blocks(data, fmt), read_blocks(new, fmt))
    return new


def _strip(data: bytes, fmt: str | None) -> bytes:
    if fmt in ("jpeg", "mpo"):
        new = strip_jpeg_location(data)
    elif fmt == "png":
        new = strip_png_location(data)
    elif fmt == "webp":
        new = strip_webp_location(data)
    else:
        raise StripError(f"cannot edit {str(fmt).upper()} files")
    return new


def _same_exif_but_gps(before: Blocks, after: Blocks) -> None:
    """Safety net: every EXIF tag outside the GPS IFD is still there, with the same value."""
    def tags(blob: bytes) -> dict:
        exif = Image.Exif()
        exif.load(blob if blob.startswith(EXIF_HEADER) else EXIF_HEADER + blob)
        found = {("0", k): v for k, v in exif.items() if k != GPS_IFD}
        for ifd in (EXIF_IFD, 0xA005):
            found |= {(hex(ifd), k): v for k, v in exif.get_ifd(ifd).items()}
        return found

    if [tags(b) for b in before.exif] != [tags(b) for b in after.exif]:
        raise StripError("stripping would change EXIF tags other than the GPS ones")


def strip_jpeg_location(data: bytes) -> bytes:
    """The same JPEG with every location field emptied; pixels and segment lengths unchanged."""
    buf = bytearray(data)
    segments = list(jpeg_segments(buf))
    if not segments:
        raise StripError("not a JPEG stream")
    extended: dict[bytes, list[tuple[int, int, int]]] = {}
    for marker, start, end in segments:
        if marker == 0xE1 and buf.startswith(EXIF_HEADER, start):
            if exif_location(bytes(buf[start:end])):
                _tiff_gps(buf, start + len(EXIF_HEADER), end, erase=True)
        elif marker == 0xE1 and buf.startswith(XMP_NS, start):
            at = start + len(XMP_NS)
            if xmp.location(bytes(buf[at:end])):
                buf[at:end] = _clean_packet(bytes(buf[at:end]), end - at)
        elif marker == 0xE1 and buf.startswith(XMP_EXT_NS, start):
            at = start + len(XMP_EXT_NS)
            (offset,) = struct.unpack(">I", buf[at + 36 : at + 40])
            extended.setdefault(bytes(buf[at : at + 32]), []).append((offset, at + 40, end))
        elif marker == 0xED and buf.startswith(PHOTOSHOP_HEADER, start):
            _photoshop_iptc(buf, start + len(PHOTOSHOP_HEADER), end, erase=True)
    for parts in extended.values():
        parts.sort()
        whole = b"".join(bytes(buf[s:e]) for _, s, e in parts)
        if xmp.location(whole):
            clean = _clean_extended(whole)
            pos = 0
            for _, s, e in parts:  # the same chunk sizes, at the same offsets
                buf[s:e] = clean[pos : pos + e - s]
                pos += e - s
    return bytes(buf)


def _clean_packet(packet: bytes, size: int) -> bytes:
    try:
        return xmp.padded(xmp.strip(packet), size)
    except xmp.XmpError as err:
        raise StripError(str(err)) from None


def _clean_extended(whole: bytes) -> bytes:
    # Extended XMP has no packet wrapper: pad with the whitespace XML allows after the root.
    try:
        root = xmp.strip(whole)[len(xmp.PACKET_BEGIN) : -len(xmp.PACKET_END)]
    except xmp.XmpError as err:
        raise StripError(str(err)) from None
    if len(root) > len(whole):
        raise StripError("the cleaned extended XMP is longer than the original")
    return root + b" " * (len(whole) - len(root))


def strip_png_location(data: bytes) -> bytes:
    """The same PNG with GPS emptied and location XMP rewritten; image chunks copied as they are."""
    if not data.startswith(PNG_SIGNATURE):
        raise StripError("not a PNG stream")
    out = bytearray(PNG_SIGNATURE)
    for kind, start, end in png_chunks(data):
        body = data[start:end]
        if kind == b"eXIf" and exif_location(body):
            edited = bytearray(body)
            _tiff_gps(edited, 0, len(edited), erase=True)
            body = bytes(edited)
        elif kind in (b"tEXt", b"zTXt", b"iTXt"):
            body = _clean_png_text(kind, body)
        out += struct.pack(">I", len(body)) + kind + body
        out += struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    return bytes(out)


def _clean_png_text(kind: bytes, body: bytes) -> bytes:
    keyword, text = _png_text(kind, body)
    if keyword == PNG_XMP_KEY and xmp.location(text):
        text = _stripped(text)
    elif keyword.startswith(b"Raw profile type "):
        name, blob = _raw_profile(text)
        new = _clean_profile(name.lower(), blob)
        if new == blob:
            return body
        hexed = new.hex().encode()
        lines = b"\n".join(hexed[i : i + 72] for i in range(0, len(hexed), 72))
        text = b"\n" + name + b"\n" + str(len(new)).rjust(8).encode() + b"\n" + lines + b"\n"
    else:
        return body
    if kind == b"tEXt":
        return keyword + b"\0" + text
    if kind == b"zTXt":
        return keyword + b"\0\0" + zlib.compress(text)
    _, _, rest = body.partition(b"\0")
    compressed = rest[:1] == b"\1"
    lang, _, rest = rest[2:].partition(b"\0")
    translated, _, _ = rest.partition(b"\0")
    payload = zlib.compress(text) if compressed else text
    return keyword + b"\0" + rest[:0] + bytes([compressed, 0]) + lang + b"\0" + translated \
        + b"\0" + payload


def _clean_profile(name: bytes, blob: bytes) -> bytes:
    if name in (b"exif", b"app1") and (blob.startswith(EXIF_HEADER) or name == b"exif"):
        if not exif_location(blob):
            return blob
        edited = bytearray(blob)
        base = len(EXIF_HEADER) if blob.startswith(EXIF_HEADER) else 0
        _tiff_gps(edited, base, len(edited), erase=True)
        return bytes(edited)
    if name == b"xmp" and xmp.location(blob):
        return _stripped(blob)
    if name == b"app1" and blob.startswith(XMP_NS) and xmp.location(blob[len(XMP_NS) :]):
        return XMP_NS + _stripped(blob[len(XMP_NS) :])
    if name in (b"iptc", b"8bim"):
        edited = bytearray(blob)
        if blob.startswith(b"8BIM"):
            _photoshop_iptc(edited, 0, len(edited), erase=True)
        else:
            _iptc_location(edited, 0, len(edited), erase=True)
        return bytes(edited)
    return blob


def _stripped(packet: bytes) -> bytes:
    try:
        return xmp.strip(packet)
    except xmp.XmpError as err:
        raise StripError(str(err)) from None


def strip_webp_location(data: bytes) -> bytes:
    """The same WebP with GPS emptied and location XMP rewritten; image chunks untouched."""
    if not (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        raise StripError("not a WebP stream")
    body = bytearray()
    for kind, start, end in webp_chunks(data):
        chunk = data[start:end]
        if kind == b"EXIF" and exif_location(chunk):
            edited = bytearray(chunk)
            base = len(EXIF_HEADER) if chunk.startswith(EXIF_HEADER) else 0
            _tiff_gps(edited, base, len(edited), erase=True)
            chunk = bytes(edited)
        elif kind == b"XMP " and xmp.location(chunk):
            chunk = _stripped(chunk)
        body += kind + struct.pack("<I", len(chunk)) + chunk + bytes(len(chunk) & 1)
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WEBP" + bytes(body)


# --- JPEG, TIFF and IPTC structures ---------------------------------------------------------------


def jpeg_segments(buf: bytearray, *, lenient: bool = False) -> Iterator[tuple[int, int, int]]:
    """(marker, payload start, payload end) of each marker segment, in every frame of an MPO.

    Entropy-coded data after SOS is skipped. A malformed stream raises StripError, or with
    `lenient` is read as libjpeg reads it: stray bytes before a marker are skipped, and a segment
    cut short ends the walk (finding must not be stricter than decoding).
    """
    if not buf.startswith(b"\xff\xd8"):
        return
    pos = 2
    n = len(buf)
    while pos < n:
        if buf[pos] != 0xFF:
            if not lenient:
                raise StripError(f"marker expected at byte {pos}")
            pos = buf.find(b"\xff", pos)
            if pos < 0:
                return
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
            if lenient:
                return
            raise StripError("truncated segment")
        (length,) = struct.unpack(">H", buf[pos : pos + 2])
        if length < 2 or pos + length > n:
            if lenient:
                return
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
    if count == 0:
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


def jpeg_with_xmp(data: bytes, packet: bytes) -> bytes:
    """The JPEG `data` (with no XMP of its own) with `packet` as its XMP, right after SOI:
    the image data is not re-encoded."""
    if data[:2] != b"\xff\xd8":
        raise StripError("not a JPEG")
    body = XMP_NS + packet
    if len(body) + 2 > 0xFFFF:
        raise StripError("XMP packet too large for one APP1 segment")
    return data[:2] + b"\xff\xe1" + (len(body) + 2).to_bytes(2, "big") + body + data[2:]

