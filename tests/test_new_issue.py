"""`ttdn new-issue YEAR QUARTER`: valid skeletons in both languages, never overwriting."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from helpers import ROOT
from ttdn.cli import main
from ttdn.content import frontmatter
from ttdn.content.bulletin import BulletinArticleMeta, IssueMeta


def project(tmp_path: Path) -> Path:
    """A copy of the project's configuration and content, to run the command in."""
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "scripts" / "ttdn").mkdir(parents=True)  # mkdocs.yml watches it
    return tmp_path


def run(root: Path, *args: str):
    return CliRunner().invoke(main, ["new-issue", "-f", str(root / "mkdocs.yml"), *args])


def test_new_issue_writes_valid_draft_skeletons_with_the_next_number(tmp_path):
    root = project(tmp_path)
    result = run(root, "2023", "2")
    assert result.exit_code == 0, result.output
    for lang in ("vi", "en"):
        folder = root / "docs" / lang / "ban-tin" / "2023" / "q2"
        issue = IssueMeta.model_validate(frontmatter.read(folder / "index.md", "x").data)
        assert (issue.year, issue.quarter, issue.number, issue.draft) == (2023, 2, 2, True)
        data = frontmatter.read(folder / "bai-1.md", "x").data
        article = BulletinArticleMeta.model_validate(data)
        assert article.order == 1 and article.draft
    assert "docs/vi/ban-tin/2023/q2/index.md" in result.output
    assert "photos/ban-tin/2023-q2/bia.jpg" in result.output
    assert "Việc tiếp theo" in result.output and "Next:" in result.output
    assert "The theme of this issue" in (root / "docs/en/ban-tin/2023/q2/index.md").read_text()


def test_first_issue_of_a_new_year_is_number_one(tmp_path):
    root = project(tmp_path)
    assert run(root, "2024", "1").exit_code == 0
    data = frontmatter.read(root / "docs/vi/ban-tin/2024/q1/index.md", "x").data
    assert data["number"] == 1


def test_new_issue_refuses_to_overwrite_an_existing_issue(tmp_path):
    root = project(tmp_path)
    before = (root / "docs/vi/ban-tin/2023/q1/index.md").read_bytes()
    result = run(root, "2023", "1")
    assert result.exit_code == 1
    assert "không ghi đè" in result.output and "nothing was overwritten" in result.output
    assert "docs/vi/ban-tin/2023/q1" in result.output
    assert (root / "docs/vi/ban-tin/2023/q1/index.md").read_bytes() == before
    assert not (root / "docs/vi/ban-tin/2023/q1/bai-1.md").exists()


def test_ttdn_check_reports_the_bulletins_rules(tmp_path):
    # Issue 1/2023 renumbered 2 in both languages: the year's numbering has a gap.
    root = project(tmp_path)
    for lang in ("vi", "en"):
        index = root / "docs" / lang / "ban-tin/2023/q1/index.md"
        index.write_text(index.read_text("utf-8").replace("number: 1", "number: 2"), "utf-8")
    result = CliRunner().invoke(main, ["check", "-f", str(root / "mkdocs.yml")])
    assert result.exit_code == 1
    assert "docs/vi/ban-tin/2023/q1/index.md:7: bulletin-number" in result.output
    assert "must be 1, not 2" in result.output
