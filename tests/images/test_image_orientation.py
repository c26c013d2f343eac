"""Orientation is applied exactly once, whichever decoder already applied it (TIFF, HEIF) or not."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from images.image_fixtures import INVERSE, QUADRANTS, canonical, encoded, orientation_exif
from ttdn.images.runner import run

# Every compression Pillow writes for an RGB TIFF (libtiff and Pillow's own encoders).
TIFF_COMPRESSIONS = ("raw", "tiff_lzw", "tiff_adobe_deflate", "packbits", "jpeg")
FORMATS = [("TIFF", {"compression": c}) for c in TIFF_COMPRESSIONS] + [
    ("PNG", {}), ("WEBP", {"lossless": True}), ("AVIF", {"quality": 90}), ("JPEG", {"quality": 95})]


def stored_as(fmt: str, orientation: int, save: dict) -> bytes:
    """The canonical picture stored turned, with the EXIF orientation that turns it back."""
    undo = INVERSE[orientation]
    upright = canonical((96, 64))
    stored = upright if undo is None else upright.transpose(undo)
    exif = Image.Exif()
    exif[0x0112] = orientation
    buf = io.BytesIO()
    stored.save(buf, fmt, exif=exif, **save)
    return buf.getvalue()


def assert_upright(im: Image.Image, label: object) -> None:
    im = im.convert("RGB")
    w, h = im.size
    assert w > h, (label, im.size)  # landscape, as the canonical picture
    probes = {"tl": (w // 4, h // 4), "tr": (3 * w // 4, h // 4), "bl": (w // 4, 3 * h // 4),
              "br": (3 * w // 4, 3 * h // 4)}
    for name, xy in probes.items():
        got = im.getpixel(xy)
        assert all(abs(a - b) <= 24 for a, b in zip(got, QUADRANTS[name], strict=True)), (
            label, name, got)


@pytest.mark.parametrize(("fmt", "save"), FORMATS,
                         ids=[f"{f}-{s.get('compression', '')}".strip("-") for f, s in FORMATS])
def test_every_orientation_comes_out_upright_once(tmp_path, options, fmt, save):
    photos = tmp_path / "photos"
    photos.mkdir()
    for orientation in range(1, 9):
        (photos / f"o{orientation}").write_bytes(stored_as(fmt, orientation, save))
    result = run([photos], tmp_path / "out", options, jobs=1)
    assert not result.summary.errors, [str(e) for e in result.summary.errors]
    for path, record in result.records.items():
        assert (record.width, record.height) == (80, 53), path.name
        for variant in (record.variants["jpeg"][-1], record.variants["avif"][-1]):
            with Image.open(tmp_path / "out" / variant.file) as im:
                assert_upright(im, (fmt, path.name, variant.file))


def test_every_heic_orientation_comes_out_upright_once(tmp_path, options):
    """As an iPhone writes it: EXIF orientation and the matching HEIF irot/imir transforms.

    libheif applies the transforms and pillow-heif resets EXIF to 1: turning again from EXIF
    would turn the photo twice.
    """
    import pillow_heif

    pillow_heif.register_heif_opener()
    photos = tmp_path / "photos"
    photos.mkdir()
    for orientation in range(1, 9):
        undo = INVERSE[orientation]
        upright = canonical((96, 64))
        stored = upright if undo is None else upright.transpose(undo)
        data = encoded("HEIF", stored, quality=95, exif=orientation_exif(orientation))
        assert orientation == 1 or b"irot" in data or b"imir" in data
        (photos / f"o{orientation}.heic").write_bytes(data)
    result = run([photos], tmp_path / "out", options, jobs=1)
    assert len(result.records) == 8, [str(e) for e in result.summary.errors]
    for path, record in result.records.items():
        assert (record.width, record.height) == (80, 53), path.name
        with Image.open(tmp_path / "out" / record.variants["jpeg"][-1].file) as im:
            assert_upright(im, path.name)


def test_heic_orientation_is_the_containers_not_exif(tmp_path, options):
    """HEIF's irot/imir are the truth (libheif applies them); EXIF's copy is never applied again.

    pillow-heif writes no irot for an EXIF orientation: such a file shows as stored everywhere
    (libheif, browsers, Apple), so the derivative must be the stored pixels, not turned.
    """
    import pillow_heif

    pillow_heif.register_heif_opener()
    photos = tmp_path / "photos"
    photos.mkdir()
    upright = canonical((96, 64))
    for orientation in (3, 6, 8):
        exif = Image.Exif()
        exif[0x0112] = orientation
        upright.save(photos / f"o{orientation}.heic", exif=exif, quality=95)
    result = run([photos], tmp_path / "out", options, jobs=1)
    assert len(result.records) == 3
    for path, record in result.records.items():
        with Image.open(tmp_path / "out" / record.variants["jpeg"][-1].file) as im:
            assert_upright(im, path.name)
