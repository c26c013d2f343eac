"""Every front-matter value is text: quotes, <, & and template syntax come out as written in the
head, the page, the listings, the related links and the feeds, and never as markup."""

from __future__ import annotations

import html
import json

import pytest
from lxml import etree

from guard.checks import unsafe
from guard.conftest import html_pages
from guard.sites import hostile
from helpers import front, parse
from ttdn.guard.pdf import authors_in


@pytest.fixture(scope="module")
def site(front_matter_built):
    return front_matter_built


def page(site, path):
    return parse(site / path)


def meta(doc, prop):
    (value,) = doc.xpath(f"//head/meta[@property='{prop}' or @name='{prop}']/@content")
    return value


def test_no_page_built_from_hostile_front_matter_carries_anything_unsafe(site) -> None:
    pages = html_pages(site)
    assert len(pages) >= 8
    assert {path: unsafe(doc) for path, doc in pages.items() if unsafe(doc)} == {}


def test_a_plain_pages_title_and_description_are_text_everywhere(site) -> None:
    doc = page(site, "gioi-thieu/index.html")
    title, description = hostile("page.title"), hostile("page.description")
    assert doc.xpath("string(//head/title)").startswith(title + " - ")
    assert doc.xpath("string(//article//h1)") == title
    assert " ".join(doc.xpath("string(//*[contains(@class,'md-header__topic')][2])").split()) \
        == " ".join(title.split())
    assert meta(doc, "og:title") == title
    assert meta(doc, "description") == description == meta(doc, "og:description")
    assert meta(doc, "og:image:alt") == hostile("page.image_alt")


def test_an_articles_fields_are_text_in_its_page(site) -> None:
    doc = page(site, "tin-bai/2023/bai-mot/index.html")
    assert doc.xpath("string(//article//h1)") == hostile("article.title")
    assert meta(doc, "og:title") == hostile("article.title")
    assert meta(doc, "description") == hostile("description")
    assert hostile("agency") in doc.xpath("string(//div[@class='ttdn-article-meta'])")
    assert doc.xpath("//article//picture//img/@alt") == [hostile("article.image_alt")]
    assert meta(doc, "og:image:alt") == hostile("article.image_alt")
    (video,) = doc.xpath("//figure[@class='ttdn-video']")
    assert video.xpath("string(video/@title)") == hostile("video.title")
    assert video.xpath("string(figcaption)") == hostile("video.title")
    youtube = page(site, "tin-bai/2023/bai-hai/index.html")
    assert youtube.xpath("//figure[@class='ttdn-video']/a/img/@alt") == [hostile("youtube.title")]


def test_titles_and_summaries_are_text_in_listings_and_related_links(site) -> None:
    home = page(site, "index.html")
    titles = home.xpath("//section[@class='ttdn-latest']//h2[@class='ttdn-list__title']/a")
    assert [a.text for a in titles] == [hostile("related.title"), hostile("article.title")]
    summaries = home.xpath("//section[@class='ttdn-latest']//li/p[not(@class)]/text()")
    assert summaries == [hostile("description")] * 2
    column = page(site, "tin-bai/index.html")
    assert hostile("article.title") in column.xpath("//h2[@class='ttdn-list__title']/a/text()")
    neighbour = page(site, "tin-bai/2023/bai-hai/index.html")
    assert hostile("article.title") in neighbour.xpath("//a[@rel='prev' or @rel='next']/text()")


def test_a_documents_fields_are_text_in_its_page_and_the_documents_list(site) -> None:
    doc = page(site, "van-ban/ke-hoach-hostile/index.html")
    values = doc.xpath("//dl[@class='ttdn-docmeta']/dd")
    texts = [v.xpath("string()") for v in values]
    assert hostile("number") in texts and hostile("issuer") in texts
    assert f"{hostile('signer')} ({hostile('signer_title')})" in texts
    assert doc.xpath("string(//article//h1)") == hostile("document.title")
    listing = page(site, "van-ban/index.html")
    assert hostile("number") in listing.xpath("//ul[@class='ttdn-documents']/li/a/text()")


def test_feeds_carry_the_text_as_written(site) -> None:
    rss = etree.parse(str(site / "tin-bai/rss.xml"))
    titles = rss.xpath("//item/title/text()")
    assert hostile("article.title") in titles
    # An RSS description is HTML: the text is escaped once more, so a reader shows it as written.
    assert {html.unescape(d) for d in rss.xpath("//item/description/text()")} == \
        {hostile("description")}
    feed = json.loads((site / "tin-bai/feed.json").read_text("utf-8"))
    assert hostile("article.title") in [item["title"] for item in feed["items"]]
    assert all(item["content_text"] == hostile("description") for item in feed["items"])
    assert hostile("tag") in feed["items"][0]["tags"]


def test_a_pdf_attachment_is_published_without_its_authors(site) -> None:
    published = site / "van-ban/ke-hoach-hostile.pdf"
    assert published.is_file() and published.read_bytes().startswith(b"%PDF-")
    assert authors_in(published) == {}


