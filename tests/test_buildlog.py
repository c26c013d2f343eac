"""The build's output is what an editor needs: findings (bilingual, file:line) and one summary
line; MkDocs' link warnings become findings; the "not included in the nav" list is gone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import ROOT, SITE_URL, SMALL_CONFIG, column_site
from ttdn.buildlog import finding_of


def test_mkdocs_link_warning_becomes_a_finding_at_its_line(tmp_path: Path) -> None:
    page = tmp_path / "docs/vi/a.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\ntitle: A\n---\n\nXem [b](b.md) và [c](c.md#x).\n", "utf-8")
    message = ("Doc file 'vi/a.md' contains a link 'b.md', but the target 'vi/b.md' is not "
               "found among documentation files.")
    finding = finding_of(message, tmp_path / "docs", tmp_path, "error")
    assert (finding.path, finding.line, finding.rule) == ("docs/vi/a.md", 5, "link-missing")
    assert finding.vi.startswith("Liên kết 'b.md' dẫn tới trang hoặc tệp không có")
    anchor = ("Doc file 'vi/a.md' contains a link 'c.md#x', but the doc 'vi/c.md' does not "
              "contain an anchor '#x'.")
    finding = finding_of(anchor, tmp_path / "docs", tmp_path, "warning")
    assert (finding.line, finding.rule, finding.severity) == (5, "link-anchor", "warning")
    assert finding_of("Documentation built in 1.00 seconds", tmp_path, tmp_path, "error") is None


def small_project(root: Path, files: dict[str, str]) -> Path:
    """A small site whose nav lists only the home page: MkDocs then lists every article as
    "not included in the nav", as it does for the real site."""
    config = SMALL_CONFIG.format(
        site_url=SITE_URL, overrides=ROOT / "overrides",
        cache_dir=ROOT / ".cache" / "plugin" / "ttdn")
    (root / "mkdocs.yml").write_text(config + "nav:\n  - index.md\n", "utf-8")
    for name, text in files.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def ttdn_build(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ttdn", "build", *args], cwd=root,
                          capture_output=True, text=True)


def test_a_clean_build_prints_one_summary_line(tmp_path: Path) -> None:
    done = ttdn_build(small_project(tmp_path, column_site(12, 12)))
    assert done.returncode == 0, done.stderr
    lines = (done.stdout + done.stderr).splitlines()
    assert len(lines) == 1 and lines[0].startswith("✅ Đã dựng ")
    verbose = ttdn_build(tmp_path, "-v")
    assert "not included in the \"nav\"" in verbose.stderr


def test_a_broken_link_fails_the_build_with_a_finding(tmp_path: Path) -> None:
    files = column_site(1, 1)
    files["vi/tin-bai/2023/bai-01.md"] += "\nXem [bài khác](bai-khong-co.md).\n"
    done = ttdn_build(small_project(tmp_path, files))
    assert done.returncode == 1
    assert ("docs/vi/tin-bai/2023/bai-01.md:11: link-missing: Liên kết 'bai-khong-co.md' dẫn tới"
            in done.stderr)
    assert done.stderr.splitlines()[-1].startswith("❌ Bản dựng dừng")
