"""The gate: which files of docs/ and photos/ any step may read, decided once, by one walk.

`ttdn check` and the `ttdn-guard` plugin both call `walk()` and judge the same files with the
same rules, before anything else reads them (MkDocs follows symbolic links, Python-Markdown
recurses on deep lists). The walk uses os.scandir and never follows a link. Refused by name:

- a symbolic link, to a file or a folder (`symlink`): the site publishes real files only;
- a dotfile or dot-folder, `.well-known` included (`dotfile`);
- a file or folder whose name holds bidi or zero-width characters (`file-name-characters`);
- anything that is not a regular file or folder (`file-special`);
- in docs/: a file outside the language folders (`outside-language`), a Markdown page not
  named .md (`page-suffix`), a path the build writes itself: another language's root, assets/,
  search-index/, sitemap.xml, 404.html, the translation status page, feeds (`reserved-path`);
- a page beyond the Markdown limits (`ttdn.guard.limits`).

What passes is the scope: the pages by language, the other files of docs/ (judged by
`ttdn.guard.files`: content, suffix, PDFs) and the photos.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ttdn.content import frontmatter as fm
from ttdn.content.errors import ContentError
from ttdn.findings import Finding, shown
from ttdn.guard import characters, files, limits
from ttdn.guard import frontmatter as fm_urls

# Suffixes MkDocs renders as Markdown (mkdocs.utils.markdown_extensions); only .md is a page.
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkdn", ".mkd"})
# First names under docs/<lang>/ that the build writes itself (ttdn-site, ttdn-search, the
# theme), besides the other languages' folders.
RESERVED_TOP = frozenset({"assets", "search-index", "sitemap.xml", "404.html",
                          "trang-thai-dich"})
# Names the build writes inside any folder (feeds of every listing).
RESERVED_ANYWHERE = frozenset({"rss.xml", "feed.json", "index.html"})


@dataclass
class Scope:
    """What the walk accepted, and what it refused by name."""

    pages: dict[str, list[PurePosixPath]] = field(default_factory=dict)  # by language code
    files: list[Path] = field(default_factory=list)  # docs/ files other than pages
    photos: list[Path] = field(default_factory=list)  # regular files under photos/
    refused: set[Path] = field(default_factory=set)  # files and folders refused, absolute
    findings: list[Finding] = field(default_factory=list)

    def page_paths(self, docs_dir: Path) -> list[Path]:
        return [docs_dir / code / src for code, srcs in self.pages.items() for src in srcs]


def walk(root: Path, docs_dir: Path, photos_dir: Path, codes: Sequence[str]) -> Scope:
    """Walk docs/ and photos/ without following links; every refusal is a finding."""
    walker = _Walker(root, docs_dir, codes)
    if docs_dir.is_dir():
        walker.folder(docs_dir, ())
    if photos_dir.is_dir() and not photos_dir.is_symlink():
        walker.photos(photos_dir)
    elif photos_dir.is_symlink():
        walker.refuse(photos_dir, *_symlink(photos_dir))
    return walker.scope


def pages_of(config: object) -> dict[str, list[PurePosixPath]] | None:
    """The pages the `ttdn-guard` plugin's gate accepted in this build (None without it)."""
    plugins = getattr(config, "plugins", None)
    guard = plugins.get("ttdn-guard") if plugins is not None else None
    scope = getattr(guard, "scope", None)
    return scope.pages if scope is not None and scope.pages else None


def verdicts(scope: Scope, photos_name: str) -> dict[Path, files.Verdict]:
    """The file policy (`ttdn.guard.files`) on each file of docs/ the walk accepted."""
    return {path: files.judge(path, photos_name) for path in scope.files}


def verdict_findings(judged: dict[Path, files.Verdict], root: Path) -> list[Finding]:
    return [Finding(shown(path, root), 0, v.rule, v.vi, v.en)
            for path, v in judged.items() if not v.ok]


