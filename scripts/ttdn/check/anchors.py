"""The ids a page's headings get, read from its Markdown as the toc extension makes them: what
a link's `#anchor` may name (ttdn.check.links, ttdn.check.pages)."""

from __future__ import annotations

import re

from ttdn.images.markup import mask_code
from ttdn.slugs import heading_slug

ATX = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.*?)(?:\s+#+)?\s*$")
SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
ATTR_ID = re.compile(r"\{:?\s*[^}]*#(?P<id>[\w:.-]+)[^}]*\}")
HEADING_ATTRS = re.compile(r"\s*\{:?[^}]*\}\s*$")
MARKUP = re.compile(r"[*_`]|\[([^\]]*)\]\([^)]*\)")


def anchors_in(body: str) -> set[str]:
    """The ids a page's headings and attr_lists get, as the toc extension makes them."""
    masked = mask_code(body)
    ids: set[str] = set(m.group("id") for m in ATTR_ID.finditer(masked))
    lines = masked.splitlines()
    counts: dict[str, int] = {}
    for i, line in enumerate(lines):
        heading = None
        if m := ATX.match(line):
            heading = m.group("text")
        elif i + 1 < len(lines) and line.strip() and SETEXT.match(lines[i + 1]):
            if not (i > 0 and lines[i - 1].strip() == "" and set(line.strip()) <= {"-"}):
                heading = line
        if heading is None or ATTR_ID.search(heading):
            continue
        text = MARKUP.sub(lambda g: g.group(1) or "", HEADING_ATTRS.sub("", heading)).strip()
        slug = heading_slug(text, "-")
        seen = counts.get(slug, 0)
        counts[slug] = seen + 1
        ids.add(slug if seen == 0 else f"{slug}_{seen}")
    for m in re.finditer(r"\[\^([^\]]+)\]", masked):  # footnotes: fn:x and fnref:x
        ids.update({f"fn:{m.group(1)}", f"fnref:{m.group(1)}"})
    return ids
