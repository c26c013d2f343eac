"""The pull request's comment (.github/workflows/pull-request.yml, "Comment text"): run as the
runner runs it on a pull request that adds an article, it lists the changed pages with their
paths, translation state and findings (`ttdn check --format markdown`), and the preview."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import ROOT
from test_workflows import git_repo, run_step, step_script

ARTICLE = ("---\ntitle: Bài mới\ndescription: Bài mới.\ndate: 2023-01-03\ncategory: bien-dao\n"
           "agency: Sở Ngoại vụ\n---\n\n# Bài mới\n\nXem [kế hoạch](../../van-ban/index.md#muc-tieu"
           "-sai).\n")
PENDING = ARTICLE.replace("agency: Sở Ngoại vụ\n",
                          "agency: Sở Ngoại vụ\ntranslation: {pending: 2023-01-03}\n")


def test_the_comment_lists_changed_pages_states_findings_and_the_preview(project) -> None:
    files = {p.relative_to(project).as_posix(): p.read_text("utf-8")
             for p in project.rglob("*") if p.is_file() and p.suffix in (".md", ".yml")}
    repo = git_repo(project, files, {"docs/vi/tin-bai/2023/bai-moi.md": ARTICLE,
                                     "docs/en/tin-bai/2023/bai-moi.md": PENDING})
    (repo / ".venv").symlink_to(ROOT / ".venv")
    run_step(step_script("content", "Comment text"), repo,
                   PREVIEW_URL="https://example.test/artifact/1")
    comment = (repo / "comment.md").read_text("utf-8")
    assert comment.startswith("<!-- ttdn-pull-request -->\n")
    assert "(https://example.test/artifact/1)" in comment
    assert "| `docs/vi/tin-bai/2023/bai-moi.md` | en: Đang chờ dịch / Pending | 1 |" in comment
    assert "| `docs/en/tin-bai/2023/bai-moi.md` | en: Đang chờ dịch / Pending | 1 |" in comment
    # Contributor text is escaped (never live Markdown); as GitHub shows it:
    shown = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", comment)
    assert "`link-anchor`" in comment and "Did you mean '#muc-tieu'?" in shown
    assert "body<<TTDN_COMMENT_END" in (repo / "github_output").read_text("utf-8")


def test_a_pull_request_without_page_changes_says_so(tmp_path: Path) -> None:
    repo = git_repo(tmp_path, {"README.md": "a"}, {"README.md": "b"})
    run_step(step_script("content", "Comment text"), repo, PREVIEW_URL="")
    comment = (repo / "comment.md").read_text("utf-8")
    assert "No page or photo changed." in comment and "The build failed" in comment
