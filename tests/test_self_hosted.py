"""Nothing on a page asks another host for anything: fonts, scripts, styles, images, frames."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

ASSET_XPATHS = [
    "//script/@src",
    "//link[not(@rel='canonical') and not(@rel='alternate')]/@href",
    "//img/@src",
    "//img/@srcset",
    "//source/@src",
    "//source/@srcset",
    "//iframe/@src",
    "//video/@src",
    "//video/@poster",
    "//audio/@src",
    "//object/@data",
    "//embed/@src",
    "//*[@style]/@style",
]


def external(url: str) -> bool:
    parts = urlsplit(url.strip().split(" ")[0])
    return bool(parts.netloc) or parts.scheme not in ("", "data")


def test_no_asset_of_any_page_is_on_another_host(pages: dict) -> None:
    offenders = []
    for path, doc in pages.items():
        for xpath in ASSET_XPATHS:
            for value in doc.xpath(xpath):
                urls = re.findall(r"url\(['\"]?([^'\")]+)", value) if "style" in xpath else [
                    candidate.strip().split(" ")[0] for candidate in value.split(",")
                ]
                offenders += [(path, url) for url in urls if external(url)]
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
