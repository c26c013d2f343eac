"""Findings: every problem the build or a check reports, in one shape.

A finding names the file (relative to the repository) and the line, the rule it breaks, and says
what is wrong and what to write instead, in Vietnamese then English. Loading content, processing
images, sanitising pages and checking links all return findings; the build prints them all and
then fails once, so an editor fixes every mistake in one go. `ttdn check` prints the same ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    path: str  # relative to the repository, with "/": "docs/vi/tin-bai/2023/bai.md"
    line: int  # 1-based; 0 when the problem is the whole file
    rule: str  # short stable name: "schema", "yaml", "asset-missing", "html-element", …
    vi: str  # what is wrong and what to write instead, in Vietnamese
    en: str  # the same in English
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.rule}: {self.vi}\n    {self.en}"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "rule": self.rule,
            "severity": self.severity,
            "vi": self.vi,
            "en": self.en,
        }


def shown(path: Path | str, root: Path | None) -> str:
    """A path as an editor sees it: relative to the repository when it is inside."""
    path = Path(path)
    if root is not None and path.is_absolute() and path.is_relative_to(root):
        path = path.relative_to(root)
    return path.as_posix()


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.path, f.line, f.rule))


def report(findings: Iterable[Finding]) -> str:
    """Every finding, errors first, then one summary line in both languages."""
    found = ordered(findings)
    errors = [f for f in found if f.severity == "error"]
    warnings = [f for f in found if f.severity == "warning"]
    lines = [str(f) for f in errors + warnings]
    lines.append(
        f"{len(errors)} lỗi, {len(warnings)} cảnh báo / {len(errors)} error(s), "
        f"{len(warnings)} warning(s)"
    )
    return "\n".join(lines)


class FindingsError(Exception):
    """Raised once, at the end of a step, with every error that step found."""

    def __init__(self, findings: Iterable[Finding]):
        self.findings = ordered(findings)
        super().__init__(report(self.findings))


def raise_errors(findings: Iterable[Finding]) -> None:
    """Raise `FindingsError` when any finding is an error; warnings alone pass."""
    found = list(findings)
    if any(f.severity == "error" for f in found):
        raise FindingsError(found)
