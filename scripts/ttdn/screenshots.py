"""Screenshots of key pages in both languages, desktop and phone width, to look at.

    python -m ttdn.screenshots SITE_DIR OUT_DIR   (or `./run shots`)
"""

from __future__ import annotations

import sys
from pathlib import Path

from ttdn.browser import chromium, serve_site

PAGES = {
    "home": "",
    "listing": "tin-bai/",
    "article": "tin-bai/2026/de-an-truyen-thong-ve-quyen-con-nguoi/",
    "plan": "van-ban/ke-hoach-197-kh-ubnd/",
    "about": "gioi-thieu/",
    "404": "404.html",
}
LANGUAGE_PREFIXES = {"vi": "", "en": "en/"}
VIEWPORTS = {"desktop": (1280, 800), "phone": (390, 844)}


def take(site_dir: Path, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with serve_site(site_dir) as base, chromium() as browser:
        for view, (width, height) in VIEWPORTS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for lang, prefix in LANGUAGE_PREFIXES.items():
                for name, path in PAGES.items():
                    page.goto(base + prefix + path, wait_until="networkidle")
                    target = out_dir / f"{name}-{lang}-{view}.png"
                    page.screenshot(path=str(target), full_page=view == "desktop")
                    written.append(target)
            page.close()
    return written


if __name__ == "__main__":
    for path in take(Path(sys.argv[1]), Path(sys.argv[2])):
        print(path)
