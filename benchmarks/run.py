"""The scale benchmark: one table, each figure the median of several runs.

    .venv/bin/python benchmarks/run.py [--runs 3] [--quick] [--keep DIR]

Generates the corpus (benchmarks/generate.py; `--quick`: a small one, under a minute, which CI
runs as a smoke test with no timing assertions), then measures: cold full build (time, peak
memory), the same Markdown built by plain MkDocs + Material + static-i18n with the project's
plugins off (the ratio is the project's overhead, per page and in wall time), a second build
with nothing changed, on both cores and on one (`-j 1`), an editor's wait under `ttdn serve`
(saving one article → the served page shows it), the image pass cold and unchanged, the built
site's size and the weight of each page type. Beside each figure: the machine's load average
(1 min) when it was taken. Prints the machine, the date and the command with the table
(Markdown, for BENCHMARKS.md). `--profile`: the top ten of a filled-cache build on one core
(cProfile), after the table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import QUICK, Sizes, generate  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
PLUGINS_OFF = re.compile(r"  - ttdn-[a-z]+:?\n(?:      .*\n)*")

# Runs a command and prints its own peak memory: each measurement gets a fresh parent, so
# RUSAGE_CHILDREN is that command's alone.
MEASURE = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
    "sys.stderr.write(r.stdout + r.stderr); sys.exit(r.returncode)"
)


def timed(command: list[str], cwd: Path, ok: tuple[int, ...] = (0,)) -> tuple[float, float, str]:
    """(seconds, peak MB, output) of one run of `command`; exits on failure."""
    done = subprocess.run([sys.executable, "-c", MEASURE, *command], cwd=cwd, env=ENV,
                          capture_output=True, text=True)
    if done.returncode not in ok:
        sys.exit(f"failed: {' '.join(command)}\n{done.stderr[-3000:]}")
    seconds, kb = done.stdout.split()
    return float(seconds), int(kb) / 1024, done.stderr


def median(runs: int, measure: Callable[[], float]) -> float:
    """The median of `runs` calls of `measure`."""
    return statistics.median(measure() for _ in range(runs))


def load() -> float:
    """The machine's load average over the last minute: the figures move with it."""
    return os.getloadavg()[0]


def loads(values: list[float]) -> str:
    low, high = min(values), max(values)
    return f"load {low:.1f}" if len(values) == 1 else f"load {low:.1f}–{high:.1f}"


def build(work: Path, jobs: int | None = None) -> tuple[float, float, str]:
    """(seconds, peak MB, log) of `ttdn build -v` (the plugins' own timings are in the log)."""
    command = [str(BIN / "ttdn"), "build", "-v", "-f", "mkdocs.yml", "-d", "site"]
    return timed(command + (["-j", str(jobs)] if jobs else []), work)


PDF_BULLETIN = re.compile(r"(\d+) PDF \((\d+) rendered, (\d+) cached\) · ([\d.]+) s")
PDF_BOOK = re.compile(r"photo book \S+: \d+ pages, [\d.]+ MB, (?:cached|rendered in ([\d.]+) s)")
IMAGES = re.compile(r"(\d+) ảnh/images \((\d+) built, (\d+) cached.*· ([\d.]+) s")
SEARCH = re.compile(r"search index '\w+': \d+ pages, \d+ shards in ([\d.]+) s")


def log_seconds(log: str) -> dict[str, float]:
    """The plugins' own work in one build: PDFs (bulletin and photo book), images, search."""
    pdf = sum(float(m[3]) for m in PDF_BULLETIN.findall(log))
    pdf += sum(float(m) for m in PDF_BOOK.findall(log) if m)
    rendered = sum(int(m[1]) for m in PDF_BULLETIN.findall(log))
    rendered += sum(1 for m in PDF_BOOK.findall(log) if m)
    built = sum(int(m[1]) for m in IMAGES.findall(log))
    return {
        "pdf s": pdf, "pdf rendered": rendered, "images built": built,
        "images s": sum(float(m[3]) for m in IMAGES.findall(log)),
        "search s": sum(float(m) for m in SEARCH.findall(log)),
    }


def search_first_query(site: Path, query: str = "quang ngai") -> tuple[int, float, float, float]:
    """(requests, KB raw, KB gzipped, ms) of a reader's first query on an article, in Chromium
    (benchmarks/search.py's measurement)."""
    # benchmarks/search.py: this folder is first on the path, before tests/ (tests/search is
    # another "search").
    from search import measure_ours
    from support.browser import chromium, serve_site

    article = sorted(site.glob("tin-bai/[0-9]*/bai-*/index.html"))[0].parent
    with serve_site(site) as base, chromium() as browser:
        requests, raw, packed, ms, _ = measure_ours(
            browser, base + article.relative_to(site).as_posix() + "/", query
        )
    return requests, raw, packed, ms


