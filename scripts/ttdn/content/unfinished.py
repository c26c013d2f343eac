"""Unfinished work never goes live: a published page that still holds a scaffold's placeholder
(`ttdn new-article`, `ttdn new-issue`), and a translation recorded as done while its text is
still the placeholder or still Vietnamese.

The placeholder texts are not copied here: they are the scaffolds' own, read from the
translation tables through `ttdn.scaffold.PLACEHOLDER_KEYS`, so a reworded scaffold is still
recognised. The build and `ttdn check` both call `placeholder_findings` (from
`ttdn.content.load`), so a page refused by one is refused by the other.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from ttdn.content.frontmatter import FrontMatter
from ttdn.findings import Finding

# Front-matter fields a scaffold fills with a placeholder.
FIELDS = ("title", "description", "image_alt")

# Letters only Vietnamese uses among the site's two languages: ă â đ ê ô ơ ư and the vowels
# carrying a tone mark. In running Vietnamese text a fifth to a third of the letters are such
# letters (measured on the 31 longer pages of docs/vi/: 22–32 %); English that names places
# ("Quảng Ngãi", "Lý Sơn") stays under 3 % (docs/en/, 0–2.6 %). A translation above
# VIETNAMESE_SHARE is still Vietnamese; a half-translated page (half each) is caught too.
VIETNAMESE_SHARE = 0.12
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b"}
_SPACE = re.compile(r"\s+")
SENTENCE = 30  # characters: a placeholder this long is recognised inside a longer line


def _norm(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def placeholder_findings(
    front: FrontMatter, shown: str, texts: Sequence[str]
) -> list[Finding]:
    """Each front-matter field and body line of a page that still holds a placeholder."""
    wanted = [_norm(t) for t in texts if t.strip()]
    findings = []
    for key in FIELDS:
        value = front.data.get(key)
        if isinstance(value, str) and (hit := _holds(_norm(value), wanted)):
            findings.append(_finding(shown, front.line_of(key), hit, key))
    for number, line in enumerate(front.body.splitlines(), start=front.body_start):
        if hit := _holds(_norm(line), wanted):
            findings.append(_finding(shown, number, hit, None))
    return findings


def _holds(text: str, wanted: Sequence[str]) -> str | None:
    """The placeholder `text` is (a heading or a value), or holds as a sentence; a short one
    ("Tiêu đề bài") only whole, since real titles may begin with it ("Tiêu đề bài viết")."""
    text = text.lstrip("#").strip()
    for placeholder in wanted:
        if text == placeholder or (len(placeholder) >= SENTENCE and placeholder in text):
            return placeholder
    return None


def _finding(shown: str, line: int, text: str, key: str | None) -> Finding:
    where_vi = f"Trường '{key}'" if key else "Dòng này"
    where_en = f"The field '{key}'" if key else "This line"
    return Finding(
        shown, line, "placeholder",
        f"{where_vi} vẫn là chữ mẫu của khung bài (“{text}”): thay bằng nội dung thật, hoặc "
        "đặt 'draft: true' cho tới khi bài xong.",
        f"{where_en} is still the scaffold's placeholder (“{text}”): replace it with the real "
        "text, or set 'draft: true' until the page is finished.",
    )


def vietnamese_share(text: str) -> float:
    """The share of letters that only Vietnamese writes (see VIETNAMESE_SHARE)."""
    letters = [c for c in unicodedata.normalize("NFC", text) if c.isalpha()]
    if not letters:
        return 0.0
    marked = sum(1 for c in letters if c in "đĐ" or _TONE_MARKS & set(
        unicodedata.normalize("NFD", c)))
    return marked / len(letters)
