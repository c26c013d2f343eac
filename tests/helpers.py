"""Helpers shared by the tests (fixtures are in conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path

from lxml import html as lxml_html
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[1]
SITE_URL = "https://ttdn.example.test/"
OG_LOCALE = {"vi": "vi_VN", "en": "en_US"}

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def build_site(config_file: Path, site_dir: Path, **overrides) -> Path:
    config = load_config(str(config_file), site_dir=str(site_dir), strict=True, **overrides)
    build(config)
    return site_dir


def parse(path: Path):
    return lxml_html.fromstring(path.read_bytes())


def front(title: str, **extra: str) -> str:
    """Front matter of a valid page."""
    fields = {"title": title, "description": f"{title}.", "date": "2023-01-02", **extra}
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in fields.items()) + "---\n"


def content_pages(pages: dict) -> dict:
    """The built pages that come from Markdown (all but the 404 pages)."""
    return {path: doc for path, doc in pages.items() if not path.endswith("404.html")}


def language_of(path: str) -> str:
    return "en" if path.startswith("en/") else "vi"


def url_of(path: str) -> str:
    return SITE_URL + path.removesuffix("index.html")


def alternates(doc) -> dict[str, str]:
    return {
        link.get("hreflang"): link.get("href")
        for link in doc.xpath("//head/link[@rel='alternate'][@hreflang]")
    }