def check_seconds(work: Path) -> float:
    seconds, _, _ = timed([str(BIN / "ttdn"), "check", "-f", "mkdocs.yml"], work, ok=(0, 1))
    return seconds


def plain_config(work: Path) -> str:
    """mkdocs.yml with the project's plugins and theme overrides switched off."""
    text = (work / "mkdocs.yml").read_text("utf-8")
    text = PLUGINS_OFF.sub("", text)
    text = re.sub(r"  custom_dir: .*\n", "", text)
    text = text.replace("  alternate: true\n", "")  # our own language link, not Material's
    text = text.replace("strict: true", "strict: false")  # Material misses our logo and CSS
    text += "exclude_docs: |\n  tim-kiem.md\n"  # its template is ours (the search page)
    (work / "plain.yml").write_text(text, "utf-8")
    return "plain.yml"


def plain_build(work: Path) -> tuple[float, float]:
    seconds, mb, _ = timed(
        [str(BIN / "mkdocs"), "build", "-q", "-f", plain_config(work), "-d", "site-plain"], work
    )
    return seconds, mb


def pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def editor_wait(work: Path, runs: int) -> list[float]:
    """Seconds from saving one article to `ttdn serve` serving the page with the change."""
    article = sorted((work / "docs/vi/tin-bai").rglob("bai-*.md"))[0]
    url_path = article.relative_to(work / "docs/vi").with_suffix("").as_posix() + "/"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [str(BIN / "ttdn"), "serve", "-f", "mkdocs.yml", "-a", f"127.0.0.1:{port}"],
        cwd=work, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/{url_path}"
    waits = []
    try:
        _poll(base, lambda body: True, timeout=900)  # the first full build
        original = article.read_text("utf-8")
        for n in range(runs):
            token = f"BENCHMARK-{n}-{time.time_ns()}"
            start = time.perf_counter()
            article.write_text(original + f"\n{token}\n", "utf-8")
            _poll(base, lambda body, t=token: t in body, timeout=300)
            waits.append(time.perf_counter() - start)
            time.sleep(1.5)  # let the watcher settle before the next save
        article.write_text(original, "utf-8")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return waits


