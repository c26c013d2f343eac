"""Every category is named and described in every language, exactly as written."""

from __future__ import annotations

from ttdn.content.categories import categories
from ttdn.i18n import strings
from ttdn.slugs import is_slug

EXPECTED_NAMES = {
    "van-hoa-the-thao-du-lich": ("Văn hóa, thể thao, du lịch", "Culture, sport and tourism"),
    "xuc-tien-dau-tu-thuong-mai": ("Xúc tiến đầu tư, thương mại", "Investment and trade promotion"),
    "bien-dao": ("Biển, đảo", "Sea and islands"),
}


def test_the_plan_themes_are_the_eight_categories() -> None:
    assert len(categories()) == 8
    assert all(is_slug(slug) for slug in categories())


def test_names_with_commas_are_kept_whole() -> None:
    for slug, (vi, en) in EXPECTED_NAMES.items():
        assert (categories()[slug].name("vi"), categories()[slug].name("en")) == (vi, en)


def test_every_category_has_name_and_description_in_every_language() -> None:
    for category in categories().values():
        for code in ("vi", "en"):
            assert strings(code)  # the language exists
            assert category.name(code).strip() and category.description(code).strip()
