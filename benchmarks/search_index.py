"""The search index alone, on a built site: reading each page's text, then building and writing
each language's index; each figure the median of several runs, as a Markdown table.

    .venv/bin/python benchmarks/search_index.py SITE [--runs 3] [--profile OUT]

SITE is a site already built by `ttdn build` (for example the corpus of benchmarks/generate.py:
`generate.py /tmp/c --years 5 --articles 1000 --documents 20 --issues-per-year 1
--issue-articles 3 --photos 24 --chapters 2`, then `ttdn build` in /tmp/c). The pages are those
its index holds, in its order, with their section and year (facets.json); their text is read
again from their HTML by ttdn.search.extract, as the build does. The index is written into a
temporary folder, never into SITE. The load average is printed beside each figure: on a shared
machine it says how far to trust it. --profile writes a cProfile of one build_index per language.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ttdn.search.extract import page_text
from ttdn.search.folding import nfc
from ttdn.search.index import Document, build_index, write_index

OUTPUT_DIR = "search-index"


def languages(site: Path) -> dict[str, Path]:
    """Language → its root in the built site (the default at the root, the others below)."""
    roots = {"vi": site}
    roots.update({p.parent.parent.name: p.parent.parent
                  for p in site.glob(f"*/{OUTPUT_DIR}/manifest.json")})
    return roots


def pages(site: Path, root: Path) -> list[tuple[str, str, str, int]]:
    """(url, html, section key, year) of each page of the language's index, in its order."""
    index = root / OUTPUT_DIR
    if not (index / "manifest.json").is_file():
        raise SystemExit(f"{index}: no search index; build the site with `ttdn build` first")
    version = json.loads((index / "manifest.json").read_text("utf-8"))["version"]
    facets = json.loads((index / version / "facets.json").read_text("utf-8"))
    keys = [key for key, _ in facets["sections"]]
    found = []
    for page_id, (section, year) in enumerate(facets["pages"]):
        fragment = json.loads((index / version / "p" / f"{page_id}.json").read_text("utf-8"))
        url = fragment["u"]  # from the site's root, in every language
        html = site / url / "index.html" if url.endswith("/") or not url else site / url
        found.append((fragment["u"], nfc(html.read_text("utf-8")),
                      keys[section] if section >= 0 else "", year))
    return found


def extract(found: list[tuple[str, str, str, int]]) -> list[Document]:
    docs = []
    for url, html, key, year in found:
        text = page_text(html)
        if text is None:
            raise SystemExit(f"{url}: no searchable region, yet in the index")
        docs.append(Document(url, text.title, text.section, text.text, key, year))
    return docs


def median(runs: int, work: Callable[[], object]) -> tuple[float, str]:
    """(median seconds of `runs` runs, the 1-minute load average before each)."""
    times, loads = [], []
    for _ in range(runs):
        loads.append(os.getloadavg()[0])
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), "/".join(f"{load:.1f}" for load in loads)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", type=Path, help="write a cProfile of build_index here")
    args = parser.parse_args()
    rows = []
    for lang, root in languages(args.site).items():
        found = pages(args.site, root)
        docs = extract(found)
        n = len(docs)
        read_s, read_load = median(args.runs, lambda found=found: extract(found))
        build_s, build_load = median(args.runs, lambda docs=docs, lang=lang:
                                     build_index(docs, lang))
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / OUTPUT_DIR
            write_s, write_load = median(args.runs, lambda docs=docs, lang=lang, out=out:
                                         write_index(docs, out, lang))
        rows.append((lang, n, read_s, read_load, build_s, build_load, write_s, write_load))
        if args.profile:
            profile = cProfile.Profile()
            profile.runcall(build_index, docs, lang)
            profile.dump_stats(f"{args.profile}.{lang}")
    print(f"median of {args.runs} runs; load average (1 min) before each run after each figure\n")
    print("| language | pages | read text: ms/page | build_index: s (ms/page) "
          "| write_index (build + files): s (ms/page) |")
    print("|---|---|---|---|---|")
    for lang, n, read_s, read_load, build_s, build_load, write_s, write_load in rows:
        print(f"| {lang} | {n} | {read_s / n * 1000:.2f} (load {read_load}) "
              f"| {build_s:.2f} ({build_s / n * 1000:.2f}; load {build_load}) "
              f"| {write_s:.2f} ({write_s / n * 1000:.2f}; load {write_load}) |")


if __name__ == "__main__":
    main()
