"""The language logic: which languages the site has, their interface strings, dates, URLs.

The list of languages is read from mkdocs-static-i18n's `languages` in mkdocs.yml (one place,
`ttdn.model.languages_of`); each language's interface strings are in `translations/<code>.yml`,
read anew whenever a `Languages` is made (once per build), so `ttdn serve` shows an edited string;
an unchanged file is parsed once per process.
Everything here takes the language as a parameter: nothing is written once per language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import PurePosixPath
from typing import Any

import yaml
from babel.dates import format_date


@dataclass(frozen=True)
class Language:
    code: str  # "vi", "en": also the folder under docs/ and the URL prefix of non-default ones
    default: bool
    table: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def prefix(self) -> str:
        """URL path of this language's home, relative to the site root: "" or "en/"."""
        return "" if self.default else f"{self.code}/"

    @property
    def strings(self) -> Mapping[str, Any]:
        return self.table or strings(self.code)

    def t(self, key: str) -> str:
        return self.strings[key]

    def format_date(self, date: dt.date) -> str:
        """"27 tháng 12, 2022" / "27 December 2022"."""
        return _long_date(date, self.t("babel_locale"))


@dataclass(frozen=True)
class Languages:
    """The site's languages, the default one first."""

    all: tuple[Language, ...]

    @classmethod
    def from_codes(cls, codes: list[str], default: str) -> Languages:
        ordered = [default] + [c for c in codes if c != default]
        return cls(tuple(Language(code, code == default, strings(code)) for code in ordered))

    @property
    def default(self) -> Language:
        return self.all[0]

    @property
    def codes(self) -> list[str]:
        return [lang.code for lang in self.all]

    def get(self, code: str) -> Language:
        for lang in self.all:
            if lang.code == code:
                return lang
        raise KeyError(code)

    def others(self, code: str) -> list[Language]:
        return [lang for lang in self.all if lang.code != code]


@lru_cache(maxsize=8192)  # Babel is slow, and listings show the same dates again and again
def _long_date(date: dt.date, locale: str) -> str:
    return format_date(date, format="long", locale=locale)


def strings(code: str) -> Mapping[str, Any]:
    """The interface strings of one language (translations/<code>.yml). Read-only: the table is
    shared by every caller until the file changes."""
    text = resources.files("ttdn.translations").joinpath(f"{code}.yml").read_text("utf-8")
    return _parse_strings(text)


@lru_cache(maxsize=8)
def _parse_strings(text: str) -> Mapping[str, Any]:
    # Parsing both tables with the pure-Python loader cost ~1 s per build (30 Languages a build).
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def page_path(src: PurePosixPath) -> str:
    """URL path of a page, relative to its language's home, for directory URLs.

    "index.md" → "", "van-ban/index.md" → "van-ban/", "van-ban/kh-197.md" → "van-ban/kh-197/".
    """
    parts = src.with_suffix("").parts
    if parts and parts[-1] == "index":
        parts = parts[:-1]
    return "".join(f"{part}/" for part in parts)


def parents(src: PurePosixPath) -> list[PurePosixPath]:
    """The index pages above a page, nearest first.

    a/b/c.md → a/b/index.md, a/index.md, index.md.
    """
    folder = src.parent if src.name != "index.md" else src.parent.parent
    chain = []
    if src.name == "index.md" and src.parent == PurePosixPath("."):
        return chain
    while True:
        chain.append(folder / "index.md")
        if folder == PurePosixPath("."):
            return chain
        folder = folder.parent
