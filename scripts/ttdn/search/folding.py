"""Vietnamese-aware folding: the one definition of "the same word" for the search index.

overrides/assets/javascripts/search.js folds the reader's query the same way (`fold`, `words`);
tests/search/test_folding.py pins both sides to the same table.

- Tones and other marks come off by Unicode decomposition (NFD), as Pagefind and lunr do.
- `đ`/`Đ` are letters of their own that NFD does not split: mapped to `d` explicitly. So is
  `ð`/`Ð` (U+00F0/U+00D0), which some keyboards type in place of `đ`/`Đ`.
- Text is compared in NFC: the same word typed on two keyboards may arrive precomposed or
  decomposed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

D_LETTERS = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})
# A word: letters and digits (Unicode), as the JavaScript side's /[\p{L}\p{N}]+/gu.
WORD = re.compile(r"[^\W_]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=200_000)  # a site's vocabulary: each word is folded once per build
def exact(word: str) -> str:
    """The word as typed, only lower-cased and in NFC: what "exact diacritics" compares."""
    return nfc(word).lower()


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower case without tones or marks, đ→d: "Đảo" → "dao", "Quảng" → "quang"."""
    decomposed = unicodedata.normalize("NFD", word.translate(D_LETTERS))
    # Every mark (category M*), as the JavaScript side's /\p{M}/gu.
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")).lower()


def words(text: str) -> list[str]:
    """The words of a text, in NFC and in order ("Lý Sơn, 2023" → ["Lý", "Sơn", "2023"])."""
    return WORD.findall(nfc(text))
