"""Read a built page: the text of its searchable region, as the reader sees it.

The region is the element with `data-ttdn-search-body` (overrides/partials/ttdn/search-region.html),
which also carries the page's title and section label. Left out: scripts, styles, heading
permalinks (¶), navigation (`<nav>`: breadcrumbs and contents lists repeat other pages' titles,
and would open every excerpt), and anything marked `data-ttdn-search-ignore` (bylines, dates).
A page whose head says `noindex` gives nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from ttdn.search.folding import nfc

# Elements whose end is a word boundary even without whitespace in the source.
BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
}
SKIPPED = {"script", "style", "template", "noscript", "svg", "button", "nav"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


@dataclass(frozen=True)
class PageText:
    title: str
    section: str  # the section's label, in the page's language
    text: str  # the region's text in NFC, whitespace collapsed, title heading left out


class _RegionParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.noindex = False
        self.title = ""
        self.section = ""
        self.found = False
        self.depth = 0  # open elements inside the region; 0 outside it
        self.skip_depth = 0  # > 0 inside an element left out
        self.first_h1 = True
        self.chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and (a.get("name") or "").lower() == "robots":
            self.noindex |= "noindex" in (a.get("content") or "").lower()
        if self.depth == 0:
            if "data-ttdn-search-body" in a and not self.found:
                self.found = True
                self.depth = 1
                self.title = a.get("data-ttdn-search-title") or ""
                self.section = a.get("data-ttdn-search-section") or ""
            return
        if tag in VOID:
            if tag == "br":
                self.chunks.append(" ")
            return
        self.depth += 1
        if self.skip_depth:
            self.skip_depth += 1
        elif (tag in SKIPPED or "data-ttdn-search-ignore" in a
              or "headerlink" in (a.get("class") or "").split()
              or (tag == "h1" and self.first_h1)):  # the title is indexed on its own
            self.first_h1 = self.first_h1 and tag != "h1"
            self.skip_depth = 1
        if tag in BLOCKS:
            self.chunks.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.depth == 0 or tag in VOID:
            return
        self.depth -= 1
        if self.skip_depth:
            self.skip_depth -= 1
        if tag in BLOCKS:
            self.chunks.append(" ")

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip_depth:
            self.chunks.append(data)


def page_text(html: str) -> PageText | None:
    """The searchable text of a built page, or None (no region, or `noindex`)."""
    parser = _RegionParser()
    parser.feed(html)
    parser.close()
    if not parser.found or parser.noindex:
        return None
    text = " ".join(nfc("".join(parser.chunks)).split())
    return PageText(nfc(parser.title).strip(), nfc(parser.section).strip(), text)
