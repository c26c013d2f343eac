"""`ttdn new-article` and `ttdn translated` write content that passes `ttdn check`."""

from __future__ import annotations

import datetime as dt
import json

from ttdn.content import frontmatter


def test_new_article_creates_the_pair_and_passes_the_check_once_written(project, ttdn) -> None:
    result = ttdn("new-article", "--title", 'Hội nghị: "Gặp gỡ Quảng Ngãi" 2023',
                  "--category", "bien-dao", "--date", "2023-03-15")
    assert result.exit_code == 0, result.output
    vi = "docs/vi/tin-bai/2023/hoi-nghi-gap-go-quang-ngai-2023.md"
    en = "docs/en/tin-bai/2023/hoi-nghi-gap-go-quang-ngai-2023.md"
    assert result.output.split() == [vi, en]
    meta = frontmatter.read(project / vi, vi).data
    assert meta["title"] == 'Hội nghị: "Gặp gỡ Quảng Ngãi" 2023'
    assert meta["category"] == "bien-dao" and meta["date"] == "2023-03-15"
    pending = frontmatter.read(project / en, en).data["translation"]
    assert pending == {"pending": dt.date.today().isoformat()}
    body = (project / vi).read_text("utf-8")
    (project / vi).write_text(body.replace(body[body.index("Viết nội dung"):],
                                           "Nội dung thật của bài.\n"), "utf-8")
    check = ttdn("check", "--format", "json")
    data = json.loads(check.output)
    assert data["findings"] == [] and check.exit_code == 0
    assert {"original": vi, "language": "en", "state": "pending", "translation": en} in (
        data["translations"]
    )


def test_new_article_refuses_an_unknown_category_and_an_existing_file(ttdn) -> None:
    result = ttdn("new-article", "--title", "Bài", "--category", "the-thao")
    assert result.exit_code == 2 and "unknown category" in result.output
    args = ("new-article", "--title", "Bài một", "--category", "bien-dao", "--date", "2023-01-02")
    result = ttdn(*args)
    assert result.exit_code == 1 and "already exists" in result.output


def test_translated_records_the_original_and_changes_only_that_line(project, ttdn) -> None:
    path = project / "docs/en/tin-bai/2023/bai-mot.md"
    before = path.read_text("utf-8")
    original = project / "docs/vi/tin-bai/2023/bai-mot.md"
    original.write_text(original.read_text("utf-8").replace("Nội dung", "Nội dung mới"), "utf-8")
    result = ttdn("translated", str(path))
    assert result.exit_code == 0, result.output
    after = path.read_text("utf-8")
    assert len(before.splitlines()) == len(after.splitlines())
    pairs = zip(before.splitlines(), after.splitlines(), strict=True)
    changed = [(a, b) for a, b in pairs if a != b]
    assert len(changed) == 1 and changed[0][1].startswith("translation: {source: ")


def test_translated_refuses_an_original(project, ttdn) -> None:
    result = ttdn("translated", str(project / "docs/vi/tin-bai/2023/bai-mot.md"))
    assert result.exit_code == 1 and "is not a translation" in result.output
