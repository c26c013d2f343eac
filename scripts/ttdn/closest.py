""""Did you mean": the closest existing value to a mistyped one, and the line corrected.

One helper for every rule that knows the values allowed (heading ids, pages, categories, file
names): difflib's ratio on the values folded to ASCII, so "bài-một" finds "bai-mot" and
"#kinh-phi-thuc-hien" finds "#iii-kinh-phi-thuc-hien". Nothing is offered below CUTOFF: a wrong
guess is worse than none.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from ttdn.slugs import fold

CUTOFF = 0.6


def closest(value: str, candidates: Iterable[str]) -> str | None:
    """The candidate nearest to `value`, or None when none is near enough."""
    by_fold: dict[str, str] = {}
    for candidate in candidates:
        by_fold.setdefault(fold(candidate), candidate)
    found = difflib.get_close_matches(fold(value), list(by_fold), n=1, cutoff=CUTOFF)
    return by_fold[found[0]] if found else None


def did_you_mean(old: str, new: str, line: str | None) -> tuple[str, str]:
    """(vi, en) sentences offering `new` for `old`, with the line as it would read."""
    vi = f" Có phải là '{new}'?"
    en = f" Did you mean '{new}'?"
    if line is not None and old in line:
        fixed = line.replace(old, new, 1).strip()
        vi += f" Dòng sửa: {fixed}"
        en += f" The line corrected: {fixed}"
    return vi, en
