from __future__ import annotations

import pytest

from support.browser import chromium, serve_site


@pytest.fixture(scope="session")
def base_url(site):
    with serve_site(site) as url:
        yield url


# One module at a time: Playwright's sync API allows one running instance per thread, and
# tests/audit opens its own.
@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    yield tab
    context.close()
