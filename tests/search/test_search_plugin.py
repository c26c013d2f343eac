"""The ttdn-search plugin on a built two-language site: one index per language holding the
searchable pages only, the region marked in the HTML, text in NFC, the search page and the
header box working as plain HTML forms."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from helpers import make_small_site, parse, search_site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_small_site(tmp_path_factory.mktemp("search"), search_site())


def fragments(site: Path, prefix: str) -> dict[str, dict]:
    index = site / prefix / "search-index"
    manifest = json.loads((index / "manifest.json").read_text())
    found = {}
    for path in (index / manifest["version"] / "p").glob("*.json"):
        fragment = json.loads(path.read_text("utf-8"))
        found[fragment["u"]] = fragment
    assert len(found) == manifest["pages"]
    return found


def test_each_language_has_its_own_index_of_its_own_pages(built: Path) -> None:
    vi, en = fragments(built, ""), fragments(built, "en")
    assert "tin-bai/2023/ly-son/" in vi and all(not u.startswith("en/") for u in vi)
    assert "en/tin-bai/2023/ly-son/" in en and all(u.startswith("en/") for u in en)


def test_only_searchable_pages_are_indexed(built: Path) -> None:
    vi = fragments(built, "")
    assert "" not in vi  # the home page
    assert "tim-kiem/" not in vi  # the search page
    assert "tin-bai/2023/" not in vi  # a generated year listing
    assert vi["tin-bai/2023/ly-son/"]["s"] == "Chuyên mục"
    assert fragments(built, "en")["en/tin-bai/2023/ly-son/"]["s"] == "Column"


def test_built_pages_and_index_text_are_nfc(built: Path) -> None:
    html = (built / "tin-bai/2023/nfd/index.html").read_text("utf-8")
    assert unicodedata.is_normalized("NFC", html)
    text = fragments(built, "")["tin-bai/2023/nfd/"]["x"]
    assert "Quảng Ngãi" in text and unicodedata.is_normalized("NFC", text)


def test_the_searchable_region_holds_the_page_text_not_the_listings(built: Path) -> None:
    doc = parse(built / "tin-bai/2023/ly-son/index.html")
    region = doc.xpath("//*[@data-ttdn-search-body]")
    assert len(region) == 1 and region[0].get("data-ttdn-search-title") == "Đảo Lý Sơn"
    assert "Huyện đảo Lý Sơn" in region[0].text_content()
    assert not parse(built / "index.html").xpath("//*[@data-ttdn-search-body]")


@pytest.mark.parametrize(("prefix", "lang"), [("", "vi"), ("en/", "en")])
def test_search_box_is_a_form_leading_to_the_search_page(built: Path, prefix: str,
                                                          lang: str) -> None:
    doc = parse(built / prefix / "tin-bai/2023/ly-son/index.html")
    (form,) = doc.xpath("//header//form[@data-ttdn-search]")
    assert form.get("method") == "get" and form.get("action") == "../../../tim-kiem/"
    (field,) = form.xpath(".//input[@name='q']")
    assert field.get("aria-label")
    assert doc.xpath("//header//a[@data-ttdn-search-open]/@href") == ["../../../tim-kiem/"]
    page = parse(built / prefix / "tim-kiem/index.html")
    assert page.xpath("//noscript//a")  # without JavaScript it explains and offers sections
    assert page.xpath("//main//form[@data-ttdn-search-page]//input[@name='q']")


def test_pages_load_only_the_small_loader(built: Path) -> None:
    doc = parse(built / "tin-bai/2023/ly-son/index.html")
    scripts = [s for s in doc.xpath("//script/@src")]
    assert scripts == ["../../../assets/javascripts/search-boot.js"]
    assert (built / "assets/javascripts/search-boot.js").stat().st_size < 3000
    assert (built / "assets/javascripts/search.js").exists()


@pytest.mark.parametrize(("prefix", "name", "published"), [
    ("", "Bản tin Đối ngoại Quảng Ngãi", "Ngày đăng"),
    ("en", "Quảng Ngãi Foreign Affairs Bulletin", "Published"),
])
def test_bulletin_article_text_starts_with_its_body_not_breadcrumb_or_date(
        site: Path, prefix: str, name: str, published: str) -> None:
    articles = {u: f for u, f in fragments(site, prefix).items()
                if u.count("/") >= 4 + bool(prefix) and "/ban-tin/" in f"/{u}"}
    assert articles
    for url, fragment in articles.items():
        assert not fragment["x"].startswith(name), url
        assert f"{published}:" not in fragment["x"][:200], url


def test_the_facets_give_every_page_its_section_and_year(built: Path) -> None:
    index = built / "search-index"
    manifest = json.loads((index / "manifest.json").read_text())
    facets = json.loads((index / manifest["version"] / "facets.json").read_text("utf-8"))
    assert ["column", "Chuyên mục"] in facets["sections"]
    by_url = fragments(built, "")
    assert len(facets["pages"]) == manifest["pages"] == len(by_url)
    column = [i for i, (key, _) in enumerate(facets["sections"]) if key == "column"][0]
    ids = {json.loads(p.read_text("utf-8"))["u"]: int(p.stem)
           for p in (index / manifest["version"] / "p").glob("*.json")}
    assert facets["pages"][ids["tin-bai/2023/ly-son/"]] == [column, 2023]
