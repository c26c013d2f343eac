"""Each rule of the bulletin rejects a crafted bad bulletin, naming the file, in both languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from PIL import Image

from helpers import bulletin_article, bulletin_issue, bulletin_site
from ttdn.content import CONTENT_TYPES, load_content
from ttdn.content.categories import categories
from ttdn.findings import Finding
from ttdn.i18n import Languages


def findings_of(root: Path, files: dict[str, str]) -> list[Finding]:
    """What the build's loading and the types' checks find in `files` (as load_model does)."""
    for name, text in files.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    languages = Languages.from_codes(["vi", "en"], "vi")
    content, found = load_content(root / "docs", languages, CONTENT_TYPES, categories(),
                                  root=root, today=dt.date(2030, 1, 1))
    return found + [f for kind in CONTENT_TYPES for check in kind.checks for f in check(content)]


def only(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def test_a_valid_bulletin_has_no_findings(tmp_path):
    assert findings_of(tmp_path, bulletin_site([(2023, 1, 1), (2023, 2, 2), (2024, 1, 1)])) == []


def test_two_issues_for_one_quarter(tmp_path):
    files = bulletin_site([(2023, 1, 1)])
    for lang in ("vi", "en"):  # q2's folder, but its front matter says quarter 1
        files[f"{lang}/ban-tin/2023/q2/index.md"] = bulletin_issue(2023, 1, 2)
        files[f"{lang}/ban-tin/2023/q2/bai.md"] = bulletin_article("Bài", 1)
    found = findings_of(tmp_path, files)
    duplicates = only(found, "bulletin-quarter")
    assert {f.path for f in duplicates} == {"docs/vi/ban-tin/2023/q2/index.md",
                                            "docs/en/ban-tin/2023/q2/index.md"}
    duplicate = duplicates[0]
    assert "mỗi quý chỉ một số" in duplicate.vi and "one issue per quarter" in duplicate.en
    assert only(found, "place")  # and the folder does not match the front matter


def test_numbering_with_a_gap_within_a_year(tmp_path):
    found = only(findings_of(tmp_path, bulletin_site([(2023, 1, 1), (2023, 2, 3)])),
                 "bulletin-number")
    assert {f.path for f in found} == {"docs/vi/ban-tin/2023/q2/index.md",
                                       "docs/en/ban-tin/2023/q2/index.md"}
    assert all(f.line == 7 for f in found)  # the line of 'number:'
    assert "phải là 2, không phải 3" in found[0].vi and "must be 2, not 3" in found[0].en


def test_issue_in_one_language_only(tmp_path):
    files = bulletin_site([(2023, 1, 1)], languages=("vi",))
    (finding,) = only(findings_of(tmp_path, files), "bulletin-bilingual")
    assert finding.path == "docs/vi/ban-tin/2023/q1/index.md"
    assert "docs/en/ban-tin/2023/q1/index.md" in finding.vi
    assert "draft: true" in finding.en


def test_draft_issue_in_one_language_is_not_published_and_passes(tmp_path):
    files = bulletin_site([(2023, 1, 1)], languages=("vi",))
    for name in list(files):
        if name.startswith("vi/ban-tin/2023/"):
            files[name] = files[name].replace("---\n\n", "draft: true\n---\n\n", 1)
    assert findings_of(tmp_path, files) == []


def test_issue_without_cover(tmp_path):
    files = bulletin_site([(2023, 1, 1)])
    files["vi/ban-tin/2023/q1/index.md"] = bulletin_issue(2023, 1, 1).replace(
        "image: /photos/ban-tin/bia.png\nimage_alt: Ảnh minh họa\n", "")
    (finding,) = only(findings_of(tmp_path, files), "schema")
    assert finding.path == "docs/vi/ban-tin/2023/q1/index.md"
    assert "ảnh bìa" in finding.vi and "needs a cover" in finding.en


def test_issue_without_articles_has_no_contents(tmp_path):
    files = {k: v for k, v in bulletin_site([(2023, 1, 1)]).items() if "bai-" not in k}
    found = only(findings_of(tmp_path, files), "bulletin-contents")
    assert {f.path for f in found} == {"docs/vi/ban-tin/2023/q1/index.md",
                                       "docs/en/ban-tin/2023/q1/index.md"}
    assert "chưa có bài nào" in found[0].vi and "has no articles" in found[0].en


def test_two_articles_in_one_place_of_the_contents(tmp_path):
    files = bulletin_site([(2023, 1, 1)])
    files["vi/ban-tin/2023/q1/bai-hai.md"] = bulletin_article("Bài hai", 1)
    (finding,) = only(findings_of(tmp_path, files), "bulletin-contents")
    assert finding.path == "docs/vi/ban-tin/2023/q1/bai-mot.md"  # bai-hai took place 1 first
    assert "'order: 1'" in finding.vi and "one place in the contents" in finding.en


def test_article_without_order_is_named(tmp_path):
    files = bulletin_site([(2023, 1, 1)])
    files["en/ban-tin/2023/q1/bai-hai.md"] = bulletin_article("Two", 2).replace("order: 2\n", "")
    (finding,) = only(findings_of(tmp_path, files), "schema")
    assert finding.path == "docs/en/ban-tin/2023/q1/bai-hai.md"
    assert "'order'" in finding.en


def test_article_outside_any_issue(tmp_path):
    files = bulletin_site([(2023, 1, 1)])
    files["vi/ban-tin/2023/q3/lac.md"] = bulletin_article("Lạc", 1)
    (finding,) = only(findings_of(tmp_path, files), "bulletin-contents")
    assert finding.path == "docs/vi/ban-tin/2023/q3/lac.md"
    assert "docs/vi/ban-tin/2023/q3/index.md" in finding.vi


def test_the_build_fails_on_a_bad_bulletin_with_every_message(small_site, caplog, tmp_path):
    files = bulletin_site([(2023, 1, 1), (2023, 2, 3)])
    photos = tmp_path / "photos" / "ban-tin"
    photos.mkdir(parents=True)
    Image.new("RGB", (64, 48), "navy").save(photos / "bia.png")
    with pytest.raises(Abort):
        small_site(files)
    assert "docs/vi/ban-tin/2023/q2/index.md:7: bulletin-number" in caplog.text
    assert "docs/en/ban-tin/2023/q2/index.md:7: bulletin-number" in caplog.text


def test_a_picture_without_its_credit_is_named_with_its_line(tmp_path):
    files = bulletin_site([(2023, 1, 1)])
    name = next(n for n in files if n.startswith("vi/") and not n.endswith("index.md"))
    files[name] += '\n![Bến cảng](/photos/ban-tin/bia.png "Bến cảng Dung Quất")\n'
    found = only(findings_of(tmp_path, files), "image-credit")
    assert [(f.path, f.line) for f in found] == [
        (f"docs/{name}", files[name].count("\n"))
    ]
    assert "' | '" in found[0].vi and "' | '" in found[0].en
    files[name] = files[name].replace('Dung Quất")', 'Dung Quất | Ảnh: Sở Ngoại vụ")')
    assert only(findings_of(tmp_path, files), "image-credit") == []
