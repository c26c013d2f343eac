"""Notes for editors stay out of what readers see (and what search shows as snippets): no page
names the repository's files (CONTRIBUTING.md holds those notes)."""

from __future__ import annotations

import re

from helpers import content_pages

EDITOR_NOTE = re.compile(
    r"manifest\.yml|photos/|docs/(?:vi|en)/|biên tập viên thay|editors replace"
)


def test_no_published_page_carries_an_editors_note(pages: dict) -> None:
    found = {
        path: EDITOR_NOTE.search(text)[0]
        for path, doc in content_pages(pages).items()
        if (text := " ".join(doc.xpath("//article//text()"))) and EDITOR_NOTE.search(text)
    }
    assert found == {}
