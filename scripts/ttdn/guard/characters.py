"""Invisible format characters: refused in every text field, file and folder name.

A right-to-left override (U+202E) shows "tai-lieu‮fdp.exe" as "tai-lieuexe.pdf"; zero-width
characters make two titles or names that look the same differ, and hide words from search. All
of them are Unicode's "format" category (Cf): the bidi embeddings, overrides and isolates
(U+202A–202E, U+2066–2069), the marks U+200E, U+200F, U+061C, the zero-width space, joiners and
word joiner (U+200B–200D, U+2060), the byte-order mark U+FEFF inside text, the soft hyphen and
the rest. Vietnamese and English text never needs one.
"""

from __future__ import annotations

import unicodedata


def format_characters(text: str) -> list[str]:
    """The format characters in `text`, as U+XXXX, in order of first appearance."""
    found: dict[str, None] = {}
    for char in text:
        if unicodedata.category(char) == "Cf":
            found.setdefault(f"U+{ord(char):04X}", None)
    return list(found)


def visible(text: str) -> str:
    """The text with each format character written out as <U+XXXX>, so a report shows the
    name as it is stored, not as the override makes it look."""
    return "".join(f"<U+{ord(c):04X}>" if unicodedata.category(c) == "Cf" else c for c in text)


def message(what_vi: str, what_en: str, codes: list[str]) -> tuple[str, str]:
    """Vietnamese and English: what holds which characters, and what to do."""
    shown = ", ".join(codes)
    return (
        f"{what_vi} chứa ký tự định dạng vô hình ({shown}: đảo chiều chữ hoặc ký tự độ rộng "
        "0) làm chữ hiển thị khác với chữ thật; hãy gõ lại phần đó, không dán từ nơi khác.",
        f"{what_en} holds invisible format characters ({shown}: bidi controls or zero-width "
        "characters) that make the text show differently from what it is; type it again "
        "instead of pasting it.",
    )
