"""Which pages the search finds, and the section each result names."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest

from ttdn.i18n import strings
from ttdn.search.pages import search_scope


@pytest.mark.parametrize(
    ("src", "section"),
    [
        ("tin-bai/2023/ly-son.md", "column"),
        ("van-ban/ke-hoach-197-kh-ubnd.md", "documents"),
        ("ban-tin/2023-q1/bai-mot.md", "bulletin"),
        ("sach-anh/bien/ly-son.md", "photo_book"),
        ("tin-bai/index.md", "column"),
        ("gioi-thieu/index.md", "pages"),
        ("bao-loi.md", "pages"),
    ],
)
def test_content_pages_are_searchable_under_their_section(src: str, section: str) -> None:
    scope = search_scope(PurePosixPath(src), generated=False)
    assert scope.searchable and scope.section == section
    for code in ("vi", "en"):
        assert strings(code)[scope.label_key]


@pytest.mark.parametrize("src", ["index.md", "tim-kiem.md", "trang-thai-dich.md"])
def test_home_search_and_translation_status_pages_are_not_searchable(src: str) -> None:
    assert not search_scope(PurePosixPath(src), generated=False).searchable


def test_generated_listings_are_not_searchable() -> None:
    assert not search_scope(PurePosixPath("tin-bai/2023/index.md"), generated=True).searchable
