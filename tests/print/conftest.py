"""Rendered editions of a generated issue, made once for the print tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from print.print_fixtures import sample_issue
from ttdn.print import PRINT, SCREEN, PrintIssue, Rendered, render

ARTICLES = 3


@dataclass(frozen=True)
class Editions:
    vi: PrintIssue
    en: PrintIssue
    cache: Path
    pdfs: dict[str, Rendered]  # "vi-screen", "vi-print", "en-screen", "bilingual-screen"


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> Editions:
    root = tmp_path_factory.mktemp("print")
    vi = sample_issue(root / "photos", "vi", articles=ARTICLES, photos_per_article=1)
    en = sample_issue(root / "photos", "en", articles=ARTICLES, photos_per_article=1)
    cache = root / "cache"
    pdfs = {
        "vi-screen": render([vi], SCREEN, cache),
        "vi-print": render([vi], PRINT, cache),
        "en-screen": render([en], SCREEN, cache),
        "bilingual-screen": render([vi, en], SCREEN, cache),
    }
    return Editions(vi, en, cache, pdfs)
