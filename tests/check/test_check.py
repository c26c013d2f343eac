"""`ttdn check`: one crafted bad contribution per rule, each in its own copy of a clean project;
each must be reported with its file, line and rule, and the clean project must pass."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from images.image_fixtures import canonical, gps_exif, write_jpeg

VI_ARTICLE = "docs/vi/tin-bai/2023/bai-mot.md"
EN_ARTICLE = "docs/en/tin-bai/2023/bai-mot.md"


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / name
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def write(project: Path, name: str, text: str) -> None:
    path = project / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def findings(ttdn: Callable, *args: str) -> tuple[int, list[tuple[str, int, str]], dict]:
    result = ttdn("check", "--format", "json", *args)
    data = json.loads(result.output)
    found = [(f["path"], f["line"], f["rule"]) for f in data["findings"]]
    return result.exit_code, found, data


def test_a_clean_project_passes_with_no_finding(ttdn) -> None:
    code, found, data = findings(ttdn)
    assert found == []
    assert code == 0
    assert data["summary"]["pages"] == 8 and data["summary"]["images"] == 1


def test_text_output_names_file_line_rule_vietnamese_then_english(project, ttdn) -> None:
    edit(project, VI_ARTICLE, "date: 2023-01-02", "date: 2023-02-30")
    result = ttdn("check")
    assert result.exit_code == 1
    first, second = result.output.splitlines()[:2]
    assert first.startswith(f"{VI_ARTICLE}:4: schema: 'date' không phải ngày hợp lệ")
    assert second.strip().startswith("'date' is not a valid date")
    assert "❌ ttdn check:" in result.output.splitlines()[-1]


# (file, old text, new text) → the one finding expected: (file, line, rule)
CASES = {
    "yaml-tab": (VI_ARTICLE, "agency: Sở", "\tagency: Sở", (VI_ARTICLE, 6, "yaml")),
    "yaml-unclosed-quote": (VI_ARTICLE, "description: Bài một.", 'description: "Bài một.',
                            (VI_ARTICLE, 3, "yaml")),
    "yaml-missing-colon": (VI_ARTICLE, "agency: Sở", "agency Sở", (VI_ARTICLE, 6, "yaml")),
    "yaml-colon-in-value": (VI_ARTICLE, "title: Bài một", "title: Hội nghị: tập huấn",
                            (VI_ARTICLE, 2, "yaml")),
    "schema-missing-field": (VI_ARTICLE, "agency: Sở Ngoại vụ\n", "", (VI_ARTICLE, 8, "schema")),
    "schema-unknown-category": (VI_ARTICLE, "category: bien-dao", "category: the-thao",
                                (VI_ARTICLE, 5, "schema")),
    "cover-without-alt": (VI_ARTICLE, "image_alt: Bãi biển\n", "", (VI_ARTICLE, 7, "schema")),
    "wrong-year-folder": (VI_ARTICLE, "date: 2023-01-02", "date: 2022-01-02",
                          (VI_ARTICLE, 4, "place")),
    "empty-body": (VI_ARTICLE, None, None, (VI_ARTICLE, 10, "empty-body")),
    "image-without-alt": (VI_ARTICLE, "![Bãi biển]", "![]", (VI_ARTICLE, 15, "image-alt")),
    "missing-cover": (VI_ARTICLE, "image: /photos/tin-bai/bia.jpg",
                      "image: /photos/tin-bai/khong-co.jpg", (VI_ARTICLE, 7, "asset-missing")),
    "missing-inline-photo": (VI_ARTICLE, "![Bãi biển](/photos/tin-bai/bia.jpg)",
                             "![Bãi biển](/photos/tin-bai/khac.jpg)",
                             (VI_ARTICLE, 15, "asset-missing")),
    "cover-outside-photos": (VI_ARTICLE, "image: /photos/tin-bai/bia.jpg", "image: bia.jpg",
                             (VI_ARTICLE, 7, "asset-not-photo")),
    "remote-image": (VI_ARTICLE, "![Bãi biển](/photos/tin-bai/bia.jpg)",
                     "![Bãi biển](https://example.com/a.jpg)", (VI_ARTICLE, 15, "asset-external")),
    "link-missing-page": (VI_ARTICLE, "../../index.md", "../../khong-co.md",
                          (VI_ARTICLE, 17, "link-missing")),
    "link-missing-directory-url": (VI_ARTICLE, "../../index.md", "../../van-ban/khong-co/",
                                   (VI_ARTICLE, 17, "link-missing")),
    "link-missing-absolute-url": (VI_ARTICLE, "../../index.md", "/van-ban/khong-co/",
                                  (VI_ARTICLE, 17, "link-missing")),
    "link-missing-anchor": (VI_ARTICLE, "#muc-tieu", "#khong-co", (VI_ARTICLE, 17, "link-anchor")),
    "link-missing-anchor-other-language": (EN_ARTICLE, "#muc-tieu", "#objectives",
                                           (EN_ARTICLE, 18, "link-anchor")),
    "link-http": (VI_ARTICLE, "../../index.md", "http://example.com/",
                  (VI_ARTICLE, 17, "url-http")),
    "link-javascript": (VI_ARTICLE, "../../index.md", "javascript:alert(1)",
                        (VI_ARTICLE, 17, "url-scheme")),
    "link-into-other-language-missing": (VI_ARTICLE, "../../index.md", "../../../en/khong-co.md",
                                         (VI_ARTICLE, 17, "link-missing")),
    "translation-category-differs": (EN_ARTICLE, "category: bien-dao",
                                     "category: quyen-con-nguoi",
                                     (EN_ARTICLE, 5, "translation-category")),
    "translation-date-differs": (EN_ARTICLE, "date: 2023-01-02", "date: 2023-01-03",
                                 (EN_ARTICLE, 4, "translation-date")),
    "translation-source-not-recorded": (EN_ARTICLE, None, None,
                                        (EN_ARTICLE, 2, "translation-source")),
}


@pytest.mark.parametrize("case", CASES)
def test_each_bad_contribution_is_reported_at_its_file_line_and_rule(project, ttdn, case) -> None:
    name, old, new, expected = CASES[case]
    if case == "empty-body":
        text = (project / name).read_text("utf-8")
        write(project, name, text[: text.index("# Bài một")] + "# Bài một\n")
    elif case == "translation-source-not-recorded":
        text = (project / name).read_text("utf-8")
        write(project, name, "".join(
            line for line in text.splitlines(keepends=True) if not line.startswith("translation:")
        ))
    else:
        edit(project, name, old, new)
    code, found, _ = findings(ttdn)
    assert expected in found, found
    # Nothing else is blamed, but the counterpart may now disagree (stale, another date).
    assert all(f[0] == expected[0] or f[2].startswith("translation-") for f in found), found
    warning_only = case == "translation-source-not-recorded"
    assert code == (0 if warning_only else 1)


def test_unicode_not_nfc_is_found_and_fix_changes_nothing_else(project, ttdn) -> None:
    path = project / VI_ARTICLE
    original = path.read_bytes().replace(b"\n", b"\r\n")  # CRLF must survive the fix
    decomposed = unicodedata.normalize("NFD", "biển, đảo")
    broken = original.replace("biển, đảo".encode(), decomposed.encode())
    path.write_bytes(broken)
    code, found, _ = findings(ttdn)
    # A warning: the build publishes it in NFC; --fix mends the file itself.
    assert (VI_ARTICLE, 13, "unicode-nfc") in found and code == 0
    result = ttdn("check", "--fix", str(path))
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == original
    assert f"normalised to NFC: {VI_ARTICLE}" in result.output


def test_a_file_name_with_accents_is_refused(project, ttdn) -> None:
    (project / VI_ARTICLE).rename(project / "docs/vi/tin-bai/2023/Bài-Một.md")
    _, found, _ = findings(ttdn)
    assert ("docs/vi/tin-bai/2023/Bài-Một.md", 1, "file-name") in found


def test_the_same_slug_twice_in_one_language(project, ttdn) -> None:
    text = (project / VI_ARTICLE).read_text("utf-8").replace("2023-01-02", "2022-05-01")
    write(project, "docs/vi/tin-bai/2022/bai-mot.md", text.replace("Bài một", "Bài khác"))
    _, found, _ = findings(ttdn)
    assert any(f[1:] == (1, "duplicate-slug") for f in found), found


def test_a_photo_with_its_location_fails(project, ttdn) -> None:
    write_jpeg(project / "photos/tin-bai/bia.jpg", canonical((64, 48)), exif=gps_exif())
    code, found, _ = findings(ttdn)
    assert ("photos/tin-bai/bia.jpg", 0, "image-location") in found and code == 1


def test_a_link_to_a_page_only_in_the_other_language(project, ttdn) -> None:
    write(project, "docs/vi/gioi-thieu.md",
          "---\ntitle: Giới thiệu\ndescription: Giới thiệu.\ndate: 2023-01-02\n"
          "translation: {pending: 2023-01-05}\n---\n\nGiới thiệu.\n")
    write(project, "docs/en/gioi-thieu.md",
          "---\ntitle: About\ndescription: About.\ndate: 2023-01-02\n"
          "translation: {pending: 2023-01-05}\n---\n\nPending.\n")
    edit(project, EN_ARTICLE, "../../index.md", "../../gioi-thieu.md")
    _, found, _ = findings(ttdn)
    assert (EN_ARTICLE, 18, "link-unpublished") in found
    edit(project, EN_ARTICLE, "../../gioi-thieu.md", "../../van-ban/moi.md")
    write(project, "docs/vi/van-ban/moi.md",
          "---\ntitle: Mới\ndescription: Mới.\ndate: 2023-01-02\n---\n\nMới.\n")
    _, found, _ = findings(ttdn)
    assert (EN_ARTICLE, 18, "link-untranslated") in found


def test_a_vietnamese_draft_with_a_published_english_fails(project, ttdn) -> None:
    edit(project, VI_ARTICLE, "agency: Sở Ngoại vụ\n", "agency: Sở Ngoại vụ\ndraft: true\n")
    code, found, _ = findings(ttdn)
    assert code == 1
    assert (EN_ARTICLE, 2, "translation-draft") in found


def test_a_page_without_translation_must_declare_it_pending(project, ttdn) -> None:
    (project / EN_ARTICLE).unlink()
    code, found, data = findings(ttdn)
    assert (VI_ARTICLE, 1, "translation-missing") in found and code == 1
    write(project, EN_ARTICLE, (project / VI_ARTICLE).read_text("utf-8").replace(
        "---\n\n", "translation: {pending: 2023-01-05}\n---\n\n", 1))
    code, found, data = findings(ttdn)
    assert found == [] and code == 0
    assert {"original": VI_ARTICLE, "language": "en", "state": "pending",
            "translation": EN_ARTICLE} in data["translations"]


def test_a_translation_under_another_name_is_an_orphan(project, ttdn) -> None:
    (project / EN_ARTICLE).rename(project / "docs/en/tin-bai/2023/article-one.md")
    _, found, _ = findings(ttdn)
    assert ("docs/en/tin-bai/2023/article-one.md", 1, "translation-orphan") in found
    assert (VI_ARTICLE, 1, "translation-missing") in found


def test_an_edited_original_makes_its_translation_stale_until_translated(project, ttdn) -> None:
    edit(project, VI_ARTICLE, "Nội dung bài một", "Nội dung mới của bài một")
    code, found, _ = findings(ttdn)
    assert found == [(EN_ARTICLE, 9, "translation-stale")]
    assert code == 0  # a warning: the Vietnamese correction may go out before the translation
    result = ttdn("translated", str(project / EN_ARTICLE))
    assert result.exit_code == 0, result.output
    _, found, _ = findings(ttdn)
    assert found == []


def test_checking_some_paths_loads_only_them_and_their_translations(project, ttdn) -> None:
    edit(project, "docs/vi/van-ban/index.md", "date: 2023-01-02", "date: 2023-13-02")
    edit(project, EN_ARTICLE, "../../index.md", "../../khong-co.md")
    code, found, data = findings(ttdn, str(project / VI_ARTICLE))
    assert found == [(EN_ARTICLE, 18, "link-missing")] and code == 1
    assert data["summary"]["pages"] == 2


def test_markdown_summary_lists_findings_and_translations_not_done(project, ttdn) -> None:
    edit(project, VI_ARTICLE, "Nội dung bài một", "Nội dung mới")
    result = ttdn("check", "--format", "markdown")
    assert f"| `{EN_ARTICLE}:9` | ⚠️ `translation-stale` |" in result.output
    assert f"| `{VI_ARTICLE}` | Bản gốc đã sửa sau khi dịch / Stale | `{EN_ARTICLE}` |" in (
        result.output
    )


def test_the_trust_boundary_rules_run_in_the_check(project, ttdn) -> None:
    edit(project, VI_ARTICLE, "Nội dung bài một", 'Nội dung <script>alert(1)</script> bài một')
    write(project, "docs/vi/tin-bai/trang.html", "<!doctype html><form>mật khẩu</form>")
    edit(project, EN_ARTICLE, "The text", "The <a href='javascript:alert(1)'>text</a>")
    code, found, _ = findings(ttdn)
    assert (VI_ARTICLE, 13, "html-element") in found
    assert (EN_ARTICLE, 14, "html-element") not in found  # <a> is allowed, its URL is not
    assert any(f[0] == EN_ARTICLE and f[1] == 14 and f[2].startswith("url") for f in found), found
    assert ("docs/vi/tin-bai/trang.html", 0, "file-type") in found
    assert code == 1


def test_a_photo_in_docs_under_another_name_is_found_by_its_bytes(project, ttdn) -> None:
    photo = project / "docs/vi/tin-bai/2023/anh.txt"
    write_jpeg(photo, canonical((64, 48)), exif=gps_exif())
    code, found, _ = findings(ttdn, str(photo))
    assert ("docs/vi/tin-bai/2023/anh.txt", 0, "file-image") in found
    assert ("docs/vi/tin-bai/2023/anh.txt", 0, "image-location") in found
    assert code == 1


def test_a_byte_order_mark_is_no_mistake(project, ttdn) -> None:
    path = project / VI_ARTICLE
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    code, found, _ = findings(ttdn)
    assert found == [] and code == 0


def test_checking_a_folder_covers_its_pages_and_their_translations(project, ttdn) -> None:
    edit(project, EN_ARTICLE, "category: bien-dao", "category: quyen-con-nguoi")
    edit(project, "docs/vi/index.md", "date: 2023-01-02", "date: 2023-01-32")
    code, found, data = findings(ttdn, str(project / "docs/vi/tin-bai"))
    assert found == [(EN_ARTICLE, 5, "translation-category")] and code == 1
    assert data["summary"]["pages"] == 4  # the column's index and article, in both languages


def test_markdown_summary_shows_contributor_text_as_text(project, ttdn) -> None:
    """A value quoted in a finding never becomes live Markdown or HTML in the job summary."""
    edit(project, VI_ARTICLE, "image: /photos/tin-bai/bia.jpg",
         "image: '<img src=x onerror=alert(1)>[x](javascript:a)**b**'")
    result = ttdn("check", "--format", "markdown")
    row = next(line for line in result.output.splitlines() if "front-matter-url" in line)
    assert re.search(r"(?<!\\)<img", row) is None and "\\<img" in row
    assert "](javascript" not in row and "\\*\\*b\\*\\*" in row
    assert f"| `{VI_ARTICLE}:7` |" in row
