"""Links from one language to the other.

mkdocs-static-i18n builds each language with only that language's files, so MkDocs' link
validation (mkdocs.yml `validation:`, strict) reports a link to a page of the other language as
"not found" even when the page exists, and leaves it pointing at the .md file. Here such a link
is checked against docs/ instead: when the page exists, MkDocs' warning is dropped and the link is
rewritten to the page's URL; when it does not, the warning stands and the strict build fails.
"""

from __future__ import annotations

import logging
import posixpath
import re
from pathlib import Path

from ttdn.urls import relative_url

NOT_FOUND = re.compile(
    r"^Doc file '(?P<doc>[^']+)' contains a link '(?P<link>[^']+)', but the target "
    r"(?:'[^']*' )?is not found among documentation files\.$"
)
HREF = re.compile(r'href="(?P<url>[^"#:?]*(?:#[^"]*)?)"')


def target_of(doc: str, link: str, docs: Path) -> str | None:
    """The page (relative to docs/) that `link`, written in the page `doc`, leads to, or None
    when there is no such page."""
    path = link.split("#", 1)[0]
    if not path:
        return None
    if path.startswith("/"):
        base = path.strip("/")
    else:
        base = posixpath.normpath(posixpath.join(posixpath.dirname(doc), path)).strip("/")
    if base.startswith(".."):
        return None
    candidates = [base] if base.endswith(".md") else [f"{base}/index.md", f"{base}.md"]
    return next((c for c in candidates if (docs / c).is_file()), None)


def url_of(src: str, default_lang: str) -> str:
    """A page's URL path from its file (folder structure, directory URLs)."""
    lang, _, rest = src.partition("/")
    stem = rest.removesuffix(".md")
    stem = stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"
    prefix = "" if lang == default_lang else f"{lang}/"
    return prefix + stem


class OtherLanguageLinks(logging.Filter):
    """Drops MkDocs' "not found" warning for a link to an existing page of another language."""

    def __init__(self, docs: Path):
        super().__init__()
        self.docs = docs

    def filter(self, record: logging.LogRecord) -> bool:
        match = NOT_FOUND.match(record.getMessage())
        if match is None:
            return True
        return target_of(match["doc"], match["link"], self.docs) is None


def rewrite(html: str, doc: str, page_url: str, docs: Path, default_lang: str) -> str:
    """The content with links to the other language's pages pointing at their URLs."""
    language = doc.partition("/")[0]

    def fix(match: re.Match[str]) -> str:
        url = match["url"]
        path, hash_, fragment = url.partition("#")
        if not path or not (path.endswith(".md") or path.startswith("/")):
            return match.group(0)
        target = target_of(doc, url, docs)
        if target is None or target.partition("/")[0] == language:
            return match.group(0)
        href = relative_url(url_of(target, default_lang) or ".", page_url or ".")
        return f'href="{href}{hash_}{fragment}"'

    return HREF.sub(fix, html)
