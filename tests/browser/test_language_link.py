"""In real Chromium: the language link leads to the same page in the other language, and back."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

PAGES = ["", "van-ban/ke-hoach-197-kh-ubnd/", "gioi-thieu/", "ban-tin/"]


@pytest.mark.parametrize("path", PAGES)
def test_language_link_round_trip(page, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    assert page.locator("html").get_attribute("lang") == "vi"

    link = page.get_by_role("link", name="English", exact=True)
    assert link.get_attribute("lang") == "en" and link.get_attribute("hreflang") == "en"
    link.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/en/" + path
    assert page.locator("html").get_attribute("lang") == "en"

    page.get_by_role("link", name="Tiếng Việt", exact=True).click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/" + path
    assert page.locator("html").get_attribute("lang") == "vi"


def test_language_link_works_without_javascript(browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(base_url + "gioi-thieu/")
    tab.get_by_role("link", name="English", exact=True).click()
    tab.wait_for_load_state()
    assert urlsplit(tab.url).path == "/en/gioi-thieu/"
    context.close()


def test_pages_request_nothing_from_other_hosts(page, base_url: str) -> None:
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    for path in PAGES:
        page.goto(base_url + "en/" + path, wait_until="networkidle")
    assert hosts == {urlsplit(base_url).netloc}


def test_the_font_is_be_vietnam_pro(page, base_url: str) -> None:
    page.goto(base_url, wait_until="networkidle")
    assert page.evaluate("document.fonts.check('16px \"Be Vietnam Pro\"', 'Quảng Ngãi')")
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"
    )
    assert any("Be Vietnam Pro" in family for family in loaded)
