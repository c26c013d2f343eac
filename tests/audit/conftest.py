"""The audited site (built for the loopback server that serves it), the browser, the tools.

Every test module here is marked `audit`: the slow group (Lighthouse, axe, the Nu checker), which
`./run test` runs with the rest. Run it alone with `pytest -m audit`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import ROOT
from support.audit import (
    AXE_JS,
    LANGUAGES,
    LIGHTHOUSE_JS,
    VNU_JAR,
    PageType,
    build_and_serve,
    ensure_tools,
    page_path,
)
from support.browser import chromium


@dataclass(frozen=True)
class Audited:
    site_dir: Path
    base_url: str

    def url(self, page_type: PageType, lang: str) -> str:
        """The URL of the page that stands for this type, or a skip naming the missing page."""
        path = page_path(self.site_dir, page_type, lang)
        if path is None:
            pytest.skip(
                f"no {page_type.name} page in the built site yet: nothing matches "
                f"/{LANGUAGES[lang]}{page_type.path}"
            )
        return self.base_url + path


@pytest.fixture(scope="session")
def audit_tools() -> None:
    ensure_tools()
    missing = [p for p in (AXE_JS, VNU_JAR, LIGHTHOUSE_JS) if not p.exists()]
    if missing:
        pytest.fail(f"audit tools missing after `npm ci` in tools/audit: {missing}")


@pytest.fixture(scope="session")
def audited(tmp_path_factory: pytest.TempPathFactory, audit_tools: None) -> Iterator[Audited]:
    site_dir = tmp_path_factory.mktemp("audited") / "site"
    with build_and_serve(ROOT / "mkdocs.yml", site_dir) as base_url:
        yield Audited(site_dir, base_url)


# Module scope: Playwright's sync API allows one running instance per thread, and
# tests/browser opens its own for the session; ours is closed before those tests start.
@pytest.fixture(scope="module")
def audit_browser() -> Iterator[object]:
    with chromium() as browser:
        yield browser
