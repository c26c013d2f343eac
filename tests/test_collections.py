"""The column's listings: order, pagination, category and year archives, in both languages."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from helpers import SITE_URL, alternates, article, column_site, front, make_small_site, parse


@pytest.fixture(scope="module")
def column(tmp_path_factory):
    return make_small_site(tmp_path_factory.mktemp("column"), column_site(23, 3))


def titles(doc) -> list[str]:
    return [t.strip() for t in doc.xpath("//ol[@class='ttdn-list']//h2/a/text()")]


def test_listing_is_newest_first_ten_a_page(column) -> None:
    first = titles(parse(column / "tin-bai/index.html"))
    assert first == [f"vi bài {n:02d}" for n in range(23, 13, -1)]
    second = titles(parse(column / "tin-bai/trang/2/index.html"))
    assert second == [f"vi bài {n:02d}" for n in range(13, 3, -1)]
    third = titles(parse(column / "tin-bai/trang/3/index.html"))
    assert third == ["vi bài 03", "vi bài 02", "vi bài 01", "Bài năm 2022"]
    assert not (column / "tin-bai/trang/4").exists()


def test_pages_link_to_their_neighbours(column) -> None:
    page = "tin-bai/trang/2/"
    doc = parse(column / page / "index.html")
    (prev,) = doc.xpath("//nav[@class='ttdn-pagination']/a[@rel='prev']/@href")
    (nxt,) = doc.xpath("//nav[@class='ttdn-pagination']/a[@rel='next']/@href")
    assert urljoin(SITE_URL + page, prev) == SITE_URL + "tin-bai/"
    assert urljoin(SITE_URL + page, nxt) == SITE_URL + "tin-bai/trang/3/"
    assert "Trang 2/3" in doc.xpath("string(//nav[@class='ttdn-pagination'])")


def test_listing_pages_have_their_own_title_and_description(column) -> None:
    doc = parse(column / "tin-bai/trang/2/index.html")
    assert doc.xpath("string(//h1)") == "Chuyên mục – trang 2"
    assert doc.xpath("//head/meta[@name='description']/@content") == ["Chuyên mục."]
    category = parse(column / "en/tin-bai/chu-de/bien-dao/index.html")
    assert category.xpath("string(//h1)") == "Sea and islands"
    (description,) = category.xpath("//head/meta[@name='description']/@content")
    assert description.startswith("Communication on the sea and islands")


def test_category_archives_exist_in_both_languages(column) -> None:
    vi = titles(parse(column / "tin-bai/chu-de/quyen-con-nguoi/index.html"))
    assert vi == [f"vi bài {n:02d}" for n in range(22, 2, -2)]
    assert (column / "tin-bai/chu-de/quyen-con-nguoi/trang/2/index.html").is_file()
    en = titles(parse(column / "en/tin-bai/chu-de/bien-dao/index.html"))
    assert en == ["en bài 03", "en bài 01"]


def test_year_archives_exist_in_both_languages(column) -> None:
    assert titles(parse(column / "tin-bai/2022/index.html")) == ["Bài năm 2022"]
    assert parse(column / "tin-bai/2022/index.html").xpath("string(//h1)") == "Tin bài năm 2022"
    en = parse(column / "en/tin-bai/2023/index.html")
    assert en.xpath("string(//h1)") == "Articles from 2023"
    assert titles(en) == ["en bài 03", "en bài 02", "en bài 01"]
    assert not (column / "en/tin-bai/2022").exists()  # no English article that year


def test_listing_alternates_point_to_the_same_listing(column) -> None:
    alts = alternates(parse(column / "tin-bai/chu-de/bien-dao/index.html"))
    assert alts["en"] == SITE_URL + "en/tin-bai/chu-de/bien-dao/"
    # Page 2 exists only in Vietnamese: no English alternate, language link to the parent.
    page2 = parse(column / "tin-bai/trang/2/index.html")
    assert "en" not in alternates(page2)
    (href,) = page2.xpath("//a[@class='ttdn-lang__link'][@hreflang='en']/@href")
    assert urljoin(SITE_URL + "tin-bai/trang/2/", href) == SITE_URL + "en/tin-bai/"


def test_home_page_shows_the_latest_articles(column) -> None:
    doc = parse(column / "index.html")
    assert titles(doc) == [f"vi bài {n:02d}" for n in range(23, 18, -1)]


def test_article_links_to_neighbours_category_and_related(column) -> None:
    page = "tin-bai/2023/bai-10/"
    doc = parse(column / page / "index.html")
    prev = doc.xpath("//nav[@class='ttdn-neighbours']//a[@rel='prev']/@href")
    nxt = doc.xpath("//nav[@class='ttdn-neighbours']//a[@rel='next']/@href")
    assert urljoin(SITE_URL + page, prev[0]) == SITE_URL + "tin-bai/2023/bai-09/"
    assert urljoin(SITE_URL + page, nxt[0]) == SITE_URL + "tin-bai/2023/bai-11/"
    related = doc.xpath("//section[@class='ttdn-related']//a/text()")
    assert related == ["vi bài 22", "vi bài 20", "vi bài 18"]
    meta = doc.xpath("string(//div[@class='ttdn-article-meta'])")
    assert "10 tháng 1, 2023" in meta and "Truyền thông về quyền con người" in meta
    assert "phút đọc" in meta


def test_article_in_one_language_is_listed_only_in_that_language(column) -> None:
    en = {t for page in column.glob("en/**/index.html") for t in titles(parse(page))}
    assert not any(t.startswith("vi ") or t == "Bài năm 2022" for t in en)
    assert not (column / "en/tin-bai/2023/bai-04").exists()


def test_drafts_and_future_articles_are_absent_everywhere(small_site) -> None:
    files = column_site(2, 1)
    files["vi/tin-bai/2023/ban-nhap.md"] = article("Bản nháp", "2023-01-05", draft="true")
    files["vi/tin-bai/2999/tuong-lai.md"] = article("Tương lai", "2999-01-01")
    site = small_site(files)
    built = "\n".join(p.read_text("utf-8") for p in site.rglob("*") if p.is_file()
                      and p.suffix in {".html", ".xml", ".json"})
    assert "Bản nháp" not in built and "ban-nhap" not in built
    assert "Tương lai" not in built and "tuong-lai" not in built and "2999" not in built
    assert not (site / "tin-bai/2023/ban-nhap").exists()
    assert not (site / "tin-bai/2999").exists()


def test_documents_section_lists_documents_by_year(small_site) -> None:
    document = (
        "---\ntitle: Kế hoạch 1\ndescription: Kế hoạch.\ndate: 2022-12-27\nnumber: 1/KH-UBND\n"
        "issuer: UBND tỉnh\nsigner: Người ký\n---\n# Kế hoạch 1\n\nNội dung kế hoạch.\n"
    )
    files = column_site(0, 0)
    files["vi/van-ban/index.md"] = front("Văn bản")
    files["vi/van-ban/kh-1.md"] = document
    site = small_site(files)
    doc = parse(site / "van-ban/index.html")
    assert doc.xpath("//article//h2/text()") == ["Năm 2022"]
    assert doc.xpath("//ul[@class='ttdn-documents']//a/text()") == ["1/KH-UBND"]
