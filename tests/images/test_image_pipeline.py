"""Derivatives are upright, sRGB, metadata-free and complete; bad inputs are named, not fatal."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from images.image_fixtures import (
    INVERSE,
    QUADRANTS,
    bomb_png,
    canonical,
    display_p3_profile,
    gps_exif,
    noise,
    p3_to_srgb,
    truncated_jpeg,
    write_jpeg,
)
from ttdn.images.model import ImageRecord
from ttdn.images.runner import run


def built(tmp_path: Path, options, *files: Path) -> dict[str, ImageRecord]:
    result = run(files or [tmp_path / "photos"], tmp_path / "out", options, jobs=1)
    assert not result.summary.errors, [str(e) for e in result.summary.errors]
    return {p.name: r for p, r in result.records.items()}


def opened(tmp_path: Path, record: ImageRecord, fmt: str, index: int = -1) -> Image.Image:
    im = Image.open(tmp_path / "out" / record.variants[fmt][index].file)
    im.load()
    return im


def close(a, b, tol: int = 12) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=False))


@pytest.mark.parametrize("orientation", range(1, 9))
def test_each_exif_orientation_is_applied_pixel_for_pixel(tmp_path, options, orientation):
    upright = canonical((96, 64))
    undo = INVERSE[orientation]
    stored = upright if undo is None else upright.transpose(undo)
    exif = Image.Exif()
    exif[0x0112] = orientation
    write_jpeg(tmp_path / "photos" / "o.jpg", stored, exif=exif)
    record = built(tmp_path, options)["o.jpg"]
    assert (record.width, record.height) == (80, 53)
    for fmt in ("jpeg", "webp", "avif"):
        im = opened(tmp_path, record, fmt).convert("RGB")
        assert im.size == (80, 53)
        w, h = im.size
        probes = {"tl": (w // 4, h // 4), "tr": (3 * w // 4, h // 4),
                  "bl": (w // 4, 3 * h // 4), "br": (3 * w // 4, 3 * h // 4)}
        for name, xy in probes.items():
            assert close(im.getpixel(xy), QUADRANTS[name], 20), (fmt, name, im.getpixel(xy))


def test_no_exif_gps_xmp_icc_or_comment_survives_in_any_output(tmp_path, options):
    xmp = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/">'
           b"<exif:GPSLatitude>15,22N</exif:GPSLatitude></x:xmpmeta>")
    write_jpeg(tmp_path / "photos" / "gps.jpg", noise((120, 90)), exif=gps_exif(),
               icc_profile=display_p3_profile(), comment=b"Ly Son", xmp=xmp)
    png = tmp_path / "photos" / "alpha.png"
    rgba = noise((120, 90)).convert("RGBA")
    rgba.putpixel((0, 0), (0, 0, 0, 0))
    rgba.save(png, exif=gps_exif(), icc_profile=display_p3_profile())
    records = built(tmp_path, options)
    for record in records.values():
        for name in record.files():
            data = (tmp_path / "out" / name).read_bytes()
            im = Image.open(tmp_path / "out" / name)
            assert not im.getexif(), name
            assert not {"exif", "xmp", "icc_profile", "comment"} & set(im.info), (name, im.info)
            for needle in (b"Exif\0", b"GPS", b"TestCam", b"SN-123456", b"Ly Son", b"xmpmeta",
                           b"Display P3"):
                assert needle not in data, (name, needle)


def test_a_display_p3_pixel_becomes_the_right_srgb_value(tmp_path, options):
    colour = (200, 100, 50)
    expected = p3_to_srgb(colour)  # (216, 93, 24): far from the untouched value
    path = tmp_path / "photos" / "p3.png"
    path.parent.mkdir(parents=True)
    Image.new("RGB", (100, 80), colour).save(path, icc_profile=display_p3_profile())
    record = built(tmp_path, options)["p3.png"]
    for fmt, tol in (("jpeg", 3), ("webp", 4), ("avif", 4)):
        got = opened(tmp_path, record, fmt).convert("RGB").getpixel((50, 30))
        assert close(got, expected, tol), (fmt, got, expected)
        assert not close(got, colour, 8)


def test_cmyk_and_16_bit_originals_become_8_bit_rgb(tmp_path, options):
    photos = tmp_path / "photos"
    write_jpeg(photos / "cmyk.jpg", Image.new("CMYK", (100, 80), (0, 255, 255, 0)))
    Image.new("I;16", (100, 80), 32768).save(photos / "gray16.png")
    records = built(tmp_path, options)
    red = opened(tmp_path, records["cmyk.jpg"], "jpeg")
    assert red.mode == "RGB" and close(red.getpixel((10, 10)), (255, 0, 0), 6)
    grey = opened(tmp_path, records["gray16.png"], "jpeg").convert("RGB")
    assert close(grey.getpixel((10, 10)), (128, 128, 128), 3)  # scaled, not clipped to white


def test_palette_with_transparency_keeps_alpha_and_falls_back_to_png(tmp_path, options):
    im = Image.new("P", (100, 80), 1)
    im.putpalette([0, 0, 0, 200, 40, 40] + [0] * 762)
    im.paste(0, (0, 0, 50, 80))
    path = tmp_path / "photos" / "logo.png"
    path.parent.mkdir(parents=True)
    im.save(path, transparency=0)
    record = built(tmp_path, options)["logo.png"]
    assert record.alpha and record.fallback == "png" and "jpeg" not in record.variants
    for fmt in ("png", "webp", "avif"):
        out = opened(tmp_path, record, fmt).convert("RGBA")
        assert out.getpixel((5, 5))[3] == 0, fmt
        assert close(out.getpixel((70, 20)), (200, 40, 40, 255), 10), fmt


def test_animated_gif_stays_animated(tmp_path, options):
    frames = [Image.new("RGB", (100, 80), c) for c in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    path = tmp_path / "photos" / "anim.gif"
    path.parent.mkdir(parents=True)
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=120, loop=0)
    record = built(tmp_path, options)["anim.gif"]
    assert record.animated and record.fallback == "gif"
    for fmt in ("webp", "gif"):
        out = opened(tmp_path, record, fmt)
        assert getattr(out, "n_frames", 1) == 3, fmt


def test_placeholder_is_tiny_and_colour_dominant(tmp_path, options):
    write_jpeg(tmp_path / "photos" / "sea.jpg", Image.new("RGB", (300, 200), (20, 90, 160)))
    record = built(tmp_path, options)["sea.jpg"]
    assert record.placeholder.startswith("data:image/webp;base64,")
    assert len(record.placeholder) <= 1024
    assert close(bytes.fromhex(record.color[1:]), (20, 90, 160), 4)


def test_bad_inputs_are_named_once_and_the_others_still_processed(tmp_path, options):
    photos = tmp_path / "photos"
    write_jpeg(photos / "good.jpg", noise((120, 90)))
    truncated_jpeg(photos / "cut.jpg")
    bomb_png(photos / "bomb.png")
    (photos / "empty.jpg").write_bytes(b"")
    (photos / "fake.jpg").write_bytes(b"not a photo" + bytes(200))
    (photos / "bitmap.jpg").write_bytes(_bmp())  # a BMP in disguise: refused by its bytes
    (photos / "drawing.psd").write_bytes(b"8BPS" + bytes(100))
    (photos / "credits.md").write_text("Ảnh: Sở Ngoại vụ")  # notes are allowed beside photos
    result = run([photos], tmp_path / "out", options, jobs=2)
    reasons = {e.path.name: str(e) for e in result.summary.errors}
    assert set(reasons) == {"cut.jpg", "bomb.png", "empty.jpg", "fake.jpg", "bitmap.jpg",
                            "drawing.psd"}
    assert "truncated" in reasons["cut.jpg"] and "bị cắt cụt" in reasons["cut.jpg"]
    assert "decompression bomb" in reasons["bomb.png"]
    assert "empty" in reasons["empty.jpg"]
    assert "not an image file" in reasons["fake.jpg"]
    assert "unsupported image format (BMP)" in reasons["bitmap.jpg"]
    assert "unsupported image format (PSD)" in reasons["drawing.psd"]
    assert all("\n" not in r and "Traceback" not in r for r in reasons.values())
    assert [p.name for p in result.records] == ["good.jpg"]


def _bmp() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buf, "BMP")
    return buf.getvalue()


def test_a_file_over_the_size_cap_is_refused_before_decoding(tmp_path, options):
    write_jpeg(tmp_path / "photos" / "big.jpg", noise((300, 200)))
    result = run([tmp_path / "photos"], tmp_path / "out", options.with_(max_file_bytes=1000),
                 jobs=1)
    assert "file too large" in str(result.summary.errors[0])


def test_widths_are_never_upscaled(tmp_path, options):
    write_jpeg(tmp_path / "photos" / "small.jpg", noise((60, 40)))
    record = built(tmp_path, options)["small.jpg"]
    assert [v.width for v in record.variants["jpeg"]] == [40, 60]


def test_heic_and_tiff_originals_are_read(tmp_path, options):
    import pillow_heif

    photos = tmp_path / "photos"
    photos.mkdir()
    pillow_heif.register_heif_opener()
    Image.new("RGB", (120, 90), (20, 90, 160)).save(photos / "iphone.heic", quality=90,
                                                     exif=gps_exif())
    Image.new("RGB", (120, 90), (160, 90, 20)).save(photos / "scan.tif")
    records = built(tmp_path, options)
    for name, colour in (("iphone.heic", (20, 90, 160)), ("scan.tif", (160, 90, 20))):
        out = opened(tmp_path, records[name], "jpeg")
        assert close(out.getpixel((10, 10)), colour, 6), name
        assert not out.getexif()
