"""The index of every page in every language, with validated front matter.

Built once per build from `docs/<lang>/` before MkDocs renders anything: a Vietnamese page
must know whether its English counterpart exists before the English build has started.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from pydantic import ValidationError

from ttdn.content import frontmatter
from ttdn.content.errors import ContentError, ContentErrors
from ttdn.content.schema import ArticleMeta, PageMeta, schema_for
from ttdn.i18n import Language, Languages, page_path, parents
from ttdn.slugs import is_slug


@dataclass(frozen=True)
class Entry:
    lang: Language
    src: PurePosixPath  # relative to docs/<lang>/, the same in every language
    path: Path | None  # None for pages the build generates (listings)
    meta: PageMeta
    words: int = 0

    @property
    def is_article(self) -> bool:
        return isinstance(self.meta, ArticleMeta)

    @property
    def url(self) -> str:
        """Path from the site root: "en/van-ban/ke-hoach-197-kh-ubnd/"."""
        return self.lang.prefix + page_path(self.src)

    def asset_url(self, relative: str) -> str:
        """Path from the site root of a file an editor put beside the page's Markdown."""
        return self.lang.prefix + posixpath.normpath(str(self.src.parent / relative))

    @property
    def reading_minutes(self) -> int:
        return max(1, round(self.words / 200))  # 200 words a minute, as Material's blog


@dataclass
class SiteContent:
    languages: Languages
    entries: dict[str, dict[PurePosixPath, Entry]]  # language code → src → entry
    # Drafts and articles dated in the future: never built, listed nor linked.
    hidden: dict[str, set[PurePosixPath]] = field(default_factory=dict)
    urls: dict[str, Entry] = field(default_factory=dict)

    def get(self, code: str, src: PurePosixPath) -> Entry | None:
        return self.entries[code].get(src)

    def add(self, entry: Entry) -> None:
        """Register a page the build generates (a listing), so that it gets alternates."""
        self.entries[entry.lang.code][entry.src] = entry
        self.urls[entry.url] = entry

    def by_url(self, url: str) -> Entry | None:
        """The entry of a built page, from its URL path ("en/van-ban/")."""
        return self.urls.get(url)

    def articles(self, code: str) -> list[Entry]:
        """Published articles of one language, newest first."""
        found = [e for e in self.entries[code].values() if e.is_article]
        return sorted(found, key=lambda e: (e.meta.date, e.src.stem), reverse=True)

    def __iter__(self) -> Iterator[Entry]:
        for by_src in self.entries.values():
            yield from by_src.values()

    def translations(self, src: PurePosixPath) -> list[Entry]:
        """The page in every language it exists in, default language first."""
        found = (self.get(lang.code, src) for lang in self.languages.all)
        return [entry for entry in found if entry is not None]

    def counterpart(self, src: PurePosixPath, target: Language) -> Entry | None:
        """The same page in `target`, else its nearest translated parent (never a 404)."""
        for candidate in [src, *parents(src)]:
            entry = self.get(target.code, candidate)
            if entry is not None:
                return entry
        return None


def load_site(docs_dir: Path, languages: Languages, today: dt.date | None = None) -> SiteContent:
    """Read and validate the front matter of every page; raise all problems at once.

    Drafts and articles dated after `today` are left out (and remembered as hidden).
    """
    today = today or dt.date.today()
    site = SiteContent(languages, {code: {} for code in languages.codes})
    errors: list[ContentError] = []
    for lang in languages.all:
        root = docs_dir / lang.code
        site.hidden[lang.code] = set()
        for path in sorted(root.rglob("*.md")):
            src = PurePosixPath(path.relative_to(root).as_posix())
            try:
                entry = _read_entry(lang, path, src)
            except ContentError as err:
                errors.append(err)
                continue
            if _published(entry, today):
                site.add(entry)
            else:
                site.hidden[lang.code].add(src)
        errors += _duplicate_slugs(site.articles(lang.code))
    if errors:
        raise ContentErrors(errors)
    return site


