"""The guard's sites, built once per module: the hostile corpus fails, the passing one builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from guard.checks import build_failing
from guard.sites import front_matter_site, passing_files, refused_files
from helpers import make_small_site, parse


@pytest.fixture(scope="session")
def refused_build(tmp_path_factory) -> tuple[str, Path]:
    """(the build's error report, what the failed build wrote) for every refused case."""
    return build_failing(tmp_path_factory.mktemp("refused"), refused_files())


@pytest.fixture(scope="session")
def passing_site(tmp_path_factory) -> Path:
    return make_small_site(tmp_path_factory.mktemp("passing"), passing_files())


@pytest.fixture(scope="session")
def front_matter_built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("front-matter")
    return make_small_site(root, front_matter_site(root))


def html_pages(site: Path) -> dict[str, object]:
    return {p.relative_to(site).as_posix(): parse(p) for p in sorted(site.rglob("*.html"))}
