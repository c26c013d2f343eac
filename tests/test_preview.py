"""`ttdn serve` after an editor saves a page: only the saved page and the pages that show it are
rendered again (ttdn.preview), and they come out as a full build would make them."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from helpers import ROOT, SITE_URL, SMALL_CONFIG, column_site, free_port
from ttdn.serve import saved_pages, snapshot

ARTICLE = "docs/vi/tin-bai/2023/bai-03.md"


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def wait_until(check, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError


@pytest.fixture
def served(tmp_path: Path):
    (tmp_path / "mkdocs.yml").write_text(SMALL_CONFIG.format(
        site_url=SITE_URL, overrides=ROOT / "overrides",
        cache_dir=ROOT / ".cache" / "plugin" / "ttdn"), "utf-8")
    for name, text in column_site(5, 5).items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "ttdn", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_until(lambda: "vi bài 03" in fetch(base + "tin-bai/2023/bai-03/"))
        yield tmp_path, base
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_a_saved_title_shows_on_the_page_its_neighbours_and_listings(served) -> None:
    root, base = served
    article = root / ARTICLE
    article.write_text(article.read_text("utf-8").replace("vi bài 03", "Tiêu đề đã sửa"), "utf-8")
    wait_until(lambda: "Tiêu đề đã sửa" in fetch(base + "tin-bai/2023/bai-03/"))
    assert "Tiêu đề đã sửa" in fetch(base + "tin-bai/2023/bai-02/")  # its newer neighbour
    assert "Tiêu đề đã sửa" in fetch(base + "tin-bai/2023/bai-04/")  # its older neighbour
    assert "Tiêu đề đã sửa" in fetch(base + "tin-bai/")  # the listing
    assert "Tiêu đề đã sửa" in fetch(base)  # the home page's latest articles
    log = (root / "serve.log").read_text("utf-8")
    previews = [line for line in log.splitlines() if "Built:" in line and "pages" in line]
    assert previews, log  # a preview build, not a full one
    english = fetch(base + "en/tin-bai/2023/bai-03/")
    assert "en bài 03" in english  # the other language is untouched


def test_snapshots_tell_a_saved_page_from_any_other_change(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "vi").mkdir(parents=True)
    page = docs / "vi" / "a.md"
    page.write_text("a", "utf-8")
    (tmp_path / "photos").mkdir()
    before = snapshot([docs, tmp_path / "photos"])
    time.sleep(0.01)
    page.write_text("changed", "utf-8")
    assert saved_pages(before, snapshot([docs, tmp_path / "photos"]), docs) == {page}
    (tmp_path / "photos" / "new.jpg").write_bytes(b"x")  # a photo added: a full build
    assert saved_pages(before, snapshot([docs, tmp_path / "photos"]), docs) is None