def front_matter_findings(paths: Iterable[Path], root: Path) -> list[Finding]:
    """Front-matter values that become URLs must be paths inside the site (`frontmatter`).
    A file whose front matter cannot be read is reported by the content loader."""
    found = []
    for path in paths:
        try:
            front = fm.read(path, shown(path, root))
        except ContentError:
            continue
        for key, top, value in fm_urls.url_values(front.data):
            if fm_urls.bad_path(value):
                vi, en = fm_urls.message(key, value)
                found.append(Finding(shown(path, root), front.line_of(top), "front-matter-url",
                                     vi, en))
    return found


# A page's refusals by the file it was read from: `ttdn serve` walks docs/ at every save, and
# reads again only the pages whose inode, size or time changed.
_PAGE_VERDICTS: dict[Path, tuple[tuple[int, int, int], list[tuple[str, str, str, int]]]] = {}


def _page_refusals(path: Path, size: int) -> list[tuple[str, str, str, int]]:
    """(rule, vi, en, line) of each reason to refuse a page: not text (`files.judge_page`), or
    beyond the Markdown limits."""
    verdict = files.judge_page(path)
    if not verdict.ok:
        return [(verdict.rule, verdict.vi, verdict.en, 0)]
    excess = limits.page_size(size)
    found = [excess] if excess else []
    if not found:
        try:
            found = limits.excesses(path.read_text("utf-8-sig"))
        except UnicodeDecodeError:
            return []  # the content loader names the encoding
    return [(item.rule, item.vi, item.en, item.line) for item in found]


