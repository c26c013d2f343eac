"""One build model per build: every finding reported at once, strings and categories read anew at
every build, and a clear message when the plugins stand in the wrong order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from helpers import ROOT, SMALL_CONFIG, article, build_site, column_site, make_small_site, parse


def test_three_errors_in_two_files_are_reported_together_with_file_and_line(
    small_site, caplog
) -> None:
    files = column_site(1, 1)
    # File one: two mistakes (no title, a bad date); file two: an unknown category.
    files["vi/tin-bai/2023/hai-loi.md"] = article("X", "2023/02/01").replace("title: X\n", "")
    files["en/tin-bai/2023/mot-loi.md"] = article("Y", "2023-02-01", category="khong-co")
    with pytest.raises(Abort):
        small_site(files)
    reported = re.findall(r"(docs/\S+?:\d+): ([\w-]+):", caplog.text)
    assert reported == [
        ("docs/en/tin-bai/2023/mot-loi.md:5", "schema"),
        ("docs/vi/tin-bai/2023/hai-loi.md:3", "schema"),
        ("docs/vi/tin-bai/2023/hai-loi.md:6", "schema"),  # the closing ---: no title
    ]
    assert "3 lỗi, 0 cảnh báo / 3 error(s), 0 warning(s)" in caplog.text


def test_an_edited_translation_string_shows_at_the_next_build_in_the_same_process(
    tmp_path: Path,
) -> None:
    """`ttdn serve` rebuilds in one process: the tables must not be cached across builds."""
    table = ROOT / "scripts" / "ttdn" / "translations" / "en.yml"
    original = table.read_text("utf-8")
    files = column_site(2, 2)
    site = make_small_site(tmp_path, files)
    before = parse(site / "en/index.html").xpath("string(//section[@class='ttdn-latest']/h2)")
    assert before == "Latest articles"
    try:
        table.write_text(
            original.replace("latest_articles: Latest articles",
                             "latest_articles: Newest from the column"),
            "utf-8",
        )
        build_site(tmp_path / "mkdocs.yml", tmp_path / "site")
    finally:
        table.write_text(original, "utf-8")
    after = parse(site / "en/index.html").xpath("string(//section[@class='ttdn-latest']/h2)")
    assert after == "Newest from the column"


def test_a_ttdn_plugin_without_ttdn_site_is_told_what_to_add(tmp_path: Path, caplog) -> None:
    without_site = SMALL_CONFIG.replace(
        "  - ttdn-site:\n      report_problem_url: bao-loi/\n      cache_dir: {cache_dir}\n", ""
    )
    assert without_site != SMALL_CONFIG
    with pytest.raises(Abort):
        make_small_site(tmp_path, column_site(1, 1), without_site)
    assert "the build model is not loaded yet. List 'ttdn-site'" in caplog.text


def test_the_site_is_not_built_without_the_guard(tmp_path: Path, caplog) -> None:
    """Templates print a page's HTML as it is only because the guard checked it."""
    without_guard = SMALL_CONFIG.replace("  - ttdn-guard\n", "")
    assert without_guard != SMALL_CONFIG
    with pytest.raises(Abort):
        make_small_site(tmp_path, column_site(1, 1), without_guard)
    assert "add the ttdn-guard plugin to mkdocs.yml" in caplog.text
