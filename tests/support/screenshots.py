"""Screenshots of every page type in both languages, at phone and desktop width, to look at.

    PYTHONPATH=tests python -m support.screenshots SITE_DIR OUT_DIR   (or `./run shots`)

The page types, languages and viewports are the audit's (`support.audit`): one list for both.
"""

from __future__ import annotations

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
    return written


if __name__ == "__main__":
    for path in take(Path(sys.argv[1]), Path(sys.argv[2])):
        print(path)
