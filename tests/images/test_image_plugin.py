"""A built two-language site: <picture> markup, one shared derivatives folder, strict errors.

The site has only what the images plugin needs around it: ttdn-site (which owns the build model
and its asset resolver) and small derivative widths.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from lxml import html
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from helpers import ROOT, front
from images.image_fixtures import gps_exif, noise, write_jpeg

CONFIG = """\
site_name: Thử nghiệm
site_url: https://ttdn.example.test/
use_directory_urls: true
theme:
  name: material
  custom_dir: {root}/overrides
  language: vi
plugins:
  - i18n:
      docs_structure: folder
      fallback_to_default: false
      reconfigure_material: false
      reconfigure_search: false
      languages:
        - locale: vi
          name: Tiếng Việt
          default: true
        - locale: en
          name: English
          theme:
            language: en
  - ttdn-site:
      report_problem_url: bao-loi/
      cache_dir: {root}/.cache/plugin/ttdn
  - ttdn-guard
  - ttdn-images:
      widths: [120, 240]
      avif_speed: 10
      concurrency: 1
"""

VI = """\
# Biển đảo

![Bãi biển Mỹ Khê](../../photos/bien/my-khe.jpg "Bãi biển Mỹ Khê lúc bình minh | Ảnh: Sở Ngoại vụ")

Đảo Lý Sơn ![Đảo Lý Sơn](/photos/bien/ly-son.jpg) giữa đoạn văn.

`![mã](../../photos/khong-co.jpg)` trong mã thì không xử lý.
"""

EN = """\
# Sea and islands


![Mỹ Khê beach](../../photos/bien/my-khe.jpg)
"""


def make_site(tmp_path: Path, vi: str = VI, en: str = EN) -> Path:
    (tmp_path / "mkdocs.yml").write_text(CONFIG.format(root=ROOT), "utf-8")
    for lang, text in (("vi", vi), ("en", en)):
        page = tmp_path / "docs" / lang / "index.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(front("Trang") + textwrap.dedent(text), "utf-8")
    # A camera's EXIF (make, model, serial number, date); a position would stop the build
    # (ttdn-guard, as ttdn check), so none here: the test is that no metadata is published.
    camera = gps_exif()
    del camera[0x8825]
    write_jpeg(tmp_path / "photos" / "bien" / "my-khe.jpg", noise((400, 300)), exif=camera)
    write_jpeg(tmp_path / "photos" / "bien" / "ly-son.jpg", noise((300, 300), seed=2))
    return tmp_path


def built(tmp_path: Path) -> Path:
    build(load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True))
    return tmp_path / "site"


def test_built_pages_carry_picture_markup_for_both_languages(tmp_path):
    site = built(make_site(tmp_path))
    vi = html.fromstring((site / "index.html").read_bytes())
    pictures = vi.xpath("//article//picture")
    assert len(pictures) == 2
    first, second = pictures
    assert [s.get("type") for s in first.xpath(".//source")] == ["image/avif", "image/webp"]
    for source in first.xpath(".//source"):
        assert source.get("sizes") and " 120w" in source.get("srcset")
        assert " 240w" in source.get("srcset")
    img = first.xpath(".//img")[0]
    assert img.get("alt") == "Bãi biển Mỹ Khê"
    assert (img.get("width"), img.get("height")) == ("240", "180")
    assert img.get("loading") is None and img.get("decoding") is None  # the first image
    assert img.get("src").startswith("assets/images/") and img.get("src").endswith(".jpg")
    assert img.get("style") is None  # the CSP blocks inline styles
    assert img.get("class") == "ttdn-placeholder"
    assert first.getparent().tag == "figure"
    caption = first.getparent().xpath("figcaption")[0]
    assert caption.text_content() == "Bãi biển Mỹ Khê lúc bình minh Ảnh: Sở Ngoại vụ"
    img2 = second.xpath(".//img")[0]
    assert (img2.get("loading"), img2.get("decoding")) == ("lazy", "async")
    assert second.getparent().tag == "p"  # inline in its paragraph
    assert "![mã]" in vi.xpath("//article//code")[0].text_content()

    en = html.fromstring((site / "en" / "index.html").read_bytes())
    en_img = en.xpath("//article//picture//img")[0]
    assert en_img.get("src") == "../" + img.get("src")  # the one shared folder, reached from /en/
    urls = {u.split()[0] for s in [*vi.xpath("//picture//source"), *en.xpath("//picture//source")]
            for u in s.get("srcset").split(", ")}
    assert all((site / "en" / u).resolve().is_file() or (site / u).is_file() for u in urls)
    # Derivatives live in the one shared folder; en/ has only its own link-preview image.
    assert {p.name for p in (site / "en" / "assets" / "images").iterdir()} == {"og-image.png"}
    shipped = list(site.rglob("*.jpg"))
    assert shipped and all(b"SN-123456" not in p.read_bytes() and b"TestCam" not in p.read_bytes()
                           for p in shipped)
    assert not list(site.rglob("my-khe*"))  # the original never reaches site/


def test_a_missing_image_and_a_missing_alt_fail_the_build_with_file_and_line(tmp_path, caplog):
    vi = "# Trang\n\n![](../../photos/bien/my-khe.jpg)\n\n![Không có](../../photos/khong-co.jpg)\n"
    make_site(tmp_path, vi=vi)
    with pytest.raises(Abort):
        built(tmp_path)
    message = caplog.text
    lines = len(front("Trang").splitlines())  # the front matter comes first
    assert f"docs/vi/index.md:{lines + 3}: image-alt: Ảnh thiếu văn bản thay thế" in message
    assert f"docs/vi/index.md:{lines + 5}: asset-missing: Không tìm thấy tệp" in message
    assert "../../photos/khong-co.jpg" in message
    assert "was not found" in message and "Image without alt text" in message


def test_a_broken_original_fails_the_build_naming_it(tmp_path, caplog):
    make_site(tmp_path)
    (tmp_path / "photos" / "bien" / "hong.jpg").write_bytes(b"\xff\xd8\xff\xe0 broken")
    with pytest.raises(Abort):
        built(tmp_path)
    assert "photos/bien/hong.jpg: tệp ảnh hỏng" in caplog.text
