"""Each chapter's press pack: linked from its page in both languages, web-quality photos (never
the originals) and a credits file in both languages."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from helpers import parse
from photobook.book_on_disk import LANGS, PHOTOS, caption, chapters
from photobook.test_gallery import local_file
from ttdn.i18n import strings

CHAPTERS = chapters()


def press_pack(site: Path, lang: str, slug: str) -> Path:
    page = f"{LANGS[lang]}sach-anh/{slug}/index.html"
    (href,) = parse(site / page).xpath("//a[@type='application/zip']/@href")
    return local_file(site, page, href)


@pytest.mark.parametrize("slug", list(CHAPTERS))
def test_both_languages_link_the_same_zip_with_its_size(site: Path, slug: str) -> None:
    zips = {press_pack(site, lang, slug) for lang in LANGS}
    assert len(zips) == 1
    (pack,) = zips
    assert pack.is_file() and pack.name == f"anh-bao-chi-{slug}.zip"
    page = parse(site / f"sach-anh/{slug}/index.html")
    about = page.xpath("string(//a[@type='application/zip']/following-sibling::text()[1])")
    assert f"ZIP, {len(CHAPTERS[slug])} ảnh, " in about


@pytest.mark.parametrize("slug", list(CHAPTERS))
def test_zip_holds_web_quality_photos_and_credits_in_both_languages(
    site: Path, slug: str
) -> None:
    originals = {hashlib.sha256(p.read_bytes()).digest() for p in (PHOTOS / slug).glob("*.jpg")}
    with zipfile.ZipFile(press_pack(site, "vi", slug)) as pack:
        names = pack.namelist()
        assert names[0] == "credits.txt"
        photos = [n for n in names if n.endswith(".jpg")]
        assert photos == [
            f"{slug}/{i:02d}-{Path(p['file']).stem}.jpg"
            for i, p in enumerate(CHAPTERS[slug], start=1)
        ]
        for name in photos:
            data = pack.read(name)
            assert hashlib.sha256(data).digest() not in originals
            with Image.open(io.BytesIO(data)) as im:
                assert (im.format, im.width) == ("JPEG", 1600)
                assert not im.getexif() and "icc_profile" not in im.info
        credits = pack.read("credits.txt").decode("utf-8")
    for lang in LANGS:
        t = strings(lang)
        assert t["photobook_credits_title"] in credits
        for photo in CHAPTERS[slug]:
            assert caption(photo, lang) in credits
            assert f"{t['photobook_place']}: {photo['place'][lang]}" in credits
    for photo in CHAPTERS[slug]:
        assert f"{photo['photographer']}" in credits and photo["credit"] in credits


def test_zip_is_the_same_bytes_when_nothing_changed(site: Path, tmp_path: Path) -> None:
    """Deterministic: fixed timestamps and order, so an unchanged chapter is reused as is."""
    slug = next(iter(CHAPTERS))
    with zipfile.ZipFile(press_pack(site, "vi", slug)) as pack:
        assert {info.date_time for info in pack.infolist()} == {(2000, 1, 1, 0, 0, 0)}
