"""The build's output as an editor reads it: findings and one summary line, nothing else.

MkDocs logs every build's list of pages "not included in the nav" (every article: dozens of
lines that bury the real errors) and reports a broken link as one English sentence without a
line. `EditorLog` hides MkDocs' INFO chatter unless asked (`-v`) and turns the messages an
editor can cause into findings: file relative to the repository, line, rule, Vietnamese, then
English, the same rules `ttdn check` uses.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TextIO

from ttdn.findings import Finding

SERVE_LOG = "mkdocs.ttdn.serve"  # ttdn.serve's logger
# A warning-severity finding a strict build must show but not fail on (placeholders the
# province must still confirm): logged at INFO with this attribute set (`extra={NOTICE: True}`).
NOTICE = "ttdn_notice"
NOT_IN_NAV = "are not included in the \"nav\" configuration"

LINK_NOT_FOUND = re.compile(
    r"Doc file '(?P<file>[^']+)' contains a link '(?P<link>[^']+)', but the target "
    r"'(?P<target>[^']+)' is not found among documentation files\."
)
UNRECOGNIZED = re.compile(
    r"Doc file '(?P<file>[^']+)' contains an unrecognized relative link '(?P<link>[^']+)'"
)
ANCHOR = re.compile(
    r"Doc file '(?P<file>[^']+)' contains a link '(?P<link>[^']+)', but (?:the doc "
    r"'(?P<target>[^']+)' does not contain an anchor|there is no such anchor on this page)"
)


def finding_of(message: str, docs_dir: Path, root: Path, severity: str) -> Finding | None:
    """The finding behind one of MkDocs' link messages, or None for any other message."""
    for pattern, rule in ((LINK_NOT_FOUND, "link-missing"), (UNRECOGNIZED, "link-missing"),
                          (ANCHOR, "link-anchor")):
        m = pattern.search(message)
        if m is None:
            continue
        path = docs_dir / m.group("file")
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        link = m.group("link")
        if rule == "link-anchor":
            vi = (f"Liên kết '{link}' dẫn tới một đề mục không có. Mã đề mục là tiêu đề viết "
                  "thường không dấu, nối bằng '-' (## Đà Nẵng → #da-nang).")
            en = (f"The link '{link}' leads to a heading that does not exist. A heading's id is "
                  "its text in lower-case ASCII joined by '-' (## Đà Nẵng → #da-nang).")
        else:
            vi = (f"Liên kết '{link}' dẫn tới trang hoặc tệp không có. Liên kết tới trang khác "
                  "viết đường dẫn tới tệp .md của nó, ví dụ ../van-ban/ke-hoach-197-kh-ubnd.md.")
            en = (f"The link '{link}' leads to a page or file that does not exist. Link to "
                  "another page by the path of its .md file, for example "
                  "../van-ban/ke-hoach-197-kh-ubnd.md.")
        return Finding(shown, line_of_link(path, link), rule, vi, en, severity)  # type: ignore[arg-type]
    return None


def line_of_link(path: Path, link: str) -> int:
    """The first line of the file writing `link` as a link target (0 when not found)."""
    try:
        lines = path.read_text("utf-8-sig").splitlines()
    except OSError:
        return 0
    for needle in (f"]({link}", f"]: {link}", f"<{link}>", link):
        for number, line in enumerate(lines, start=1):
            if needle in line:
                return number
    return 0


def _always(record: logging.LogRecord) -> bool:
    """INFO lines an editor needs even without -v: where the preview is, and each rebuild."""
    return (
        record.name == SERVE_LOG
        or "] Serving on " in record.getMessage()
        or getattr(record, NOTICE, False)
    )


class EditorLog(logging.Handler):
    """Writes MkDocs' and the plugins' log for editors; remembers the findings it printed."""

    def __init__(self, stream: TextIO, docs_dir: Path, root: Path, verbose: bool = False):
        super().__init__(logging.DEBUG if verbose else logging.INFO)
        self.stream = stream
        self.docs_dir = docs_dir
        self.root = root
        self.verbose = verbose
        self.findings: list[Finding] = []
        self.errors = 0

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        severity = "error" if record.levelno >= logging.WARNING else "warning"
        finding = finding_of(message, self.docs_dir, self.root, severity)
        if finding is not None:
            if finding in self.findings:
                return  # each language's build (or process) may find it: shown once
            self.findings.append(finding)
            self._write(str(finding))
            return
        if record.levelno >= logging.ERROR:
            self.errors += 1
        if record.levelno < logging.WARNING and not self.verbose and not _always(record):
            return
        if NOT_IN_NAV in message and not self.verbose:
            return
        if record.levelno >= logging.WARNING:
            self._write(f"{record.levelname:<7} -  {message}")
        else:
            self._write(message)

    def _write(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()
