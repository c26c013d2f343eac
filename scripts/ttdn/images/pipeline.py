"""One original in, its derivatives out: open safely, orient, convert to sRGB, resize, encode.

Pure: paths and options in, files in a store folder and an `ImageRecord` out. No MkDocs here;
`ttdn images` and the `ttdn-images` plugin both call `run()` (runner.py) which fans this out.
"""

from __future__ import annotations

import base64
import io
import struct
import warnings
from collections.abc import Callable
from functools import lru_cache, partial
from pathlib import Path

from PIL import Image, ImageCms, ImageSequence, UnidentifiedImageError

from ttdn.images.cache import Store
from ttdn.images.model import ImageError, ImageRecord, Variant
from ttdn.images.options import (
    INPUT_FORMATS,
    SUFFIX,
    ImageOptions,
    scaled_height,
    valid_widths,
)

# What Pillow raises on a corrupt, truncated or hostile file. Anything else is a bug and surfaces.
DECODE_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    struct.error,
    Image.DecompressionBombError,
    Image.DecompressionBombWarning,
)

# EXIF orientation -> the transpose that shows the photo upright (as ImageOps.exif_transpose).
ORIENT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
_PROFILE_SPACE = {"RGB": "RGB", "GRAY": "L", "CMYK": "CMYK"}


def init_process(options: ImageOptions) -> None:
    """Per-process set-up (pool initializer, or once in-process): HEIF opener, pixel limit.

    Pillow's pixel limit is a module setting by design; each worker process sets its own.
    """
    import pillow_heif

    pillow_heif.register_heif_opener()
    Image.MAX_IMAGE_PIXELS = options.max_pixels


# --- Opening -------------------------------------------------------------------------------------


