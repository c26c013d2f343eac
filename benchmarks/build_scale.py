"""How the build grows with the column: generate N articles per language, build, print a table.

    .venv/bin/python benchmarks/build_scale.py 100 500 1000

Uses the project's mkdocs.yml, overrides and pages, plus generated articles (~550 words each,
like NOTES.md's corpus) in a temporary copy; nothing in the repository changes.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CATEGORIES = ["hoat-dong-doi-ngoai", "bien-dao", "quyen-con-nguoi", "asean-hoi-nhap-quoc-te"]
WORDS = ("Quảng Ngãi biển đảo thông tin đối ngoại hợp tác quốc tế du lịch văn hóa " * 50).split()


def generate(docs: Path, count: int) -> None:
    for lang in ("vi", "en"):
        for n in range(count):
            year = 2023 + n % 3
            path = docs / lang / "tin-bai" / str(year) / f"bai-{n:05d}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            body = " ".join(WORDS[: 550])
            path.write_text(
                f"---\ntitle: Bài {n}\ndescription: Tóm tắt bài {n}.\n"
                f"date: {year}-{1 + n % 12:02d}-{1 + n % 28:02d}\n"
                f"category: {CATEGORIES[n % len(CATEGORIES)]}\nagency: Sở Ngoại vụ\n---\n\n"
                f"{body}\n",
                "utf-8",
            )


def measure(count: int) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name in ("mkdocs.yml", "overrides", "docs", "photos", "scripts/ttdn"):
            source = ROOT / name
            if source.is_dir():  # scripts/ttdn only because mkdocs.yml watches it
                shutil.copytree(source, work / name)
            elif source.exists():
                shutil.copy(source, work / name)
        shutil.rmtree(work / "docs/vi/tin-bai/2026", ignore_errors=True)
        shutil.rmtree(work / "docs/en/tin-bai/2026", ignore_errors=True)
        generate(work / "docs", count)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        start = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        done = subprocess.run(
            [sys.executable, "-m", "ttdn", "build", "-f", str(work / "mkdocs.yml")],
            cwd=work, env=env, capture_output=True, text=True,
        )
        if done.returncode:
            sys.exit(done.stderr[-3000:])
        seconds = time.perf_counter() - start
        rss = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        site = work / "site"
        size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        article = site / "tin-bai/2023/bai-00000/index.html"
        listing = site / "tin-bai/index.html"
        return {
            "articles/lang": str(count),
            "pages": str(sum(1 for _ in site.rglob("index.html"))),
            "build s": f"{seconds:.1f}",
            "peak RSS MB": f"{rss / 1024:.0f}",
            "site MB": f"{size / 1e6:.1f}",
            "article KB": f"{article.stat().st_size / 1e3:.1f}",
            "listing KB": f"{listing.stat().st_size / 1e3:.1f}",
            "sitemap KB": f"{(site / 'sitemap.xml').stat().st_size / 1e3:.0f}",
        }


def main(counts: list[int]) -> None:
    rows = [measure(n) for n in counts]
    headers = list(rows[0])
    print("| " + " | ".join(headers) + " |")
    print("|" + "---|" * len(headers))
    for row in rows:
        print("| " + " | ".join(row[h] for h in headers) + " |")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [100, 500])
