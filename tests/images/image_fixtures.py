"""Generated fixtures for the image tests: no test reads a real photo."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image

# Quadrant colours of the canonical test picture, upright: top-left, top-right, bottom-left,
# bottom-right. Any wrong rotation or mirror moves at least one of them.
QUADRANTS = {"tl": (220, 30, 30), "tr": (30, 200, 30), "bl": (30, 30, 220), "br": (240, 240, 240)}

# Inverse of what each orientation asks the viewer to do: storing canonical.transpose(INVERSE[o])
# with orientation o must display as canonical.
INVERSE = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def canonical(size: tuple[int, int] = (96, 64)) -> Image.Image:
    w, h = size
    im = Image.new("RGB", size)
    for (x0, y0), name in (((0, 0), "tl"), ((w // 2, 0), "tr"), ((0, h // 2), "bl"),
                           ((w // 2, h // 2), "br")):
        im.paste(QUADRANTS[name], (x0, y0, x0 + w // 2, y0 + h // 2))
    return im


def gps_exif(orientation: int = 1) -> Image.Exif:
    """EXIF as a phone writes it: orientation, camera, serial number and a GPS position."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "TestCam"  # Make
    exif[0x0110] = "Model X"  # Model
    exif[0x8769] = {0xA431: "SN-123456", 0x9003: "2023:05:01 10:00:00"}  # Exif IFD: serial, date
    exif[0x8825] = {  # GPS IFD: Lý Sơn island
        0: b"\x02\x03\x00\x00",
        1: "N",
        2: (15.0, 22.0, 48.0),
        3: "E",
        4: (109.0, 7.0, 12.0),
    }
    return exif


def write_jpeg(path: Path, im: Image.Image, **save: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path, "JPEG", quality=92, **save)
    return path


def noise(size: tuple[int, int], seed: int = 0) -> Image.Image:
    """A photo-like image that does not compress to nothing (encoders do real work on it)."""
    im = Image.effect_noise(size, 40 + seed).convert("RGB")
    gradient = Image.linear_gradient("L").resize(size).convert("RGB")
    return Image.blend(im, gradient, 0.5)


# --- ICC: a Display-P3 profile written by hand (matrix/TRC, ICC v2) ---------------------------

# Display P3 primaries adapted to D50 (the PCS), as in Apple's profile; gamma 2.2 TRC keeps the
# expected values easy to compute independently of LittleCMS.
P3_D50 = ((0.515121, 0.291977, 0.157104), (0.241196, 0.692245, 0.066574),
          (-0.001053, 0.041885, 0.784073))
SRGB_D50 = ((0.436075, 0.385065, 0.143080), (0.222504, 0.716879, 0.060617),
            (0.013932, 0.097105, 0.714173))
GAMMA = 2.2


def _s15(v: float) -> bytes:
    return struct.pack(">i", round(v * 65536))


