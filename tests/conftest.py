"""Fixtures shared by the tests: the real site built once, and small sites built on demand."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import ROOT, SITE_URL, build_site, make_small_site, parse


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


@pytest.fixture
def small_site(tmp_path: Path) -> Callable[[dict[str, str]], Path]:
    """Build a small two-language site from {"vi/index.md": text, ...}; returns site/."""
    return lambda files: make_small_site(tmp_path, files)
