"""One original in, its derivatives out: open safely, orient, convert to sRGB, resize, encode.

Pure: paths and options in, files in a store folder and an `ImageRecord` out. No MkDocs here;
`ttdn images` and the `ttdn-images` plugin both call `run()` (runner.py) which fans this out.
"""

from __future__ import annotations

import base64
import io
import struct
import warnings
import zlib
from collections.abc import Callable
from functools import lru_cache, partial
from pathlib import Path

from PIL import Image, ImageCms, UnidentifiedImageError

from ttdn.images import reasons
from ttdn.images.cache import Store
from ttdn.images.detect import ACCEPTED, HEAD_BYTES, PILLOW_FORMATS, detect
from ttdn.images.model import ImageError, ImageRecord, Variant
from ttdn.images.options import (
    SUFFIX,
    ImageOptions,
    scaled_height,
    valid_widths,
)
from ttdn.images.structure import truncation

# What Pillow and its plugins raise on a corrupt, truncated or hostile file (pillow-heif raises
# RuntimeError). Anything else is caught per file by the runner and reported as a decoder crash.
DECODE_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    IndexError,
    KeyError,
    TypeError,
    RuntimeError,
    struct.error,
    zlib.error,
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
# A 2x box reduction before Lanczos whenever the ratio allows it (Pillow's reducing_gap): a 12 MP
# HEIC's 1600 px resize takes 0.065 s instead of 0.16, and the resize alone scores 95.25 instead of
# 95.49 in SSIMULACRA2 at 800 px. JPEGs already arrive reduced by libjpeg's draft mode.
REDUCING_GAP = 1.0
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
        raise reasons.empty(path)
    if size > options.max_file_bytes:
        raise reasons.too_large(path, size, options.max_file_bytes)
    return size


def open_image(path: Path, data: bytes, options: ImageOptions) -> Image.Image:
    """Open (headers only) what the bytes say the file is; every failure is an ImageError.

    The format comes from `detect()`, never the suffix, and only that format's opener runs.
    HEIF/AVIF containers are checked for truncation first: their decoders fill missing data grey.
    """
    fmt = detect(data[:HEAD_BYTES])
    if fmt is None:
        raise reasons.not_an_image(path)
    if fmt not in ACCEPTED:
        raise reasons.unsupported(path, fmt)
    if problem := truncation(fmt, data):
        raise reasons.corrupt(path, problem)
    with warnings.catch_warnings():
        # Pillow only warns between 1x and 2x its pixel limit: for files from outside, an error.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            im = Image.open(io.BytesIO(data), formats=(PILLOW_FORMATS[fmt],))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise reasons.too_many_pixels(path, options.max_pixels) from None
        except UnidentifiedImageError:  # the bytes said `fmt`: a broken one
            raise reasons.corrupt(path, f"not a readable {fmt.upper()} file") from None
        except DECODE_ERRORS as err:
            raise reasons.corrupt(path, err) from None
    if im.width * im.height > options.max_pixels:
        raise reasons.too_many_pixels(path, options.max_pixels)
    return im


def unreadable(path: Path, err: OSError) -> ImageError:
    return reasons.unreadable(path, err)


