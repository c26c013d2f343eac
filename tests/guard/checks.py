"""What no built page may contain, as lxml sees it (the issue's "Done when")."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html
from mkdocs.exceptions import Abort

from helpers import ROOT, make_small_site
from ttdn import engine
from ttdn.check import run_check

# Browsers ignore tabs, newlines and leading controls in a URL, and scheme names are
# case-insensitive: "JaVa&#9;Script:" is "javascript:".
UNSAFE_URL = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)
REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//|\\\\)", re.IGNORECASE)
URL_ATTRIBUTES = ("href", "src", "srcset", "action", "formaction", "poster", "data", "cite",
                  "background", "xlink:href", "ping")
FORBIDDEN = ("iframe", "object", "embed", "form", "base", "style", "frame", "frameset",
             "applet", "portal")
# The site's own scripts and forms, from the project's templates (trusted): the search box.
SITE_SCRIPTS = frozenset(
    p.name for p in (ROOT / "overrides" / "assets" / "javascripts").glob("*.js")
)
# The site's own search forms (header, search page, 404 page); content may hold no form at all.
SITE_FORMS = frozenset({"md-search__form", "ttdn-search-page", "ttdn-404-search"})


def _site_script(src: str | None) -> bool:
    """A script the site itself ships: a relative path to overrides/assets/javascripts/."""
    if not src or REMOTE.match(src):
        return False
    folder, _, name = src.rpartition("/")
    return folder.endswith("assets/javascripts") and name in SITE_SCRIPTS


def _url_bad(value: str) -> bool:
    cleaned = re.sub(r"[\t\n\r]", "", value).lstrip("".join(map(chr, range(0x21))))
    if "," in value and " " in value:  # srcset: check every candidate
        return any(_url_bad(part.strip().split(" ")[0]) for part in value.split(","))
    return bool(UNSAFE_URL.match(cleaned))


def unsafe(doc: lxml_html.HtmlElement) -> list[str]:
    """Everything unsafe in a built page; empty when the page is clean."""
    found = []
    for script in doc.iter("script"):
        kind = (script.get("type") or "").strip().lower()
        if kind in ("application/json", "application/ld+json"):
            continue  # data, not code (Material's __config)
        if not _site_script(script.get("src")):
            found.append(f"script {etree.tostring(script)[:80]!r}")
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"<{element.tag} {name}=…>")
            if name.lower() in URL_ATTRIBUTES and _url_bad(value):
                found.append(f"<{element.tag} {name}={value[:40]!r}>")
        if element.tag == "form" and (element.get("class") or "") in SITE_FORMS:
            continue  # the site's own search box (overrides/partials/search.html)
        if element.tag in FORBIDDEN:
            found.append(f"<{element.tag}>")
        if element.tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            found.append("meta refresh")
        if element.tag in ("img", "source", "video", "audio"):
            for name in ("src", "srcset", "poster"):
                urls = [u.strip().split(" ")[0] for u in (element.get(name) or "").split(",")]
                if any(REMOTE.match(u) for u in urls if u):
                    found.append(f"remote <{element.tag} {name}>")  # a tracking pixel
    for element in doc.xpath("//*[@style]"):
        found.append(f"inline style on <{element.tag}>")
    for comment in doc.xpath("//article//comment()"):
        found.append(f"comment {comment.text[:40]!r}")
    return found


def build_failing(root: Path, files: dict[str, str],
                  build: Callable[[], object] | None = None) -> tuple[str, Path]:
    """Build a small site that must fail (or run `build`, for a site written otherwise);
    returns the errors MkDocs logged (the report an editor reads) and the folder the failed
    build wrote into."""
    records: list[str] = []
    handler = logging.Handler(level=logging.ERROR)
    handler.emit = lambda record: records.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger(engine.LOGGER)  # every message of the build, either engine
    logger.addHandler(handler)
    try:
        with pytest.raises(Abort):
            (build or (lambda: make_small_site(root, files)))()
    finally:
        logger.removeHandler(handler)
    return "\n".join(records), root / "site"


def build_passing(root: Path, files: dict[str, str]) -> Path:
    return make_small_site(root, files)


FINDING = re.compile(r"^(?P<path>\S+?):(?P<line>\d+): (?P<rule>[a-z-]+): ", re.MULTILINE)
FILE_FINDING = re.compile(r"^(?P<path>(?:docs|photos)/[^\s:]+): (?P<rule>[a-z-]+): ", re.MULTILINE)


def findings_of(report: str) -> list[tuple[str, int, str]]:
    """(path, line, rule) of every finding in a build's report; line 0 for whole files."""
    found = [(m["path"], int(m["line"]), m["rule"]) for m in FINDING.finditer(report)]
    found += [(m["path"], 0, m["rule"]) for m in FILE_FINDING.finditer(report)]
    return found


def verdicts(root: Path, files: dict[str, str]) -> tuple[set, set, str]:
    """(path, rule) refused by the build, then by `ttdn check`, and the build's report."""
    report, _ = build_failing(root, files)
    built = {(path, rule) for path, _, rule in findings_of(report)}
    checked = {(f.path, f.rule) for f in run_check(root / "mkdocs.yml").errors}
    return built, checked, report


# What only `ttdn check` reports, by design: translations still to do or out of date (the build
# publishes a page without its translation, or with an older one and a notice).
CHECK_ONLY = ("translation-missing", "translation-stale", "translation-source")


def assert_same_verdicts(built: set, checked: set, expected: dict[str, str]) -> None:
    """Every expected case refused by both with its rule, and nothing else differs."""
    for path, rule in expected.items():
        assert (path, rule) in built, f"the build lets {path} through ({rule})"
        assert (path, rule) in checked, f"ttdn check lets {path} through ({rule})"
    assert built == {(path, rule) for path, rule in checked if not rule.startswith(CHECK_ONLY)}
