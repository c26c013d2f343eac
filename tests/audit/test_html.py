"""The built pages are valid HTML: the Nu HTML checker (vnu.jar) over every page, one Java run."""

from __future__ import annotations

import difflib
import re

import pytest

from helpers import ROOT
from ttdn.audit import nu_errors

pytestmark = pytest.mark.audit


def test_every_built_page_passes_the_nu_html_checker(audited) -> None:
    pages = sorted(audited.site_dir.rglob("*.html"))
    assert pages
    errors = nu_errors(pages)
    assert errors == [], "\n".join(
        f"{e['url'].split(str(audited.site_dir))[-1]}:{e.get('lastLine')}: {e['message']}"
        for e in errors
    )


def test_nu_checker_reports_an_invalid_page(tmp_path) -> None:
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><html lang="vi"><title>x</title><p><div></p>', "utf-8")
    assert nu_errors([page])


def test_base_template_is_materials_but_for_the_toggles_autocomplete() -> None:
    """overrides/base.html is a copy of Material's, only to drop an invalid attribute: any other
    difference (a Material upgrade) must be looked at."""
    import material

    theirs = (ROOT.joinpath(material.__path__[0], "templates", "base.html")).read_text("utf-8")
    ours = (ROOT / "overrides" / "base.html").read_text("utf-8")
    ours = re.sub(r"\A\{#-.*?-#\}\n", "", ours, count=1, flags=re.S)
    expected = theirs.replace(' autocomplete="off"', "")
    assert theirs.count('type="checkbox"') == 2 and expected != theirs
    assert ours == expected, "".join(difflib.unified_diff(
        expected.splitlines(True), ours.splitlines(True), "material", "overrides"))