def _load(path: Path, im: Image.Image) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            im.load()
        except DECODE_ERRORS as err:
            raise reasons.corrupt(path, err) from None


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
    print editions): the same safe opening, orientation (read after loading, applied once) and
    colour handling as `process`.
    """
    check_file(path, options)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise unreadable(path, err) from None
    im = open_image(path, data, options)
    del data
    if im.format in ("JPEG", "MPO") and max_width:
        swap = orientation(path, im) in (5, 6, 7, 8)
        upright = (im.height, im.width) if swap else im.size
        w = min(max_width, upright[0])
        h = scaled_height(w, upright)
        im.draft(None, (h, w) if swap else (w, h))
    _load(path, im)
    if getattr(im, "n_frames", 1) > 1:
        im.seek(0)
    transpose = ORIENT.get(orientation(path, im))
    try:
        base = to_srgb(im, im.info.get("icc_profile"))
    except DECODE_ERRORS as err:
        raise reasons.corrupt(path, err) from None
    if transpose is not None:
        base = base.transpose(transpose)
    if max_width and base.width > max_width:
        size = (max_width, scaled_height(max_width, base.size))
        base = base.resize(size, Image.Resampling.LANCZOS, reducing_gap=REDUCING_GAP)
    return base


# --- Encoding ------------------------------------------------------------------------------------


def encode(im: Image.Image, fmt: str, options: ImageOptions) -> bytes:
    """Encode with no metadata at all: the new image's info is emptied before saving."""
    im.info.clear()  # resize() copies info: icc_profile, exif, xmp, comment would follow
    buf = io.BytesIO()
    if fmt == "avif":
        im.save(buf, "AVIF", quality=options.avif_quality, speed=options.avif_speed,
                subsampling=options.avif_subsampling, max_threads=options.threads_per_process,
                advanced={"sharpness": str(options.avif_sharpness)})
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
        if first.mode == "RGB":  # Pillow's default median cut took 0.5 s a frame (~900x900)
            for i, frame in enumerate(frames):  # in place: GIF is the frames' last use
                frames[i] = frame.quantize(256, method=Image.Quantize.FASTOCTREE)
            first, rest = frames[0], frames[1:]
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
    del data  # the decoder holds its own reference while it needs one
    record = ImageRecord(key=key, source=source, width=0, height=0, alpha=False, animated=False,
                         fallback="jpeg", bytes_in=size)
    if im.format in ("GIF", "WEBP") and _frames(path, im) > 1:
        _animated(path, im, options, store, record)
    else:
        _still(path, im, options, store, record)
    try:
        store.save(record)
    except OSError as err:
        raise ImageError(path, f"không ghi được bản ghi {record.key}.json ({err.strerror or err})",
                         f"cannot write the record {record.key}.json ({err.strerror or err})"
                         ) from None
    return record


def _frames(path: Path, im: Image.Image) -> int:
    """Frame count from the headers (GIF: walks the blocks without decoding; WebP: demuxer)."""
    try:
        return int(getattr(im, "n_frames", 1))
    except DECODE_ERRORS as err:
        raise reasons.corrupt(path, err) from None


def orientation(path: Path, im: Image.Image) -> int:
    """The EXIF orientation (1-8) still to apply to `im`'s pixels as they are now.

    Read it after `load()`: Pillow turns TIFFs upright while loading and then drops the tag, and
    pillow-heif applies HEIF's irot/imir and resets it to 1 (HEIF: the container's transform is the
    truth, EXIF only a copy). JPEG, PNG eXIf, WebP and AVIF keep it for us to apply.
    """
    if im.format == "GIF":
        return 1
    try:
        value = im.getexif().get(0x0112, 1)
    except DECODE_ERRORS as err:
        raise reasons.corrupt(path, f"EXIF: {err}") from None
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _still(path: Path, im: Image.Image, options: ImageOptions, store: Store,
           record: ImageRecord) -> None:
    if im.format in ("JPEG", "MPO"):
        # libjpeg decodes at 1/2, 1/4 or 1/8 scale, never below the requested size: twice as
        # fast for the usual downscale (NOTES.md). JPEG's EXIF is in the headers: no decoding.
        swap = orientation(path, im) in (5, 6, 7, 8)
        upright = (im.height, im.width) if swap else im.size
        largest = valid_widths(upright[0], options.widths, options.min_width_step)[-1]
        w, h = largest, scaled_height(largest, upright)
        im.draft(None, (h, w) if swap else (w, h))
    _load(path, im)
    if getattr(im, "n_frames", 1) > 1:
        im.seek(0)  # MPO, multi-page TIFF, APNG, AVIF sequence: the first image only
    turn = orientation(path, im)
    transpose = ORIENT.get(turn)
    swap = turn in (5, 6, 7, 8)
    stored = im.size
    upright = (stored[1], stored[0]) if swap else stored
    widths = valid_widths(upright[0], options.widths, options.min_width_step)
    icc = im.info.get("icc_profile")

    def stored_size(width: int) -> tuple[int, int]:
        w, h = width, scaled_height(width, upright)
        return (h, w) if swap else (w, h)

    try:
        base = to_srgb(im, icc)
    except DECODE_ERRORS as err:  # a lazy decoder (PNG palette, TIFF planes) fails here
        raise reasons.corrupt(path, err) from None
    if base is not im:
        im.close()  # free the decoded original before resizing: peak memory
    record.alpha = base.mode == "RGBA"
    record.fallback = "png" if record.alpha else "jpeg"
    formats = [*options.modern_formats, record.fallback]

    current = base
    outputs: list[tuple[int, Image.Image]] = []
    for width in reversed(widths):  # largest first: each size is made from the next larger one
        target = stored_size(width)
        if current.size != target:
            current = current.resize(target, Image.Resampling.LANCZOS, reducing_gap=REDUCING_GAP)
        shown = current.transpose(transpose) if transpose is not None else current
        outputs.append((width, shown))
    del base, current
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
    except (OSError, ValueError, RuntimeError) as err:
        raise ImageError(path, f"không mã hoá được {fmt}",
                         f"could not encode {fmt} ({err})") from None
    name = f"{record.key}-{width}.{SUFFIX[fmt]}"
    try:
        store.write_file(name, blob)
    except OSError as err:
        raise ImageError(path, f"không ghi được {name} ({err.strerror or err})",
                         f"cannot write {name} ({err.strerror or err})") from None
    record.variants.setdefault(fmt, []).append(
        Variant(width=size[0], height=size[1], file=name, bytes=len(blob)))


