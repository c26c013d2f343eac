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


DRAFT = ("---\ntitle: Bài nháp mới\ndescription: Bài nháp mới.\ndate: 2023-01-20\n"
         "category: bien-dao\nagency: Sở Ngoại vụ\ndraft: true\n---\n\n# Bài nháp mới\n\n"
         "Đang viết.\n")


def test_a_new_draft_is_previewed_with_a_banner_not_a_404(served) -> None:
    root, base = served
    for code, text in (("vi", DRAFT), ("en", DRAFT.replace("draft: true", "draft: true\n"
                                                           "translation: {pending: 2023-01-20}"))):
        path = root / f"docs/{code}/tin-bai/2023/nhap.md"
        path.write_text(text, "utf-8")
    wait_until(lambda: "Bài nháp mới" in fetch(base + "tin-bai/2023/nhap/"))
    page = fetch(base + "tin-bai/2023/nhap/")
    assert "Bản xem trước: trang này chưa được đăng" in page
    assert "Đây là bản nháp" in page


def test_a_page_turned_into_a_draft_shows_as_a_draft_not_its_old_version(served) -> None:
    root, base = served
    for code in ("vi", "en"):
        path = root / f"docs/{code}/tin-bai/2023/bai-03.md"
        path.write_text(path.read_text("utf-8").replace("---\n\n", "draft: true\n---\n\n", 1),
                        "utf-8")
    wait_until(lambda: "This is a draft" in fetch(base + "en/tin-bai/2023/bai-03/"))
    assert "Preview: this page is not published yet" in fetch(base + "en/tin-bai/2023/bai-03/")


def test_a_scheduled_page_is_previewed_with_its_date(served) -> None:
    root, base = served
    later = "2999-06-01"
    for code in ("vi", "en"):
        old = root / f"docs/{code}/tin-bai/2023/bai-04.md"
        new = root / f"docs/{code}/tin-bai/2999/bai-04.md"
        new.parent.mkdir(parents=True, exist_ok=True)
        new.write_text(old.read_text("utf-8").replace("date: 2023-01-04", f"date: {later}"),
                       "utf-8")
        old.unlink()
    wait_until(lambda: "hẹn đăng ngày" in fetch(base + "tin-bai/2999/bai-04/"))
    assert "1 tháng 6, 2999" in fetch(base + "tin-bai/2999/bai-04/")
    assert "scheduled for 1 June 2999" in fetch(base + "en/tin-bai/2999/bai-04/")
