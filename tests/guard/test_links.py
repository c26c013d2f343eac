"""A broken internal link fails the strict build naming its page (missing page, missing anchor,
absolute path, unreadable link), in either language; a link to the other language's page works."""

from __future__ import annotations

import logging

import pytest
from mkdocs.exceptions import Abort

from guard.sites import home_pages
from helpers import front, make_small_site, parse
from ttdn import engine

BROKEN = {
    "trang-khong-co": "[x](khong-co.md)",
    "ngon-ngu-khac-khong-co": "[x](../en/khong-co.md)",
    "duong-dan-tuyet-doi": "[x](/van-ban/x/)",
    "neo-khong-co": "[x](#khong-co)",
    "neo-trang-khac": "[x](index.md#khong-co)",
    "thu-muc-khong-co": "[x](../x/)",
}


def test_every_broken_link_fails_the_strict_build_naming_its_page(tmp_path) -> None:
    files = {**home_pages(), **{f"vi/{name}.md": front(name) + f"\n{link}\n"
                                for name, link in BROKEN.items()}}
    files["en/hong.md"] = front("Broken") + "\n[x](../vi/khong-co.md)\n"
    warnings: list[str] = []
    handler = logging.Handler(level=logging.WARNING)
    handler.emit = lambda record: warnings.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger(engine.LOGGER).addHandler(handler)
    try:
        with pytest.raises(Abort):
            make_small_site(tmp_path, files)
    finally:
        logging.getLogger(engine.LOGGER).removeHandler(handler)
    named = {name for name in [*BROKEN, "hong"] if any(f"/{name}.md'" in w for w in warnings)}
    assert named == {*BROKEN, "hong"}


def test_links_to_the_other_languages_pages_lead_to_them(tmp_path) -> None:
    files = {**home_pages(),
             "en/about/index.md": front("About") + "\n# About\n\n## Team\n",
             "vi/lien-ket.md": front("Liên kết") + "\n[en](../en/about/index.md#team), "
                                                   "[home](/en/), [trang chủ](index.md)\n",
             "en/links.md": front("Links") + "\n[vi](../vi/lien-ket.md)\n"}
    site = make_small_site(tmp_path, files)
    # The page's own links (not the notice that it has no English translation).
    own = "//article//a[not(ancestor::aside[contains(@class, 'ttdn-untranslated')])]/@href"
    vi = parse(site / "lien-ket/index.html").xpath(own)
    assert vi[:3] == ["../en/about/#team", "../en/", "../"]
    assert (site / "lien-ket" / "../en/about/index.html").resolve().is_file()
    en = parse(site / "en/links/index.html").xpath(own)
    assert en == ["../../lien-ket/"]
