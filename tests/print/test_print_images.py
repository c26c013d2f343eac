"""Photos for print: from the original, at the edition's size, upright, without metadata."""

from __future__ import annotations

import pytest
from PIL import Image

from print.conftest import ARTICLES
from print.pdf_reading import placed_images
from print.print_fixtures import photo
from ttdn.print import PRINT, SCREEN
from ttdn.print.images import Box, print_image


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


@pytest.mark.parametrize("name", ["vi-screen", "vi-print", "bilingual-screen"])
def test_every_placed_photo_reaches_the_editions_ppi_or_is_named_in_a_warning(editions, name):
    # Measured on the page: pixels over the size the placement matrix draws the image at (a
    # cover photo is drawn larger than its box and cut: its drawn size counts).
    rendered = editions.pdfs[name]
    dpi = (PRINT if name.endswith("print") else SCREEN).dpi
    placed = placed_images(rendered.path)
    assert len(placed) == (2 if name.startswith("bilingual") else 1) * (1 + ARTICLES)
    for image in placed:
        if image.ppi >= dpi - 1:
            assert image.ppi < dpi + 2  # made for its size: not larger than it needs
        else:
            assert any(f"{round(image.ppi)} ppi" in en for _, _, en in rendered.warnings), (
                image, rendered.warnings)


def test_cover_photo_too_small_for_print_is_a_warning_with_ppi_and_size_needed(editions):
    # 2400 px across a cover drawn 271.5 mm wide (object-fit: cover on 216 × 181 mm): 225 ppi.
    (warning,) = editions.pdfs["vi-print"].warnings
    original, vi, en = warning
    assert original == editions.vi.images[editions.vi.cover]
    assert en == ("bia.jpg: the original reaches only 225 ppi printed 272 mm wide; it needs "
                  "to be at least 3207 px wide.")
    assert "bia.jpg" in vi and "225 ppi" in vi and "3207 px" in vi
    assert editions.pdfs["vi-screen"].warnings == ()


def test_box_with_cover_fit_prints_the_photo_at_the_size_it_covers():
    landscape = (3000, 2000)
    assert Box(216, 181, "cover").printed_width_mm(landscape) == 271.5
    assert Box(174, 80, "contain").printed_width_mm(landscape) == 120
    assert Box(174, None).printed_width_mm(landscape) == 174
