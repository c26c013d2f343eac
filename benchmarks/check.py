"""How fast `ttdn check` is on the ten-year corpus: the whole site, and a pull request's files.

    .venv/bin/python benchmarks/check.py [WORK] [--runs 3]

Generates the corpus of benchmarks/generate.py into WORK (a temporary folder unless given; an
existing WORK is reused), then runs `ttdn check` as a command, as an editor or CI would, and
prints a table of median wall times (process start included) and the check's own time. Goals
(issue 13): the whole corpus under 5 s, the changed files of a pull request under 1 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import Sizes, generate  # noqa: E402


def run(work: Path, args: list[str]) -> tuple[float, dict]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "ttdn", "check", "--format", "json", *args],
        cwd=work, capture_output=True, text=True,
    )
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(done.stderr[-3000:])
    return wall, json.loads(done.stdout)


def measure(work: Path, label: str, args: list[str], runs: int) -> list[str]:
    walls, inner, data = [], [], {}
    for _ in range(runs):
        wall, data = run(work, args)
        walls.append(wall)
        inner.append(data["summary"]["seconds"])
    summary = data["summary"]
    return [label, str(summary["pages"]), str(summary["images"]),
            f"{statistics.median(walls):.2f}", f"{statistics.median(inner):.2f}",
            str(summary["errors"]), str(summary["warnings"])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("work", type=Path, nargs="?")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="ttdn-check-bench-"))
    if not (work / "mkdocs.yml").exists():
        counts = generate(work, Sizes())
        print(", ".join(f"{k}: {v}" for k, v in counts.items()))
    pages = sum(1 for _ in (work / "docs").rglob("*.md"))
    changed = [
        "docs/vi/tin-bai/2023/bai-00000.md", "docs/en/tin-bai/2023/bai-00000.md",
        "docs/vi/tin-bai/2024/bai-00001.md", "docs/vi/van-ban/van-ban-000.md",
        "photos/sach-anh/chuong-01/anh-0000.jpg",
    ]
    rows = [
        measure(work, f"whole corpus ({pages} Markdown files)", [], args.runs),
        measure(work, "a pull request's 5 files", changed, args.runs),
        measure(work, "one page", changed[:1], args.runs),
    ]
    head = ["run", "pages", "images", "wall s (median)", "check s", "errors", "warnings"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
