import datetime as dt
from pathlib import PurePosixPath as P

from ttdn.i18n import Languages, page_path, parents, strings

LANGS = Languages.from_codes(["en", "vi"], "vi")


def test_default_language_comes_first_and_has_no_prefix() -> None:
    assert [(lang.code, lang.prefix) for lang in LANGS.all] == [("vi", ""), ("en", "en/")]


def test_dates_are_written_in_each_language() -> None:
    day = dt.date(2022, 12, 27)
    assert LANGS.get("vi").format_date(day) == "27 tháng 12, 2022"
    assert LANGS.get("en").format_date(day) == "27 December 2022"


def test_every_translation_table_has_the_same_keys() -> None:
    vi, en = strings("vi"), strings("en")
    assert vi.keys() == en.keys()
    assert vi["material"].keys() == en["material"].keys()


def test_page_paths_use_directory_urls() -> None:
    assert page_path(P("index.md")) == ""
    assert page_path(P("van-ban/index.md")) == "van-ban/"
    assert page_path(P("van-ban/kh-197.md")) == "van-ban/kh-197/"


def test_parents_lead_up_to_the_home_page() -> None:
    assert parents(P("a/b/c.md")) == [P("a/b/index.md"), P("a/index.md"), P("index.md")]
    assert parents(P("a/index.md")) == [P("index.md")]
    assert parents(P("index.md")) == []
