"""PyYAML's errors in words an editor understands, at the line where the mistake is.

PyYAML says "found character that cannot start any token" for a tab, and points at the end of
the file for an unclosed quote. The mistakes editors make are few (tab, unclosed quote, missing
colon, a colon inside a value), so each is recognised and explained with its fix.
"""

from __future__ import annotations

import re

import yaml

KEY = re.compile(r"^\s*[\w-]+\s*:(\s|$)")


def explain(err: yaml.YAMLError, source: str, first_line: int) -> tuple[int, str, str]:
    """(line in the file, Vietnamese, English) for an error in `source`, the front matter whose
    first line is line `first_line` of the file."""
    lines = source.splitlines()
    problem = getattr(err, "problem", None) or str(err)
    context = getattr(err, "context", None) or ""
    mark = getattr(err, "problem_mark", None)
    start = getattr(err, "context_mark", None)
    at = mark.line if mark is not None else 0
    tabbed = [i for i in {at, start.line if start else at} if i < len(lines) and "\t" in lines[i]]
    if tabbed or "tab" in problem:
        line = min(tabbed) if tabbed else at
        return (
            first_line + line,
            "Có ký tự tab ở đầu hoặc giữa dòng: YAML chỉ nhận dấu cách. Thay tab bằng dấu cách.",
            "There is a tab character on this line: YAML accepts only spaces. Replace the tab "
            "with spaces.",
        )
    if "quoted scalar" in context and start is not None:
        quote = lines[start.line][start.column] if start.column < len(lines[start.line]) else '"'
        return (
            first_line + start.line,
            f"Dấu nháy {quote} mở ở dòng này nhưng không được đóng lại: thêm {quote} ở cuối giá "
            "trị.",
            f"The quote {quote} opened on this line is never closed: add {quote} at the end of "
            "the value.",
        )
    if "could not find expected ':'" in problem and start is not None:
        return _missing_colon(first_line + start.line, lines[start.line])
    if "mapping values are not allowed" in problem:
        current = lines[at] if at < len(lines) else ""
        if KEY.match(current) and ": " in current[KEY.match(current).end():]:
            return (
                first_line + at,
                "Giá trị có dấu ': ' ở giữa: đặt cả giá trị trong dấu nháy kép, ví dụ "
                'title: "Hội nghị: tập huấn".',
                "The value contains ': ': put the whole value in double quotes, for example "
                'title: "Conference: training".',
            )
        previous = next((i for i in range(at - 1, -1, -1) if lines[i].strip()), at)
        return _missing_colon(first_line + previous, lines[previous] if lines else "")
    line = first_line + at
    return (
        line,
        f"Phần thông tin đầu trang không đúng cú pháp YAML ({problem}). Mỗi dòng viết "
        "'khoá: giá trị'; giá trị có dấu ':' hoặc '#' thì đặt trong dấu nháy kép.",
        f"The front matter is not valid YAML ({problem}). Write each line as 'key: value'; "
        "put a value holding ':' or '#' in double quotes.",
    )


def _missing_colon(line: int, text: str) -> tuple[int, str, str]:
    key = text.strip().split(" ", 1)[0] or "khoá"
    return (
        line,
        f"Thiếu dấu ':' sau tên trường: viết '{key}: giá trị'.",
        f"A ':' is missing after the field's name: write '{key}: value'.",
    )
