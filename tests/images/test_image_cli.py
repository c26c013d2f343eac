"""`ttdn images`: --check fails on location, --strip-location removes it without re-encoding."""

from __future__ import annotations

import io
import struct
from pathlib import Path

from click.testing import CliRunner
from PIL import Image

from images.image_fixtures import gps_exif, noise, write_jpeg
from ttdn.images.cli import images
from ttdn.images.metadata import jpeg_location, jpeg_segments

XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
       b'22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
       b'exif:GPSLatitude="15,22.8N" exif:GPSLongitude="109,7.2E"/></rdf:RDF></x:xmpmeta>')


def with_iptc_city(data: bytes, city: bytes = b"Quang Ngai") -> bytes:
    """Insert an APP13 Photoshop/IPTC segment naming a city, right after SOI."""
    iptc = b"\x1c\x02\x5a" + struct.pack(">H", len(city)) + city
    iptc += b"\x1c\x02\x78" + struct.pack(">H", 7) + b"Caption"
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iptc))
    resource += iptc + bytes(len(iptc) & 1)
    payload = b"Photoshop 3.0\x00" + resource
    return data[:2] + b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload + data[2:]


def gps_photo(path: Path) -> Path:
    buf = io.BytesIO()
    noise((160, 120)).save(buf, "JPEG", quality=90, exif=gps_exif(), xmp=XMP, progressive=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(with_iptc_city(buf.getvalue()))
    return path


def scan_data(data: bytes) -> bytes:
    """Everything from the first SOS on: the entropy-coded pixels."""
    sos = next(start for marker, start, _ in jpeg_segments(bytearray(data)) if marker == 0xDA)
    return data[sos:]


def test_check_fails_naming_a_photo_with_gps(tmp_path):
    bad = gps_photo(tmp_path / "photos" / "ly-son.jpg")
    write_jpeg(tmp_path / "photos" / "clean.jpg", noise((80, 60)))
    result = CliRunner().invoke(images, ["--check", str(tmp_path / "photos")])
    assert result.exit_code == 1
    assert f"{bad}: ảnh chứa thông tin vị trí" in result.output
    assert "EXIF GPS" in result.output and "XMP location" in result.output
    assert "IPTC location" in result.output
    assert "clean.jpg" not in result.output


def test_check_passes_clean_photos_and_fails_on_limits(tmp_path):
    write_jpeg(tmp_path / "photos" / "clean.jpg", noise((80, 60)))
    assert CliRunner().invoke(images, ["--check", str(tmp_path / "photos")]).exit_code == 0
    (tmp_path / "photos" / "empty.png").write_bytes(b"")
    result = CliRunner().invoke(images, ["--check", str(tmp_path / "photos")])
    assert result.exit_code == 1 and "empty.png: tệp rỗng" in result.output


def test_strip_location_removes_gps_keeping_the_jpeg_pixel_data_byte_for_byte(tmp_path):
    photo = gps_photo(tmp_path / "ly-son.jpg")
    before = photo.read_bytes()
    result = CliRunner().invoke(images, ["--strip-location", str(photo)])
    assert result.exit_code == 0, result.output
    after = photo.read_bytes()
    assert len(after) == len(before)
    assert scan_data(after) == scan_data(before)
    assert Image.open(photo).tobytes() == Image.open(io.BytesIO(before)).tobytes()
    assert jpeg_location(after) == []
    exif = Image.open(photo).getexif()
    assert exif[0x010F] == "TestCam"  # the rest of the EXIF stays
    assert not [t for t in exif.get_ifd(0x8825) if t != 0]
    assert b"Quang Ngai" not in after and b"GPSLatitude" not in after
    assert b"Caption" in after
    assert CliRunner().invoke(images, ["--check", str(photo)]).exit_code == 0


def test_strip_location_leaves_a_clean_file_untouched(tmp_path):
    photo = write_jpeg(tmp_path / "clean.jpg", noise((80, 60)))
    stamp = photo.stat().st_mtime_ns
    result = CliRunner().invoke(images, ["--strip-location", str(photo)])
    assert result.exit_code == 0 and "no location" in result.output
    assert photo.stat().st_mtime_ns == stamp


def test_strip_location_on_png_drops_gps_from_exif(tmp_path):
    photo = tmp_path / "map.png"
    noise((80, 60)).save(photo, exif=gps_exif())
    pixels = Image.open(photo).tobytes()
    assert CliRunner().invoke(images, ["--strip-location", str(photo)]).exit_code == 0
    assert not [t for t in Image.open(photo).getexif().get_ifd(0x8825) if t != 0]
    assert Image.open(photo).tobytes() == pixels


def test_optimise_prints_one_summary_and_fails_on_a_bad_file(tmp_path):
    write_jpeg(tmp_path / "photos" / "a.jpg", noise((120, 90)))
    (tmp_path / "photos" / "b.jpg").write_bytes(b"\xff\xd8\xff\xe0garbage")
    result = CliRunner().invoke(images, [str(tmp_path / "photos"), "--out", str(tmp_path / "o"),
                                         "-j", "1"])
    assert result.exit_code == 1
    assert "b.jpg: tệp ảnh hỏng" in result.output or "b.jpg: không phải" in result.output
    assert "Traceback" not in result.output
    summary = [line for line in result.output.splitlines() if line.startswith("ttdn images:")]
    assert len(summary) == 1 and "1 built" in summary[0] and "1 lỗi/errors" in summary[0]


def test_strip_location_reaches_every_frame_of_an_mpo(tmp_path):
    photo = tmp_path / "phone.mpo"
    exif = gps_exif()
    left, right = noise((64, 48)), noise((64, 48), seed=3)
    left.save(photo, "MPO", save_all=True, append_images=[right], exif=exif)
    assert photo.read_bytes().count(b"Exif\x00\x00") == 2
    assert CliRunner().invoke(images, ["--check", str(photo)]).exit_code == 1
    assert CliRunner().invoke(images, ["--strip-location", str(photo)]).exit_code == 0
    assert jpeg_location(photo.read_bytes()) == []
    with Image.open(photo) as im:
        im.seek(1)  # the MP index still points at the second picture
        assert im.tobytes() == Image.open(io.BytesIO(_second(right))).tobytes()


def _second(im: Image.Image) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "JPEG")
    return buf.getvalue()
