"""Every internal link and asset of the built site resolves: pages, fragments, images, fonts,
stylesheets' url()s, canonical/hreflang/og URLs and the sitemap."""

from __future__ import annotations

import pytest

from support.audit import broken_links

pytestmark = pytest.mark.audit

SITE = "https://ttdn.example.test/"


def test_every_internal_link_and_asset_resolves(audited) -> None:
    assert broken_links(audited.site_dir, audited.base_url) == []


def test_link_check_finds_missing_pages_assets_and_fragments(tmp_path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<p id="here">x</p><a href="../b/">b</a><a href="#here">ok</a><a href="#gone">x</a>'
        f'<img src="pic.png"><a href="{SITE}a/">self</a><a href="https://other.test/">out</a>'
        '<a href="mailto:a@b.test">mail</a>',
        "utf-8",
    )
    (tmp_path / "s.css").write_text('a{background:url("gone.svg")} b{mask:url("data:x")}')
    broken = broken_links(tmp_path, SITE)
    assert broken == [
        "a/index.html -> ../b/ (no such file)",
        "a/index.html -> #gone (no element with id 'gone')",
        "a/index.html -> pic.png (no such file)",
        "s.css -> gone.svg (no such file)",
    ]
