"""An article's cover goes through the image pipeline and becomes its link preview; a video is
self-hosted with a poster, or a YouTube link that asks nothing of YouTube before the click."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from helpers import SITE_URL, article, column_site, make_small_site, parse


@pytest.fixture(scope="module")
def media_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("media")
    (root / "photos").mkdir()
    Image.new("RGB", (1600, 900), (20, 90, 140)).save(root / "photos" / "bia.jpg", quality=90)
    Image.new("RGB", (640, 360), (200, 200, 200)).save(root / "photos" / "poster.jpg")
    files = column_site(1, 0)
    files["vi/tin-bai/2023/co-anh-bia.md"] = article(
        "Có ảnh bìa", "2023-02-01", image="/photos/bia.jpg", image_alt="Biển xanh"
    )
    files["vi/tin-bai/2023/co-video.md"] = article(
        "Có video", "2023-02-02",
        video="{src: clip.mp4, poster: /photos/poster.jpg, title: Toàn cảnh bờ biển}",
    )
    files["vi/tin-bai/2023/co-youtube.md"] = article(
        "Có YouTube", "2023-02-03",
        video="{youtube: abcdefghijk, poster: /photos/poster.jpg, title: Phóng sự}",
    )
    files["vi/tin-bai/2023/youtube-dan.md"] = article(
        "YouTube dán vào", "2023-02-04",
        video='{youtube: "https://www.youtube.com/watch?v=abcdefghijk&t=42s", '
              'poster: /photos/poster.jpg, title: Phóng sự dán}',
    ).replace("nội dung bài viết.\n", "mở đầu.\n\n[video]\n\nĐoạn sau video.\n")
    files["vi/tin-bai/2023/facebook.md"] = article(
        "Có Facebook", "2023-02-05",
        video="{facebook: https://www.facebook.com/SoNgoaiVu/videos/1234567890/?ref=share, "
              "poster: /photos/poster.jpg, title: Video Facebook}",
    )
    clip = root / "docs/vi/tin-bai/2023/clip.mp4"
    clip.parent.mkdir(parents=True, exist_ok=True)
    clip.write_bytes(b"\x00\x00\x00\x18ftypmp42")
    return make_small_site(root, files)


def test_cover_is_the_first_picture_and_loads_eagerly(media_site: Path) -> None:
    doc = parse(media_site / "tin-bai/2023/co-anh-bia/index.html")
    # libxml2 nests <img> inside <source> (it does not know <source> is void): look deep.
    (img,) = doc.xpath("//article//picture//img")
    assert img.get("alt") == "Biển xanh"
    assert img.get("loading") is None  # the first image of a page is not lazy
    assert doc.xpath("//article//picture/source[@type='image/avif']")


def test_cover_is_the_link_preview_image(media_site: Path) -> None:
    doc = parse(media_site / "tin-bai/2023/co-anh-bia/index.html")
    (image,) = doc.xpath("//head/meta[@property='og:image']/@content")
    assert image.startswith(SITE_URL + "assets/images/") and image.endswith("-1200.jpg")
    assert (media_site / image.removeprefix(SITE_URL)).is_file()
    assert doc.xpath("//head/meta[@property='og:image:alt']/@content") == ["Biển xanh"]


def served(site: Path, page: str, href: str) -> Path:
    """The file a relative link of a page leads to."""
    return (site / page / href).resolve()


def test_self_hosted_video_has_controls_and_a_poster_that_are_served(media_site: Path) -> None:
    page = "tin-bai/2023/co-video/"
    doc = parse(media_site / page / "index.html")
    (video,) = doc.xpath("//figure[@class='ttdn-video']/video")
    assert video.get("controls") is not None
    (src,) = video.xpath("source/@src")
    assert video.xpath("source/@type") == ["video/mp4"]
    assert served(media_site, page, src) == (media_site / "tin-bai/2023/clip.mp4").resolve()
    assert served(media_site, page, src).is_file()
    # The poster went through the image pipeline: a derivative, never the original.
    assert "/assets/images/" in video.get("poster")
    assert served(media_site, page, video.get("poster")).is_file()


def test_youtube_is_a_click_to_load_link_with_a_local_poster(media_site: Path) -> None:
    doc = parse(media_site / "tin-bai/2023/co-youtube/index.html")
    (link,) = doc.xpath("//figure[@class='ttdn-video']/a")
    assert link.get("href") == "https://www.youtube.com/watch?v=abcdefghijk"
    (poster,) = link.xpath("img/@src")
    assert "assets/images/" in poster
    assert served(media_site, "tin-bai/2023/co-youtube/", poster).is_file()
    assert not doc.xpath("//iframe")


def test_a_pasted_youtube_address_is_converted_and_placed_in_the_text(media_site: Path) -> None:
    page = "tin-bai/2023/youtube-dan/"
    doc = parse(media_site / page / "index.html")
    (figure,) = doc.xpath("//figure[@class='ttdn-video']")
    assert figure.xpath("a/@href") == ["https://www.youtube.com/watch?v=abcdefghijk"]
    # In the text where "[video]" stood: after the first paragraph, before the next one.
    before = figure.getprevious()
    after = figure.getnext()
    assert before.text_content().endswith("mở đầu.") and after.text_content() == (
        "Đoạn sau video.")
    assert "[video]" not in doc.text_content()


def test_a_facebook_video_is_its_poster_and_a_link_asking_nothing_of_facebook(
        media_site: Path) -> None:
    page = "tin-bai/2023/facebook/"
    doc = parse(media_site / page / "index.html")
    (link,) = doc.xpath("//figure[@class='ttdn-video']/a")
    assert link.get("href") == "https://www.facebook.com/SoNgoaiVu/videos/1234567890/"
    assert "Facebook" in link.text_content()
    assert served(media_site, page, link.xpath("img/@src")[0]).is_file()
    # Nothing on the page loads from another host: only links lead out.
    loaded = doc.xpath("//@src | //link[@rel='stylesheet']/@href | //video/@poster")
    assert all(not url.startswith(("http:", "https:", "//")) for url in loaded)
    assert not doc.xpath("//iframe | //script[contains(@src, 'facebook')]")