def _animated(path: Path, im: Image.Image, options: ImageOptions, store: Store,
              record: ImageRecord) -> None:
    """Animated GIF/WebP stay animated: WebP, with an animated GIF fallback (no AVIF: slow).

    Pillow's pixel limit counts one frame; the budget here counts all of them, from the headers,
    before any frame is decoded. Frames are then decoded one at a time and only their resized
    copies kept, so memory follows the output, not the canvas times the frame count.
    """
    count = _frames(path, im)
    pixels = count * im.width * im.height
    if pixels > options.max_animation_pixels or count > options.max_frames:
        raise reasons.animation_too_large(path, count, pixels, options.max_animation_pixels)
    widths = valid_widths(im.width, options.widths, options.min_width_step)
    sizes = {w: (w, scaled_height(w, im.size)) for w in widths}
    scaled: dict[int, list[Image.Image]] = {w: [] for w in widths}
    durations: list[int] = []
    alpha = False
    first: Image.Image | None = None
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            for index in range(count):
                im.seek(index)
                durations.append(int(im.info.get("duration", 100)))
                frame = im.convert("RGBA")
                alpha = alpha or frame.getchannel("A").getextrema()[0] < 255
                if first is None:
                    first = frame.resize(sizes[widths[0]], Image.Resampling.BOX)
                for w in widths:
                    scaled[w].append(frame if frame.size == sizes[w] else
                                     frame.resize(sizes[w], Image.Resampling.LANCZOS))
        except DECODE_ERRORS as err:
            raise reasons.corrupt(path, err) from None
    loop = int(im.info.get("loop", 0))
    im.close()
    record.animated = True
    record.alpha = alpha
    record.fallback = "gif"
    for width in widths:
        if not alpha:  # opaque frames encode about twice as fast without an alpha plane
            frames = scaled[width]
            for i, frame in enumerate(frames):
                frames[i] = frame.convert("RGB")  # one at a time: no second copy of the list
        for fmt in ("webp", "gif"):
            _store_variant(path, store, record, fmt, width, sizes[width],
                           partial(_encode_animation, scaled[width], durations, loop, fmt,
                                   options))
        record.width, record.height = sizes[width]
        del scaled[width]  # encoded: free its frames before the next width
    assert first is not None
    record.placeholder, record.color = placeholder(first, options)
    if record.alpha:
        record.placeholder = ""