def check_file(path: Path, options: ImageOptions) -> int:
    """Cheap checks before reading: the file exists, is readable, not empty, under the size cap."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise unreadable(path, err) from None
    if size == 0:
        raise ImageError(path, "tệp rỗng (0 byte)", "empty file (0 bytes)")
    if size > options.max_file_bytes:
        cap = options.max_file_bytes // (1024 * 1024)
        raise ImageError(
            path,
            f"tệp quá lớn ({size / 1048576:.0f} MB > {cap} MB)",
            f"file too large ({size / 1048576:.0f} MB > {cap} MB)",
        )
    return size


def open_image(path: Path, data: bytes, options: ImageOptions) -> Image.Image:
    """Open (header only) with the allowed formats; a bomb or an unknown format is an ImageError."""
    with warnings.catch_warnings():
        # Pillow only warns between 1x and 2x its pixel limit: for files from outside, an error.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            im = Image.open(io.BytesIO(data), formats=INPUT_FORMATS)
        except UnidentifiedImageError:
            raise ImageError(
                path,
                f"không phải định dạng ảnh được hỗ trợ ({path.suffix or 'không đuôi'}); "
                "chỉ nhận JPEG, PNG, WebP, AVIF, GIF, MPO, TIFF, HEIC",
                f"not a supported image format ({path.suffix or 'no suffix'}); "
                "accepted: JPEG, PNG, WebP, AVIF, GIF, MPO, TIFF, HEIC",
            ) from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_many_pixels(path, options) from None
        except DECODE_ERRORS as err:
            raise _corrupt(path, err) from None
    if im.width * im.height > options.max_pixels:
        raise _too_many_pixels(path, options)
    return im


def unreadable(path: Path, err: OSError) -> ImageError:
    return ImageError(path, "không đọc được tệp", f"cannot read the file ({err.strerror or err})")


def _too_many_pixels(path: Path, options: ImageOptions) -> ImageError:
    mp = options.max_pixels / 1e6
    return ImageError(
        path,
        f"ảnh quá nhiều điểm ảnh (trên {mp:.0f} MP), có thể là bom giải nén",
        f"too many pixels (over {mp:.0f} MP): possible decompression bomb",
    )


def _corrupt(path: Path, err: BaseException) -> ImageError:
    return ImageError(path, "tệp ảnh hỏng hoặc bị cắt cụt", f"corrupt or truncated image ({err})")


def _load(path: Path, im: Image.Image) -> None:
    errors = DECODE_ERRORS + ((RuntimeError,) if im.format == "HEIF" else ())  # pillow-heif's
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            im.load()
        except errors as err:
            raise _corrupt(path, err) from None


# --- Colour --------------------------------------------------------------------------------------


@lru_cache(maxsize=32)
def _transform(icc: bytes, mode: str) -> ImageCms.ImageCmsTransform | None:
    """sRGB transform for an embedded profile; None when it is sRGB already or unusable."""
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    except (ImageCms.PyCMSError, OSError, TypeError):
        return None  # a broken profile: the pixels are taken as sRGB, as browsers do
    space = _PROFILE_SPACE.get(profile.profile.xcolor_space.strip())
    if space != mode:
        return None
    if mode == "RGB" and ImageCms.getProfileDescription(profile).strip().startswith("sRGB"):
        return None  # skipping the no-op saves ~40 ms per 6 MP
    return ImageCms.buildTransform(
        profile, SRGB, mode, "RGB", renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC
    )


def to_srgb(im: Image.Image, icc: bytes | None) -> Image.Image:
    """Any decoded mode and profile -> RGB or RGBA in sRGB, alpha kept only if it is used."""
    mode = im.mode
    if mode == "P" and "transparency" in im.info or mode == "PA":
        im = im.convert("RGBA")
    elif mode in ("P", "1"):
        im = im.convert("RGB" if mode == "P" else "L")
    elif mode.startswith("I;16") or mode == "I":
        im = im.convert("I").point(lambda v: v / 257).convert("L")  # 16 bits -> 8, not clipped
    elif mode == "F":
        im = im.convert("L")
    elif mode in ("La", "RGBa"):
        im = im.convert("RGBA")
    elif mode in ("YCbCr", "HSV"):
        im = im.convert("RGB")
    alpha = None
    if im.mode in ("RGBA", "LA"):
        alpha = im.getchannel("A")
        im = im.convert("RGB" if im.mode == "RGBA" else "L")
    if icc and (transform := _transform(icc, im.mode)) is not None:
        im = ImageCms.applyTransform(im, transform)
    if im.mode != "RGB":
        im = im.convert("RGB")  # L, or CMYK without a profile (Pillow's naive conversion)
    if alpha is not None and alpha.getextrema()[0] < 255:
        im.putalpha(alpha)
    return im


def load_upright(path: Path, options: ImageOptions, max_width: int | None = None) -> Image.Image:
    """The original as an upright sRGB image (first frame), at most `max_width` pixels wide.

    For callers that need one image of their own size rather than the site's derivatives (the
    print editions): the same safe opening, orientation and colour handling as `process`.
    """
    check_file(path, options)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise unreadable(path, err) from None
    im = open_image(path, data, options)
    icc = im.info.get("icc_profile")
    orientation = im.getexif().get(0x0112, 1) if im.format != "GIF" else 1
    transpose = ORIENT.get(orientation) if isinstance(orientation, int) else None
    swap = orientation in (5, 6, 7, 8)
    upright_width = im.height if swap else im.width
    width = min(max_width or upright_width, upright_width)
    if im.format in ("JPEG", "MPO") and width < upright_width:
        height = scaled_height(width, (upright_width, im.width if swap else im.height))
        im.draft(None, (height, width) if swap else (width, height))
    _load(path, im)
    if getattr(im, "n_frames", 1) > 1:
        im.seek(0)
    base = to_srgb(im, icc)
    if transpose is not None:
        base = base.transpose(transpose)
    if base.width > width:
        size = (width, scaled_height(width, base.size))
        base = base.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    return base


# --- Encoding ------------------------------------------------------------------------------------


def encode(im: Image.Image, fmt: str, options: ImageOptions) -> bytes:
    """Encode with no metadata at all: the new image's info is emptied before saving."""
    im.info.clear()  # resize() copies info: icc_profile, exif, xmp, comment would follow
    buf = io.BytesIO()
    if fmt == "avif":
        im.save(buf, "AVIF", quality=options.avif_quality, speed=options.avif_speed,
                subsampling=options.avif_subsampling, max_threads=options.threads_per_process)
    elif fmt == "webp":
        im.save(buf, "WEBP", quality=options.webp_quality, method=options.webp_method)
    elif fmt == "jpeg":
        im.save(buf, "JPEG", quality=options.jpeg_quality, optimize=True,
                progressive=options.jpeg_progressive)
    elif fmt == "png":
        im.save(buf, "PNG", optimize=False, compress_level=9)
    else:
        raise ValueError(f"unknown output format {fmt}")
    return buf.getvalue()


def _encode_animation(frames: list[Image.Image], durations: list[int], loop: int, fmt: str,
                      options: ImageOptions) -> bytes:
    buf = io.BytesIO()
    for frame in frames:
        frame.info.clear()  # a GIF comment or XMP would otherwise be written back
    first, rest = frames[0], frames[1:]
    if fmt == "webp":
        first.save(buf, "WEBP", save_all=True, append_images=rest, duration=durations, loop=loop,
                   quality=options.webp_quality, method=options.webp_method)
    else:
        first.save(buf, "GIF", save_all=True, append_images=rest, duration=durations, loop=loop,
                   disposal=2)
    return buf.getvalue()


def placeholder(im: Image.Image, options: ImageOptions) -> tuple[str, str]:
    """(data: URI of a tiny WebP or "" if over budget, dominant colour as #rrggbb)."""
    rgb = im.convert("RGB")
    r, g, b = rgb.resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))  # type: ignore[misc]
    color = f"#{r:02x}{g:02x}{b:02x}"
    w = min(options.placeholder_width, im.width)
    tiny = rgb.resize((w, scaled_height(w, im.size)), Image.Resampling.BOX)
    buf = io.BytesIO()
    tiny.save(buf, "WEBP", quality=30)
    uri = "data:image/webp;base64," + base64.b64encode(buf.getvalue()).decode()
    return (uri if len(uri) <= options.placeholder_max_bytes else ""), color


