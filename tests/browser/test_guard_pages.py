"""In real Chromium, served without HTTP headers as GitHub Pages would: every page built from the
hostile corpus (passing cases, hostile front matter, and even what a failed build wrote) opens
with no dialog, no navigation away, no request to another host and no CSP violation."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from guard.checks import build_failing
from guard.sites import front_matter_site, passing_files, refused_files
from helpers import make_small_site
from support.browser import serve_site

pytestmark = pytest.mark.browser

# Collects what the CSP refuses; injected by the browser before the page's own code runs.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("front-matter")
    _, failed = build_failing(tmp_path_factory.mktemp("refused"), refused_files())
    return {
        "passing": make_small_site(tmp_path_factory.mktemp("passing"), passing_files()),
        "front-matter": make_small_site(root, front_matter_site(root)),
        "failed-build": failed,
    }


@pytest.mark.parametrize("name", ["passing", "front-matter", "failed-build"])
def test_every_page_opens_without_dialog_navigation_or_csp_violation(browser, sites, name):
    site = sites[name]
    paths = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(paths) > 5
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    problems: dict[str, list[str]] = {}
    events: list[str] = []
    page.on("dialog", lambda dialog: (events.append(f"dialog {dialog.message}"),
                                      dialog.dismiss()))
    page.on("console", lambda msg: events.append(f"console {msg.text}")
            if "Content Security Policy" in msg.text or "Refused" in msg.text else None)
    with serve_site(site) as base:
        host = urlsplit(base).netloc
        page.on("request", lambda request: events.append(f"request {request.url}")
                if urlsplit(request.url).netloc not in (host, "") and
                not request.url.startswith("data:") else None)
        for path in paths:
            events.clear()
            url = base + path
            page.goto(url, wait_until="load")
            page.wait_for_timeout(150)  # a meta refresh or a timer would fire by now
            if page.url != url:
                events.append(f"navigated to {page.url}")
            else:
                events += [f"csp {v}" for v in page.evaluate("window.__violations")]
            if events:
                problems[path] = list(events)
    context.close()
    assert problems == {}
