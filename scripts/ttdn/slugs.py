"""ASCII slugs for URLs and heading anchors.

`đ`/`Đ` is a letter of its own, not `d` plus a mark, so Unicode decomposition leaves it alone and
Python-Markdown's default slugify drops it ("Đà Nẵng" → "a-nang"). Fold it explicitly.
"""

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case ASCII form of a Vietnamese string: "Đà Nẵng" → "da nang"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def slugify(text: str, separator: str = "-") -> str:
    """URL slug: "Kế hoạch 197/KH-UBND" → "ke-hoach-197-kh-ubnd"."""
    return _NON_WORD.sub(separator, fold(text)).strip(separator)


def heading_slug(value: str, separator: str) -> str:
    """Python-Markdown `toc.slugify` hook (value is the heading's text)."""
    return slugify(value, separator)


def is_slug(name: str) -> bool:
    """A file or folder name editors may use: lower-case ASCII letters, digits and hyphens."""
    return re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", name) is not None
