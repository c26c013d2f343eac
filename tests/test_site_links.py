"""Every local URL the build writes leads to a file in site/: pages (href, src, srcset, poster),
feeds (RSS links and enclosures, JSON Feed urls and images) and the sitemap — on a site that has
covers, a self-hosted video with a poster, a YouTube poster, an attachment and inline photos."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from helpers import SITE_URL, article, column_site, front, make_small_site
from support.audit import broken_links, feed_and_sitemap_urls, json_feed_urls


@pytest.fixture(scope="module")
def media_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("links")
    photos = root / "photos" / "tin-bai"
    photos.mkdir(parents=True)
    for name, colour in (("bia.jpg", (20, 90, 140)), ("poster.jpg", (200, 120, 40))):
        Image.new("RGB", (1600, 900), colour).save(photos / name, quality=85)
    files = column_site(2, 2)
    for lang in ("vi", "en"):
        files[f"{lang}/tin-bai/2023/co-anh-bia.md"] = article(
            "Có ảnh bìa", "2023-02-01", image="/photos/tin-bai/bia.jpg", image_alt="Biển"
        ) + "\n![Cảnh biển](../../../../photos/tin-bai/poster.jpg \"Chú thích | Ảnh: Sở\")\n"
        files[f"{lang}/tin-bai/2023/co-video.md"] = article(
            "Có video", "2023-02-02",
            video="{src: clip.webm, poster: /photos/tin-bai/poster.jpg, title: Bờ biển}",
        )
        files[f"{lang}/tin-bai/2023/co-youtube.md"] = article(
            "Có YouTube", "2023-02-03",
            video="{youtube: abcdefghijk, poster: /photos/tin-bai/poster.jpg, title: Phóng sự}",
        )
        files[f"{lang}/van-ban/index.md"] = front("Văn bản") + "# Văn bản\n"
        files[f"{lang}/bao-loi.md"] = front("Báo lỗi") + "# Báo lỗi\n"  # every footer links it
        files[f"{lang}/tim-kiem.md"] = front("Tìm", template="search.html")  # the search box
        files[f"{lang}/van-ban/kh-1.md"] = front(
            "Kế hoạch 1", number="1/KH-UBND", issuer="UBND tỉnh", signer="A",
            attachment="kh-1.pdf",
        )
    for lang in ("vi", "en"):
        (root / "docs" / lang / "tin-bai/2023").mkdir(parents=True, exist_ok=True)
        (root / "docs" / lang / "tin-bai/2023/clip.webm").write_bytes(b"\x1aE\xdf\xa3webm")
        (root / "docs" / lang / "van-ban").mkdir(parents=True, exist_ok=True)
        pdf = pikepdf.new()  # a real PDF: ttdn-guard refuses a damaged one
        pdf.add_blank_page()
        pdf.save(root / "docs" / lang / "van-ban/kh-1.pdf")
    return make_small_site(root, files)


def test_every_local_url_of_pages_feeds_and_sitemap_resolves(media_site: Path) -> None:
    assert broken_links(media_site, SITE_URL) == []


def test_the_walk_covers_feed_images_enclosures_posters_and_attachments(media_site: Path) -> None:
    """The check above would pass on a site without media: make sure this one has them."""
    rss = feed_and_sitemap_urls(media_site / "tin-bai" / "rss.xml")
    assert any("/assets/images/" in url for url in rss)  # an enclosure
    images = [u for u in json_feed_urls(media_site / "tin-bai" / "feed.json") if "assets" in u]
    assert images and all(u.startswith(SITE_URL + "assets/images/") for u in images)
    item = next(
        i for i in json.loads((media_site / "en/tin-bai/feed.json").read_text())["items"]
        if i["url"].endswith("/co-anh-bia/")
    )
    assert (media_site / item["image"].removeprefix(SITE_URL)).is_file()
    video_page = (media_site / "tin-bai/2023/co-video/index.html").read_text("utf-8")
    assert 'poster="../../../assets/images/' in video_page
    assert 'src="../clip.webm"' in video_page
    document = (media_site / "en/van-ban/kh-1/index.html").read_text("utf-8")
    assert 'href="../kh-1.pdf"' in document


def test_a_link_to_a_missing_file_is_found(media_site: Path, tmp_path: Path) -> None:
    """The walk itself can fail: a feed enclosure pointing nowhere is reported."""
    feed = tmp_path / "rss.xml"
    feed.write_text(
        f'<rss><channel><item><enclosure url="{SITE_URL}nowhere.jpg" length="1" '
        'type="image/jpeg"/></item></channel></rss>',
        "utf-8",
    )
    assert broken_links(tmp_path, SITE_URL) == [f"rss.xml -> {SITE_URL}nowhere.jpg (no such file)"]
