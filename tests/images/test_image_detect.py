"""detect(): the format from the bytes, never the suffix; refused images named, others None."""

from __future__ import annotations

import pytest

from images.image_fixtures import encoded, valid_files
from ttdn.images.detect import ACCEPTED, detect

EXPECTED = {"photo.jpg": "jpeg", "phone.mpo": "mpo", "drawing.png": "png", "still.gif": "gif",
            "anim.gif": "gif", "still.webp": "webp", "anim.webp": "webp", "scan.tif": "tiff",
            "iphone.heic": "heic", "modern.avif": "avif"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_accepted_format_is_named_from_its_bytes(name):
    assert detect(valid_files()[name]) == EXPECTED[name]
    assert EXPECTED[name] in ACCEPTED


def test_big_endian_tiff_and_bigtiff_headers_are_tiff():
    assert detect(b"MM\x00*" + bytes(20)) == "tiff"
    assert detect(b"II+\x00" + bytes(20)) == "tiff"


@pytest.mark.parametrize(("brands", "expected"), [
    (b"heic\x00\x00\x00\x00mif1heic", "heic"),
    (b"mif1\x00\x00\x00\x00mif1heix", "heic"),
    (b"avif\x00\x00\x00\x00avifmif1miaf", "avif"),
    (b"mif1\x00\x00\x00\x00mif1avif", "avif"),  # AV1 inside a generic HEIF brand
    (b"avis\x00\x00\x00\x00avismsf1", "avif"),
    (b"isom\x00\x00\x02\x00isomiso2mp41", None),  # an MP4 video is no image
])
def test_heif_brands_decide_between_heic_avif_and_video(brands, expected):
    box = (8 + len(brands)).to_bytes(4, "big") + b"ftyp" + brands
    assert detect(box + bytes(32)) == expected


@pytest.mark.parametrize("text", [
    b'<svg xmlns="http://www.w3.org/2000/svg"/>',
    b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- logo -->\n<!DOCTYPE svg>\n<svg width="1">',
])
def test_svg_is_recognised_as_text_and_refused(text):
    assert detect(text) == "svg" and "svg" not in ACCEPTED


def test_other_images_are_named_and_refused():
    assert detect(encoded("BMP")) == "bmp"
    assert detect(b"8BPS\x00\x01" + bytes(40)) == "psd"
    assert detect(encoded("ICO")) == "ico"
    assert detect(encoded("JPEG2000")) == "jp2"
    assert not {"bmp", "psd", "ico", "jp2"} & ACCEPTED


@pytest.mark.parametrize("data", [b"", b"\xff", b"hello", b"RIFF\x00\x00\x00\x00WAVE", b"%PDF-1.7",
                                  b"\x00\x00\x00\x10ftyp", b"<html><svg>"])
def test_non_images_and_fragments_are_none(data):
    assert detect(data) is None


def test_a_jpeg_cut_inside_its_headers_is_still_a_jpeg():
    jpeg = encoded("JPEG")
    assert detect(jpeg[:10]) == "jpeg"
    assert detect(encoded("MPO")[:200]) in ("jpeg", "mpo")
