"""Lighthouse scores (Performance too) and page weight per page type, as a Markdown table.

    .venv/bin/python benchmarks/audit.py [--runs N]

Builds the site for a loopback server, then for each page type of support.audit.PAGE_TYPES and each
language: Lighthouse 12 (mobile preset: simulated slow 4G and a 4x slower CPU, uncached) and the
page's weight from Chromium's network log on a first, uncached load before scrolling. Performance
depends on the machine's load, so it is the median of --runs runs (default 3); the tests in
tests/audit hold the other three categories at 100 and the weights within their budgets.
The local server does not compress: "gzip" is the same load with each text response gzipped at
level 6, as GitHub Pages and most static hosts send it; budgets apply to it.
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # the audit tooling

from support.audit import (  # noqa: E402
    LANGUAGES,
    PAGE_TYPES,
    ROOT,
    build_and_serve,
    ensure_tools,
    lighthouse,
    measure_load,
    page_path,
)
from support.browser import chromium  # noqa: E402

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page")
    args = parser.parse_args()
    ensure_tools()

    with tempfile.TemporaryDirectory() as tmp, build_and_serve(
        ROOT / "mkdocs.yml", Path(tmp) / "site"
    ) as base_url:
        site_dir = Path(tmp) / "site"
        rows = []
        for page_type in PAGE_TYPES:
            for lang in LANGUAGES:
                path = page_path(site_dir, page_type, lang)
                if path is not None:
                    rows.append((page_type, lang, path))
        urls = [base_url + path for _, _, path in rows]
        runs = [
            {r["url"]: r for r in lighthouse(urls, CATEGORIES)} for _ in range(args.runs)
        ]
        with chromium() as browser:
            weights = [
                measure_load(browser, url, interact=t.interact)
                for (t, _, _), url in zip(rows, urls, strict=True)
            ]

    print(f"Measured {datetime.date.today().isoformat()}, Lighthouse 12.2.3 mobile preset, "
          f"Debian Chromium, median of {args.runs} run(s) for Performance.\n")
    print("| page type | lang | page | Perf | A11y | BP | SEO | gzip KB | raw KB | budget"
          " | requests |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for (page_type, lang, path), url, weight in zip(rows, urls, weights, strict=True):
        reports = [run[url] for run in runs]
        perf = statistics.median(r["scores"]["performance"] for r in reports)
        last = reports[-1]["scores"]
        budget = f"≤ {page_type.budget_kb}" if page_type.budget_kb else "–"
        print(
            f"| {page_type.name} | {lang} | /{path} | {perf:.0f} | {last['accessibility']} "
            f"| {last['best-practices']} | {last['seo']} | {weight.gzipped / 1000:.0f} "
            f"| {weight.raw / 1000:.0f} | {budget} | {len(weight.requests)} |"
        )
    for (page_type, lang, _), url in zip(rows, urls, strict=True):
        for report in (run[url] for run in runs[-1:]):
            for failed in report["failed"]:
                if failed["category"] != "performance":
                    print(f"\n{page_type.name}/{lang}: {failed['category']} {failed['id']} "
                          f"{failed['title']}")


if __name__ == "__main__":
    main()
