"""Search on a large site: bytes and time of a reader's first query, ours against Pagefind and
Material's lunr search, as a Markdown table.

    .venv/bin/python benchmarks/search.py [--pages 2000] [--pagefind-python PYTHON]

Generates --pages articles per language (about 550 words each, words drawn with a Zipf-like
law from the vocabulary of the real pages and of Kế hoạch 197, so that postings lists have a
realistic spread), builds the site with the project's mkdocs.yml in a temporary copy, and in
Chromium measures, for each query on a fresh (uncached) tab of a Vietnamese article: requests,
bytes (raw, and each response gzipped at level 6 as static hosts send it) and the time from the
last keystroke to the first result shown. The page's own load is not counted.

- ours: ttdn-search (the index of the page's language; shards of the words + 10 result
  fragments + search.js).
- Pagefind: with --pagefind-python, the Python of a venv holding `pagefind[bin]` (1.5.2 was
  measured), run on the same built site with root selector [data-ttdn-search-body]; its JS API
  (pagefind.js + WASM + index chunks + 10 fragments), CSP bypassed for its WASM.
- Material (lunr): its search downloads one search_index.json with every page's text in both
  languages before the first result; estimated here as that JSON of the same pages plus its
  search worker, without building it (NOTES.md measured 20 MB, 2.9 MB gzipped, at 2,000
  articles per language).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT / "tests"))  # the browser tooling (after benchmarks/: see run.py)

from support.browser import CHROMIUM, CHROMIUM_ARGS, serve_site  # noqa: E402

# The plan itself, beside the repository as the team's shared folder keeps it, if present.
SEED = ROOT.parent / "shared" / "seed" / "ke-hoach-197-KH-UBND-2022.md"
QUERIES = ["quang ngai", "ly son", "dao", "hop tac quoc te", "Quảng Ngãi"]
CATEGORIES = ["hoat-dong-doi-ngoai", "bien-dao", "quyen-con-nguoi", "asean-hoi-nhap-quoc-te"]
WORD = re.compile(r"[^\W_]+")


def vocabulary(lang: str) -> list[str]:
    """Words of the real pages of one language (and the plan, for Vietnamese), most common
    first."""
    text = " ".join(p.read_text("utf-8") for p in (ROOT / "docs" / lang).rglob("*.md"))
    if lang == "vi" and SEED.exists():
        text += SEED.read_text("utf-8")
    counts: dict[str, int] = {}
    for word in WORD.findall(text):
        counts[word] = counts.get(word, 0) + 1
    return sorted(counts, key=lambda w: -counts[w])


def generate(docs: Path, count: int) -> None:
    rng = random.Random(197)
    for lang in ("vi", "en"):
        vocab = vocabulary(lang)
        weights = [1 / (rank + 1) for rank in range(len(vocab))]  # Zipf
        for n in range(count):
            year = 2023 + n % 3
            body = rng.choices(vocab, weights, k=550)
            if n % 50 == 0:  # a few pages about Lý Sơn
                body[rng.randrange(500):][:3] = ["đảo", "Lý", "Sơn"]
            title = " ".join(rng.choices(vocab[:400], k=8))
            path = docs / lang / "tin-bai" / str(year) / f"bai-{n:05d}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            sentences = [" ".join(body[i:i + 15]) + "." for i in range(0, len(body), 15)]
            path.write_text(
                f"---\ntitle: \"{title}\"\ndescription: Bài {n}.\n"
                f"date: {year}-{1 + n % 12:02d}-{1 + n % 28:02d}\n"
                f"category: {CATEGORIES[n % len(CATEGORIES)]}\nagency: Sở Ngoại vụ\n---\n\n"
                + "\n\n".join(" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4))
                + "\n",
                "utf-8",
            )


def build(work: Path, count: int) -> tuple[float, list[str]]:
    for name in ("mkdocs.yml", "overrides", "docs", "photos", "scripts/ttdn"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, work / name)
        elif source.exists():
            shutil.copy(source, work / name)
    generate(work / "docs", count)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "ttdn", "build", "-f", str(work / "mkdocs.yml")],
        cwd=work, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True,
    )
    if done.returncode:
        sys.exit(done.stderr[-3000:])
    logged = [line.split("ttdn: ", 1)[-1] for line in done.stderr.splitlines()
              if "search index" in line]
    return time.perf_counter() - start, logged


class Traffic:
    """Responses seen by a tab after `start()`: count, raw bytes, gzipped bytes."""

    def __init__(self, tab, only: str = "") -> None:
        self.bodies: list[bytes] = []
        self.active = False
        self.only = only
        tab.on("response", self._seen)

    def _seen(self, response) -> None:
        if self.active and self.only in response.url:
            try:
                self.bodies.append(response.body())
            except Exception:  # noqa: BLE001  a redirect or aborted response has no body
                self.bodies.append(b"")

    def row(self) -> tuple[int, float, float]:
        raw = sum(len(b) for b in self.bodies)
        packed = sum(len(gzip.compress(b, 6)) for b in self.bodies)
        return len(self.bodies), raw / 1000, packed / 1000


def measure_ours(browser, url: str, query: str) -> tuple:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.goto(url, wait_until="networkidle")
    traffic = Traffic(tab)
    traffic.active = True
    box = tab.locator(".md-search [data-ttdn-search-input]")
    box.focus()
    start = time.perf_counter()
    box.fill(query)
    tab.locator(".md-search .ttdn-search__result").first.wait_for(state="attached")
    elapsed = (time.perf_counter() - start) * 1000
    tab.wait_for_load_state("networkidle")
    shown = tab.locator(".md-search .ttdn-search__result").count()
    context.close()
    return (*traffic.row(), elapsed, shown)


PAGEFIND_QUERY = """async (q) => {
  const t0 = performance.now();
  const pf = await import(new URL('/pagefind/pagefind.js', location.href).href);
  await pf.options({});
  const search = await pf.search(q);
  const data = await Promise.all(search.results.slice(0, 10).map(r => r.data()));
  return [performance.now() - t0, search.results.length, data.length];
}"""


def measure_pagefind(browser, url: str, query: str) -> tuple:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    tab = context.new_page()
    tab.goto(url, wait_until="networkidle")
    traffic = Traffic(tab, only="/pagefind/")
    traffic.active = True
    elapsed, total, shown = tab.evaluate(PAGEFIND_QUERY, query)
    tab.wait_for_load_state("networkidle")
    context.close()
    return (*traffic.row(), elapsed, min(total, shown))


def lunr_estimate(site: Path) -> tuple:
    """Material's search_index.json for the same pages (both languages) + its worker."""
    docs = []
    for fragment in site.rglob("search-index/*/p/*.json"):
        data = json.loads(fragment.read_text("utf-8"))
        docs.append({"location": data["u"], "title": data["t"], "text": data["x"]})
    index = json.dumps({"config": {"lang": ["vi", "en"]}, "docs": docs},
                       ensure_ascii=False).encode()
    worker = next((site / "assets/javascripts/workers").glob("search.*.min.js"), None)
    bodies = [index] + ([worker.read_bytes()] if worker else [])
    return (len(bodies), sum(map(len, bodies)) / 1000,
            sum(len(gzip.compress(b, 6)) for b in bodies) / 1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000, help="articles per language")
    parser.add_argument("--pagefind-python", help="python of a venv with pagefind[bin]")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        seconds, logged = build(work, args.pages)
        site = work / "site"
        index_mb = {lang: sum(p.stat().st_size for p in (site / prefix / "search-index")
                              .rglob("*") if p.is_file()) / 1e6
                    for lang, prefix in (("vi", ""), ("en", "en"))}
        print(f"{args.pages} articles per language; build {seconds:.0f} s; index on disk: "
              + ", ".join(f"{lang} {mb:.1f} MB" for lang, mb in index_mb.items()))
        print("; ".join(logged) + "\n")
        pagefind_s = None
        if args.pagefind_python:
            start = time.perf_counter()
            subprocess.run([args.pagefind_python, "-m", "pagefind", "--site", str(site),
                            "--root-selector", "[data-ttdn-search-body]", "--quiet"],
                           check=True)
            pagefind_s = time.perf_counter() - start
            print(f"Pagefind index: {pagefind_s:.0f} s\n")
        article = sorted((site / "tin-bai/2024").glob("bai-*/index.html"))[0]
        path = article.relative_to(site).as_posix().removesuffix("index.html")
        rows = []
        with serve_site(site) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for query in QUERIES:
                rows.append(("ours", query, *measure_ours(browser, base + path, query)))
                if pagefind_s is not None:
                    rows.append(("Pagefind 1.5", query,
                                 *measure_pagefind(browser, base + path, query)))
            browser.close()
        rows.append(("Material lunr (estimate)", "any", *lunr_estimate(site), None, None))
    print("| engine | first query | requests | KB raw | KB gzip | ms to first result "
          "(loopback) | results shown |")
    print("|---|---|---|---|---|---|---|")
    for engine, query, count, raw, packed, ms, shown in rows:
        ms_text = "–" if ms is None else f"{ms:.0f}"
        shown_text = "–" if shown is None else str(shown)
        print(f"| {engine} | {query} | {count} | {raw:.0f} | {packed:.0f} | {ms_text} | "
              f"{shown_text} |")


if __name__ == "__main__":
    main()
