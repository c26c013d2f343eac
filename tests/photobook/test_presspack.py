"""Each chapter's press pack: linked from its page in both languages, photos at the original's
full resolution (re-encoded: never the original file) with caption, creator and credit embedded
as XMP and no place, and a credits file in both languages."""

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
from ttdn.images.metadata import location

CHAPTERS = chapters()


def xmp_text(packet: bytes) -> dict[str, list]:
    """The caption (per xml:lang), creator and credit of an XMP packet, read as XML."""
    import xml.etree.ElementTree as ET

    rdf = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
    dc = "{http://purl.org/dc/elements/1.1/}"
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    root = ET.fromstring(packet[packet.index(b"<x:xmpmeta"):packet.rindex(b"<?xpacket")])
    return {
        "description": [(li.get(lang), li.text)
                        for li in root.iter(f"{dc}description") for li in li.iter(f"{rdf}li")],
        "creator": [li.text for c in root.iter(f"{dc}creator") for li in c.iter(f"{rdf}li")],
        "credit": [e.text for e in root.iter(
            "{http://ns.adobe.com/photoshop/1.0/}Credit")],
    }


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
def test_zip_holds_full_resolution_photos_with_caption_and_credit_embedded_and_no_place(
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
            photo = CHAPTERS[slug][photos.index(name)]
            with Image.open(PHOTOS / slug / photo["file"]) as original:
                size = original.size
            with Image.open(io.BytesIO(data)) as im:
                # the original's full resolution, not a web size; no EXIF, profile or place
                assert (im.format, im.size) == ("JPEG", size)
                assert not im.getexif() and "icc_profile" not in im.info
                packet = im.info["xmp"]
            assert location(data, "jpeg") == []
            described = xmp_text(packet)
            for lang in LANGS:
                assert (lang, caption(photo, lang)) in described["description"]
            assert described["creator"] == [photo["photographer"]]
            assert described["credit"] == [photo["credit"]]
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
