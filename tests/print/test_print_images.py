"""Photos for print: from the original, at the edition's size, upright, without metadata."""

from __future__ import annotations

from PIL import Image

from print.print_fixtures import photo
from ttdn.print.images import print_image


def test_photo_is_resized_from_the_original_and_cached(tmp_path):
    original = photo(tmp_path / "goc.jpg", (2400, 1600), seed=1)
    made = print_image(original, 1028, 80, tmp_path / "cache")
    assert (made.width, made.height) == (1028, 685)
    stamp = made.file.stat().st_mtime_ns
    again = print_image(original, 1028, 80, tmp_path / "cache")
    assert again.file == made.file and made.file.stat().st_mtime_ns == stamp


def test_small_original_is_never_upscaled(tmp_path):
    original = photo(tmp_path / "nho.jpg", (600, 400), seed=2)
    made = print_image(original, 2055, 90, tmp_path / "cache")
    assert (made.width, made.height) == (600, 400)


def test_derivative_carries_no_location_and_stands_upright(tmp_path):
    im = Image.new("RGB", (300, 100), "red")
    im.paste((0, 0, 255), (0, 0, 150, 100))  # left half blue
    exif = Image.Exif()
    exif[0x0112] = 6  # shown rotated 90° clockwise
    exif.get_ifd(0x8825)[2] = (15.0, 7.0, 0.0)  # a GPS latitude
    original = tmp_path / "xoay.jpg"
    im.save(original, "JPEG", exif=exif, quality=95)
    made = print_image(original, 1000, 90, tmp_path / "cache")
    with Image.open(made.file) as out:
        assert out.size == (100, 300)  # upright: portrait
        assert not out.getexif()
        assert out.convert("RGB").getpixel((50, 20))[2] > 200  # blue on top after rotation
        assert "icc_profile" not in out.info


def test_transparent_png_is_flattened_onto_white(tmp_path):
    original = tmp_path / "trong.png"
    Image.new("RGBA", (200, 100), (0, 0, 0, 0)).save(original)
    made = print_image(original, 200, 90, tmp_path / "cache")
    with Image.open(made.file) as out:
        assert out.mode == "RGB"
        assert min(out.getpixel((100, 50))) > 245