def _poll(url: str, ready: Callable[[str], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if ready(response.read().decode("utf-8", "replace")):
                    return
        except OSError:
            pass
        time.sleep(0.02)
    raise TimeoutError(url)


def image_pass(work: Path) -> tuple[float, float]:
    out = work / "images-out"
    command = [str(BIN / "ttdn"), "images", "photos", "--out", str(out)]
    cold, _, _ = timed(command, work)
    warm, _, _ = timed(command, work)
    return cold, warm


def weights(site: Path) -> dict[str, float]:
    """HTML bytes (KB) of one page of each type: what a reader downloads first."""
    examples = {
        "home": site / "index.html",
        "article": next(iter(sorted(site.glob("tin-bai/[0-9]*/bai-*/index.html"))), None),
        "listing": site / "tin-bai/index.html",
        "document": next(iter(sorted(site.glob("van-ban/van-ban-*/index.html"))), None),
    }
    return {name: path.stat().st_size / 1024 for name, path in examples.items() if path}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--keep", type=Path, help="generate into DIR and keep it")
    parser.add_argument("--profile", action="store_true", help="print the profile's top ten")
    args = parser.parse_args()
    sizes = QUICK if args.quick else Sizes()
    runs = 1 if args.quick else args.runs
    work = args.keep or Path(tempfile.mkdtemp(prefix="ttdn-bench-"))
    try:
        counts = generate(work, sizes)
        rows = measure(work, runs, quick=args.quick)
        print_table(counts, rows, runs)
        if args.profile:
            print("\n" + profile(work))
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


def measure(work: Path, runs: int, quick: bool) -> list[tuple[str, str, str]]:
    cold_load = load()
    cold_s, peak, cold_log = build(work)  # empty caches: every image and PDF made
    cold_work = log_seconds(cold_log)
    ours = pages(work / "site")
    warm, warm_loads = [], []
    for _ in range(runs):  # caches filled: what every later build costs
        warm_loads.append(load())
        warm.append(build(work))
    warm_s = statistics.median(w[0] for w in warm)
    warm_work = log_seconds(warm[-1][2])
    serial, serial_loads = [], []
    for _ in range(runs):
        serial_loads.append(load())
        serial.append(build(work, jobs=1)[0])
    serial_s = statistics.median(serial)
    plain, plain_loads = [], []
    for _ in range(runs):
        plain_loads.append(load())
        plain.append(plain_build(work))
    plain_s = statistics.median(p[0] for p in plain)
    plain_pages = pages(work / "site-plain")
    ratio = (warm_s / ours) / (plain_s / plain_pages)
    wait_load = load()
    waits = editor_wait(work, max(runs, 5))
    images_cold, images_warm = image_pass(work)
    size = sum(p.stat().st_size for p in (work / "site").rglob("*") if p.is_file())
    check_load = load()
    check_s = median(runs, lambda: check_seconds(work))
    requests, raw, packed, ms = search_first_query(work / "site")
    rows = [
        ("cold full build (empty caches), both cores",
         f"{cold_s:.1f} s, peak {peak:.0f} MB, {ours} pages ({loads([cold_load])})",
         "≤ 200 s, peak < 2 GB"),
        ("full build, caches filled, both cores",
         f"{warm_s:.1f} s, peak {max(w[1] for w in warm):.0f} MB ({loads(warm_loads)})", ""),
        ("full build, caches filled, one core (`-j 1`)",
         f"{serial_s:.1f} s ({loads(serial_loads)})", ""),
        ("plain MkDocs + Material + static-i18n",
         f"{plain_s:.1f} s, {plain_pages} pages ({loads(plain_loads)})", ""),
        ("project overhead: whole wall time (filled caches vs plain)",
         f"{warm_s / plain_s:.2f}× (one core: {serial_s / plain_s:.2f}×)",
         "≤ 1.25× (stretch ≤ 1.0×)"),
        ("project overhead per page", f"{ratio:.2f}×", "≤ 1.25×"),
        ("second build, nothing changed: image / PDF work",
         f"{warm_work['images built']} images built, {warm_work['pdf rendered']} PDFs rendered",
         "none"),
        ("editor's wait under ttdn serve",
         f"median {statistics.median(waits):.2f} s, max {max(waits):.2f} s of {len(waits)} "
         f"({loads([wait_load])})", "≤ 1 s (stretch 0.5 s)"),
        ("image pass (ttdn images): cold / unchanged",
         f"{images_cold:.1f} s / {images_warm:.2f} s", ""),
        ("PDF rendering in the build: cold / cached",
         f"{cold_work['pdf s']:.1f} s ({cold_work['pdf rendered']} PDFs) / "
         f"{warm_work['pdf s']:.1f} s", ""),
        ("search index in the build (both languages)", f"{warm_work['search s']:.1f} s", ""),
        ("search: first query 'quang ngai' on an article",
         f"{requests} requests, {packed:.0f} KB gzip ({raw:.0f} KB raw), {ms:.0f} ms",
         "≤ 150 KB"),
        ("ttdn check, whole corpus", f"{check_s:.1f} s ({loads([check_load])})", "< 3 s"),
        ("built site", f"{size / 1e6:.1f} MB", ""),
    ]
    for name, kb in weights(work / "site").items():
        goal = "≤ 30 KB" if name == "article" else ""
        rows.append((f"page weight: {name} (HTML)", f"{kb:.1f} KB", goal))
    return rows


def profile(work: Path, top: int = 10) -> str:
    """The top of a filled-cache build on one core, by own time and by time in ttdn's code."""
    out = work / "build.prof"
    # `ttdn serve` (the editor's wait) builds with another site_url, so other PDFs: fill again.
    build(work)
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), str(BIN / "ttdn"),
                    "build", "-j", "1", "-d", "site-profile"], cwd=work, env=ENV,
                   capture_output=True, check=True)
    import pstats

    stats = pstats.Stats(str(out))
    table = stats.stats  # (file, line, name) → (calls, primitive, own, cumulative, callers)

    def rows(keys):
        lines = ["| function | calls | own s | cumulative s |", "|---|---|---|---|"]
        for key in keys[:top]:
            calls, _, own, cumulative, _ = table[key]
            where = f"{Path(key[0]).name}:{key[1]}({key[2]})" if key[0] != "~" else key[2]
            lines.append(f"| `{where}` | {calls} | {own:.2f} | {cumulative:.2f} |")
        return "\n".join(lines)

    by_own = sorted(table, key=lambda k: table[k][2], reverse=True)
    ours = sorted((k for k in table if "/scripts/ttdn/" in k[0]),
                  key=lambda k: table[k][3], reverse=True)
    total = max(v[3] for v in table.values())
    return (f"Profile of a filled-cache build on one core ({total:.1f} s under cProfile).\n\n"
            f"By own time:\n\n{rows(by_own)}\n\nttdn's functions by cumulative time:\n\n"
            f"{rows(ours)}")


def print_table(counts: dict[str, int], rows: list[tuple[str, str, str]], runs: int) -> None:
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"Machine: {machine}. Date: {dt.date.today().isoformat()}. "
          f"Command: python benchmarks/run.py {' '.join(sys.argv[1:])}".rstrip())
    print(f"Corpus: {json.dumps(counts)}; each figure the median of {runs} run(s).\n")
    print("| measure | result | goal |")
    print("|---|---|---|")
    for name, value, goal in rows:
        print(f"| {name} | {value} | {goal} |")


if __name__ == "__main__":
    main()
