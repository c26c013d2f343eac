"""The photo book's captions and places are searched, in the page's language; its credits,
downloads and lightbox controls are not."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from helpers import ROOT
from ttdn.search.extract import page_text

CHAPTER = "dao-ly-son"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_chapter_page_is_searched_by_its_captions_and_places(site: Path, lang: str) -> None:
    manifest = yaml.safe_load((ROOT / "photos/sach-anh" / CHAPTER / "manifest.yml").read_text())
    prefix = "" if lang == "vi" else "en/"
    found = page_text((site / prefix / "sach-anh" / CHAPTER / "index.html").read_text("utf-8"))
    assert found is not None
    for photo in manifest["photos"]:
        assert photo["caption"][lang] in found.text
        assert photo["place"][lang] in found.text
    assert "ZIP" not in found.text and "PDF" not in found.text  # downloads are not content
