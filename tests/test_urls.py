"""ttdn.urls.relative_url: the links every page writes, the same as MkDocs' own function gave."""

from __future__ import annotations

import itertools

from mkdocs.utils import get_relative_url

from ttdn.urls import relative_url

PATHS = ["", ".", "/", "en/", "en", "tin-bai/2026/bai/", "tin-bai/2026/bai/index.html",
         "tin-bai/", "assets/images/logo.svg", "en/tin-bai/", "a/../b/", "../x", "//a",
         "sach-anh/dao-ly-son/", "404.html", "en/404.html", "a/b/c.d/", "sitemap.xml"]


def test_links_are_relative_to_the_page_folder_and_keep_the_trailing_slash() -> None:
    assert relative_url("tin-bai/", "tin-bai/2026/bai/") == "../../"
    assert relative_url("en/tin-bai/", "tin-bai/") == "../en/tin-bai/"
    assert relative_url("assets/images/logo.svg", "en/404.html") == "../assets/images/logo.svg"
    assert relative_url("tin-bai/", "tin-bai/") == "./"
    assert relative_url(".", "a/b/") == "../.."
    assert relative_url("a/../../b", ".") == "b"  # never above the root


def test_every_pair_matches_mkdocs_get_relative_url() -> None:
    """The pages built before and after the engine moved out of views are byte-identical:
    the function gives what MkDocs' gave for every kind of path the site writes."""
    for url, page in itertools.product(PATHS, repeat=2):
        assert relative_url(url, page) == get_relative_url(url, page), (url, page)
