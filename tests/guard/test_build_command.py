"""`ttdn build` replaces site/ only with a build that succeeded; a failed one leaves the last good
site as it was, with nothing of the failed build beside it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from guard.sites import home_pages
from helpers import ROOT, SITE_URL, front

CONFIG = f"""\
site_name: Thử nghiệm
site_url: {SITE_URL}
theme:
  name: material
  custom_dir: {ROOT / "overrides"}
  language: vi
  font: false
  palette: {{scheme: default, primary: custom, accent: custom}}
plugins:
  - i18n:
      docs_structure: folder
      fallback_to_default: false
      reconfigure_material: false
      reconfigure_search: false
      languages:
        - {{locale: vi, name: Tiếng Việt, default: true}}
        - {{locale: en, name: English}}
  - ttdn-site:
      report_problem_url: bao-loi/
      cache_dir: {ROOT / ".cache" / "plugin" / "ttdn"}
  - ttdn-images
  - ttdn-guard
"""


def ttdn_build(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "ttdn", "build", "-f", "mkdocs.yml"], cwd=root,
                          capture_output=True, text=True, env=env, check=False)


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), "utf-8")


def test_a_failed_build_keeps_the_last_good_site(tmp_path) -> None:
    (tmp_path / "mkdocs.yml").write_text(CONFIG, "utf-8")
    write(tmp_path, {**home_pages(), "vi/tin.md": front("Tin") + "\nBản tin đầu tiên.\n"})
    first = ttdn_build(tmp_path)
    assert first.returncode == 0, first.stderr
    good = (tmp_path / "site/tin/index.html").read_bytes()

    write(tmp_path, {"vi/tin.md": front("Tin") + "\nBản tin mới.\n\n<script>alert(1)</script>\n",
                     "vi/moi.md": front("Mới") + "\nTrang mới.\n"})
    failed = ttdn_build(tmp_path)
    assert failed.returncode == 1
    assert "docs/vi/tin.md:9: html-element" in failed.stderr
    assert (tmp_path / "site/tin/index.html").read_bytes() == good
    assert not (tmp_path / "site/moi").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "mkdocs.yml", "site"]

    (tmp_path / "docs/vi/tin.md").write_text(front("Tin") + "\nBản tin mới.\n", "utf-8")
    fixed = ttdn_build(tmp_path)
    assert fixed.returncode == 0, fixed.stderr
    assert "Bản tin mới" in (tmp_path / "site/tin/index.html").read_text("utf-8")
    assert (tmp_path / "site/moi/index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "mkdocs.yml", "site"]
    assert (tmp_path / "site").stat().st_mode & 0o755 == 0o755
