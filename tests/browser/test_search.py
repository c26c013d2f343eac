"""The search in real Chromium, in both languages: on a small site whose pages hold the words
readers type (with decoys), and on the project's own site."""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from helpers import make_small_site, search_site, toned_vowels
from support.browser import serve_site
from ttdn.search.folding import fold

pytestmark = pytest.mark.browser

PREFIX = {"vi": "", "en": "en/"}


@pytest.fixture(scope="module")
def small_url(tmp_path_factory: pytest.TempPathFactory):
    site = make_small_site(tmp_path_factory.mktemp("search-site"), search_site())
    with serve_site(site) as url:
        yield url


def header_box(page):
    """The header's search box, opened as a reader would: on a phone through the magnifier."""
    box = page.locator(".md-search [data-ttdn-search-input]")
    if not box.is_visible():
        page.locator("header [data-ttdn-search-open]").click()
    return box


def search(page, query: str) -> list[str]:
    """Type into the header's box; the URL paths of the results, best first."""
    box = header_box(page)
    status = page.locator(".md-search [data-ttdn-search-status]")
    status.evaluate("el => { el.textContent = ''; }")  # no stale count for a longer query
    box.fill(query)
    shown = query.replace('"', "").strip()  # the status quotes the query itself
    page.wait_for_function(
        "([el, q]) => el.textContent.includes(q)", arg=[status.element_handle(), shown]
    )
    links = page.locator(".md-search .ttdn-search__title")
    return [urlsplit(href).path for href in links.evaluate_all("l => l.map(a => a.href)")]


# Query → the pages (slugs) it must find, and nothing else; every query in both languages.
EXPECTED = {
    "quang ngai": {"ly-son"},
    "Quảng Ngãi": {"ly-son"},
    "ly son": {"ly-son"},
    "Lý Sơn": {"ly-son"},
    "dao ly son": {"ly-son"},
    "Long An": {"long-an"},
    "tự do": {"tu-do"},
    "da nang": {"da-nang"},
}
# The Vietnamese page written in decomposed Unicode (NFD) says "Quảng Ngãi" too.
NFD_PAGE = {("vi", "quang ngai"): {"nfd"}, ("vi", "Quảng Ngãi"): {"nfd"}}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("query", list(EXPECTED))
def test_query_finds_exactly_the_pages_holding_its_words(page, small_url: str, lang: str,
                                                          query: str) -> None:
    page.goto(small_url + PREFIX[lang] + "tin-bai/")
    expected = EXPECTED[query] | NFD_PAGE.get((lang, query), set())
    assert set(search(page, query)) == {f"/{PREFIX[lang]}tin-bai/2023/{s}/" for s in expected}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_results_stay_in_the_language_of_the_page(page, small_url: str, lang: str) -> None:
    page.goto(small_url + PREFIX[lang] + "tin-bai/")
    for query in ("quang ngai", "Long An", "ly son"):
        found = search(page, query)
        assert found
        assert all(p.startswith("/en/") == (lang == "en") for p in found), found


def test_d_folds_both_ways_and_exact_diacritics_rank_first(page, small_url: str) -> None:
    page.goto(small_url + "tin-bai/")
    folded = search(page, "dao")
    assert {"/tin-bai/2023/ly-son/", "/tin-bai/2023/bien-dao/",
            "/tin-bai/2023/dao-keo/"} <= set(folded)
    exact = search(page, "đảo")
    assert set(exact) == set(folded)
    assert exact.index("/tin-bai/2023/dao-keo/") == len(exact) - 1  # "dao kéo" last
    assert search(page, "bien dao")[0] == "/tin-bai/2023/bien-dao/"


def test_whole_words_only(page, small_url: str) -> None:
    page.goto(small_url + "tin-bai/")
    found = search(page, "son")
    assert "/tin-bai/2023/ly-son/" in found
    assert "/tin-bai/2023/dao-keo/" not in found  # "sống" is not "son"


def test_results_show_title_section_and_highlighted_excerpt(page, small_url: str) -> None:
    page.goto(small_url + "tin-bai/")
    search(page, "ly son")
    first = page.locator(".md-search .ttdn-search__result").first
    assert first.locator(".ttdn-search__title").text_content() == "Đảo Lý Sơn"
    assert first.locator(".ttdn-search__section").text_content() == "Chuyên mục"
    marks = first.locator(".ttdn-search__excerpt mark").all_text_contents()
    assert {fold(m) for m in marks} == {"ly", "son"}
    status = page.locator(".md-search [data-ttdn-search-status]")
    assert status.get_attribute("role") == "status"  # announced by screen readers
    assert "1 trang" in status.text_content()


