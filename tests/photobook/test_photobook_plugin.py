"""The ttdn-photobook plugin in a build: bad manifests stop it with file and line, an unlisted
photo warns, and the print editions are rendered only when the book changed."""

from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from photobook.photobook_fixtures import book_files, build_book, entry, manifest, write_book


def test_bad_manifests_fail_the_build_with_every_file_and_line(tmp_path: Path, caplog) -> None:
    write_book(
        tmp_path,
        book_files({"dao-ly-son": 1, "bo-bien": 2}),
        {
            "sach-anh/dao-ly-son/a.jpg": (300, 200),
            "sach-anh/dao-ly-son/manifest.yml": manifest(entry("a.jpg", credit=None)),
            "sach-anh/bo-bien/b.jpg": (300, 200),
            "sach-anh/bo-bien/manifest.yml": manifest(entry("b.jpg"), entry("b.jpg")),
        },
    )
    with pytest.raises(Abort):
        build_book(tmp_path)
    text = caplog.text
    assert "photos/sach-anh/bo-bien/manifest.yml:9: manifest-duplicate: Ảnh 'b.jpg'" in text
    assert "photos/sach-anh/dao-ly-son/manifest.yml:2: manifest: Thiếu 'photos.0.credit'" in text
    # Vietnamese first, the English on the next line.
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if "manifest-duplicate" in line)
    assert lines[at + 1].strip().startswith("The photo 'b.jpg' is already listed on line 2")
    assert "2 lỗi, 0 cảnh báo / 2 error(s), 0 warning(s)" in text


def test_chapter_without_manifest_fails_the_build(tmp_path: Path, caplog) -> None:
    write_book(tmp_path, book_files({"dao-ly-son": 1}), {"sach-anh/dao-ly-son/a.jpg": (300, 200)})
    with pytest.raises(Abort):
        build_book(tmp_path)
    assert "photos/sach-anh/dao-ly-son/manifest.yml: manifest-missing: Chương sách ảnh cần" \
        in caplog.text


def test_photo_in_no_manifest_is_a_warning_naming_it(tmp_path: Path, caplog) -> None:
    write_book(
        tmp_path,
        book_files({"dao-ly-son": 1}),
        {
            "sach-anh/dao-ly-son/a.jpg": (300, 200),
            "sach-anh/dao-ly-son/quen.jpg": (300, 200),
            "sach-anh/dao-ly-son/manifest.yml": manifest(entry("a.jpg")),
        },
    )
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"),
                         strict=False)
    with caplog.at_level(logging.WARNING):
        build(config)
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(
        "photos/sach-anh/dao-ly-son/quen.jpg: manifest-unlisted" in message
        for message in warned
    ), warned
    assert (tmp_path / "site" / "sach-anh" / "dao-ly-son" / "index.html").is_file()


def _rendered(cache: Path) -> dict[str, float]:
    return {p.name: p.stat().st_mtime_ns for p in sorted((cache / "pdf").glob("*.pdf"))}


def test_print_editions_are_rendered_again_only_when_their_content_changed(
    tmp_path: Path,
) -> None:
    photos = {
        "sach-anh/dao-ly-son/a.jpg": (600, 400),
        "sach-anh/dao-ly-son/manifest.yml": manifest(entry("a.jpg")),
    }
    write_book(tmp_path, book_files({"dao-ly-son": 1}), photos, print_editions=True)
    build_book(tmp_path)
    cache = tmp_path / ".cache" / "photobook"
    first = _rendered(cache)
    assert sorted(name.split("-", 1)[1] for name in first) == [
        "en.pdf", "nha-in.pdf", "song-ngu.pdf", "vi.pdf"
    ]

    build_book(tmp_path)  # nothing changed: every PDF comes from the cache
    assert _rendered(cache) == first

    changed = manifest(entry("a.jpg", caption='{vi: "Đảo Lý Sơn lúc bình minh", '
                                              'en: "Lý Sơn at first light"}'))
    (tmp_path / "photos" / "sach-anh" / "dao-ly-son" / "manifest.yml").write_text(changed)
    build_book(tmp_path)
    after = _rendered(cache)
    new = sorted(name.split("-", 1)[1] for name in set(after) - set(first))
    assert new == ["en.pdf", "nha-in.pdf", "song-ngu.pdf"]  # the Vietnamese one is unchanged
    site = tmp_path / "site" / "sach-anh"
    assert (site / "sach-anh-quang-ngai-vi.pdf").read_bytes() == (
        cache / "pdf" / next(n for n in first if n.endswith("-vi.pdf"))
    ).read_bytes()


def test_every_edition_is_the_same_bytes_when_built_again_from_an_empty_cache(
    tmp_path: Path, caplog
) -> None:
    # Reproducible: dates from the photos, the trailer /ID and the PDF/X DocumentID from the
    # content's key; nothing from the clock or a random number.
    photos = {
        "sach-anh/dao-ly-son/a.jpg": (600, 400),
        "sach-anh/dao-ly-son/manifest.yml": manifest(entry("a.jpg")),
    }
    write_book(tmp_path, book_files({"dao-ly-son": 1}), photos, print_editions=True)
    with caplog.at_level(logging.INFO):
        build_book(tmp_path)
    site = tmp_path / "site" / "sach-anh"
    first = {p.name: p.read_bytes() for p in site.glob("*.pdf")}
    assert len(first) == 4
    shutil.rmtree(tmp_path / ".cache" / "photobook")
    shutil.rmtree(tmp_path / "site")
    time.sleep(1.1)  # a clock-based date would differ now
    build_book(tmp_path)
    assert {p.name: p.read_bytes() for p in site.glob("*.pdf")} == first
    # 600 px is too small for a full-bleed page at 300 ppi: a warning names the file.
    warned = [r.getMessage() for r in caplog.records if "print-resolution" in r.getMessage()]
    assert any("photos/sach-anh/dao-ly-son/a.jpg: print-resolution:" in m
               and "needs to be at least 3579 px wide" in m and "(nha-in)" in m
               for m in warned), warned