def display_p3_profile() -> bytes:
    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ " + bytes(4) + _s15(x) + _s15(y) + _s15(z)

    def desc(text: str) -> bytes:
        raw = text.encode() + b"\0"
        return (b"desc" + bytes(4) + struct.pack(">I", len(raw)) + raw + bytes(4 + 4 + 2 + 1 + 67))

    curve = b"curv" + bytes(4) + struct.pack(">I", 1) + struct.pack(">H", round(GAMMA * 256))
    cols = list(zip(*P3_D50, strict=True))
    tags = [
        (b"desc", desc("Display P3 (test)")),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(*cols[0])), (b"gXYZ", xyz(*cols[1])), (b"bXYZ", xyz(*cols[2])),
        (b"rTRC", curve), (b"gTRC", curve), (b"bTRC", curve),
        (b"cprt", b"text" + bytes(4) + b"none\0"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for sig, body in tags:
        body += bytes(-len(body) % 4)
        table += sig + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = offset + len(data)
    header = (struct.pack(">I", size) + b"lcms" + bytes([2, 0x10, 0, 0]) + b"mntr" + b"RGB "
              + b"XYZ " + bytes(12) + b"acsp" + b"APPL" + bytes(4) + bytes(4) + bytes(4)
              + bytes(8) + struct.pack(">I", 0) + _s15(0.9642) + _s15(1.0) + _s15(0.8249)
              + b"lcms" + bytes(16) + bytes(28))
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + data


def p3_to_srgb(rgb: tuple[int, int, int]) -> tuple[int, int, int]:
    """Expected sRGB of a Display-P3 colour, computed without LittleCMS."""
    lin = [(c / 255) ** GAMMA for c in rgb]
    xyz = [sum(P3_D50[r][c] * lin[c] for c in range(3)) for r in range(3)]
    inv = _inverse(SRGB_D50)
    out = [sum(inv[r][c] * xyz[c] for c in range(3)) for r in range(3)]

    def encode(v: float) -> int:
        v = min(max(v, 0.0), 1.0)
        v = 12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055
        return round(v * 255)

    return tuple(encode(v) for v in out)  # type: ignore[return-value]


def _inverse(m: tuple[tuple[float, ...], ...]) -> list[list[float]]:
    (a, b, c), (d, e, f), (g, h, i) = m
    det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
    adj = [[e * i - f * h, c * h - b * i, b * f - c * e],
           [f * g - d * i, a * i - c * g, c * d - a * f],
           [d * h - e * g, b * g - a * h, a * e - b * d]]
    return [[v / det for v in row] for row in adj]


# --- Hostile files ------------------------------------------------------------------------------


def bomb_png(path: Path, size: tuple[int, int] = (12_000, 12_000)) -> Path:
    """A tiny PNG whose header claims `size` pixels (144 MP): Pillow warns before decoding."""
    buf = io.BytesIO()
    Image.new("L", (1, 1)).save(buf, "PNG")
    data = bytearray(buf.getvalue())
    ihdr = 8 + 8  # after the signature, length and type
    data[ihdr : ihdr + 8] = struct.pack(">II", *size)
    crc = zlib.crc32(bytes(data[12 : ihdr + 13])) & 0xFFFFFFFF
    data[ihdr + 13 : ihdr + 17] = struct.pack(">I", crc)
    path.write_bytes(bytes(data))
    return path


def truncated_jpeg(path: Path) -> Path:
    buf = io.BytesIO()
    noise((200, 150)).save(buf, "JPEG", quality=90)
    path.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    return path


# --- One valid file of every accepted format -----------------------------------------------------


def encoded(fmt: str, im: Image.Image | None = None, **save: object) -> bytes:
    """`im` (a small photo-like picture by default) saved as `fmt` (a Pillow format name)."""
    if fmt in ("HEIF", "AVIF"):
        import pillow_heif

        pillow_heif.register_heif_opener()
    im = im if im is not None else noise((64, 48))
    buf = io.BytesIO()
    if fmt == "MPO":
        im.save(buf, "MPO", save_all=True, append_images=[im.transpose(Image.Transpose.ROTATE_180)],
                **save)
    else:
        im.save(buf, fmt, **save)
    return buf.getvalue()


def animated_gif(frames: int = 3, size: tuple[int, int] = (64, 48)) -> bytes:
    images = [Image.new("RGB", size, (40 * i % 256, 90, 160)) for i in range(frames)]
    buf = io.BytesIO()
    images[0].save(buf, "GIF", save_all=True, append_images=images[1:], duration=100, loop=0)
    return buf.getvalue()


def valid_files() -> dict[str, bytes]:
    """One small valid original per accepted format (and animated GIF/WebP), by file name."""
    frames = [noise((48, 32), seed=i) for i in range(3)]
    webp_anim = io.BytesIO()
    frames[0].save(webp_anim, "WEBP", save_all=True, append_images=frames[1:], duration=80)
    return {
        "photo.jpg": encoded("JPEG", quality=90),
        "phone.mpo": encoded("MPO"),
        "drawing.png": encoded("PNG"),
        "still.gif": encoded("GIF"),
        "anim.gif": animated_gif(),
        "still.webp": encoded("WEBP"),
        "anim.webp": webp_anim.getvalue(),
        "scan.tif": encoded("TIFF", compression="tiff_lzw"),
        "iphone.heic": encoded("HEIF", quality=80),
        "modern.avif": encoded("AVIF", quality=60),
    }


def orientation_exif(orientation: int) -> bytes:
    """EXIF bytes holding only an orientation (bytes: pillow-heif then writes irot/imir)."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    return exif.tobytes()

