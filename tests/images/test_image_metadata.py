"""--check finds a location in every container, without false alarms; --strip-location removes
the location and nothing else."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image, PngImagePlugin

from images.image_fixtures import encoded, gps_exif, noise
from ttdn.images.cli import images
from ttdn.images.metadata import location, read_blocks
from ttdn.images.xmp import location as xmp_location

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def packet(props: str, extra_ns: str = "") -> bytes:
    """An XMP packet whose rdf:Description holds `props`; `p:` is exif, `ps:` photoshop, `dc:`."""
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="' + RDF + '">'
        '<rdf:Description rdf:about="" xmlns:p="http://ns.adobe.com/exif/1.0/" '
        'xmlns:ps="http://ns.adobe.com/photoshop/1.0/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" ' + extra_ns + ">" + props
        + "</rdf:Description></rdf:RDF></x:xmpmeta>" + " " * 200 + '<?xpacket end="w"?>'
    ).encode()


GPS_XMP = packet("<p:GPSLatitude>15,22.8N</p:GPSLatitude><p:GPSLongitude>109,7.2E</p:GPSLongitude>"
                 "<ps:Credit>Sở Ngoại vụ</ps:Credit><ps:Headline>Lý Sơn</ps:Headline>")


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def check(*paths: Path):
    return CliRunner().invoke(images, ["--check", *map(str, paths)])


# --- No false alarms --------------------------------------------------------------------------


def test_an_empty_gps_ifd_or_only_a_version_id_is_no_location():
    empty = Image.Exif()
    empty[0x8825] = {0: b"\x02\x03\x00\x00"}
    assert location(encoded("JPEG", exif=empty)) == []
    zero = Image.Exif()
    zero[0x8825] = {0: b"\x02\x03\x00\x00", 1: "N", 2: (0.0, 0.0, 0.0), 3: "E", 4: (0.0, 0.0, 0.0)}
    assert location(encoded("JPEG", exif=zero)) == []
    version_only = packet("<p:GPSVersionID>2.3.0.0</p:GPSVersionID><ps:Credit>x</ps:Credit>")
    assert xmp_location(version_only) == []
    assert location(encoded("JPEG", xmp=version_only)) == []


# --- Every container --------------------------------------------------------------------------


def png_with_text(kind: str, key: str, text: bytes) -> bytes:
    info = PngImagePlugin.PngInfo()
    if kind == "tEXt":
        info.add_text(key, text.decode())
    elif kind == "zTXt":
        info.add_text(key, text.decode(), zip=True)
    else:
        info.add_itxt(key, text.decode(), zip=True)
    return encoded("PNG", pnginfo=info)


def raw_profile(name: str, blob: bytes) -> str:
    return f"\n{name}\n{len(blob):8d}\n{blob.hex()}\n"


@pytest.mark.parametrize("kind", ["tEXt", "zTXt", "iTXt"])
def test_png_xmp_in_any_text_chunk_is_found(kind):
    data = png_with_text(kind, "XML:com.adobe.xmp", GPS_XMP)
    assert location(data) == ["XMP location (GPSLatitude, GPSLongitude)"]


def test_png_imagemagick_raw_exif_profile_is_found():
    blob = gps_exif().tobytes()
    data = png_with_text("zTXt", "Raw profile type exif", raw_profile("exif", blob).encode())
    assert location(data) == ["EXIF GPS"]


def test_jpeg_xmp_with_any_prefix_is_found():
    odd = GPS_XMP.replace(b"p:GPS", b"zz9:GPS").replace(b"xmlns:p=", b"xmlns:zz9=")
    assert location(encoded("JPEG", xmp=odd)) == ["XMP location (GPSLatitude, GPSLongitude)"]
    # and a prefix that merely looks right, bound to another namespace, is nothing
    fake = GPS_XMP.replace(b'xmlns:p="http://ns.adobe.com/exif/1.0/"',
                           b'xmlns:p="http://example.com/not-exif/"')
    assert location(encoded("JPEG", xmp=fake)) == []


def test_place_names_are_a_location_in_xmp():
    city = packet("<ps:City>Quảng Ngãi</ps:City>")
    assert xmp_location(city) == ["City"]
    struct_attr = packet('<ext:LocationCreated rdf:parseType="Resource"><ext:City>Lý Sơn</ext:City>'
                         "</ext:LocationCreated>",
                         'xmlns:ext="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"')
    assert "LocationCreated" in xmp_location(struct_attr)


def gif_with_xmp(xmp: bytes) -> bytes:
    gif = encoded("GIF")
    trailer = bytes([1]) + bytes(range(255, -1, -1)) + b"\x00"  # the 258-byte magic trailer
    ext = b"\x21\xff\x0bXMP DataXMP" + xmp + trailer
    return gif[:-1] + ext + b";"


def test_gif_webp_tiff_heic_and_avif_locations_are_found():
    assert location(gif_with_xmp(GPS_XMP)) == ["XMP location (GPSLatitude, GPSLongitude)"]
    assert location(encoded("WEBP", xmp=GPS_XMP)) == ["XMP location (GPSLatitude, GPSLongitude)"]
    assert location(encoded("WEBP", exif=gps_exif())) == ["EXIF GPS"]
    assert location(encoded("TIFF", exif=gps_exif().tobytes())) == ["EXIF GPS"]
    assert "EXIF GPS" in location(encoded("HEIF", exif=gps_exif()))
    assert "EXIF GPS" in location(encoded("AVIF", exif=gps_exif()))
    assert location(encoded("TIFF")) == location(encoded("HEIF")) == []


def extended_xmp_jpeg(main: bytes, ext: bytes) -> bytes:
    """A JPEG whose location lives in extended XMP, split over two APP1 segments."""
    jpeg = encoded("JPEG", xmp=main)
    guid = b"0123456789ABCDEF0123456789ABCDEF"
    segments = b""
    half = len(ext) // 2
    for offset, part in ((0, ext[:half]), (half, ext[half:])):
        body = b"http://ns.adobe.com/xmp/extension/\x00" + guid + struct.pack(">II", len(ext),
                                                                               offset) + part
        segments += b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body
    return jpeg[:2] + segments + jpeg[2:]


def test_jpeg_extended_xmp_is_found_and_stripped(tmp_path):
    ext = GPS_XMP.split(b"?>", 1)[1].rsplit(b"<?xpacket", 1)[0]
    photo = write(tmp_path / "ext.jpg", extended_xmp_jpeg(packet("<ps:Credit>A</ps:Credit>"), ext))
    assert location(photo.read_bytes()) == ["XMP location (GPSLatitude, GPSLongitude)"]
    assert CliRunner().invoke(images, ["--strip-location", str(photo)]).exit_code == 0
    assert location(photo.read_bytes()) == []
    assert b"Headline" in photo.read_bytes()


# --- Strip: the location and nothing else -------------------------------------------------------


def rich_exif() -> Image.Exif:
    exif = gps_exif()
    exif[0x8769] = {0x829A: (1, 250), 0x829D: 2.8, 0x8827: 100, 0x9003: "2023:05:01 10:00:00",
                    0xA431: "SN-123456"}
    return exif


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_strip_removes_only_the_location_and_keeps_pixels_exif_and_xmp(tmp_path, fmt):
    suffix = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}[fmt]
    save: dict = {"lossless": True, "xmp": GPS_XMP} if fmt == "WEBP" else {"xmp": GPS_XMP}
    if fmt == "PNG":  # Pillow writes PNG XMP only as an iTXt chunk of our making
        save = {"pnginfo": PngImagePlugin.PngInfo()}
        save["pnginfo"].add_itxt("XML:com.adobe.xmp", GPS_XMP.decode())
    photo = write(tmp_path / f"ly-son.{suffix}", encoded(fmt, noise((64, 48)), exif=rich_exif(),
                                                         **save))
    before = Image.open(photo)
    pixels, exif_before = before.tobytes(), before.getexif()
    result = CliRunner().invoke(images, ["--strip-location", str(photo)])
    assert result.exit_code == 0 and "location removed" in result.output, result.output
    data = photo.read_bytes()
    assert location(data) == []
    after = Image.open(photo)
    assert after.tobytes() == pixels
    exif = after.getexif()
    assert not [t for t in exif.get_ifd(0x8825) if t != 0]
    for tag in (0x010F, 0x0110, 0x0112):
        assert exif[tag] == exif_before[tag]
    assert exif.get_ifd(0x8769) == exif_before.get_ifd(0x8769)  # exposure, ISO, date, serial
    packets = read_blocks(data, {"JPEG": "jpeg", "PNG": "png", "WEBP": "webp"}[fmt]).xmp
    assert packets and b"Credit" in packets[0] and "Sở Ngoại vụ".encode() in packets[0]
    assert b"Headline" in packets[0] and b"GPSLatitude" not in packets[0]
    assert check(photo).exit_code == 0


def test_strip_reports_no_location_and_changes_nothing_when_there_is_none(tmp_path):
    exif = rich_exif()
    del exif[0x8825]
    photo = write(tmp_path / "clean.jpg", encoded("JPEG", exif=exif, xmp=packet("<ps:Credit>A"
                                                                               "</ps:Credit>")))
    before = photo.read_bytes()
    result = CliRunner().invoke(images, ["--strip-location", str(photo)])
    assert result.exit_code == 0 and "no location" in result.output
    assert photo.read_bytes() == before


def test_a_bad_file_or_a_symlink_in_a_strip_batch_is_named_and_the_rest_stripped(tmp_path):
    first = write(tmp_path / "a.jpg", encoded("JPEG", exif=gps_exif()))
    broken = write(tmp_path / "b.jpg", b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00MM\x00*\xff\xff")
    link = tmp_path / "c.jpg"
    target = write(tmp_path / "real" / "c.jpg", encoded("JPEG", exif=gps_exif()))
    link.symlink_to(target)
    last = write(tmp_path / "d.png", encoded("PNG", exif=gps_exif()))
    result = CliRunner().invoke(images, ["--strip-location", *map(str, (first, broken, link,
                                                                         last))])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{broken}: " in result.output
    assert f"{link}: " in result.output
    assert f"strip the real file instead: {target}" in result.output
    assert location(first.read_bytes()) == location(last.read_bytes()) == []
    assert location(target.read_bytes()) == ["EXIF GPS"]  # untouched: the editor decides
    assert link.is_symlink()


def test_pre_commit_hook_mode_checks_images_by_content_and_skips_other_files(tmp_path):
    hidden = write(tmp_path / "notes.txt", encoded("JPEG", exif=gps_exif()))
    script = write(tmp_path / "build.py", b"print('hi')\n")
    result = CliRunner().invoke(images, ["--check", "--images-only", str(hidden), str(script)])
    assert result.exit_code == 1
    assert f"{hidden}: ảnh chứa thông tin vị trí (EXIF GPS)" in result.output
    assert "build.py" not in result.output
    _ = (io, zlib)


def test_strip_rewrites_a_png_raw_exif_profile_keeping_the_image_chunks(tmp_path):
    exif = rich_exif()
    blob = exif.tobytes()  # "Exif\0\0" + TIFF, as ImageMagick stores it
    assert blob.startswith(b"Exif\x00\x00MM") or blob.startswith(b"Exif\x00\x00II")
    text = raw_profile("exif", blob).encode()
    photo = write(tmp_path / "magick.png", png_with_text("zTXt", "Raw profile type exif", text))
    idat = [c for c in _chunks(photo.read_bytes()) if c[0] == b"IDAT"]
    assert CliRunner().invoke(images, ["--strip-location", str(photo)]).exit_code == 0
    data = photo.read_bytes()
    assert location(data) == []
    assert [c for c in _chunks(data) if c[0] == b"IDAT"] == idat
    kept, original = Image.Exif(), Image.Exif()
    kept.load(read_blocks(data, "png").exif[0])
    original.load(blob)
    assert kept.get_ifd(0x8769) == original.get_ifd(0x8769) and kept[0x010F] == "TestCam"
    assert len(original.get_ifd(0x8769)) == 5


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    from ttdn.images.metadata import png_chunks

    return [(kind, data[start:end]) for kind, start, end in png_chunks(data)]
