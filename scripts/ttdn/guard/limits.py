"""Limits a page's Markdown must keep, measured on the raw text BEFORE Python-Markdown runs.

Python-Markdown recurses once per level of list or quote nesting and re-parses nested blocks:
a 125 KB line of `- 1. - 1. …` ends in a RecursionError, a 4 MB nested list takes a minute and
1.6 GB. Real documents stay far inside these limits (the plan, Kế hoạch 197/KH-UBND: 17 KB,
lines of at most 500 characters, three levels, no table); a page beyond one is refused with its
line and what to write instead, in a few milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

MAX_PAGE_BYTES = 500_000  # ~80,000 words; a decree of 100 pages is ~300 KB
MAX_LINE_CHARS = 20_000  # a long paragraph written on one line is ~3,000
MAX_DEPTH = 8  # lists and quotes inside each other
MAX_TABLE_ROWS = 2_000

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# One list item or quote marker at the start of what is left of the line.
MARKER = re.compile(r"[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]|$))[ \t]?")
RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")  # "- - -" is a line, not a list
TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")


@dataclass(frozen=True)
class Excess:
    rule: str
    line: int  # 1-based, in the text measured
    vi: str
    en: str


def page_size(size: int) -> Excess | None:
    """From the file's size alone, before reading it."""
    if size <= MAX_PAGE_BYTES:
        return None
    return Excess(
        "page-too-large", 1,
        f"Trang dài {size // 1000:,} KB, quá giới hạn {MAX_PAGE_BYTES // 1000:,} KB; hãy chia "
        "thành nhiều trang, hoặc đăng toàn văn thành tệp PDF đính kèm (attachment:).",
        f"The page is {size // 1000:,} KB, over the {MAX_PAGE_BYTES // 1000:,} KB limit; split "
        "it into several pages, or publish the full text as an attached PDF (attachment:).",
    )


def excesses(text: str, first_line: int = 1) -> list[Excess]:
    """Each limit the text breaks, once, at the first line that breaks it."""
    found: dict[str, Excess] = {}
    for excess in _scan(text, first_line):
        found.setdefault(excess.rule, excess)
    return list(found.values())


def _scan(text: str, first_line: int) -> Iterator[Excess]:
    fence: str | None = None
    rows = 0  # rows of the table being read
    lines = text.splitlines()
    for number, line in enumerate(lines, start=first_line):
        if len(line) > MAX_LINE_CHARS:
            yield _long_line(number, len(line))
            continue  # measured no further: its length is the problem
        if fence is not None:
            if line.lstrip(" ").startswith(fence):
                fence = None
            continue
        if m := FENCE.match(line):
            fence = m.group(1)
            continue
        depth = _depth(line)
        if depth > MAX_DEPTH:
            yield _deep(number, depth)
        if rows:
            rows = rows + 1 if "|" in line and line.strip() else 0
            if rows > MAX_TABLE_ROWS + 2:  # the header and separator lines are not rows
                yield _long_table(number)
        elif "|" in line and TABLE_RULE.match(_next(lines, number - first_line)):
            rows = 1


def _next(lines: list[str], index: int) -> str:
    return lines[index + 1] if index + 1 < len(lines) and "-" in lines[index + 1] else "x"


def _depth(line: str) -> int:
    """Lists and quotes open on this line: its indentation (4 columns a level) and markers."""
    if RULE.match(line):
        return 0
    markers, pos = 0, 0
    while m := MARKER.match(line, pos):
        if m.end() == pos:
            break
        markers, pos = markers + 1, m.end()
    if not markers:
        return 0
    indent = len(line) - len(line.lstrip(" \t"))
    return len(line[:indent].expandtabs(4)) // 4 + markers


def _long_line(line: int, length: int) -> Excess:
    return Excess(
        "line-too-long", line,
        f"Dòng dài {length:,} ký tự, quá giới hạn {MAX_LINE_CHARS:,}; hãy xuống dòng giữa các "
        "câu hoặc chia thành nhiều đoạn (để một dòng trống giữa hai đoạn).",
        f"The line is {length:,} characters long, over the {MAX_LINE_CHARS:,} limit; break it "
        "between sentences or split it into paragraphs (a blank line between two).",
    )


def _deep(line: int, depth: int) -> Excess:
    return Excess(
        "nesting-too-deep", line,
        f"Danh sách hoặc trích dẫn lồng {depth} cấp, quá giới hạn {MAX_DEPTH} cấp; hãy dùng "
        "tiêu đề (##, ###) cho các cấp trên và giữ danh sách nông hơn.",
        f"Lists or quotes nested {depth} levels deep, over the limit of {MAX_DEPTH}; use "
        "headings (##, ###) for the upper levels and keep lists shallower.",
    )


def _long_table(line: int) -> Excess:
    return Excess(
        "table-too-long", line,
        f"Bảng có hơn {MAX_TABLE_ROWS:,} dòng; hãy chia thành nhiều bảng theo mục, hoặc đăng "
        "bảng đầy đủ thành tệp PDF đính kèm.",
        f"The table has more than {MAX_TABLE_ROWS:,} rows; split it into several tables by "
        "section, or publish the full table as an attached PDF.",
    )
