"""Every page carries a Content-Security-Policy <meta> that allows nothing from other origins,
no unhashed inline script, no plugins and no <base> hijack; and a referrer policy."""

from __future__ import annotations

import base64
import hashlib

import pytest
from lxml import html as lxml_html

pytestmark = pytest.mark.audit

# Script types a browser runs; anything else (application/json, application/ld+json) is data.
SCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript"}
ALLOWED_SOURCES = {"'self'", "'none'"}
REQUIRED = {"default-src": ["'self'"], "object-src": ["'none'"], "base-uri": ["'none'"],
            "form-action": ["'self'"], "style-src": ["'self'"], "script-src": ["'self'"]}


def policy_of(doc) -> dict[str, list[str]]:
    metas = doc.xpath("//meta[translate(@http-equiv, 'CONTENT-SECURITYPOLICY',"
                      " 'content-securitypolicy')='content-security-policy']")
    assert len(metas) == 1, f"{len(metas)} CSP <meta> elements"
    directives = [d.split() for d in metas[0].get("content").split(";") if d.strip()]
    return {name: sources for name, *sources in directives}


@pytest.fixture(scope="module")
def docs(audited) -> dict[str, object]:
    return {
        p.relative_to(audited.site_dir).as_posix(): lxml_html.fromstring(p.read_bytes())
        for p in sorted(audited.site_dir.rglob("*.html"))
    }


def test_every_page_has_a_strict_content_security_policy(docs) -> None:
    problems = {}
    for path, doc in docs.items():
        policy = policy_of(doc)
        wrong = [f"{d} {policy.get(d)}" for d, want in REQUIRED.items() if policy.get(d) != want]
        for directive, sources in policy.items():
            for source in sources:
                hashed = directive == "script-src" and source.startswith("'sha256-")
                data_image = directive == "img-src" and source == "data:"
                if source not in ALLOWED_SOURCES and not hashed and not data_image:
                    wrong.append(f"{directive} allows {source}")
        if wrong:
            problems[path] = wrong
    assert problems == {}


def test_the_policy_comes_before_anything_the_page_loads(docs) -> None:
    late = {}
    for path, doc in docs.items():
        head = doc.find("head")
        first_loader = next(
            (i for i, el in enumerate(head) if el.tag in ("link", "script", "style", "base")),
            len(head),
        )
        csp_at = next(i for i, el in enumerate(head)
                      if (el.get("http-equiv") or "").lower() == "content-security-policy")
        if csp_at > first_loader:
            late[path] = f"CSP is element {csp_at} of <head>, after element {first_loader}"
    assert late == {}


def test_every_inline_script_is_data_or_hashed_in_the_policy(docs) -> None:
    unhashed = {}
    for path, doc in docs.items():
        allowed = set(policy_of(doc).get("script-src", []))
        for script in doc.xpath("//script[not(@src)]"):
            if (script.get("type") or "").strip().lower() not in SCRIPT_TYPES:
                continue
            text = script.text or ""
            digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
            if f"'sha256-{digest}'" not in allowed:
                unhashed.setdefault(path, []).append(text[:80])
    assert unhashed == {}


def test_every_page_has_a_referrer_policy(docs) -> None:
    policies = {path: doc.xpath("//head/meta[@name='referrer']/@content")
                for path, doc in docs.items()}
    wrong = {path for path, p in policies.items() if p != ["strict-origin-when-cross-origin"]}
    assert wrong == set()


def test_the_policy_refuses_an_injected_inline_script(audited, audit_browser) -> None:
    """The <meta> is enforced by the browser, not just present."""
    context = audit_browser.new_context()
    page = context.new_page()
    page.goto(audited.base_url)
    with pytest.raises(Exception, match="(?i)content security policy|Refused"):
        page.add_script_tag(content="window.__ran = true")
    assert page.evaluate("window.__ran") is None
    context.close()
