"""Both cores (ttdn.engine.languages): each language built in its own process gives the site the
serial build gives, byte for byte; a language whose build fails fails the whole build, with its
messages in the one report."""

from __future__ import annotations

import logging
import os
import textwrap
from pathlib import Path

import pytest

from helpers import ROOT, SITE_URL, SMALL_CONFIG, front
from ttdn.engine import LOGGER, BuildFailed
from ttdn.engine.languages import LanguageBuildFailed, build_site, merge


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_parallel_build_of_the_project_site_equals_the_serial_build(site: Path, tmp_path: Path):
    """`site` is the serial build (static-i18n chains English after Vietnamese)."""
    os.environ["TTDN_SITE_URL"] = SITE_URL
    try:
        out = tmp_path / "site"
        out.mkdir()
        build_site(str(ROOT / "mkdocs.yml"), out, jobs=2)
    finally:
        del os.environ["TTDN_SITE_URL"]
    serial, parallel = files_of(site), files_of(out)
    assert sorted(parallel) == sorted(serial)
    different = [name for name in serial if serial[name] != parallel[name]]
    assert different == []
    assert any(name.startswith("en/") for name in parallel)  # English came from the child
    assert not list(tmp_path.glob(".site.*"))  # the child's folder is gone


def small_project(root: Path, files: dict[str, str]) -> str:
    (root / "mkdocs.yml").write_text(SMALL_CONFIG.format(
        site_url=SITE_URL, overrides=ROOT / "overrides",
        cache_dir=ROOT / ".cache" / "plugin" / "ttdn"), "utf-8")
    for name, text in files.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), "utf-8")
    (root / "site").mkdir()
    return str(root / "mkdocs.yml")


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture
def report():
    """The command's report: a handler on the engine's logger, as `ttdn build` installs it."""
    handler = Collect()
    logger = logging.getLogger(LOGGER)
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)


def test_an_english_page_that_breaks_its_build_fails_the_parallel_build_and_is_reported(
        tmp_path: Path, report: Collect):
    broken = front("Broken") + "\n# Broken\n\nSee [the missing page](khong-co.md).\n"
    config = small_project(tmp_path, {
        "vi/index.md": front("Trang chủ") + "\n# Trang chủ\n",
        "en/index.md": broken,
    })
    with pytest.raises(LanguageBuildFailed, match="en"):
        build_site(config, tmp_path / "site", jobs=2)
    assert any("khong-co.md" in message for message in report.messages)


def test_a_vietnamese_page_that_breaks_its_build_fails_the_parallel_build(tmp_path: Path):
    config = small_project(tmp_path, {
        "vi/index.md": front("Trang chủ") + "\n# Trang chủ\n\nXem [trang](khong-co.md).\n",
        "en/index.md": front("Home") + "\n# Home\n",
    })
    with pytest.raises(BuildFailed):
        build_site(config, tmp_path / "site", jobs=2)


def test_merge_keeps_the_later_languages_shared_file_as_the_serial_build_does(tmp_path: Path):
    site, child = tmp_path / "site", tmp_path / "child"
    (site / "assets").mkdir(parents=True)
    (child / "assets").mkdir(parents=True)
    (site / "assets" / "a.css").write_text("Vietnamese build")
    (child / "assets" / "a.css").write_text("English build")
    merge(child, site, "en")
    assert (site / "assets" / "a.css").read_text() == "English build"


def test_merge_moves_the_language_folder_and_new_shared_files_in(tmp_path: Path):
    site, child = tmp_path / "site", tmp_path / "child"
    (site / "assets").mkdir(parents=True)
    (child / "assets" / "images").mkdir(parents=True)
    (child / "en" / "van-ban").mkdir(parents=True)
    (site / "assets" / "a.css").write_text("same")
    (child / "assets" / "a.css").write_text("same")
    (child / "assets" / "images" / "only-english.jpg").write_text("jpg")
    (child / "en" / "van-ban" / "index.html").write_text("English")
    merge(child, site, "en")
    assert (site / "en" / "van-ban" / "index.html").read_text() == "English"
    assert (site / "assets" / "images" / "only-english.jpg").read_text() == "jpg"
