"""Print editions as a print shop takes them: marks on a slug outside the bleed, the trim the
page size, and page counts that fold into sheets of 4."""

from __future__ import annotations

import subprocess

import pikepdf
import pytest
from PIL import Image

from print.print_fixtures import sample_issue
from ttdn.print import PRINT, SCREEN, render

MM = 72 / 25.4


def boxes(page: pikepdf.Page) -> dict[str, list[float]]:
    return {name: [float(v) for v in page.obj.get(f"/{name}", page.obj.MediaBox)]
            for name in ("MediaBox", "BleedBox", "TrimBox")}


def test_print_edition_has_a_slug_around_the_bleed_and_the_a4_trim(editions):
    with pikepdf.open(editions.pdfs["vi-print"].path) as pdf:
        for page in pdf.pages:
            box = boxes(page)
            trim, bleed, media = box["TrimBox"], box["BleedBox"], box["MediaBox"]
            assert (trim[2] - trim[0], trim[3] - trim[1]) == pytest.approx(
                (210 * MM, 297 * MM), abs=0.1)
            for i, sign in enumerate((-1, -1, 1, 1)):
                assert (bleed[i] - trim[i]) * sign == pytest.approx(PRINT.bleed_mm * MM, abs=0.1)
                assert (media[i] - bleed[i]) * sign == pytest.approx(PRINT.slug_mm * MM, abs=0.1)


def test_crop_marks_are_drawn_on_the_slug_only(editions, tmp_path):
    # Rendered at 72 dpi over the whole MediaBox: the slug holds dark marks, and every dark
    # pixel of the cover page outside the bleed is on the slug (the bleed is all photo).
    path = editions.pdfs["vi-print"].path
    subprocess.run(["pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", str(path),
                    str(tmp_path / "p")], check=True)
    (png,) = tmp_path.glob("p*.png")
    slug = round(PRINT.slug_mm * MM)
    with Image.open(png) as im:
        grey = im.convert("L")
        w, h = grey.size
        dark_in_slug = [(x, y) for x in range(w) for y in range(h)
                        if (x < slug - 1 or x > w - slug or y < slug - 1 or y > h - slug)
                        and grey.getpixel((x, y)) < 128]
    assert len(dark_in_slug) > 40  # eight crop marks and four register crosses
    with pikepdf.open(path) as pdf:
        page = pdf.pages[0]
        bleed = boxes(page)["BleedBox"]
        strokes = []
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) in ("m", "l") and len(operands) == 2:
                strokes.append(tuple(float(v) for v in operands))
        marks = [(x, y) for x, y in strokes
                 if not (bleed[0] < x < bleed[2] and bleed[1] < y < bleed[3])]
        assert len(marks) >= 2 * 12  # both ends of every mark are outside the bleed


def test_screen_edition_has_no_slug_and_no_padding(editions):
    with pikepdf.open(editions.pdfs["vi-screen"].path) as pdf:
        box = boxes(pdf.pages[0])
        assert box["MediaBox"] == box["TrimBox"] == box["BleedBox"]


def test_print_edition_is_padded_to_a_multiple_of_4_with_blank_pages(tmp_path):
    issue = sample_issue(tmp_path / "photos", "vi", articles=2, photos_per_article=1)
    screen = render([issue], SCREEN, tmp_path / "cache")
    printed = render([issue], PRINT, tmp_path / "cache")
    assert screen.pages % 4 != 0  # this issue does not fold into sheets by itself
    assert printed.pages == screen.pages + (-screen.pages % 4)
    with pikepdf.open(printed.path) as pdf:
        assert len(pdf.pages) == printed.pages
        for page in pdf.pages[screen.pages:]:
            drawn = [str(op) for _, op in pikepdf.parse_content_stream(page)]
            assert "Tj" not in drawn and "TJ" not in drawn and "Do" not in drawn  # blank
            assert boxes(page) == boxes(pdf.pages[0])
