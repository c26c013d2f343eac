"""Nothing unfinished goes live (issue 20): a scaffold's placeholders are refused once a page
would be published, `ttdn translated` refuses a translation that is not one, and a page outside
docs/<language>/ is refused; the build refuses what the check refuses."""

from __future__ import annotations

import json
from pathlib import Path

from ttdn.i18n import Languages
from ttdn.scaffold import PLACEHOLDER_KEYS

VI = "docs/vi/tin-bai/2023/hop-bao.md"
EN = "docs/en/tin-bai/2023/hop-bao.md"


def new_article(ttdn) -> None:
    result = ttdn("new-article", "--title", "Họp báo", "--category", "bien-dao",
                  "--date", "2023-03-15")
    assert result.exit_code == 0, result.output


def lines(project: Path, name: str) -> list[str]:
    return (project / name).read_text("utf-8").splitlines()


def test_a_fresh_new_article_is_refused_at_its_placeholder_line(project, ttdn) -> None:
    new_article(ttdn)
    result = ttdn("check", "--format", "json")
    found = [(f["path"], f["line"], f["rule"]) for f in json.loads(result.output)["findings"]]
    line = next(i for i, text in enumerate(lines(project, VI), 1) if "Viết nội dung" in text)
    assert found == [(VI, line, "placeholder")] and result.exit_code == 1
    text = ttdn("check").output
    assert f"{VI}:{line}: placeholder: Dòng này vẫn là chữ mẫu" in text
    assert "still the scaffold's placeholder" in text


def test_the_build_refuses_the_placeholder_the_check_refuses(project, ttdn) -> None:
    new_article(ttdn)
    result = ttdn("build", "-d", str(project / "site"))
    assert result.exit_code == 1
    assert f"{VI}:" in result.output and "placeholder" in result.output
    assert not (project / "site").exists()


def test_a_draft_new_article_may_keep_its_placeholder(project, ttdn) -> None:
    new_article(ttdn)
    path = project / VI
    path.write_text(path.read_text("utf-8").replace("agency:", "draft: true\nagency:", 1),
                    "utf-8")
    en = project / EN
    en.write_text(en.read_text("utf-8").replace("agency:", "draft: true\nagency:", 1), "utf-8")
    assert ttdn("check").exit_code == 0


def test_a_new_issue_made_public_unedited_is_refused_field_by_field(project, ttdn) -> None:
    assert ttdn("new-issue", "2023", "1").exit_code == 0
    assert ttdn("check", str(project / "docs/vi/ban-tin/2023/q1")).exit_code == 0  # a draft
    for code in ("vi", "en"):
        for name in ("index.md", "bai-1.md"):
            path = project / "docs" / code / "ban-tin/2023/q1" / name
            path.write_text(path.read_text("utf-8").replace("draft: true\n", ""), "utf-8")
    result = ttdn("check", "--format", "json", str(project / "docs/vi/ban-tin/2023/q1"))
    found = {(f["path"], f["rule"]) for f in json.loads(result.output)["findings"]}
    for code in ("vi", "en"):
        assert (f"docs/{code}/ban-tin/2023/q1/index.md", "placeholder") in found
        assert (f"docs/{code}/ban-tin/2023/q1/bai-1.md", "placeholder") in found
    index = lines(project, "docs/vi/ban-tin/2023/q1/index.md")
    title = next(i for i, text in enumerate(index, 1) if text.startswith("title:"))
    placed = {(f["path"], f["line"]) for f in json.loads(result.output)["findings"]}
    assert ("docs/vi/ban-tin/2023/q1/index.md", title) in placed


def test_placeholders_come_from_the_scaffolds_translation_tables() -> None:
    languages = Languages.from_codes(["vi", "en"], "vi")
    for lang in languages.all:
        for key in PLACEHOLDER_KEYS:
            assert lang.t(key).strip(), key


def test_translated_refuses_the_untouched_placeholder(project, ttdn) -> None:
    new_article(ttdn)
    before = (project / EN).read_text("utf-8")
    result = ttdn("translated", str(project / EN))
    assert result.exit_code == 1
    assert f"{EN}:" in result.output and "translated-placeholder" in result.output
    assert (project / EN).read_text("utf-8") == before  # nothing recorded, still pending


def test_translated_refuses_a_translation_still_in_vietnamese(project, ttdn) -> None:
    new_article(ttdn)
    (project / EN).write_text(
        "---\ntitle: Họp báo\ndescription: Họp báo.\ndate: 2023-03-15\ncategory: bien-dao\n"
        "agency: Sở Ngoại vụ\ntranslation: {pending: 2023-03-15}\n---\n\n# Họp báo\n\n"
        "Sở Ngoại vụ tỉnh Quảng Ngãi tổ chức họp báo thông tin về công tác đối ngoại.\n",
        "utf-8")
    result = ttdn("translated", str(project / EN))
    assert result.exit_code == 1 and "translated-language" in result.output
    assert "still Vietnamese" in result.output and "pending:" in lines(project, EN)[6]


def test_translated_accepts_english_that_names_vietnamese_places(project, ttdn) -> None:
    new_article(ttdn)
    (project / EN).write_text(
        "---\ntitle: Press conference\ndescription: A press conference.\ndate: 2023-03-15\n"
        "category: bien-dao\nagency: Sở Ngoại vụ\ntranslation: {pending: 2023-03-15}\n---\n\n"
        "# Press conference\n\nThe Department of Foreign Affairs of Quảng Ngãi held a press "
        "conference on Lý Sơn island about the province's foreign information work.\n",
        "utf-8")
    result = ttdn("translated", str(project / EN))
    assert result.exit_code == 0, result.output
    assert "translation: {source: " in (project / EN).read_text("utf-8")


def test_a_page_outside_the_language_folders_is_refused(project, ttdn) -> None:
    (project / "docs" / "lac.md").write_text("---\ntitle: Lạc\n---\n\nTrang lạc.\n", "utf-8")
    result = ttdn("check", "--format", "json")
    found = [(f["path"], f["rule"]) for f in json.loads(result.output)["findings"]]
    assert found == [("docs/lac.md", "outside-language")] and result.exit_code == 1
    build = ttdn("build", "-d", str(project / "site"))
    assert build.exit_code == 1 and "docs/lac.md" in build.output
