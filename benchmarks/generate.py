"""A realistic large corpus in both languages, generated deterministically from a seed.

    .venv/bin/python benchmarks/generate.py OUT [--seed 1] [--years 10] [--articles 2000]
        [--documents 60] [--issues-per-year 4] [--issue-articles 10] [--photos 600]
        [--chapters 12] [--quick]

OUT becomes a project folder (mkdocs.yml, docs/, photos/) built with this repository's overrides
and package: `ttdn build -f OUT/mkdocs.yml`. Text is sampled from the plan's own sentences
(docs/*/van-ban/ke-hoach-197-kh-ubnd.md), so it has real Vietnamese diacritics, long compound
words and realistic lengths (articles ~550 words). Nothing in the repository changes.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
PLAN = "van-ban/ke-hoach-197-kh-ubnd.md"
CATEGORIES = [
    "hoat-dong-doi-ngoai", "xuc-tien-dau-tu-thuong-mai", "van-hoa-the-thao-du-lich", "bien-dao",
    "asean-hoi-nhap-quoc-te", "quyen-con-nguoi", "chuong-trinh-muc-tieu-quoc-gia",
    "bien-gioi-bien",
]
AGENCIES = {
    "vi": ["Sở Ngoại vụ", "Sở Thông tin và Truyền thông", "Sở Văn hóa, Thể thao và Du lịch"],
    "en": ["Department of Foreign Affairs", "Department of Information and Communications",
           "Department of Culture, Sports and Tourism"],
}


@dataclass(frozen=True)
class Sizes:
    years: int = 10
    articles: int = 2000  # column articles per language
    documents: int = 60
    issues_per_year: int = 4
    issue_articles: int = 10
    photos: int = 600
    chapters: int = 12


QUICK = Sizes(years=2, articles=60, documents=6, issues_per_year=2, issue_articles=3,
              photos=12, chapters=2)


class Text:
    """Sentences sampled from the plan in one language."""

    def __init__(self, lang: str, rng: random.Random):
        source = (ROOT / "docs" / lang / PLAN).read_text("utf-8").split("---", 2)[-1]
        words = re.sub(r"[#*|>\[\]()_`:-]", " ", source).split()
        self.words = [w.strip(".,;") for w in words if len(w.strip(".,;")) > 1]
        self.rng = rng

    def sentence(self, low: int = 8, high: int = 22) -> str:
        words = self.rng.choices(self.words, k=self.rng.randint(low, high))
        return " ".join(words).capitalize() + "."

    def title(self) -> str:
        return self.sentence(6, 12).rstrip(".")

    def paragraphs(self, words: int) -> str:
        out, count = [], 0
        while count < words:
            paragraph = " ".join(self.sentence() for _ in range(self.rng.randint(3, 6)))
            out.append(paragraph)
            count += len(paragraph.split())
        return "\n\n".join(out)


def _front(fields: dict[str, object]) -> str:
    lines = []
    for key, value in fields.items():
        text = str(value)
        lines.append(f"{key}: {text!r}" if isinstance(value, str) and ":" in text else
                     f"{key}: {text}")
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def _quoted(text: str) -> str:
    return '"' + text.replace('"', "'") + '"'


def generate(out: Path, sizes: Sizes, seed: int = 1) -> dict[str, int]:
    """Write the corpus into `out`; returns how many pages of each kind it wrote."""
    rng = random.Random(seed)
    texts = {lang: Text(lang, random.Random(f"{seed}-{lang}")) for lang in ("vi", "en")}
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    _project(out)
    first_year = 2023
    counts = {"articles": 0, "documents": 0}
    for n in range(sizes.articles):
        year = first_year + n % sizes.years
        day = f"{year}-{1 + n % 12:02d}-{1 + (n * 7) % 28:02d}"
        category = CATEGORIES[n % len(CATEGORIES)]
        slug = f"bai-{n:05d}"
        for lang, text in texts.items():
            body = text.paragraphs(550)
            fields = {
                "title": _quoted(text.title()), "description": _quoted(text.sentence(15, 30)),
                "date": day, "category": category, "agency": _quoted(AGENCIES[lang][n % 3]),
            }
            _write(out / "docs" / lang / "tin-bai" / str(year) / f"{slug}.md",
                   _front(fields) + body + "\n")
            counts["articles"] += 1
    for n in range(sizes.documents):
        year = first_year - 1 + n % sizes.years
        for lang, text in texts.items():
            fields = {
                "title": _quoted(text.title()), "description": _quoted(text.sentence(15, 30)),
                "date": f"{year}-{1 + n % 12:02d}-15", "number": _quoted(f"{100 + n}/KH-UBND"),
                "issuer": _quoted("UBND tỉnh Quảng Ngãi"), "signer": _quoted("Trần Hoàng Tuấn"),
            }
            _write(out / "docs" / lang / "van-ban" / f"van-ban-{n:03d}.md",
                   _front(fields) + text.paragraphs(900) + "\n")
            counts["documents"] += 1
    counts["issues"], counts["issue_articles"] = _bulletin(out, sizes, texts, first_year, rng)
    counts["chapters"], counts["photos"] = _photo_book(out, sizes, texts, rng)
    return counts


def _bulletin(out: Path, sizes: Sizes, texts: dict[str, Text], first_year: int,
              rng: random.Random) -> tuple[int, int]:
    """One issue a quarter (the real Issue 1/2023 kept), each with its articles and a cover."""
    issues = articles = 0
    for year in range(first_year, first_year + sizes.years):
        for quarter in range(1, sizes.issues_per_year + 1):
            folder = PurePosixPath("ban-tin") / str(year) / f"q{quarter}"
            if (out / "docs" / "vi" / folder / "index.md").exists():
                continue  # a real issue
            cover = f"/photos/ban-tin/{year}-q{quarter}/bia.jpg"
            _drawing(out / cover.lstrip("/"), rng, (1600, 1067))
            day = f"{year}-{quarter * 3:02d}-28"
            for lang, text in texts.items():
                fields = {
                    "title": _quoted(text.title()), "description": _quoted(text.sentence(15, 30)),
                    "date": day, "year": year, "quarter": quarter, "number": quarter,
                    "image": cover, "image_alt": _quoted(text.sentence(6, 12)),
                    "board": "[" + _quoted(AGENCIES[lang][0]) + "]",
                }
                _write(out / "docs" / lang / folder / "index.md",
                       _front(fields) + text.paragraphs(200) + "\n")
                for n in range(1, sizes.issue_articles + 1):
                    fields = {
                        "title": _quoted(text.title()),
                        "description": _quoted(text.sentence(15, 30)),
                        "date": day, "order": n, "agency": _quoted(AGENCIES[lang][n % 3]),
                    }
                    _write(out / "docs" / lang / folder / f"bai-{n:02d}.md",
                           _front(fields) + text.paragraphs(600) + "\n")
                    articles += 1
            issues += 1
    return issues, articles


def _photo_book(out: Path, sizes: Sizes, texts: dict[str, Text],
                rng: random.Random) -> tuple[int, int]:
    """Chapters after the real ones, each with its photos and manifest.yml."""
    per_chapter = max(1, sizes.photos // sizes.chapters)
    for c in range(1, sizes.chapters + 1):
        slug = f"chuong-{c:02d}"
        folder = out / "photos" / "sach-anh" / slug
        entries = []
        for n in range(per_chapter):
            name = f"anh-{n:03d}.jpg"
            _drawing(folder / name, rng, (1600, 1067))
            entries.append({
                "file": name, "illustration": True,
                **{key: {lang: text.sentence(5, 12) for lang, text in texts.items()}
                   for key in ("caption", "alt", "place")},
                "photographer": "Máy tạo hình / Computer-generated", "date": "2026-11-30",
                "credit": "CC0 1.0",
            })
        (folder / "manifest.yml").write_text(
            yaml.safe_dump({"photos": entries}, allow_unicode=True, sort_keys=False), "utf-8")
        for lang, text in texts.items():
            fields = {"title": _quoted(text.title()), "description": _quoted(text.sentence()),
                      "date": "2026-11-30", "order": 100 + c}
            _write(out / "docs" / lang / "sach-anh" / slug / "index.md",
                   _front(fields) + text.paragraphs(120) + "\n")
    return sizes.chapters, per_chapter * sizes.chapters


def _project(out: Path) -> None:
    """mkdocs.yml, the real site's pages (sections, home, about, the bulletin's first issue,
    the photo book's chapters) and its photos; the generated content comes on top."""
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    config = config.replace("  - overrides\n", f"  - {ROOT / 'overrides'}\n")
    config = config.replace("  - scripts/ttdn\n", "")
    (out / "mkdocs.yml").write_text(config, "utf-8")
    for lang in ("vi", "en"):
        for page in (ROOT / "docs" / lang).rglob("*.md"):
            relative = page.relative_to(ROOT / "docs" / lang)
            if relative.parts[0] == "tin-bai" and len(relative.parts) > 2:
                continue  # the real articles: the generated ones stand in for them
            _write(out / "docs" / lang / relative, page.read_text("utf-8"))
    shutil.copytree(ROOT / "photos", out / "photos")


def _drawing(path: Path, rng: random.Random, size: tuple[int, int]) -> None:
    """A flat abstract JPEG (noise would make the image pass dominate every other figure)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    width, height = size
    image = Image.new("RGB", size, (rng.randrange(40, 120), 120, 170))
    draw = ImageDraw.Draw(image)
    for _ in range(6):
        x, y = rng.randrange(width), rng.randrange(height)
        draw.ellipse((x, y, x + width // 5, y + height // 5), fill=(rng.randrange(256), 160, 90))
    image.save(path, quality=85)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="a small corpus for smoke tests")
    for field, default in Sizes().__dict__.items():
        parser.add_argument(f"--{field.replace('_', '-')}", type=int, default=None,
                            help=f"default {default}")
    args = parser.parse_args()
    base = QUICK if args.quick else Sizes()
    sizes = Sizes(**{f: getattr(args, f) if getattr(args, f) is not None else v
                     for f, v in base.__dict__.items()})
    counts = generate(args.out, sizes, args.seed)
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
