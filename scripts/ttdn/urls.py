"""Links between pages of the built site, without the engine."""

from __future__ import annotations

import posixpath
from functools import lru_cache


def relative_url(url: str, page_url: str) -> str:
    """`url` (a path from the site root) as a link written on the page at `page_url`.

    The same result as MkDocs' `get_relative_url`, which every page's links used until now (its
    tests are ours: tests/test_urls.py): the last part of `page_url` is a file when it holds a
    dot; "." and ".." are resolved, never above the root; a trailing slash is kept.
    """
    folder, _, last = page_url.rpartition("/")
    if "." in last:
        page_url = folder
    here, there = _parts(page_url), _parts(url)
    common = 0
    for a, b in zip(here, there, strict=False):
        if a != b:
            break
        common += 1
    link = "/".join([".."] * (len(here) - common) + list(there[common:])) or "."
    return link + "/" if url.endswith("/") else link


@lru_cache(maxsize=4096)
def _parts(path: str) -> tuple[str, ...]:
    path = posixpath.normpath(path if path.startswith("/") else "/" + path)[1:]
    return tuple(path.split("/")) if path else ()
