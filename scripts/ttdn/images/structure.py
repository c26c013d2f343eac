"""Cheap structural checks that decoders skip: a truncated HEIC/AVIF decodes "fine" with grey rows.

libheif fills the tiles it cannot read with grey, so a HEIC cut at 50 % builds half grey. The
container says how long every part is: each top-level box and each item extent (`iloc`) must lie
inside the file, or the file is truncated (or its offsets are corrupt).
"""

from __future__ import annotations

import struct


def truncation(fmt: str, data: bytes) -> str | None:
    """Why a file of format `fmt` is visibly incomplete, from its structure; None if it looks whole.

    Cheap enough for the pre-commit hook: the end marker each format must have, box sizes.
    """
    if fmt in ("heic", "avif"):
        return isobmff_problem(data)
    if fmt in ("jpeg", "mpo") and data.rfind(b"\xff\xd9") < data.rfind(b"\xff\xda"):
        return "no end-of-image marker after the last scan"
    if fmt == "png" and data.rfind(b"IEND") < data.rfind(b"IDAT"):
        return "no IEND chunk after the image data"
    if fmt == "webp":
        (size,) = struct.unpack("<I", data[4:8])
        if size + 8 > len(data):
            return f"RIFF size {size + 8} > file size {len(data)}"
    return None


def isobmff_problem(data: bytes) -> str | None:
    """Why this HEIF/AVIF file is incomplete, or None when every box and item fits in it."""
    size = len(data)
    pos = 0
    meta: tuple[int, int] | None = None
    while pos < size:
        if pos + 8 > size:
            return f"box header cut at byte {pos}"
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        header = 8
        if length == 1:
            if pos + 16 > size:
                return f"box header cut at byte {pos}"
            (length,) = struct.unpack(">Q", data[pos + 8 : pos + 16])
            header = 16
        elif length == 0:
            length = size - pos  # "to the end of the file"
        if length < header:
            return f"box '{_name(kind)}' at byte {pos} has a bad size"
        if pos + length > size:
            return f"box '{_name(kind)}' runs past the end of the file ({pos + length} > {size})"
        if kind == b"meta":
            meta = (pos + header + 4, pos + length)  # a full box: skip version and flags
        pos += length
    if meta is None:
        return "no 'meta' box"
    return _iloc_problem(data, *meta)


def _iloc_problem(data: bytes, start: int, end: int) -> str | None:
    for kind, body, body_end in _boxes(data, start, end):
        if kind == b"iloc":
            try:
                return _check_extents(data, body, body_end)
            except (struct.error, IndexError):
                return "item location box is cut short"
    return "no item location ('iloc') box"


def _boxes(data: bytes, start: int, end: int):
    pos = start
    while pos + 8 <= end:
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if length < 8 or pos + length > end:
            return
        yield kind, pos + 8, pos + length
        pos += length


def _check_extents(data: bytes, pos: int, end: int) -> str | None:
    version = data[pos]
    pos += 4
    sizes = data[pos] >> 4, data[pos] & 15, data[pos + 1] >> 4, data[pos + 1] & 15
    offset_size, length_size, base_size, index_size = sizes
    pos += 2
    if version < 2:
        (count,) = struct.unpack(">H", data[pos : pos + 2])
        pos += 2
    else:
        (count,) = struct.unpack(">I", data[pos : pos + 4])
        pos += 4

    def read(n: int) -> int:
        nonlocal pos
        if pos + n > end:
            raise IndexError
        value = int.from_bytes(data[pos : pos + n], "big") if n else 0
        pos += n
        return value

    for _ in range(count):
        item = read(2 if version < 2 else 4)
        method = read(2) & 15 if version in (1, 2) else 0
        read(2)  # data reference index
        base = read(base_size)
        extents = read(2)
        for _ in range(extents):
            if version in (1, 2):
                read(index_size)
            offset, length = read(offset_size), read(length_size)
            if method == 0 and base + offset + length > len(data):
                return f"item {item} runs past the end of the file"
    return None


def _name(kind: bytes) -> str:
    return kind.decode("latin-1").encode("ascii", "backslashreplace").decode()