def test_quoted_phrase_requires_adjacent_words(page, small_url: str) -> None:
    page.goto(small_url + "tin-bai/")
    assert search(page, "tự do") == ["/tin-bai/2023/tu-do/"]
    assert search(page, '"đảo cho"') == ["/tin-bai/2023/bien-dao/"]
    assert search(page, '"đảo ngư"') == []


def test_nothing_loads_before_the_reader_starts_a_search(page, small_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(urlsplit(r.url).path))
    page.goto(small_url + "tin-bai/", wait_until="networkidle")
    assert not [p for p in requested if "search-index" in p or p.endswith("/search.js")]
    with page.expect_request(lambda r: r.url.endswith("/search-index/manifest.json")):
        page.keyboard.press("/")  # Material's shortcut focuses the box: a search starts
    assert page.evaluate("document.activeElement.matches('.md-search input')")
    assert any(p.endswith("/search.js") for p in requested)


def test_phone_magnifier_opens_the_box(browser, small_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.goto(small_url + "en/tin-bai/")
    tab.locator("header").get_by_role("link", name="Search", exact=True).click()
    box = tab.locator(".md-search [data-ttdn-search-input]")
    assert box.is_visible()
    assert tab.evaluate("document.activeElement.matches('.md-search input')")
    assert search(tab, "Lý Sơn")[0] == "/en/tin-bai/2023/ly-son/"
    tab.keyboard.press("Escape")
    assert not tab.locator("#__search").is_checked()
    expect(tab.locator(".md-search__inner")).to_have_css("opacity", "0")  # Material's CSS
    context.close()


def test_search_page_lists_results_for_its_query(page, small_url: str) -> None:
    page.goto(small_url + "tim-kiem/?q=quang+ngai")
    page.wait_for_selector(".ttdn-search-page__list .ttdn-search__result")
    assert page.locator("#ttdn-search-page-q").input_value() == "quang ngai"
    links = page.locator(".ttdn-search-page__list .ttdn-search__title")
    assert "/tin-bai/2023/ly-son/" in [urlsplit(h).path for h in
                                       links.evaluate_all("l => l.map(a => a.href)")]


def test_enter_in_the_header_box_opens_the_search_page_with_all_results(page,
                                                                       small_url: str) -> None:
    page.goto(small_url + "en/tin-bai/2023/long-an/")
    box = header_box(page)
    box.fill("dao")
    box.press("Enter")
    page.wait_for_selector(".ttdn-search-page__list .ttdn-search__result")
    assert urlsplit(page.url).path == "/en/tim-kiem/"
    assert page.locator("#ttdn-search-page-q").input_value() == "dao"


def test_without_javascript_the_box_leads_to_the_search_page(browser, small_url: str) -> None:
    context = browser.new_context(java_script_enabled=False,
                                  viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.goto(small_url + "en/tin-bai/")
    box = tab.locator(".md-search [data-ttdn-search-input]")
    box.fill("Ly Son")
    box.press("Enter")
    tab.wait_for_load_state()
    assert urlsplit(tab.url).path == "/en/tim-kiem/"
    assert "needs JavaScript" in tab.locator("main").text_content()
    assert not tab.locator("main [data-ttdn-search-input]").is_visible()  # it could not work
    assert tab.locator("noscript li a[href='../tin-bai/']").count() == 1  # a way on
    context.close()


@pytest.mark.parametrize(("lang", "query", "expected"), [
    ("vi", "quang ngai", "tin-bai/2026/hop-tac-truyen-thong-bao-chi-trung-uong/"),
    ("vi", "bien dao", "tin-bai/2026/cum-pa-no-tuyen-truyen-bien-dao/"),
    ("vi", "Kế hoạch 197", "van-ban/ke-hoach-197-kh-ubnd/"),
    ("en", "Quảng Ngãi", "en/tin-bai/2026/hop-tac-truyen-thong-bao-chi-trung-uong/"),
    ("en", "seas and islands", "en/tin-bai/2026/cum-pa-no-tuyen-truyen-bien-dao/"),
])
def test_the_real_site_finds_its_pages(page, base_url: str, lang: str, query: str,
                                       expected: str) -> None:
    page.goto(base_url + PREFIX[lang] + "gioi-thieu/")
    found = search(page, query)
    assert "/" + expected in found
    assert all(p.startswith("/en/") == (lang == "en") for p in found)


def test_folding_in_the_browser_matches_the_index(page, small_url: str) -> None:
    page.goto(small_url + "tin-bai/")
    script = page.evaluate("document.querySelector('script[src$=\"search-boot.js\"]').src")
    words = [w for w, _ in toned_vowels()] + ["đ", "Đ", unicodedata.normalize("NFD", "Quảng Ngãi")]
    folded = page.evaluate(
        "async ([src, words]) => { const m = await import(new URL('search.js', src).href);"
        " return [words.map(m.fold), m.fnv1a('a'), m.words('Lý Sơn, 197/KH-UBND')]; }",
        [script, words],
    )
    assert folded[0] == [fold(w) for w in words]
    assert folded[1] == 0xE40C292C
    assert folded[2] == ["Lý", "Sơn", "197", "KH", "UBND"]


# --- Issue 21: the header search on phones, focus, and the forgiving search -------------------

def status_of(page, scope: str = ".md-search") -> str:
    return page.locator(f"{scope} [data-ttdn-search-status]").text_content()


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("width", [320, 390, 414])
def test_phone_search_never_widens_the_page(browser, base_url: str, lang: str,
                                            width: int) -> None:
    # is_mobile: content wider than the screen widens the layout (innerWidth grows with it).
    context = browser.new_context(viewport={"width": width, "height": 844}, is_mobile=True,
                                  has_touch=True)
    tab = context.new_page()
    tab.goto(base_url + PREFIX[lang] + "gioi-thieu/")
    tab.locator("header [data-ttdn-search-open]").click()
    query = {"vi": "đảo", "en": "islands"}[lang]
    assert search(tab, query)
    # Measured once the layout has settled: the site's fonts in, the panel's opening
    # transition over (mid-transition boxes sit at fractional positions).
    tab.evaluate("document.fonts.ready.then(() => true)")
    tab.evaluate("() => Promise.all(document.getAnimations()"
                 ".filter(a => a instanceof CSSTransition).map(a => a.finished)).then(() => true)")
    assert tab.evaluate("document.documentElement.scrollWidth") == width
    for box in tab.locator(".md-search .ttdn-search__result").all():
        right = box.evaluate("e => e.getBoundingClientRect().right")
        assert right <= width
    context.close()


def test_desktop_tab_into_the_box_does_not_grey_the_page_and_tab_out_closes(
        browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    tab = context.new_page()
    tab.goto(base_url + "en/gioi-thieu/")
    tab.locator(".md-search [data-ttdn-search-input]").focus()
    assert not tab.locator("#__search").is_checked()
    expect(tab.locator(".md-search__overlay")).to_have_css("opacity", "0")
    assert search(tab, "islands")
    assert tab.locator("#__search").is_checked()  # typing opens the results
    for _ in range(40):  # through the reset button, the results and on out of the search
        tab.keyboard.press("Tab")
        if not tab.evaluate("!!document.activeElement.closest('.md-search')"):
            break
    assert not tab.evaluate("!!document.activeElement.closest('.md-search')")
    assert not tab.locator("#__search").is_checked()
    expect(tab.locator(".md-search__overlay")).to_have_css("opacity", "0")
    context.close()


def test_phone_tab_out_of_the_panel_closes_it(browser, small_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    tab = context.new_page()
    tab.goto(small_url + "tin-bai/")
    tab.locator("header [data-ttdn-search-open]").click()
    assert search(tab, "đảo")
    tab.locator(".md-search .ttdn-search__title").last.focus()
    tab.keyboard.press("Tab")
    assert not tab.evaluate("!!document.activeElement.closest('.md-search')")
    assert not tab.locator("#__search").is_checked()
    expect(tab.locator(".md-search__inner")).to_have_css("opacity", "0")
    context.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_last_word_is_completed_while_typing(page, small_url: str, lang: str) -> None:
    page.goto(small_url + PREFIX[lang] + "tin-bai/")
    base = f"/{PREFIX[lang]}tin-bai/2023/"
    expected = {base + "ly-son/"} | ({base + "nfd/"} if lang == "vi" else set())
    assert set(search(page, "Quảng Ngã")) == expected
    assert search(page, "Quảng Ngã ") == []  # a space ends the word: whole words only
    assert "/tin-bai/2023/dao-keo/" not in search(page, "son")  # "son" is a word: not "sống"


def test_english_plural_and_singular_find_each_other(page, small_url: str) -> None:
    page.goto(small_url + "en/tin-bai/")
    both = {"/en/tin-bai/2023/ly-son/", "/en/tin-bai/2023/bien-dao/"}
    assert set(search(page, "island ")) == both  # "island" and "islands"
    assert set(search(page, "islands ")) == both
    marks = page.locator(".md-search .ttdn-search__excerpt mark").all_text_contents()
    assert {"island", "islands"} <= {m.lower() for m in marks}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_typo_gets_a_did_you_mean_from_the_index(page, small_url: str, lang: str) -> None:
    page.goto(small_url + PREFIX[lang] + "tin-bai/")
    assert search(page, "Quảng Ngaii ") == []
    suggestion = page.locator(".md-search [data-ttdn-search-suggest] a")
    expect(suggestion).to_have_text("Quảng ngãi")
    suggestion.click()
    page.locator(".md-search .ttdn-search__title").first.wait_for()
    assert page.locator(".md-search [data-ttdn-search-input]").input_value() == "Quảng ngãi"
    assert f"/{PREFIX[lang]}tin-bai/2023/ly-son/" in [
        urlsplit(h).path for h in page.locator(".md-search .ttdn-search__title")
        .evaluate_all("l => l.map(a => a.href)")]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_phrase_counts_are_true(page, small_url: str, lang: str) -> None:
    page.goto(small_url + PREFIX[lang] + "tin-bai/")
    apart = f"/{PREFIX[lang]}tin-bai/2023/ba-cau/"
    assert search(page, "hợp tác quốc tế") == [apart]  # every word, not together
    assert {"vi": "không nhất thiết liền nhau", "en": "not necessarily together"}[lang] \
        in status_of(page)
    assert search(page, '"hợp tác quốc tế"') == []  # its pairs, but never the phrase
    assert search(page, '"tác quốc ca"') == [apart]


def test_search_page_filters_by_section_and_year(page, base_url: str) -> None:
    page.goto(base_url + "en/tim-kiem/?q=islands")
    page.wait_for_selector(".ttdn-search-page__list .ttdn-search__result")
    filters = page.locator("[data-ttdn-search-filters]")
    expect(filters).to_be_visible()
    sections = page.locator("[data-ttdn-search-filters] select[name=section]")
    label = [o for o in sections.locator("option").all_text_contents() if "Bulletin" in o][0]
    sections.select_option(label=label)
    expect(page.locator("main [data-ttdn-search-status]")).to_contain_text("Showing")
    titles = page.locator(".ttdn-search-page__list .ttdn-search__section").all_text_contents()
    assert titles and set(titles) == {"Bulletin"}
    years = page.locator("[data-ttdn-search-filters] select[name=year]")
    assert years.locator("option").count() >= 2  # "All" and the years of the results


def test_without_javascript_going_back_keeps_the_query(browser, small_url: str) -> None:
    context = browser.new_context(java_script_enabled=False,
                                  viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.goto(small_url + "en/tin-bai/")
    box = tab.locator(".md-search [data-ttdn-search-input]")
    box.fill("Ly Son")
    box.press("Enter")
    tab.wait_for_load_state()
    assert urlsplit(tab.url).query == "q=Ly+Son"  # the query travels in the address
    tab.go_back()
    assert tab.locator(".md-search [data-ttdn-search-input]").input_value() == "Ly Son"
    context.close()


def test_phone_tab_passes_the_closed_panel_by(browser, small_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    tab = context.new_page()
    tab.goto(small_url + "tin-bai/")
    tab.locator("header [data-ttdn-search-open]").focus()
    tab.keyboard.press("Tab")
    assert not tab.evaluate("!!document.activeElement.closest('.md-search')")
    assert not tab.locator("#__search").is_checked()
    context.close()