# --- One original --------------------------------------------------------------------------------


def process(path: Path, key: str, source: str, options: ImageOptions, store: Store) -> ImageRecord:
    """Make every derivative of `path` into `store`, then its record (written last)."""
    size = check_file(path, options)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise unreadable(path, err) from None
    im = open_image(path, data, options)
    record = ImageRecord(key=key, source=source, width=0, height=0, alpha=False, animated=False,
                         fallback="jpeg", bytes_in=size)
    if im.format in ("GIF", "WEBP") and getattr(im, "n_frames", 1) > 1:
        _animated(path, im, options, store, record)
    else:
        _still(path, im, options, store, record)
    store.save(record)
    return record


def _still(path: Path, im: Image.Image, options: ImageOptions, store: Store,
           record: ImageRecord) -> None:
    orientation = im.getexif().get(0x0112, 1) if im.format != "GIF" else 1
    transpose = ORIENT.get(orientation) if isinstance(orientation, int) else None
    swap = orientation in (5, 6, 7, 8)
    stored = im.size
    upright = (stored[1], stored[0]) if swap else stored
    widths = valid_widths(upright[0], options.widths, options.min_width_step)
    icc = im.info.get("icc_profile")

    def stored_size(width: int) -> tuple[int, int]:
        w, h = width, scaled_height(width, upright)
        return (h, w) if swap else (w, h)

    if im.format in ("JPEG", "MPO"):
        # libjpeg decodes at 1/2, 1/4 or 1/8 scale, never below the requested size: twice as
        # fast for the usual downscale (NOTES.md).
        im.draft(None, stored_size(widths[-1]))
    _load(path, im)
    if getattr(im, "n_frames", 1) > 1:
        im.seek(0)  # MPO, multi-page TIFF: the first image only
    base = to_srgb(im, icc)
    record.alpha = base.mode == "RGBA"
    record.fallback = "png" if record.alpha else "jpeg"
    formats = [*options.modern_formats, record.fallback]

    current = base
    outputs: list[tuple[int, Image.Image]] = []
    for width in reversed(widths):  # largest first: each size is made from the next larger one
        target = stored_size(width)
        if current.size != target:
            current = current.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
        shown = current.transpose(transpose) if transpose is not None else current
        outputs.append((width, shown))
    for width, shown in reversed(outputs):
        for fmt in formats:
            _store_variant(path, store, record, fmt, width, shown.size,
                           partial(encode, shown.copy(), fmt, options))
    largest = outputs[0][1]
    record.width, record.height = largest.size
    record.placeholder, record.color = placeholder(outputs[-1][1], options)
    if record.alpha:
        record.placeholder = ""  # would show through the transparent parts


def _store_variant(path: Path, store: Store, record: ImageRecord, fmt: str, width: int,
                   size: tuple[int, int], make: Callable[[], bytes]) -> None:
    """Encode one derivative, write it to the store and list it in the record."""
    try:
        blob = make()
    except (OSError, ValueError) as err:
        raise ImageError(path, f"không mã hoá được {fmt}",
                         f"could not encode {fmt} ({err})") from None
    name = f"{record.key}-{width}.{SUFFIX[fmt]}"
    store.write_file(name, blob)
    record.variants.setdefault(fmt, []).append(
        Variant(width=size[0], height=size[1], file=name, bytes=len(blob)))


def _animated(path: Path, im: Image.Image, options: ImageOptions, store: Store,
              record: ImageRecord) -> None:
    """Animated GIF/WebP stay animated: WebP, with an animated GIF fallback (no AVIF: slow)."""
    frames: list[Image.Image] = []
    durations: list[int] = []
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            for frame in ImageSequence.Iterator(im):
                durations.append(int(frame.info.get("duration", 100)))
                frames.append(frame.convert("RGBA"))
        except DECODE_ERRORS as err:
            raise _corrupt(path, err) from None
    loop = int(im.info.get("loop", 0))
    widths = valid_widths(im.width, options.widths, options.min_width_step)
    record.animated = True
    record.alpha = any(f.getchannel("A").getextrema()[0] < 255 for f in frames)
    record.fallback = "gif"
    for width in widths:
        size = (width, scaled_height(width, im.size))
        scaled = [f if f.size == size else f.resize(size, Image.Resampling.LANCZOS)
                  for f in frames]
        for fmt in ("webp", "gif"):
            _store_variant(path, store, record, fmt, width, size,
                           partial(_encode_animation, scaled, durations, loop, fmt, options))
        record.width, record.height = size
    record.placeholder, record.color = placeholder(frames[0], options)
    if record.alpha:
        record.placeholder = ""
