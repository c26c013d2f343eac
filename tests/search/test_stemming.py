"""English stems, computed at build time over the index's own words (ttdn.search.stemming)."""

from __future__ import annotations

from ttdn.search.stemming import stem_groups


def test_plural_and_ing_forms_are_siblings_in_english() -> None:
    groups = stem_groups(["island", "islands", "investing", "investment", "sea"], "en")
    assert groups["island"] == ["islands"]
    assert groups["islands"] == ["island"]
    assert groups["investing"] == ["investment"]
    assert "sea" not in groups  # a word alone in its stem needs no entry


def test_a_stem_that_is_no_word_of_the_index_leads_to_its_words() -> None:
    groups = stem_groups(["investing", "investment"], "en")
    assert groups["invest"] == ["investing", "investment"]


def test_vietnamese_is_not_stemmed() -> None:
    assert stem_groups(["dao", "daos", "dang"], "vi") == {}


def test_short_words_and_numbers_are_left_alone() -> None:
    assert stem_groups(["as", "us", "2023", "2023s"], "en") == {}
