"""The photo book's print editions and press packs: time to make them, and their sizes.

    .venv/bin/python benchmarks/photobook.py

Builds the project's site twice into a temporary folder with an empty photo-book cache: the
first build renders every PDF and zip (the image pipeline's web derivatives come from the usual
cache), the second finds them all in the cache. Prints a Markdown table.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[1]


def timed_build(site_dir: Path, cache_dir: Path):
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins["ttdn-photobook"].config.cache_dir = str(cache_dir)
    start = time.perf_counter()
    build(config)
    return time.perf_counter() - start, config.plugins["ttdn-photobook"]


def main() -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "photobook-cache"
        cold, plugin = timed_build(Path(tmp) / "site1", cache)
        warm, _ = timed_build(Path(tmp) / "site2", cache)
        print(f"Whole site build: {cold:.1f} s with an empty photo-book cache, {warm:.1f} s "
              "with it filled (every PDF and zip reused).\n")
        print("| file | pages / photos | size |")
        print("|---|---|---|")
        for published in plugin.editions.values():
            print(f"| {published.url} | {published.pages} pages | "
                  f"{published.bytes / 1e6:.2f} MB |")
        for published in plugin.packs.values():
            print(f"| {published.url} | {published.photos} photos | "
                  f"{published.bytes / 1e3:.0f} KB |")


if __name__ == "__main__":
    main()