URL_CASES = {
    # file: (front matter lines after the title, the line the finding must name)
    "vi/van-ban/dinh-kem.md": ("number: 1/KH\nissuer: UBND\nsigner: A\n"
                               "attachment: 'javascript:alert(1)'\n", 8),
    "vi/tin-bai/2023/poster.md": ("category: bien-dao\nagency: Sở\nvideo: {youtube: abcdefghijk, "
                                  "poster: 'javascript:alert(1)', title: Phim}\n", 7),
    "vi/tin-bai/2023/nguon.md": ("category: bien-dao\nagency: Sở\nvideo: {src: "
                                 "'https://evil.example/x.mp4', poster: p.jpg, title: Phim}\n", 7),
    "vi/tin-bai/2023/du-lieu.md": ("category: bien-dao\nagency: Sở\nimage: "
                                   "'data:image/png;base64,AAAA'\nimage_alt: Ảnh\n", 7),
    "vi/gioi-thieu/index.md": ("image: https://tracker.example/x.jpg\nimage_alt: Ảnh\n", 5),
}
ALT_INJECTION = ("category: bien-dao\nagency: Sở\nimage: /photos/bia.jpg\n"
                 "image_alt: 'x](javascript:alert(1)) ![y'\n")


def test_front_matter_urls_outside_the_site_fail_with_their_line(tmp_path) -> None:
    from guard.checks import build_failing, findings_of
    from guard.sites import home_pages, jpeg_bytes, section_pages

    (tmp_path / "photos").mkdir()
    (tmp_path / "photos/bia.jpg").write_bytes(jpeg_bytes())
    files = {**home_pages(), **section_pages()}
    for name, (lines, _) in URL_CASES.items():
        files[name] = f"---\ntitle: T\ndescription: D.\ndate: 2023-01-02\n{lines}---\n\nNội dung.\n"
    # The theme prints these values after the content check, so unlike page content they are
    # not cleaned in a failed build's output: `ttdn build` never publishes that output.
    report, _ = build_failing(tmp_path, files)
    found = {(path, line) for path, line, _ in findings_of(report)}
    assert {(f"docs/{name}", line) for name, (_, line) in URL_CASES.items()} <= found


def test_a_hostile_category_fails_with_its_line(tmp_path) -> None:
    from guard.checks import build_failing
    from guard.sites import home_pages, section_pages

    files = {**home_pages(), **section_pages(), "vi/tin-bai/2023/bai.md": (
        "---\ntitle: T\ndescription: D.\ndate: 2023-01-02\n"
        "category: '<script>alert(1)</script>'\nagency: Sở\n---\n\nNội dung.\n")}
    report, _ = build_failing(tmp_path, files)
    assert "docs/vi/tin-bai/2023/bai.md:5" in report or "vi/tin-bai/2023/bai.md:5" in report


def test_markdown_written_into_a_cover_description_stays_text(tmp_path) -> None:
    from guard.sites import home_pages, jpeg_bytes, section_pages
    from helpers import make_small_site

    (tmp_path / "photos").mkdir()
    (tmp_path / "photos/bia.jpg").write_bytes(jpeg_bytes())
    files = {**home_pages(), **section_pages(), "vi/tin-bai/2023/alt.md": (
        f"---\ntitle: T\ndescription: D.\ndate: 2023-01-02\n{ALT_INJECTION}---\n\nNội dung.\n")}
    site = make_small_site(tmp_path, files)
    doc = parse(site / "tin-bai/2023/alt/index.html")
    assert doc.xpath("//article//img/@alt")[0] == "x](javascript:alert(1)) ![y"
    pages = html_pages(site)
    assert {path: unsafe(doc) for path, doc in pages.items() if unsafe(doc)} == {}


def test_a_sections_title_is_text_on_its_generated_listing_pages(tmp_path) -> None:
    """Page 2 of a listing is generated from the section's own title: never read as Markdown."""
    from guard.outputs import read_site
    from helpers import article, make_small_site

    title = "Chuyên mục <b onclick=pwn()>x</b> [y](javascript:pwn()) *z* {#id} &amp;"
    files = {"vi/index.md": front("Trang chủ") + "\nTrang chủ.\n",
             "en/index.md": front("Home") + "\nHome.\n",
             "vi/tin-bai/index.md": "---\n" + f"title: '{title}'\ndescription: '{title}'\n"
                                    "date: 2023-01-02\n---\n\nChuyên mục.\n"}
    for n in range(1, 12):
        files[f"vi/tin-bai/2023/bai-{n:02d}.md"] = article(f"Bài {n:02d}", f"2023-01-{n:02d}")
    site = make_small_site(tmp_path, files)
    problems, _ = read_site(site)
    assert problems == {}
    second = parse(site / "tin-bai/trang/2/index.html")
    (heading,) = second.xpath("//article//h1")
    assert heading.text_content().startswith(title) and heading.get("id")
    assert second.xpath("string(//article//h1/following-sibling::p[1])") == title
    assert second.xpath("string(//head/title)").startswith(title)
