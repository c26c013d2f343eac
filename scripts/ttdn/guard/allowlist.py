"""What a page's content may contain: the HTML that Markdown, the enabled extensions (mkdocs.yml
`markdown_extensions`) and the images plugin's <picture> markup produce, and nothing else.

Anything outside this list in a page's rendered HTML is a finding (`ttdn.guard.sanitize`): the
build fails and says what to write instead. The theme's own markup (head, header, the article and
document blocks, the video from front matter) is added after the check and is trusted.
"""

from __future__ import annotations

import re

# Python-Markdown core, tables, footnotes, abbr, def_list, admonition, pymdownx.details,
# md_in_html, toc (permalinks), superfences (code blocks), and ttdn.images.markup.
TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
    "kbd", "li", "mark", "ol", "p", "picture", "pre", "q", "s", "small", "source", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "ul",
})

# On every element: attr_list's two (class, id) and `lang`, so a phrase in the other language
# is read out in that language (WCAG 3.1.2).
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "lang"})
ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title"}),  # title: Markdown's [text](url "title"), footnotes
    "abbr": frozenset({"title"}),
    "details": frozenset({"open"}),
    "ol": frozenset({"start"}),
    "td": frozenset({"align", "colspan", "rowspan"}),  # align: tables, use_align_attribute
    "th": frozenset({"align", "colspan", "rowspan"}),
    # ttdn.images.markup: exactly the attributes it writes.
    "img": frozenset({"src", "srcset", "sizes", "width", "height", "alt", "title", "loading",
                      "decoding"}),
    "source": frozenset({"type", "srcset", "sizes"}),
}
# Attributes whose values are restricted to a few words.
VALUES: dict[tuple[str, str], frozenset[str]] = {
    ("td", "align"): frozenset({"left", "center", "right"}),
    ("th", "align"): frozenset({"left", "center", "right"}),
    ("img", "loading"): frozenset({"lazy", "eager"}),
    ("img", "decoding"): frozenset({"async", "sync", "auto"}),
    ("source", "type"): frozenset({"image/avif", "image/webp", "image/jpeg", "image/png",
                                   "image/gif"}),
}
NUMBERS = frozenset({("img", "width"), ("img", "height"), ("ol", "start"), ("td", "colspan"),
                     ("td", "rowspan"), ("th", "colspan"), ("th", "rowspan")})

# Attributes holding a URL (srcset: a list of them).
URL_ATTRIBUTES = frozenset({("a", "href"), ("img", "src")})
SRCSET_ATTRIBUTES = frozenset({("img", "srcset"), ("source", "srcset")})
# Links may leave the site over https, or open mail and phone apps; http is refused (it can be
# rewritten in transit, and a province page should not send readers over it).
LINK_SCHEMES = frozenset({"https", "mailto", "tel"})
# Images never come from another host: a remote image is a tracking pixel.

# A class or id: letters, digits, "-", "_", ":" (footnotes write "fn:1"); heading ids may start
# with a digit ("6-to-chuc-…").
# Material's own chrome ("md-…") and toggles ("__drawer") cannot be borrowed by content.
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_:.-]*$")
RESERVED_PREFIXES = ("md-", "__")
LANG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