def _published(entry: Entry, today: dt.date) -> bool:
    meta = entry.meta
    return not (isinstance(meta, ArticleMeta) and (meta.draft or meta.date > today))


def _duplicate_slugs(articles: list[Entry]) -> list[ContentError]:
    """An article's slug (its file name) is its identity in listings and feeds: one per language."""
    seen: dict[str, Entry] = {}
    errors = []
    for entry in sorted(articles, key=lambda e: str(e.src)):
        first = seen.setdefault(entry.src.stem, entry)
        if first is not entry:
            errors.append(
                ContentError(
                    entry.path,
                    1,
                    f"Tên bài '{entry.src.stem}' đã dùng cho {first.path}; đặt tên khác.",
                    f"The slug '{entry.src.stem}' is already used by {first.path}; rename one.",
                )
            )
    return errors


def _read_entry(lang: Language, path: Path, src: PurePosixPath) -> Entry:
    front = frontmatter.read(path)
    meta = _validate(path, src, front)
    if isinstance(meta, ArticleMeta):
        _check_article_place(path, src, meta, front)
    return Entry(lang, src, path, meta, words=front.words)


def _check_article_place(
    path: Path, src: PurePosixPath, meta: ArticleMeta, front: frontmatter.FrontMatter
) -> None:
    if len(src.parts) != 3 or src.parts[1] != str(meta.date.year):
        raise ContentError(
            path,
            front.line_of("date"),
            f"Bài viết phải nằm trong thư mục năm của ngày đăng: tin-bai/{meta.date.year}/"
            f"{src.name}.",
            f"An article must sit in the folder of its date's year: tin-bai/{meta.date.year}/"
            f"{src.name}.",
        )


def _validate(path: Path, src: PurePosixPath, front: frontmatter.FrontMatter) -> PageMeta:
    for part in src.with_suffix("").parts:
        if not is_slug(part):
            raise ContentError(
                path,
                1,
                f"Tên '{part}' phải viết bằng chữ thường không dấu, số và dấu '-' (ví dụ: "
                "'ke-hoach-197-kh-ubnd'), giống nhau ở cả hai ngôn ngữ.",
                f"The name '{part}' must be lower-case ASCII letters, digits and '-' (for "
                "example 'ke-hoach-197-kh-ubnd'), the same in both languages.",
            )
    schema = schema_for(src)
    try:
        return schema.model_validate(front.data)
    except ValidationError as err:
        first = err.errors()[0]
        key = first["loc"][0] if first["loc"] else first.get("ctx", {}).get("key")
        vi, en = explain(first, schema)
        raise ContentError(path, front.line_of(key), vi, en) from None


def explain(error: dict, schema: type[PageMeta]) -> tuple[str, str]:
    """A pydantic error in words an editor understands (Vietnamese, English)."""
    loc = ".".join(str(part) for part in error["loc"])
    kind = error["type"]
    if kind == "ttdn":
        return error["ctx"]["vi"], error["ctx"]["en"]
    if kind == "missing":
        return (f"Thiếu trường bắt buộc '{loc}'.", f"The required field '{loc}' is missing.")
    if kind == "extra_forbidden":
        known = ", ".join(schema.model_fields)
        return (
            f"Trường '{loc}' không có trong mẫu trang này (các trường hợp lệ: {known}).",
            f"'{loc}' is not a field of this kind of page (valid fields: {known}).",
        )
    if kind.startswith("date"):
        return (
            f"'{loc}' không phải ngày hợp lệ; viết theo dạng NNNN-TT-NN, ví dụ 2022-12-27.",
            f"'{loc}' is not a valid date; write it as YYYY-MM-DD, for example 2022-12-27.",
        )
    if kind == "string_too_short":
        return (f"'{loc}' không được để trống.", f"'{loc}' must not be empty.")
    if kind == "literal_error":
        expected = error["ctx"]["expected"]
        return (f"'{loc}' phải là một trong: {expected}.", f"'{loc}' must be one of: {expected}.")
    return (f"'{loc}' không hợp lệ: {error['msg']}.", f"'{loc}' is invalid: {error['msg']}.")
