"""The index of every page in every language, with validated front matter.

Built once per build from `docs/<lang>/` before MkDocs renders anything: a Vietnamese page
must know whether its English counterpart exists before the English build has started.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pydantic import ValidationError

from ttdn.content import frontmatter
from ttdn.content.errors import ContentError, ContentErrors
from ttdn.content.schema import PageMeta, schema_for
from ttdn.i18n import Language, Languages, page_path, parents
from ttdn.slugs import is_slug


@dataclass(frozen=True)
class Entry:
    lang: Language
    src: PurePosixPath  # relative to docs/<lang>/, the same in every language
    path: Path
    meta: PageMeta

    @property
    def url(self) -> str:
        """Path from the site root: "en/van-ban/ke-hoach-197-kh-ubnd/"."""
        return self.lang.prefix + page_path(self.src)


@dataclass
class SiteContent:
    languages: Languages
    entries: dict[str, dict[PurePosixPath, Entry]]  # language code → src → entry

    def get(self, code: str, src: PurePosixPath) -> Entry | None:
        return self.entries[code].get(src)

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


def load_site(docs_dir: Path, languages: Languages) -> SiteContent:
    """Read and validate the front matter of every page; raise all problems at once."""
    entries: dict[str, dict[PurePosixPath, Entry]] = {code: {} for code in languages.codes}
    errors: list[ContentError] = []
    for lang in languages.all:
        root = docs_dir / lang.code
        for path in sorted(root.rglob("*.md")):
            src = PurePosixPath(path.relative_to(root).as_posix())
            try:
                entries[lang.code][src] = Entry(lang, src, path, _read_meta(path, src))
            except ContentError as err:
                errors.append(err)
    if errors:
        raise ContentErrors(errors)
    return SiteContent(languages, entries)


def _read_meta(path: Path, src: PurePosixPath) -> PageMeta:
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
    front = frontmatter.read(path)
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
