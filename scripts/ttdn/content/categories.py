"""The column's categories, named and described in every language (categories.yml).

Read anew at every build (no cache), so `ttdn serve` shows an edited name at the next reload.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import yaml


@dataclass(frozen=True)
class Category:
    slug: str
    names: dict[str, str]  # language code → name
    descriptions: dict[str, str]

    def name(self, code: str) -> str:
        return self.names[code]

    def description(self, code: str) -> str:
        return self.descriptions[code]


def categories() -> dict[str, Category]:
    text = resources.files("ttdn.content").joinpath("categories.yml").read_text("utf-8")
    return {
        slug: Category(
            slug,
            {code: entry["name"] for code, entry in by_lang.items()},
            {code: entry["description"] for code, entry in by_lang.items()},
        )
        for slug, by_lang in yaml.safe_load(text).items()
    }
