"""Which pages the search finds, and under which section label: each content type declares its
`search_section` (ttdn.content.types); this reads the declaration for one page.

Drafts and future articles are never built, so they never reach the index; a page whose head
says `noindex` is left out when its HTML is read (ttdn.search.extract).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from ttdn.content import Entry
from ttdn.model import BuildModel

HOME = PurePosixPath("index.md")  # a list of the latest articles, not content of its own
SEARCH_TEMPLATE = "search.html"  # the search page itself


@dataclass(frozen=True)
class SearchScope:
    searchable: bool
    section: str  # a declared search_section; "" when not searchable

    @property
    def label_key(self) -> str:
        """The translations key of the section's name, shown with each result."""
        return f"search_section_{self.section}"


NOT_SEARCHED = SearchScope(False, "")


def search_scope(model: BuildModel, entry: Entry | None) -> SearchScope:
    """Whether a built page is found by search, and its section.

    Generated pages (listings, year and category archives) only repeat other pages' titles.
    """
    if entry is None or entry.generated or entry.src == HOME:
        return NOT_SEARCHED
    if entry.meta.template == SEARCH_TEMPLATE:
        return NOT_SEARCHED
    kind = model.type_named(entry.type)
    if kind is None or kind.search_section is None:
        return NOT_SEARCHED
    return SearchScope(True, kind.search_section)
