"""Which pages the search finds, and the section each result names: read from the declared
content types."""

from __future__ import annotations

import datetime as dt
from pathlib import Path, PurePosixPath

import pytest

from helpers import article, front
from ttdn.assets import Assets
from ttdn.collections import index_site
from ttdn.content import CONTENT_TYPES, load_content
from ttdn.content.categories import categories
from ttdn.content.types import Labels
from ttdn.i18n import Languages
from ttdn.model import BuildModel
from ttdn.search.pages import search_scope

PAGES = {
    "index.md": front("Trang chủ"),
    "tim-kiem.md": front("Tìm kiếm", template="search.html"),
    "tin-bai/index.md": front("Chuyên mục"),
    "tin-bai/2023/ly-son.md": article("Lý Sơn", "2023-02-01"),
    "van-ban/index.md": front("Văn bản"),
    "van-ban/kh-1.md": front("Kế hoạch", number="1/KH", issuer="UBND", signer="A"),
    "gioi-thieu/index.md": front("Giới thiệu"),
    "bao-loi.md": front("Báo lỗi"),
}


@pytest.fixture(scope="module")
def model(tmp_path_factory) -> BuildModel:
    root = tmp_path_factory.mktemp("search-pages")
    for src, text in PAGES.items():
        path = root / "docs" / "vi" / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "Nội dung.\n", "utf-8")
    languages = Languages.from_codes(["vi"], "vi")
    content, findings = load_content(root / "docs", languages, CONTENT_TYPES, categories())
    assert findings == []
    labels = {"vi": Labels(languages.get("vi"), categories(), "Thử")}
    index = index_site(content, CONTENT_TYPES, labels, dt.date(2026, 12, 4))
    assets = Assets(root, root / "docs", root / "photos", None)
    return BuildModel(languages, {"vi": "Thử"}, categories(), CONTENT_TYPES, content, index,
                      assets, "https://example.test/")


def scope_of(model: BuildModel, src: str):
    return search_scope(model, model.index.pages.get("vi", PurePosixPath(src)))


@pytest.mark.parametrize(
    ("src", "section"),
    [
        ("tin-bai/2023/ly-son.md", "column"),
        ("van-ban/kh-1.md", "documents"),
        ("tin-bai/index.md", "pages"),
        ("gioi-thieu/index.md", "pages"),
        ("bao-loi.md", "pages"),
    ],
)
def test_content_pages_are_searchable_under_their_declared_section(model, src, section) -> None:
    scope = scope_of(model, src)
    assert scope.searchable and scope.section == section
    for lang in Languages.from_codes(["vi", "en"], "vi").all:
        assert lang.strings[scope.label_key]


@pytest.mark.parametrize("src", ["index.md", "tim-kiem.md"])
def test_home_and_search_pages_are_not_searchable(model, src) -> None:
    assert not scope_of(model, src).searchable


def test_generated_listings_are_not_searchable(model) -> None:
    listing = model.index.pages.get("vi", PurePosixPath("tin-bai/2023/index.md"))
    assert listing is not None and listing.generated
    assert not search_scope(model, listing).searchable


def test_unused_path_is_not_a_page(model: BuildModel, tmp_path: Path) -> None:
    assert not search_scope(model, None).searchable
