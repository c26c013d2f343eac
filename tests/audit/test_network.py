"""What pages fetch, from the browser's network log: nothing from any host but the site's own,
nothing refused by the Content-Security-Policy, and page weight within budget on a first,
uncached load."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from support.audit import (
    LANGUAGES,
    PAGE_TYPES,
    built_pages,
    heaviest_pages,
    measure_load,
    page_path,
    resources_of_page,
)

pytestmark = pytest.mark.audit

# Violations are recorded from the start of each page (an init script runs before the page's
# own content and is not subject to its CSP).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
  `${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
"""
# Every page up to this many; beyond, every page type's example plus an even sample (the
# static test below still reads every page).
MAX_LOADS = 150


@dataclass
class Load:
    hosts: set[str] = field(default_factory=set)
    csp: list[str] = field(default_factory=list)


def _pages_to_load(site_dir) -> list[str]:
    paths = built_pages(site_dir)
    if len(paths) <= MAX_LOADS:
        return paths
    examples = {page_path(site_dir, t, lang) for t in PAGE_TYPES for lang in LANGUAGES}
    step = len(paths) / MAX_LOADS
    return sorted({paths[int(i * step)] for i in range(MAX_LOADS)} | (examples - {None}))


@pytest.fixture(scope="module")
def loads(audited, audit_browser) -> dict[str, Load]:
    """Built pages loaded in Chromium with the CSP enforced: the hosts each asked for and the
    CSP violations it raised. One browser context: its cache only hides repeat requests for the
    same URL, and a foreign URL is seen the first time a page uses it."""
    context = audit_browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    loads: dict[str, Load] = {}
    current = Load()

    def on_request(request) -> None:
        if urlsplit(request.url).scheme in ("http", "https"):
            current.hosts.add(urlsplit(request.url).netloc)

    def on_console(message) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            current.csp.append(message.text)

    page.on("request", on_request)
    page.on("console", on_console)
    for path in _pages_to_load(audited.site_dir):
        current = loads[path] = Load()
        page.goto(audited.base_url + path, wait_until="load")
        current.csp.extend(page.evaluate("window.__cspViolations"))
    context.close()
    return loads


def test_pages_request_nothing_from_other_hosts(audited, loads) -> None:
    own = urlsplit(audited.base_url).netloc
    assert all(load.hosts for load in loads.values())
    foreign = {
        path: sorted(load.hosts - {own}) for path, load in loads.items() if load.hosts - {own}
    }
    assert foreign == {}


def test_pages_load_without_content_security_policy_violations(loads) -> None:
    refused = {path: load.csp for path, load in loads.items() if load.csp}
    assert refused == {}


def test_no_page_loads_a_resource_from_another_host(audited) -> None:
    """Read from the HTML of every page: scripts, styles, images, media, frames, preloads."""
    own = urlsplit(audited.base_url).netloc
    foreign = {}
    for page in sorted(audited.site_dir.rglob("*.html")):
        hosts = {urlsplit(url).netloc for url in resources_of_page(page)} - {"", own}
        if hosts:
            foreign[page.relative_to(audited.site_dir).as_posix()] = sorted(hosts)
    assert foreign == {}


BUDGETED = [t for t in PAGE_TYPES if t.budget_kb is not None]


# The heaviest pages of each budgeted type (by a static guess) are loaded and weighed.
HEAVIEST = 3


@pytest.mark.parametrize("lang", list(LANGUAGES))
@pytest.mark.parametrize("page_type", BUDGETED, ids=lambda t: t.name)
def test_page_weight_is_within_its_budget(audited, audit_browser, page_type, lang) -> None:
    audited.url(page_type, lang)  # skips, naming the page, while none of this type is built
    over = {}
    for path in heaviest_pages(audited.site_dir, page_type, lang, HEAVIEST):
        weight = measure_load(audit_browser, audited.base_url + path, interact=page_type.interact)
        if weight.kb > page_type.budget_kb:
            listing = "\n".join(f"{gz:>8} {url}" for url, _, gz in weight.requests)
            over[path] = f"{weight.kb:.0f} KB > {page_type.budget_kb} KB:\n{listing}"
    assert over == {}, "\n".join(over.values())
