"""Screenshots of every page type in both languages, at phone and desktop width, and every
page of every print edition (the site's PDFs, with pdftoppm), to look at.

    PYTHONPATH=tests python -m support.screenshots SITE_DIR OUT_DIR   (or `./run shots`)

The page types, languages and viewports are the audit's (`support.audit`): one list for both.
PDF pages go to OUT_DIR/pdf/<file>-<page>.png at 50 dpi, the whole MediaBox (so a print-shop
edition shows its slug and marks).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support.audit import LANGUAGES, PAGE_TYPES, VIEWPORTS, page_path
from support.browser import chromium, serve_site


def take(site_dir: Path, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with serve_site(site_dir) as base, chromium() as browser:
        for view, (width, height) in VIEWPORTS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for lang in LANGUAGES:
                for page_type in PAGE_TYPES:
                    path = page_path(site_dir, page_type, lang)
                    if path is None:
                        continue
                    page.goto(base + path, wait_until="networkidle")
                    if page_type.interact:  # the lightbox open, the search page's results
                        page_type.interact(page)
                    target = out_dir / f"{page_type.name}-{lang}-{view}.png"
                    page.screenshot(path=str(target), full_page=view == "desktop")
                    written.append(target)
            page.close()
        written += _search_panel(browser, base, out_dir)
    return written


# The header's search panel on a phone, with results: what a reader sees while typing.
PANEL_QUERIES = {"vi": "đảo", "en": "islands"}


def _search_panel(browser: object, base: str, out_dir: Path) -> list[Path]:
    width, height = VIEWPORTS["phone"]
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=True)
    page = context.new_page()
    written = []
    for lang, prefix in LANGUAGES.items():
        page.goto(base + prefix + "gioi-thieu/")
        page.locator("header [data-ttdn-search-open]").click()
        page.locator(".md-search [data-ttdn-search-input]").fill(PANEL_QUERIES[lang])
        page.locator(".md-search .ttdn-search__result").first.wait_for()
        page.wait_for_load_state("networkidle")
        target = out_dir / f"search-panel-{lang}-phone.png"
        page.screenshot(path=str(target))
        written.append(target)
    context.close()
    return written


def pdf_pages(site_dir: Path, out_dir: Path, dpi: int = 50) -> list[Path]:
    """Every page of every PDF the site publishes, as PNG files."""
    target = out_dir / "pdf"
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for pdf in sorted(site_dir.rglob("*.pdf")):
        stem = pdf.relative_to(site_dir).with_suffix("").as_posix().replace("/", "_")
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(target / stem)],
                       check=True)
        written += sorted(target.glob(f"{stem}-[0-9]*.png"))
    return written


if __name__ == "__main__":
    site, out = Path(sys.argv[1]), Path(sys.argv[2])
    for path in [*take(site, out), *pdf_pages(site, out)]:
        print(path)
