"""Be Vietnam Pro is subset to what Vietnamese and English pages need, as WOFF2."""

from __future__ import annotations

from pathlib import Path

from fontTools.ttLib import TTFont

from ttdn import fonts

# Every precomposed letter of Vietnamese (U+1EA0–U+1EF9) plus the letters outside that block.
VIETNAMESE = "ĂăÂâĐđÊêÔôƠơƯư₫" + "".join(chr(cp) for cp in range(0x1EA0, 0x1EFA))


def test_subset_fonts_cover_every_vietnamese_letter(tmp_path: Path) -> None:
    for path in fonts.build_fonts(tmp_path):
        font = TTFont(path)
        assert font.flavor == "woff2"
        cmap = font.getBestCmap()
        missing = [ch for ch in VIETNAMESE + "AZaz09" if ord(ch) not in cmap]
        assert missing == [], path.name


def test_subset_drops_scripts_pages_never_use(tmp_path: Path) -> None:
    (path, *_) = fonts.build_fonts(tmp_path)
    cmap = TTFont(path).getBestCmap()
    assert ord("Ж") not in cmap  # Cyrillic
    assert path.stat().st_size < 45_000


def test_fonts_are_taken_from_the_cache_on_the_second_run(tmp_path: Path, monkeypatch) -> None:
    first = fonts.build_fonts(tmp_path)
    def fail(face):
        raise AssertionError("subset again instead of reading the cache")

    monkeypatch.setattr(fonts, "subset_face", fail)
    assert fonts.build_fonts(tmp_path) == first
