"""The interface speaks the page's language: no English on Vietnamese pages, no Vietnamese on
English ones (names such as Quảng Ngãi aside, and the language link, marked with its own lang).
"""

from __future__ import annotations

import re

from helpers import language_of
from ttdn.i18n import strings

# The page's furniture, as opposed to what editors wrote (the photo book's galleries and chapter
# cards show the manifests' captions and credits, and chapter titles).
INTERFACE = (
    "//header | //nav | //footer | //*[contains(@class, 'md-skip')]"
    " | //*[starts-with(@class, 'ttdn-')"
    "     and not(@class='ttdn-cards' or starts-with(@class, 'ttdn-list')"
    "             or starts-with(@class, 'ttdn-gallery') or starts-with(@class, 'ttdn-chapters')"
    "             or @class='ttdn-credit' or ancestor::ul[@class='ttdn-gallery']"
    "             or ancestor::ul[@class='ttdn-chapters'])]"
    " | //p[@class='ttdn-list__meta']"
    " | //h2[@id='ttdn-related' or parent::section[@class='ttdn-latest']]"
)
# Where editors' text shows inside the furniture: the titles of linked pages.
CONTENT_INSIDE = {"ttdn-related", "ttdn-neighbours", "ttdn-latest", "ttdn-documents"}
NAMES = (
    "Quảng Ngãi", "Trần Phước Hiền",
    # Places in the photo book's chapter titles, shown in the header's page title.
    "Lý Sơn", "Mỹ Khê", "Sa Huỳnh", "Ba Làng An", "Dung Quất",
)


def interface_text(doc, page_lang: str) -> str:
    parts = []
    for element in doc.xpath(INTERFACE):
        for node in element.iter():
            if not isinstance(node.tag, str):
                continue
            if node.get("lang", page_lang) != page_lang or node.tag == "a" and any(
                c in (element.get("class") or "") for c in CONTENT_INSIDE
            ):
                continue
            parts += [node.text or "", node.get("aria-label") or "", node.get("title") or ""]
            if node is not element:
                parts.append(node.tail or "")
    text = " ".join(parts)
    for name in NAMES:
        text = text.replace(name, "")
    return text


def vocabulary(code: str) -> set[str]:
    table = strings(code)
    values = [v for k, v in table.items() if isinstance(v, str) and not k.endswith("locale")]
    values += list(table["material"].values())
    return {w for v in values for w in re.findall(r"[A-Za-zÀ-ỹđĐ]{3,}", v)}


def test_vietnamese_pages_show_no_english_interface_words(pages: dict) -> None:
    lower = lambda words: {w.lower() for w in words}  # noqa: E731
    english_only = lower(vocabulary("en")) - lower(vocabulary("vi"))
    found = {}
    for path, doc in pages.items():
        if language_of(path) != "vi":
            continue
        words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", interface_text(doc, "vi"))}
        if words & english_only:
            found[path] = sorted(words & english_only)
    assert found == {}


def test_english_pages_show_no_vietnamese_interface_text(pages: dict) -> None:
    found = {}
    for path, doc in pages.items():
        if language_of(path) != "en":
            continue
        vietnamese = re.findall(r"\S*[À-ỹđĐ]\S*", interface_text(doc, "en"))
        if vietnamese:
            found[path] = vietnamese[:5]
    assert found == {}
