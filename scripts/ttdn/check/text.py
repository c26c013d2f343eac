"""Checks of a Markdown file's text as written: Unicode NFC (with its fix) and where the body
starts. Vietnamese input methods mix composed ("ế", one code point) and decomposed ("ê" + "́")
forms: they look the same but search, sort and compare differently."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ttdn.commands import suggest
from ttdn.content.text import first_not_nfc
from ttdn.findings import Finding


def body_of(text: str) -> tuple[str, int]:
    """The Markdown after the front matter and the line of the file it starts on."""
    lines = text.splitlines()
    if not lines or lines[0].rstrip() != "---":
        return text, 1
    for i, line in enumerate(lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            return "\n".join(lines[i + 1 :]), i + 2
    return "", len(lines) + 1


def nfc_finding(text: str, shown: str) -> Finding | None:
    found = first_not_nfc(text)
    if found is None:
        return None
    line, word = found
    # A warning: the build publishes the text in NFC anyway (ttdn-site), so neither fails on
    # it; the file itself is fixed with the command.
    return Finding(
        shown, line, "unicode-nfc",
        f"Chữ '{word}' được gõ ở dạng dấu rời (Unicode không chuẩn NFC): trông giống nhưng tìm "
        f"kiếm và sắp xếp sai. Bản dựng tự chuẩn hoá khi đăng; sửa tệp bằng: "
        f"{suggest('check', '--fix', shown)}",
        f"'{word}' is typed with separate accent marks (not Unicode NFC): it looks the same "
        f"but searches and sorts wrongly. The build publishes it normalised; fix the file with: "
        f"{suggest('check', '--fix', shown)}",
        severity="warning",
    )


def fix_nfc(path: Path) -> bool:
    """Normalise a file to NFC, changing nothing else (line endings, BOM); True if it changed."""
    data = path.read_bytes()
    text = data.decode("utf-8")
    fixed = unicodedata.normalize("NFC", text)
    if fixed == text:
        return False
    path.write_bytes(fixed.encode("utf-8"))
    return True