def inside(path: Path, folder: Path) -> bool:
    """True when the file's real path (links resolved) is inside the folder's real path."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))


class _Walker:
    def __init__(self, root: Path, docs_dir: Path, codes: Sequence[str]) -> None:
        self.root = root
        self.docs = docs_dir
        self.codes = list(codes)
        self.scope = Scope(pages={code: [] for code in codes})

    def refuse(self, path: Path, rule: str, vi: str, en: str, line: int = 0) -> None:
        self.scope.refused.add(path)
        name = characters.visible(shown(path, self.root))
        self.scope.findings.append(Finding(name, line, rule, vi, en))

    def _entries(self, folder: Path) -> list[os.DirEntry]:
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name)

    def _by_name(self, entry: os.DirEntry) -> bool:
        """The rules every entry of docs/ and photos/ passes; False when refused."""
        path = Path(entry.path)
        if found := characters.format_characters(entry.name):
            self.refuse(path, "file-name-characters",
                        *characters.message("Tên tệp hoặc thư mục", "The file or folder name",
                                            found))
            return False
        if entry.is_symlink():
            self.refuse(path, *_symlink(path))
            return False
        return True

    def folder(self, folder: Path, parts: tuple[str, ...]) -> None:
        for entry in self._entries(folder):
            path = Path(entry.path)
            if not self._by_name(entry):
                continue
            if entry.name.startswith("."):
                self.refuse(path, *_dotfile(entry.name))
                continue
            here = (*parts, entry.name)
            if entry.is_dir(follow_symlinks=False):
                if len(here) == 1 and entry.name not in self.codes:
                    self.refuse(path, *_outside(here))
                elif len(here) == 2 and self._reserved(here):
                    self.refuse(path, *_reserved(here))
                else:
                    self.folder(path, here)
            elif not stat.S_ISREG(entry.stat(follow_symlinks=False).st_mode):
                self.refuse(path, *_special())
            elif len(here) == 1:
                self.refuse(path, *_outside(here))
            else:
                self.file(path, entry, here)

    def _reserved(self, here: tuple[str, ...]) -> bool:
        inner = here[1:]
        top = inner[0] if inner else ""
        if top in RESERVED_TOP or (top in self.codes and top != here[0]):
            return True
        name = inner[-1]
        stem = name[: -len(".md")] if name.endswith(".md") else name
        return stem in RESERVED_ANYWHERE or (len(inner) == 1 and stem in RESERVED_TOP)

    def file(self, path: Path, entry: os.DirEntry, here: tuple[str, ...]) -> None:
        suffix = Path(entry.name).suffix
        if self._reserved(here):
            self.refuse(path, *_reserved(here))
        elif suffix.lower() in MARKDOWN_SUFFIXES and suffix != ".md":
            self.refuse(path, *_suffix(suffix))
        elif suffix == ".md":
            if self._within_limits(path, entry):
                self.scope.pages[here[0]].append(PurePosixPath(*here[1:]))
        else:
            self.scope.files.append(path)

    def _within_limits(self, path: Path, entry: os.DirEntry) -> bool:
        """A page is text (`files.judge_page`) within the Markdown limits."""
        info = entry.stat(follow_symlinks=False)
        seen = (info.st_ino, info.st_size, info.st_mtime_ns)
        known = _PAGE_VERDICTS.get(path)
        if known is None or known[0] != seen:
            known = _PAGE_VERDICTS[path] = (seen, _page_refusals(path, info.st_size))
        for rule, vi, en, line in known[1]:
            self.refuse(path, rule, vi, en, line)
        return not known[1]

    def photos(self, folder: Path) -> None:
        for entry in self._entries(folder):
            path = Path(entry.path)
            if not self._by_name(entry):
                continue
            if entry.is_dir(follow_symlinks=False):
                self.photos(path)
            elif stat.S_ISREG(entry.stat(follow_symlinks=False).st_mode):
                self.scope.photos.append(path)
            else:
                self.refuse(path, *_special())


def _symlink(path: Path) -> tuple[str, str, str]:
    return (
        "symlink",
        f"Đây là liên kết tượng trưng (trỏ tới {os.readlink(path)}): trang chỉ đăng tệp thật "
        "nằm trong kho. Hãy thay liên kết bằng chính tệp hoặc thư mục đó (sao chép vào đây).",
        f"This is a symbolic link (to {os.readlink(path)}): the site publishes only real files "
        "kept in the repository. Replace the link by the real file or folder (copy it here).",
    )


def _dotfile(name: str) -> tuple[str, str, str]:
    return (
        "dotfile",
        f"Tên '{name}' bắt đầu bằng dấu chấm (tệp ẩn, như .well-known hoặc .htaccess) nên "
        "không được đăng; hãy xoá nó hoặc đặt tên không có dấu chấm ở đầu.",
        f"The name '{name}' starts with a dot (a hidden file, such as .well-known or "
        ".htaccess), which is not published; delete it or give it a name without the dot.",
    )


def _outside(here: tuple[str, ...]) -> tuple[str, str, str]:
    return (
        "outside-language",
        f"'{'/'.join(here)}' nằm ngoài các thư mục ngôn ngữ: mọi trang và tệp nằm trong "
        "docs/vi/ hoặc docs/en/; hãy chuyển nó vào đó.",
        f"'{'/'.join(here)}' is outside the language folders: every page and file lives in "
        "docs/vi/ or docs/en/; move it there.",
    )


def _reserved(here: tuple[str, ...]) -> tuple[str, str, str]:
    where = "/".join(here)
    return (
        "reserved-path",
        f"Đường dẫn '{where}' trùng với tệp trang tự tạo (thư mục ngôn ngữ khác, assets/, "
        "search-index/, sitemap.xml, 404.html, trang trạng thái dịch, rss.xml, feed.json) và "
        "sẽ bị ghi đè; hãy đặt tên khác.",
        f"The path '{where}' is one the build writes itself (another language's folder, "
        "assets/, search-index/, sitemap.xml, 404.html, the translation status page, rss.xml, "
        "feed.json) and would be overwritten; choose another name.",
    )


def _suffix(suffix: str) -> tuple[str, str, str]:
    return (
        "page-suffix",
        f"Trang Markdown phải có đuôi .md, không phải '{suffix}'; hãy đổi tên thành .md.",
        f"A Markdown page must be named .md, not '{suffix}'; rename it to .md.",
    )


def _special() -> tuple[str, str, str]:
    return (
        "file-special",
        "Đây không phải tệp thông thường (ống, thiết bị, socket); hãy xoá nó.",
        "This is not a regular file (a pipe, device or socket); delete it.",
    )
