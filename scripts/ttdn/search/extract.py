"""Read a built page: the text of its searchable region, as the reader sees it.

The region is the element with `data-ttdn-search-body` (overrides/partials/ttdn/search-region.html),
which also carries the page's title and section label. Left out: scripts, styles, heading
permalinks (¶), navigation (`<nav>`: breadcrumbs and contents lists repeat other pages' titles,
and would open every excerpt), the first `<h1>` (the title, indexed on its own), and anything
marked `data-ttdn-search-ignore` (bylines, dates). A page whose `<meta name="robots">` says
`noindex` gives nothing.

The page is parsed by libxml2 (lxml), in C: about 0.35 ms a page where `html.parser` took 2 ms.
Its tree also closes what the HTML leaves open, as a browser does, so an unclosed `<p>` inside
the region no longer drags the footer into the index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ttdn.search.folding import nfc

# Elements whose start and end are word boundaries even without whitespace in the source.
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
})
SKIPPED = frozenset({"script", "style", "template", "noscript", "svg", "button", "nav"})
REGION = "data-ttdn-search-body"
IGNORED = "data-ttdn-search-ignore"

# Comments and processing instructions are dropped while parsing: their text is no page text.
# huge_tree: nesting up to 2,048 elements deep, not 256 (beyond, libxml2 stops reading).
_PARSER = etree.HTMLParser(encoding="utf-8", collect_ids=False, remove_comments=True,
                           remove_pis=True, no_network=True, default_doctype=False,
                           huge_tree=True)
_FIRST_REGION = etree.XPath(f"(//*[@{REGION}])[1]")
_REGION_ANY_CASE = re.compile(REGION, re.IGNORECASE)  # attribute names are case-insensitive


@dataclass(frozen=True)
class PageText:
    title: str
    section: str  # the section's label, in the page's language
    text: str  # the region's text in NFC, whitespace collapsed, title heading left out


def page_text(html: str) -> PageText | None:
    """The searchable text of a built page, or None (no region, or `noindex`)."""
    # A page without a region is not even parsed (html.lower() would cost a fifth of a parse).
    if REGION not in html and not _REGION_ANY_CASE.search(html):
        return None
    # Bytes with the encoding stated: a page's own `<meta charset>` or XML declaration is
    # no reason to read it otherwise. A lone surrogate (never in a file) becomes U+FFFD.
    root = etree.fromstring(html.encode("utf-8", "surrogatepass"), _PARSER)
    if root is None or _noindex(root):
        return None
    found = _FIRST_REGION(root)
    if not found:
        return None
    region = found[0]
    return PageText(nfc(region.get("data-ttdn-search-title") or "").strip(),
                    nfc(region.get("data-ttdn-search-section") or "").strip(),
                    " ".join(nfc(_region_text(region)).split()))


def _noindex(root: etree._Element) -> bool:
    return any((meta.get("name") or "").lower() == "robots"
               and "noindex" in (meta.get("content") or "").lower()
               for meta in root.iter("meta"))


def _region_text(region: etree._Element) -> str:
    """The region's text in document order, with a space at each boundary; a loop, not a
    recursion, since content may nest far deeper than Python's stack."""
    chunks = [region.text or ""]
    first_h1 = True  # the first heading reached is the page's title
    walk = etree.iterwalk(region, events=("start", "end"))
    next(walk)  # the region's own start
    for event, element in walk:
        if element is region:
            break
        tag = element.tag
        if event == "end":
            if tag in BLOCKS:
                chunks.append(" ")
            if element.tail:
                chunks.append(element.tail)
            continue
        if tag == "h1":
            skipped, first_h1 = first_h1, False
        else:
            skipped = False
        if (skipped or tag in SKIPPED or IGNORED in element.attrib
                or "headerlink" in (element.get("class") or "").split()):
            walk.skip_subtree()
            # Left out, but a boundary inside it still separates the words around it.
            if tag not in BLOCKS and next(element.iter(*BLOCKS), None) is not None:
                chunks.append(" ")
        else:
            if tag in BLOCKS:
                chunks.append(" ")
            if element.text:
                chunks.append(element.text)
    return "".join(chunks)
