"""Nothing on a page asks another host for anything: fonts, scripts, styles, images, frames."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from helpers import parse
from support.audit import resources_of_page


def external(url: str) -> bool:
    parts = urlsplit(url.strip().split(" ")[0])
    return bool(parts.netloc) or parts.scheme not in ("", "data")


def test_no_asset_of_any_page_is_on_another_host(site) -> None:
    offenders = []
    for page in site.rglob("*.html"):
        urls = resources_of_page(page)  # what the browser fetches: the audit's own list
        for style in parse(page).xpath("//*[@style]/@style"):
            urls += re.findall(r"url\(['\"]?([^'\")]+)", style)
        offenders += [(page.relative_to(site).as_posix(), url) for url in urls if external(url)]
    assert offenders == []


def test_no_stylesheet_imports_from_another_host(site) -> None:
    for css in site.rglob("*.css"):
        text = css.read_text("utf-8")
        assert not re.search(r"url\(['\"]?(https?:)?//", text), css
        assert "@import" not in text or "//" not in text, css


def test_fonts_are_served_by_the_site(site, pages: dict) -> None:
    for name in ("be-vietnam-pro-400.woff2", "be-vietnam-pro-700.woff2"):
        assert (site / "assets" / "fonts" / name).stat().st_size > 10_000
    assert "fonts.googleapis.com" not in "".join(
        pages["index.html"].xpath("//link/@href")
    )
