"""Loading the content model reports every problem of every page: file, line, rule and a
bilingual message, all in one pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from ttdn.content import CONTENT_TYPES, DocumentMeta, PageMeta, load_content, type_of
from ttdn.content.categories import categories
from ttdn.findings import Finding, FindingsError, raise_errors
from ttdn.i18n import Languages

LANGS = Languages.from_codes(["vi", "en"], "vi")


def load(root: Path):
    return load_content(root, LANGS, CONTENT_TYPES, categories(), root=root)

GOOD = "---\ntitle: Trang\ndescription: Mô tả.\ndate: 2023-01-02\n---\n# Trang\n"


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def only_error(root: Path) -> Finding:
    _, findings = load(root)
    assert len(findings) == 1, findings
    return findings[0]


def test_valid_pages_are_indexed_by_language_and_path(tmp_path: Path) -> None:
    site, findings = load(write(tmp_path, {"vi/index.md": GOOD, "en/index.md": GOOD}))
    assert findings == []
    entries = sorted((e.lang.code, str(e.src), e.url) for e in site)
    assert entries == [("en", "index.md", "en/"), ("vi", "index.md", "")]


def test_missing_title_names_file_and_the_closing_line(tmp_path: Path) -> None:
    text = "---\ndescription: Mô tả.\ndate: 2023-01-02\n---\n"
    error = only_error(write(tmp_path, {"vi/index.md": text}))
    assert error.path == "vi/index.md"  # relative to the repository root given
    assert error.line == 4
    assert "Thiếu trường bắt buộc 'title'" in error.vi
    assert "required field 'title' is missing" in error.en


def test_unparsable_date_points_at_its_line(tmp_path: Path) -> None:
    text = "---\ntitle: Trang\ndescription: Mô tả.\ndate: 27/12/2022\n---\n"
    error = only_error(write(tmp_path, {"vi/index.md": text}))
    assert error.line == 4
    assert "không phải ngày hợp lệ" in error.vi and "not a valid date" in error.en


def test_impossible_calendar_date_is_explained_not_crashed(tmp_path: Path) -> None:
    text = "---\ntitle: Trang\ndescription: Mô tả.\ndate: 2023-13-01\n---\n"
    error = only_error(write(tmp_path, {"vi/index.md": text}))
    assert error.line == 4 and "not a valid date" in error.en


def test_unknown_field_is_refused_with_the_valid_ones_listed(tmp_path: Path) -> None:
    text = GOOD.replace("date:", "tittle: x\ndate:")
    error = only_error(write(tmp_path, {"vi/index.md": text}))
    assert error.line == 4
    assert "'tittle'" in error.vi and "title" in error.en


def test_image_without_alt_text_is_refused(tmp_path: Path) -> None:
    text = GOOD.replace("date:", "image: anh.jpg\ndate:")
    error = only_error(write(tmp_path, {"vi/index.md": text}))
    assert error.line == 4
    assert "image_alt" in error.vi and "image_alt" in error.en


def test_updated_before_date_is_refused(tmp_path: Path) -> None:
    text = GOOD.replace("date: 2023-01-02", "date: 2023-01-02\nupdated: 2022-01-01")
    error = only_error(write(tmp_path, {"vi/index.md": text}))
    assert error.line == 5


def test_yaml_syntax_error_points_at_the_bad_line(tmp_path: Path) -> None:
    text = "---\ntitle: Trang\ndescription: \"Mô tả\ndate: 2023-01-02\n---\n"
    error = only_error(write(tmp_path, {"vi/index.md": text}))
    assert error.line == 3  # where the quote opens, not where the file ends
    assert "Dấu nháy" in error.vi and "never closed" in error.en


def test_unclosed_front_matter_is_reported(tmp_path: Path) -> None:
    error = only_error(write(tmp_path, {"vi/index.md": "---\ntitle: Trang\n# Trang\n"}))
    assert error.line == 1 and "never closed" in error.en


def test_file_names_must_be_ascii_slugs(tmp_path: Path) -> None:
    error = only_error(write(tmp_path, {"vi/văn-bản/index.md": GOOD}))
    assert "'văn-bản'" in error.vi and "lower-case ASCII" in error.en


def test_every_schema_error_of_a_file_is_reported(tmp_path: Path) -> None:
    _, findings = load(write(tmp_path, {"vi/van-ban/kh-1.md": GOOD}))
    missing = sorted(f.vi.split("'")[1] for f in findings)
    assert missing == ["issuer", "number", "signer"]
    assert {f.rule for f in findings} == {"schema"}
    assert {f.line for f in findings} == {5}  # the closing ---


def test_every_bad_page_is_reported_in_one_pass(tmp_path: Path) -> None:
    bad = "---\ntitle: Trang\n---\n"
    root = write(tmp_path, {"vi/a.md": bad, "en/b.md": bad, "vi/index.md": GOOD})
    with pytest.raises(FindingsError) as info:
        raise_errors(load(root)[1])
    assert [f.path for f in info.value.findings] == ["en/b.md", "en/b.md", "vi/a.md", "vi/a.md"]
    message = str(info.value)
    assert "vi/a.md:3: schema: Thiếu trường bắt buộc 'date'" in message
    assert message.endswith("4 lỗi, 0 cảnh báo / 4 error(s), 0 warning(s)")


def test_declared_patterns_decide_the_content_type() -> None:
    from pathlib import PurePosixPath as P

    def schema(src: str) -> type:
        return type_of(P(src), CONTENT_TYPES).schema

    assert schema("van-ban/kh-197.md") is DocumentMeta
    assert schema("van-ban/index.md") is PageMeta
    assert schema("gioi-thieu/index.md") is PageMeta
    assert type_of(P("tin-bai/2023/bai.md"), CONTENT_TYPES).name == "article"
    assert type_of(P("tin-bai/2023/index.md"), CONTENT_TYPES).name == "section"
    assert type_of(P("index.md"), CONTENT_TYPES).name == "section"
    assert type_of(P("bao-loi.md"), CONTENT_TYPES).name == "page"
