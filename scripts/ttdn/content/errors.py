"""Errors an editor reads: file and line, then the message in Vietnamese, then in English."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class ContentError(Exception):
    path: Path
    line: int
    vi: str
    en: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.vi}\n    {self.en}"


class ContentErrors(Exception):
    """Every problem found in one pass, so that an editor fixes them all at once."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(errors, key=lambda e: (str(e.path), e.line))
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.errors)
        head = f"{count} lỗi nội dung / {count} content error(s):"
        return "\n".join([head, *(str(e) for e in self.errors)])
