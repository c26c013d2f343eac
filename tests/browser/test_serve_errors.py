"""`ttdn serve`: a content error shows in the browser as a page of findings (in the page's
language first), and the page comes back by itself once the file is fixed."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from helpers import ROOT, SITE_URL, SMALL_CONFIG, column_site, free_port

pytestmark = pytest.mark.browser

ARTICLE = "docs/vi/tin-bai/2023/bai-01.md"


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5).close()
            return
        except urllib.error.HTTPError:
            return  # the server answers (an error page is an answer)
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(url)


@pytest.fixture
def served(tmp_path: Path):
    (tmp_path / "mkdocs.yml").write_text(SMALL_CONFIG.format(
        site_url=SITE_URL, overrides=ROOT / "overrides",
        cache_dir=ROOT / ".cache" / "plugin" / "ttdn"), "utf-8")
    for name, text in column_site(2, 2).items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "ttdn", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_for(base)
        yield tmp_path, base
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_error_page_appears_in_the_browser_and_goes_when_the_file_is_fixed(served, page) -> None:
    root, base = served
    page.goto(base + "tin-bai/2023/bai-01/")
    assert page.locator("h1").first.inner_text() == "vi bài 01"
    article = root / ARTICLE
    good = article.read_text("utf-8")
    article.write_text(good.replace("date: 2023-01-01", "date: 2023-13-01"), "utf-8")
    error = page.locator("#ttdn-build-error")
    error.wait_for(timeout=60_000)  # the open page reloads itself onto the error page
    text = error.inner_text()
    assert f"{ARTICLE}:4" in text and "schema" in text
    assert text.index("không phải ngày hợp lệ") < text.index("is not a valid date")
    english = page.context.new_page()
    english.goto(base + "en/tin-bai/2023/bai-01/")
    english_text = english.locator("#ttdn-build-error").inner_text()
    assert english_text.index("is not a valid date") < english_text.index("không phải ngày")
    article.write_text(good, "utf-8")
    page.locator("h1", has_text="vi bài 01").wait_for(timeout=60_000)
    assert page.locator("#ttdn-build-error").count() == 0
    english.locator("h1", has_text="en bài 01").wait_for(timeout=60_000)
