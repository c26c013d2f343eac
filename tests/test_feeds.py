"""RSS 2.0 and JSON Feed 1.1, per language, for all articles and per category."""

from __future__ import annotations

import json

import feedparser
import pytest

from helpers import SITE_URL, column_site, make_small_site, parse

# Every key JSON Feed 1.1 defines (https://jsonfeed.org/version/1.1): nothing else is written.
JSON_FEED_TOP_KEYS = {
    "version", "title", "home_page_url", "feed_url", "description", "user_comment", "next_url",
    "icon", "favicon", "authors", "language", "expired", "hubs", "items",
}
JSON_FEED_ITEM_KEYS = {
    "id", "url", "external_url", "title", "content_html", "content_text", "summary", "image",
    "banner_image", "date_published", "date_modified", "authors", "tags", "language",
    "attachments",
}


@pytest.fixture(scope="module")
def column(tmp_path_factory):
    return make_small_site(tmp_path_factory.mktemp("feeds"), column_site(23, 3))


@pytest.mark.parametrize(
    ("path", "language", "count"),
    [
        ("tin-bai/rss.xml", "vi", 20),  # 24 articles, the newest 20
        ("en/tin-bai/rss.xml", "en", 3),
        ("tin-bai/chu-de/bien-dao/rss.xml", "vi", 13),
        ("en/tin-bai/chu-de/quyen-con-nguoi/rss.xml", "en", 1),
    ],
)
def test_rss_parses_with_items_language_and_absolute_urls(column, path, language, count) -> None:
    feed = feedparser.parse((column / path).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert feed.feed.title and feed.feed.link and feed.feed.description  # required by RSS 2.0
    assert feed.feed.language == language
    assert len(feed.entries) == count
    for entry in feed.entries:
        assert entry.link.startswith(SITE_URL) and entry.id == entry.link
        assert entry.published_parsed is not None
    self_link = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_link == [SITE_URL + path]


def test_rss_items_are_newest_first_and_exist_on_the_site(column) -> None:
    feed = feedparser.parse((column / "tin-bai/rss.xml").read_bytes())
    assert feed.entries[0].title == "vi bài 23"
    for entry in feed.entries:
        assert (column / entry.link.removeprefix(SITE_URL) / "index.html").is_file()


@pytest.mark.parametrize(
    ("path", "language", "count"),
    [("tin-bai/feed.json", "vi", 20), ("en/tin-bai/chu-de/bien-dao/feed.json", "en", 2)],
)
def test_json_feed_follows_version_1_1(column, path, language, count) -> None:
    document = json.loads((column / path).read_text("utf-8"))
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["language"] == language
    assert document["feed_url"] == SITE_URL + path
    assert document["title"] and document["home_page_url"].startswith(SITE_URL)
    assert len(document["items"]) == count
    for item in document["items"]:
        assert item["id"] and item["url"].startswith(SITE_URL)
        assert item["title"] and item["date_published"].endswith("+07:00")
        assert set(item) <= JSON_FEED_ITEM_KEYS
    assert set(document) <= JSON_FEED_TOP_KEYS


def test_every_page_announces_its_language_feed(column) -> None:
    for page, feed in (("index.html", "tin-bai/rss.xml"), ("en/index.html", "en/tin-bai/rss.xml")):
        doc = parse(column / page)
        hrefs = doc.xpath("//head/link[@rel='alternate'][@type='application/rss+xml']/@href")
        assert hrefs == [SITE_URL + feed]
        assert doc.xpath("//head/link[@type='application/feed+json']/@href")


def test_category_listing_announces_its_own_feed(column) -> None:
    doc = parse(column / "tin-bai/chu-de/bien-dao/index.html")
    hrefs = doc.xpath("//head/link[@type='application/rss+xml']/@href")
    assert hrefs == [SITE_URL + "tin-bai/chu-de/bien-dao/rss.xml"]
