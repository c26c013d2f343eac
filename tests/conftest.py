"""Fixtures shared by the tests: the real site built once, and small sites built on demand."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import ROOT, SITE_URL, build_site, parse


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own site, built once per test session with a test site_url."""
    os.environ["TTDN_SITE_URL"] = SITE_URL
    try:
        return build_site(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site"))
    finally:
        del os.environ["TTDN_SITE_URL"]


@pytest.fixture(scope="session")
def pages(site: Path) -> dict[str, object]:
    """Every built HTML page, keyed by its path in the site ("en/van-ban/index.html")."""
    return {p.relative_to(site).as_posix(): parse(p) for p in sorted(site.rglob("*.html"))}


SMALL_CONFIG = """\
site_name: Thử nghiệm
site_url: {site_url}
use_directory_urls: true
theme:
  name: material
  custom_dir: {overrides}
  language: vi
  font: false
extra:
  alternate: true
markdown_extensions:
  - toc:
      slugify: !!python/name:ttdn.slugs.heading_slug
plugins:
  - i18n:
      docs_structure: folder
      fallback_to_default: false
      reconfigure_material: false
      reconfigure_search: false
      languages:
        - locale: vi
          name: Tiếng Việt
          default: true
        - locale: en
          name: English
          site_name: Test
          theme:
            language: en
  - ttdn-site:
      report_problem_url: bao-loi/
      cache_dir: {cache_dir}
"""


@pytest.fixture
def small_site(tmp_path: Path) -> Callable[[dict[str, str]], Path]:
    """Build a small two-language site from {"vi/index.md": text, ...}; returns site/."""

    def make(files: dict[str, str]) -> Path:
        (tmp_path / "mkdocs.yml").write_text(
            SMALL_CONFIG.format(
                site_url=SITE_URL,
                overrides=ROOT / "overrides",
                cache_dir=ROOT / ".cache" / "plugin" / "ttdn",
            ), "utf-8"
        )
        for name, text in files.items():
            path = tmp_path / "docs" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), "utf-8")
        return build_site(tmp_path / "mkdocs.yml", tmp_path / "site")

    return make
