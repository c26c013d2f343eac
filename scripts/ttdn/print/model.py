"""What the print renderer takes: an issue in one language, as plain data.

Nothing here knows MkDocs or the content model: the build (or a test, or the benchmark) fills
these in. Article and editorial bodies are HTML already rendered from Markdown; each `<img src>`
in them must be a key of `PrintIssue.images`, which names the original photo to print from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class PrintArticle:
    anchor: str  # id of the article in the PDF ("thong-tin-doi-ngoai"), unique in the issue
    title: str
    html: str  # the body, without the title
    description: str = ""  # the standfirst printed under the title


@dataclass(frozen=True)
class PrintIssue:
    lang: str  # "vi", "en": its interface strings come from translations/<lang>.yml
    number: int  # "Số 1/2023": numbered from 1 within each year
    year: int
    quarter: int
    date: dt.date  # publication date
    url: str  # absolute URL of the issue's page: relative links and `src`s resolve against it
    title: str  # the issue's own title, e.g. the theme of the quarter
    description: str  # one or two sentences: the PDF's subject
    cover: str  # key of `images`: the cover photo
    cover_alt: str
    editorial_html: str  # the editorial note (lời tòa soạn)
    board: tuple[str, ...]  # the editorial board, one "role: name" line each
    articles: tuple[PrintArticle, ...]
    # `src` as written in the HTML (and `cover`) → the original file, never a screen derivative.
    images: Mapping[str, Path] = field(default_factory=dict)
    # The colophon's facts from configuration: "licence", "print_run", "printer" (see COLOPHON).
    colophon: Mapping[str, str] = field(default_factory=dict)

    @property
    def label(self) -> tuple[int, int]:
        return (self.number, self.year)


# The colophon's lines, in order, by their key in translations/<lang>.yml; the publisher comes
# from `bulletin_publisher`, the rest from configuration (`ttdn-print: colophon:`).
COLOPHON = ("licence", "print_run", "printer")
