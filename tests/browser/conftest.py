from __future__ import annotations

import pytest
from ttdn.browser import chromium, serve_site


@pytest.fixture(scope="session")
def base_url(site):
    with serve_site(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    with chromium() as instance:
        yield instance


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    yield tab
    context.close()
