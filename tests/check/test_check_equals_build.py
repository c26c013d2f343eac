"""`ttdn check` and `ttdn build` give the same verdict on an editor's everyday mistakes.

A small site holds one mistake per file (a schema error, a wrong folder, a missing photo or
alt text, a scaffold's placeholder, a translation that disagrees with its original, a photo
with its GPS position…); a second one the mistakes a page shows only once the content model is
sound (a broken link or anchor). Both commands are run on each; every mistake must be refused
by both, under the same rule, and nothing else may differ (apart from the translations still
to do, which only the check reports: the build publishes a page before its translation). Text
typed with separate accent marks (not NFC) is a warning of the check and is published composed
by the build: neither fails.
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

from click.testing import CliRunner
from PIL import Image

from guard.checks import assert_same_verdicts, findings_of, verdicts
from guard.sites import home_pages
from helpers import article, bulletin_issue, front, make_small_site
from ttdn.check import run_check
from ttdn.cli import main
from ttdn.i18n import Languages
from ttdn.scaffold import placeholder_texts

ARTICLE = "vi/tin-bai/2023/{}.md"


def _jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (64, 48), (30, 120, 160))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (15.0, 7.0, 12.0), 3: "E", 4: (108.0, 48.0, 1.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def mistakes() -> tuple[dict[str, str], dict[str, str]]:
    """(the site's pages, the file → rule each mistake must be refused under)."""
    placeholder = placeholder_texts(Languages.from_codes(["vi", "en"], "vi"))[0]
    ok = article("Bài đúng", "2023-02-01")
    pages = {
        **home_pages(),
        "vi/tin-bai/index.md": front("Chuyên mục") + "\nChuyên mục.\n",
        ARTICLE.format("khong-tieu-de"): ok.replace("title: Bài đúng\n", ""),
        ARTICLE.format("ngay-sai"): ok.replace("date: 2023-02-01", "date: 2023-13-01"),
        ARTICLE.format("chu-de-sai"): ok.replace("category: bien-dao", "category: bien"),
        "vi/tin-bai/2022/sai-nam.md": ok,
        ARTICLE.format("anh-khong-co"): ok + "\n![Bãi biển](/photos/khong-co.jpg)\n",
        ARTICLE.format("anh-thieu-alt"): ok + "\n![](/photos/gps.jpg)\n",
        ARTICLE.format("chu-mau"): ok + f"\n{placeholder}\n",
        ARTICLE.format("ban-nhap"): article("Bản nháp", "2023-02-01", draft="true"),
        "en/tin-bai/2023/ban-nhap.md": article("Draft", "2023-02-01"),
        # A bulletin issue published in both languages with an article in one of them only.
        "vi/ban-tin/2023/q1/index.md": bulletin_issue(2023, 1, 1),
        "en/ban-tin/2023/q1/index.md": bulletin_issue(2023, 1, 1),
        "vi/ban-tin/2023/q1/bai.md": front("Bài", order="1") + "\nNội dung.\n",
        "en/ban-tin/2023/q1/bai.md": front("Article", order="1") + "\nText.\n",
        "vi/ban-tin/2023/q1/chi-tieng-viet.md": front("Chỉ tiếng Việt", order="2") + "\nNội.\n",
    }
    expected = {
        "docs/" + ARTICLE.format("khong-tieu-de"): "schema",
        "docs/" + ARTICLE.format("ngay-sai"): "schema",
        "docs/" + ARTICLE.format("chu-de-sai"): "schema",
        "docs/vi/tin-bai/2022/sai-nam.md": "place",
        "docs/" + ARTICLE.format("chu-mau"): "placeholder",
        "docs/" + ARTICLE.format("anh-khong-co"): "asset-missing",
        "docs/" + ARTICLE.format("anh-thieu-alt"): "image-alt",
        "docs/en/tin-bai/2023/ban-nhap.md": "translation-draft",
        "photos/gps.jpg": "image-location",
        "docs/vi/ban-tin/2023/q1/chi-tieng-viet.md": "bulletin-bilingual",
    }
    return pages, expected


def page_mistakes() -> tuple[dict[str, str], dict[str, str]]:
    """Mistakes found once the pages render: links to a missing page or heading."""
    ok = article("Bài đúng", "2023-02-01")
    pages = {
        **home_pages(),
        "vi/tin-bai/index.md": front("Chuyên mục") + "\nChuyên mục.\n",
        ARTICLE.format("lien-ket-hong"): ok + "\n[Xem](../../van-ban/khong-co.md)\n",
        ARTICLE.format("neo-hong"): ok + "\n## Mục tiêu\n\n[Xem](#muc-tieu-sai)\n",
        ARTICLE.format("nfd"): ok + "\n" + unicodedata.normalize("NFD", "Quảng Ngãi") + "\n",
    }
    expected = {
        "docs/" + ARTICLE.format("lien-ket-hong"): "link-missing",
        "docs/" + ARTICLE.format("neo-hong"): "link-anchor",
    }
    return pages, expected


def test_an_editors_mistakes_get_the_same_verdict_in_check_and_build(tmp_path: Path) -> None:
    pages, expected = mistakes()
    photos = tmp_path / "photos"
    photos.mkdir()
    (photos / "gps.jpg").write_bytes(_jpeg_with_gps())
    cover = tmp_path / "photos" / "ban-tin" / "bia.png"
    cover.parent.mkdir()
    Image.new("RGB", (60, 80), (200, 80, 40)).save(cover)
    built, checked, report = verdicts(tmp_path, pages)
    assert_same_verdicts(built, checked, expected)
    named = {path for path, _ in built}
    for name in pages:  # every file with a mistake is named, whatever its rule
        if ("/tin-bai/202" in name and "ban-nhap" not in name) or "chi-tieng-viet" in name:
            assert "docs/" + name in named, f"docs/{name} is not named:\n{report}"


def test_broken_links_get_the_same_verdict_and_nfd_text_is_published_composed(
    tmp_path: Path,
) -> None:
    pages, expected = page_mistakes()
    verdicts(tmp_path, pages)  # writes the site (MkDocs' own build stops on the links)
    # Links are checked while pages render, by MkDocs: `ttdn build` reports its warnings as
    # the check's findings (ttdn.buildlog), so it is the command an editor runs that is compared.
    result = CliRunner().invoke(main, ["build", "-f", str(tmp_path / "mkdocs.yml")])
    assert result.exit_code == 1, result.output
    built = {(path, rule) for path, _, rule in findings_of(result.output)}
    checked = {(f.path, f.rule) for f in run_check(tmp_path / "mkdocs.yml").errors}
    assert_same_verdicts(built, checked, expected)
    nfd = "docs/" + ARTICLE.format("nfd")
    assert (nfd, "unicode-nfc") not in checked  # a warning, not an error
    warnings = {(f.path, f.rule) for f in run_check(tmp_path / "mkdocs.yml").warnings}
    assert (nfd, "unicode-nfc") in warnings
    # Fixed, the site builds, and the text it publishes is composed.
    for name in expected:
        (tmp_path / name).unlink()
    site = make_small_site(tmp_path, {k: v for k, v in pages.items()
                                      if "docs/" + k not in expected})
    html = (site / "tin-bai/2023/nfd/index.html").read_text("utf-8")
    assert "Quảng Ngãi" in html and unicodedata.normalize("NFD", "Quảng Ngãi") not in html
