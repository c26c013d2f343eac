"""Which pages the search finds, and under which section label: one function, the seam where
the content types' declarations take over (each type will say `searchable` and its label).

Drafts and future articles are never built, so they never reach the index; a page whose head
says `noindex` is left out when its HTML is read (ttdn.search.extract).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

# First folder → the section key; its label is `search_section_<key>` in translations/*.yml.
SECTIONS = {
    "tin-bai": "column",
    "ban-tin": "bulletin",
    "sach-anh": "photo_book",
    "van-ban": "documents",
}
# Pages that are not content: the home page (a list of the latest articles), the search page
# itself, and the translation status page.
NOT_SEARCHED = {PurePosixPath("index.md"), PurePosixPath("tim-kiem.md"),
                PurePosixPath("trang-thai-dich.md")}


@dataclass(frozen=True)
class SearchScope:
    searchable: bool
    section: str  # a key of SECTIONS' values or "pages"; "" when not searchable

    @property
    def label_key(self) -> str:
        """The translations key of the section's name, shown with each result."""
        return f"search_section_{self.section}"


def search_scope(src: PurePosixPath, generated: bool) -> SearchScope:
    """Whether the page at `src` (relative to docs/<lang>/) is found by search, and its section.

    Generated pages (listings, year and category archives) only repeat other pages' titles.
    """
    if generated or src in NOT_SEARCHED:
        return SearchScope(False, "")
    return SearchScope(True, SECTIONS.get(src.parts[0], "pages") if len(src.parts) > 1
                       else "pages")
