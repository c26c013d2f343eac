"""A chapter's manifest: every mistake is a finding with the manifest's file and line, in
Vietnamese then English; a photo no entry names is a warning naming it."""

from __future__ import annotations

from pathlib import Path

import pytest

from photobook.photobook_fixtures import entry, manifest, picture
from ttdn.photobook.manifest import read_manifest

LANGS = ["vi", "en"]


def chapter(tmp_path: Path, text: str, pictures: tuple[str, ...] = ("a.jpg", "b.jpg")) -> Path:
    folder = tmp_path / "photos" / "sach-anh" / "dao-ly-son"
    folder.mkdir(parents=True)
    for name in pictures:
        picture(folder / name)
    (folder / "manifest.yml").write_text(text, "utf-8")
    return folder


def errors(tmp_path: Path, text: str, **kw) -> list:
    photos, findings = read_manifest(chapter(tmp_path, text, **kw), LANGS, tmp_path)
    return [f for f in findings if f.severity == "error"]


def test_valid_manifest_gives_its_photos_in_order_with_their_lines(tmp_path: Path) -> None:
    photos, findings = read_manifest(
        chapter(tmp_path, manifest(entry("b.jpg"), entry("a.jpg"))), LANGS, tmp_path
    )
    assert findings == []
    assert [p.entry.file for p in photos] == ["b.jpg", "a.jpg"]
    assert [p.line for p in photos] == [2, 9]
    assert photos[0].entry.caption == {"vi": "Đảo Lý Sơn lúc bình minh",
                                       "en": "Lý Sơn island at dawn"}


def test_missing_photo_file_names_the_entry_line(tmp_path: Path) -> None:
    found = errors(tmp_path, manifest(entry("a.jpg"), entry("b.jpg"), entry("khong-co.jpg")))
    assert [(f.path, f.line, f.rule) for f in found] == [
        ("photos/sach-anh/dao-ly-son/manifest.yml", 16, "manifest-file")
    ]
    assert "Không tìm thấy ảnh 'khong-co.jpg'" in found[0].vi
    assert "'khong-co.jpg' is not in photos/sach-anh/dao-ly-son/" in found[0].en


def test_duplicate_entry_names_both_lines(tmp_path: Path) -> None:
    found = errors(tmp_path, manifest(entry("a.jpg"), entry("b.jpg"), entry("a.jpg")))
    assert [(f.line, f.rule) for f in found] == [(16, "manifest-duplicate")]
    assert "dòng 2" in found[0].vi and "line 2" in found[0].en


def test_invalid_yaml_names_the_line_of_the_mistake(tmp_path: Path) -> None:
    text = manifest(entry("a.jpg")) + '  - file: "b.jpg\n    caption: {vi: x, en: y}\n'
    found = errors(tmp_path, text)
    assert [(f.rule, f.path) for f in found] == [
        ("yaml", "photos/sach-anh/dao-ly-son/manifest.yml")
    ]
    assert found[0].line >= 9  # the unclosed quote opens on line 9
    assert found[0].vi.startswith("manifest.yml không đúng cú pháp YAML")
    assert found[0].en.startswith("manifest.yml is not valid YAML")


@pytest.mark.parametrize(
    ("change", "line", "vi", "en"),
    [
        ({"caption": None}, 9, "Thiếu 'photos.1.caption' (chú thích)",
         "'photos.1.caption' (caption) is missing"),
        ({"credit": None}, 9, "Thiếu 'photos.1.credit' (nguồn, giấy phép)",
         "'photos.1.credit' (credit and licence) is missing"),
        ({"caption": '{vi: "Đảo Lý Sơn"}'}, 10, "thiếu: en", "missing: en"),
        ({"credit": '""'}, 15, "'photos.1.credit' (nguồn, giấy phép) không được để trống",
         "'photos.1.credit' (credit and licence) is empty"),
        ({"date": "2023-13-01"}, 14, "không phải ngày hợp lệ", "is not a valid date"),
    ],
    ids=["caption-missing", "credit-missing", "caption-one-language", "credit-empty", "bad-date"],
)
def test_missing_or_invalid_field_is_reported_on_its_line(
    tmp_path: Path, change: dict, line: int, vi: str, en: str
) -> None:
    found = errors(tmp_path, manifest(entry("a.jpg"), entry("b.jpg", **change)))
    assert [(f.line, f.rule) for f in found] == [(line, "manifest")]
    assert vi in found[0].vi and en in found[0].en


def test_every_field_error_of_every_entry_is_reported_at_once(tmp_path: Path) -> None:
    text = manifest(entry("a.jpg", caption=None), entry("b.jpg", credit=None, alt=None))
    assert sorted((f.line, f.rule) for f in errors(tmp_path, text)) == [
        (2, "manifest"), (8, "manifest"), (8, "manifest")
    ]


def test_empty_or_misshapen_manifest_is_an_error(tmp_path: Path) -> None:
    found = errors(tmp_path, "- file: a.jpg\n")
    assert [(f.line, f.rule) for f in found] == [(1, "manifest")]


def test_missing_manifest_is_an_error_naming_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "photos" / "sach-anh" / "trong"
    folder.mkdir(parents=True)
    _, findings = read_manifest(folder, LANGS, tmp_path)
    assert [(f.path, f.rule) for f in findings] == [
        ("photos/sach-anh/trong/manifest.yml", "manifest-missing")
    ]


def test_photo_in_no_entry_is_a_warning_naming_it(tmp_path: Path) -> None:
    photos, findings = read_manifest(
        chapter(tmp_path, manifest(entry("a.jpg")), pictures=("a.jpg", "b.jpg", "ghi-chu.md")),
        LANGS, tmp_path,
    )
    assert [p.entry.file for p in photos] == ["a.jpg"]
    assert [(f.path, f.severity, f.rule) for f in findings] == [
        ("photos/sach-anh/dao-ly-son/b.jpg", "warning", "manifest-unlisted")
    ]
    assert "không được đăng" in findings[0].vi and "not published" in findings[0].en
