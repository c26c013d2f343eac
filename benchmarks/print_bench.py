"""Print editions of the bulletin: cold and cached rendering time and file sizes, as a table.

    .venv/bin/python benchmarks/print_bench.py [--articles 5] [--photos 2]

The issue of issue 11's goal: 12 pages or so with 10 photos of 2400 x 1600 px (generated, with
sensor-like noise), per edition. "cold" starts from an empty cache (photos resized from the
originals and the PDF rendered); "text changed" keeps the photos' cache and renders the PDF
again; "cached" is an unchanged issue (no Pillow, no WeasyPrint). Goal: screen ≤ 4 MB.
"load" is the machine's 1-minute load average (`uptime`) after each row: on shared cores, times
only compare at similar loads.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from print.print_fixtures import sample_issue  # noqa: E402
from ttdn.print import EDITIONS, render  # noqa: E402


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5)
    parser.add_argument("--photos", type=int, default=2, help="photos per article")
    parser.add_argument("--runs", type=int, default=3, help="runs of the cached case")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        issue = sample_issue(root / "photos", "vi", articles=args.articles,
                             photos_per_article=args.photos)
        en = sample_issue(root / "photos", "en", articles=args.articles,
                          photos_per_article=args.photos)
        print(f"Issue: {args.articles} articles, {args.articles * args.photos} photos "
              "of 2400 x 1600 px + cover\n")
        print("| edition | pages | photos | size | cold | text changed | cached | load |")
        print("|---|---|---|---|---|---|---|---|")
        for name, issues in (("vi", [issue]), ("vi+en", [issue, en])):
            for edition in EDITIONS:
                cache = root / f"cache-{name}-{edition.name}"
                cold = timed(lambda: render(issues, edition, cache))  # noqa: B023
                edited = [dataclasses.replace(issues[0], title=issues[0].title + " ")]
                warm = timed(lambda: render(edited + issues[1:], edition, cache))  # noqa: B023
                cached = statistics.median(
                    timed(lambda: render(issues, edition, cache))  # noqa: B023
                    for _ in range(args.runs)
                )
                result = render(issues, edition, cache)
                assert result.cached
                pages = len(PdfReader(result.path).pages)
                photos = len(issues[0].images)
                print(f"| {name} {edition.name} ({edition.dpi} dpi, {edition.pdf_variant}) "
                      f"| {pages} | {photos} | {result.bytes / 1e6:.2f} MB | {cold:.2f} s "
                      f"| {warm:.2f} s | {cached * 1000:.0f} ms | {os.getloadavg()[0]:.2f} |")
                shutil.rmtree(cache)


if __name__ == "__main__":
    main()
