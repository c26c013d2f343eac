"""`ttdn new-issue YEAR QUARTER`: the skeleton of a bulletin issue in every language.

The skeleton is valid for the same schemas the build checks (`ttdn.content.bulletin`) and is a
draft, so the site builds while editors fill it in. Placeholder texts come from each language's
translation table. Nothing existing is ever overwritten.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ttdn.content import frontmatter
from ttdn.content.bulletin import SECTION, BulletinArticleMeta, IssueMeta
from ttdn.files import atomic_write
from ttdn.i18n import Languages

# The translation keys of every placeholder text a scaffold writes (`ttdn new-issue` here,
# `ttdn new-article` in ttdn.editing): ttdn.content.unfinished refuses a published page that
# still holds one. "scaffold_board" is left out: its text is a real board an issue may keep.
PLACEHOLDER_KEYS = (
    "scaffold_issue_title",
    "scaffold_issue_description",
    "scaffold_image_alt",
    "scaffold_editorial",
    "scaffold_article_title",
    "scaffold_article_description",
    "scaffold_article_body",
    "scaffold_new_article_body",
    "scaffold_pending",
)


def placeholder_texts(languages: Languages) -> tuple[str, ...]:
    """Every placeholder a scaffold may have written, in every language."""
    return tuple(dict.fromkeys(lang.t(key) for lang in languages.all for key in PLACEHOLDER_KEYS))


class IssueExists(Exception):
    def __init__(self, path: Path):
        self.path = path
        super().__init__(str(path))


@dataclass(frozen=True)
class Skeleton:
    files: list[Path]
    number: int
    photos: Path  # the folder for the cover and the articles' photos


def issue_folder(year: int, quarter: int) -> str:
    return f"{SECTION}/{year}/q{quarter}"


def next_number(docs_dir: Path, languages: Languages, year: int) -> int:
    """One more than the highest number of the year's issues (default language)."""
    numbers = [0]
    for index in sorted((docs_dir / languages.default.code / SECTION / str(year)).glob(
            "q[1-4]/index.md")):
        number = frontmatter.read(index, index.as_posix()).data.get("number")
        if isinstance(number, int):
            numbers.append(number)
    return max(numbers) + 1


def new_issue(root: Path, docs_dir: Path, languages: Languages, year: int,
              quarter: int) -> Skeleton:
    """Write the skeleton of issue (year, quarter) in every language; raise IssueExists if any
    of its files or folders is already there."""
    folder = issue_folder(year, quarter)
    for lang in languages.all:
        if (docs_dir / lang.code / folder).exists():
            raise IssueExists(docs_dir / lang.code / folder)
    number = next_number(docs_dir, languages, year)
    last_day = dt.date(year, 3 * quarter, calendar.monthrange(year, 3 * quarter)[1])
    photos = Path("photos") / SECTION / f"{year}-q{quarter}"
    written = []
    for lang in languages.all:
        t = lang.t
        issue = {
            "title": t("scaffold_issue_title"),
            "description": t("scaffold_issue_description"),
            "date": last_day,
            "year": year,
            "quarter": quarter,
            "number": number,
            "image": f"/{photos.as_posix()}/bia.jpg",
            "image_alt": t("scaffold_image_alt"),
            "board": [t("scaffold_board")],
            "draft": True,
        }
        article = {
            "title": t("scaffold_article_title"),
            "description": t("scaffold_article_description"),
            "date": last_day,
            "order": 1,
            "draft": True,
        }
        IssueMeta.model_validate(issue)  # the build's own schemas: a skeleton is never invalid
        BulletinArticleMeta.model_validate(article)
        target = docs_dir / lang.code / folder
        target.mkdir(parents=True)
        for name, data, body in (
            ("index.md", issue, t("scaffold_editorial")),
            ("bai-1.md", article, t("scaffold_article_body")),
        ):
            path = target / name
            atomic_write(path, _markdown(data, body).encode("utf-8"))
            written.append(path)
    return Skeleton(written, number, root / photos)


def _markdown(data: dict[str, Any], body: str) -> str:
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{front}---\n\n# {data['title']}\n\n{body}\n"
