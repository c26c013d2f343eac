"""What a page's text says about itself: its fingerprint for translations, whether it has a body,
and whether it is in Unicode NFC. Pure functions over strings, shared by the build and the check.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Any

DIGEST_LENGTH = 12  # hex digits: plenty to tell two versions of one page apart

# Lines that carry no text a reader sees: headings, HTML comments, horizontal rules.
HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s.*)?$")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")


def digest(data: dict[str, Any], body: str) -> str:
    """Fingerprint of what a translator translates: title, description and body.

    Normalised (NFC, trailing spaces, blank lines at the ends) so that re-saving a file in
    another editor does not make every translation stale; dates, tags and drafts do not count.
    """
    parts = [str(data.get("title", "")), str(data.get("description", "")), body]
    text = "\n".join(
        line.rstrip() for part in parts for line in unicodedata.normalize("NFC", part).splitlines()
    ).strip()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGEST_LENGTH]


def has_body(body: str) -> bool:
    """True when the body has something besides headings, comments and rules."""
    text = COMMENT.sub("", body)
    return any(
        line.strip() and not HEADING.match(line) and not RULE.match(line)
        for line in text.splitlines()
    )


def first_not_nfc(text: str) -> tuple[int, str] | None:
    """(1-based line, the line's offending word) of the first text not in NFC, or None."""
    if unicodedata.is_normalized("NFC", text):
        return None
    for number, line in enumerate(text.splitlines(), start=1):
        if not unicodedata.is_normalized("NFC", line):
            word = next(
                (w for w in line.split() if not unicodedata.is_normalized("NFC", w)), line
            )
            return number, unicodedata.normalize("NFC", word)
    return 1, ""  # pragma: no cover - a composition across a line break


def markdown_text(value: str) -> str:
    """`value` written into Markdown as text: every ASCII character that is not a letter, a
    digit or a space becomes a numeric character reference, which Markdown passes through and a
    browser shows as the character, so no syntax (links, HTML, emphasis, attributes) can form."""
    return re.sub(r"[!-/:-@\[-`{-~]", lambda m: f"&#{ord(m.group())};", " ".join(value.split()))
