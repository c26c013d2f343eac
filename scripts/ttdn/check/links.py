"""Links written in Markdown: to another page (same language or the other), to a heading of a
page, to a file beside the page, or out of the site (https only).

MkDocs reports a broken link as one English line without the line number, and not at all for an
absolute or directory link; here each link is resolved the way the built site will resolve it
and a broken one is a finding at its line.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from ttdn.check.anchors import anchors_in
from ttdn.check.pages import PageSite, Target
from ttdn.closest import closest, did_you_mean
from ttdn.content import Entry
from ttdn.findings import Finding
from ttdn.guard.sanitize import url_problem
from ttdn.images.markup import mask_code

INLINE = re.compile(
    r"(?<!!)\[(?:[^\[\]\\\n]|\\.|\[[^\]\n]*\])*\]\(\s*(?P<target><[^>\n]*>|[^\s)]+)"
    r"(?:\s+(?P<q>[\"'])(?:.*?)(?P=q))?\s*\)"
)
# Not a footnote ("[^1]: …"): its text is Markdown, whose links INLINE finds.
DEFINITION = re.compile(
    r"^\s{0,3}\[(?!\^)(?P<label>[^\]\n]+)\]:\s*(?P<target><[^>\n]*>|\S+)", re.MULTILINE
)
AUTOLINK = re.compile(r"<(?P<target>[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]+)>")
SCHEME = re.compile(r"^(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*):")


@dataclass(frozen=True)
class Link:
    target: str  # as written, without <angle brackets>
    line: int  # in the file
    image: bool = False  # a reference definition an image uses (![…][label])


def links_in(body: str, first_line: int) -> Iterator[Link]:
    """Every link of a Markdown body (not images, not code), with its line in the file."""
    if "]" not in body and "<" not in body:  # no link syntax at all: most paragraphs
        return
    masked = mask_code(body)
    for pattern in (INLINE, DEFINITION, AUTOLINK):
        for m in pattern.finditer(masked):
            target = m.group("target").strip("<>")
            line = first_line + masked.count("\n", 0, m.start("target"))
            label = m.groupdict().get("label")
            image = label is not None and re.search(
                r"!\[[^\]]*\]\[" + re.escape(label) + r"\]", masked, re.IGNORECASE
            ) is not None
            yield Link(target, line, image)


class LinkChecker:
    def __init__(self, site: PageSite):
        self.site = site

    def check(self, entry: Entry, body: str) -> list[Finding]:
        findings = []
        for link in links_in(body, entry.body_line):
            finding = self._check(entry, body, link)
            if finding is not None:
                findings.append(finding)
        return findings

    def _check(self, entry: Entry, body: str, link: Link) -> Finding | None:
        target = html.unescape(link.target)  # Markdown decodes entities in a URL
        # The scheme rule is the guard's, which judges the rendered page in the build.
        problem = url_problem("img", "src", target) if link.image else url_problem(
            "a", "href", target)
        if problem is not None:
            return Finding(entry.shown, link.line, problem.rule, problem.vi, problem.en)
        if target.startswith("//") or SCHEME.match(target):
            return None  # https:, mailto:, tel:
        path, _, anchor = target.partition("#")
        path = unquote(path.split("?", 1)[0])
        if not path:
            if anchor and anchor not in (here := anchors_in(body)):
                return self._anchor(entry, link, entry.shown, anchor, here, body)
            return None
        resolved = self._resolve(entry, path)
        if resolved is None:
            return self._missing(entry, link, None, body)
        if resolved is _GENERATED:
            return None
        if isinstance(resolved, Path):
            return None if resolved.is_file() else self._missing(entry, link, None, body)
        code, src = resolved
        page = self.site.page(code, src)
        if page is None or not page.published:
            return self._missing(entry, link, (code, src, page), body)
        if anchor and page.path is not None and anchor not in self.site.anchors(page):
            return self._anchor(entry, link, page.shown, anchor, self.site.anchors(page), body)
        return None

    def _nearest_page(self, entry: Entry, link: Link) -> str | None:
        """The link as it should be written, to the existing page nearest to the one named:
        the same path at another depth, the one page of that name, else the closest path."""
        path, sep, anchor = link.target.partition("#")
        path = unquote(path)
        if not path.endswith(".md"):
            return None
        resolved = self._resolve(entry, path)
        code = resolved[0] if isinstance(resolved, tuple) else entry.lang.code
        sources = self.site.sources(code)
        wanted = re.sub(r"^(?:\.\.?/)+", "", path.lstrip("/"))
        if wanted.split("/", 1)[0] in self.site.languages.codes:
            wanted = wanted.split("/", 1)[1] if "/" in wanted else wanted
        known = {str(src): src for src in sources}
        named = [src for src in sources if src.name == PurePosixPath(wanted).name]
        choice = known.get(wanted) or (named[0] if len(named) == 1 else None)
        if choice is None:
            nearest = closest(wanted, known)
            choice = known[nearest] if nearest else None
        if choice is None:
            return None
        here = f"{entry.lang.code}/{entry.src.parent}".rstrip("/.")
        return posixpath.relpath(f"{code}/{choice}", here) + sep + anchor

    def _resolve(
        self, entry: Entry, path: str
    ) -> tuple[str, PurePosixPath] | Path | None | _Generated:
        """(language, page) a link leads to, a file's path, or None when it leaves docs/."""
        languages = self.site.languages
        if path.startswith("/"):
            if path.endswith(".md"):  # from the docs folder: /vi/van-ban/index.md
                return self._in_docs(path.lstrip("/"))
            return self._url(path.lstrip("/"))
        here = PurePosixPath(entry.lang.code) / entry.src.parent
        joined = posixpath.normpath(str(here / path))
        if path.endswith(".md"):
            return self._in_docs(joined)
        if path.endswith("/") or "." not in PurePosixPath(path).name:
            # A directory URL, relative to the page's own URL (…/bai/ for bai.md).
            url = posixpath.normpath(posixpath.join(entry.url, path)) + "/"
            return self._url(url.lstrip("/"))
        file = self.site.docs_dir / joined
        return file if joined.split("/", 1)[0] in languages.codes else None

    def _in_docs(self, joined: str) -> tuple[str, PurePosixPath] | None:
        code, _, rest = joined.partition("/")
        if code not in self.site.languages.codes or not rest or rest.startswith(".."):
            return None
        return code, PurePosixPath(rest)

    def _url(self, url: str) -> tuple[str, PurePosixPath] | _Generated | None:
        """The page at a URL path from the site root ("en/van-ban/")."""
        code = self.site.languages.default.code
        first = url.split("/", 1)[0]
        if first in self.site.languages.codes and first != code:
            code, url = first, url[len(first) + 1 :]
        if url.startswith(".."):
            return None
        if self.site.generated(url):
            return _GENERATED
        folder = url.rstrip("/")
        candidates = [PurePosixPath(folder) / "index.md"] if folder else [PurePosixPath("index.md")]
        if folder:
            candidates.insert(0, PurePosixPath(folder + ".md"))
        for src in candidates:
            if self.site.page(code, src) is not None:
                return code, src
        return code, candidates[-1]

    # -- findings ---------------------------------------------------------------------------

    def _missing(
        self, entry: Entry, link: Link, where: tuple[str, PurePosixPath, Target | None] | None,
        body: str,
    ) -> Finding:
        if where is not None:
            code, src, page = where
            if page is not None:  # written, but a draft, pending or scheduled
                return Finding(
                    entry.shown, link.line, "link-unpublished",
                    f"Liên kết '{link.target}' dẫn tới {page.shown}, trang chưa được đăng (bản "
                    "nháp, chờ dịch hoặc chưa đến ngày): bỏ liên kết hoặc đợi trang được đăng.",
                    f"The link '{link.target}' leads to {page.shown}, which is not published "
                    "(a draft, a pending translation or not yet due): remove the link or wait "
                    "until that page is published.",
                )
            others = [
                lang for lang in self.site.languages.others(code)
                if (other := self.site.page(lang.code, src)) is not None and other.published
            ]
            if others:
                lang = others[0]
                return Finding(
                    entry.shown, link.line, "link-untranslated",
                    f"Liên kết '{link.target}' dẫn tới trang chỉ có bằng {lang.t('language_name')}"
                    f" ({self.site.shown(lang.code, src)}): liên kết tới trang đó, hoặc dịch nó "
                    "trước.",
                    f"The link '{link.target}' leads to a page that exists only in "
                    f"{lang.t('language_name')} ({self.site.shown(lang.code, src)}): link to "
                    "that page, or translate it first.",
                )
        nearest = self._nearest_page(entry, link)
        vi, en = did_you_mean(link.target, nearest, _line(entry, body, link)) if nearest else (
            "", "")
        return Finding(
            entry.shown, link.line, "link-missing",
            f"Liên kết '{link.target}' dẫn tới trang hoặc tệp không có. Kiểm tra tên tệp: "
            "liên kết tới trang khác viết đường dẫn tới tệp .md của nó, ví dụ "
            f"../van-ban/ke-hoach-197-kh-ubnd.md.{vi}",
            f"The link '{link.target}' leads to a page or file that does not exist. Check the "
            "name: link to another page by the path of its .md file, for example "
            f"../van-ban/ke-hoach-197-kh-ubnd.md.{en}",
        )

    def _anchor(self, entry: Entry, link: Link, page: str, anchor: str, known: set[str],
                body: str) -> Finding:
        nearest = closest(anchor, sorted(known))
        vi, en = did_you_mean(f"#{anchor}", f"#{nearest}", _line(entry, body, link)) if (
            nearest) else ("", "")
        return Finding(
            entry.shown, link.line, "link-anchor",
            f"Liên kết '{link.target}': {page} không có đề mục '#{anchor}'. Mã đề mục là tiêu "
            f"đề viết thường không dấu, nối bằng '-' (## Đà Nẵng → #da-nang).{vi}",
            f"The link '{link.target}': {page} has no heading '#{anchor}'. A heading's id is "
            f"its text in lower-case ASCII joined by '-' (## Đà Nẵng → #da-nang).{en}",
        )


def _line(entry: Entry, body: str, link: Link) -> str | None:
    """The text of the link's line (the body starts at the file's line entry.body_line)."""
    lines = body.splitlines()
    index = link.line - entry.body_line
    return lines[index] if 0 <= index < len(lines) else None


class _Generated:
    """A listing page the build generates (archives, later pages of a listing)."""


_GENERATED = _Generated()
