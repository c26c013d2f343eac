"""Reading docs/<lang>/ into the content model, collecting every problem of every file.

Built once per build before MkDocs renders anything: a Vietnamese page must know whether its
English counterpart exists before the English build has started. Nothing stops at the first
mistake: each file reports all its schema errors, and the caller reports all files at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import ValidationError

from ttdn.content import frontmatter, text
from ttdn.content.categories import Category
from ttdn.content.errors import ContentError
from ttdn.content.model import Content, Entry
from ttdn.content.schema import PageMeta
from ttdn.content.types import ContentType, type_of
from ttdn.content.unfinished import placeholder_findings
from ttdn.content.video import MARKER as VIDEO_MARKER
from ttdn.content.video import markers as video_markers
from ttdn.findings import Finding, shown
from ttdn.i18n import Language, Languages
from ttdn.images.markup import find_images
from ttdn.scaffold import placeholder_texts
from ttdn.slugs import is_slug, slugify


def load_content(
    docs_dir: Path,
    languages: Languages,
    types: tuple[ContentType, ...],
    categories: Mapping[str, Category],
    *,
    root: Path | None = None,
    today: dt.date | None = None,
    only: Collection[PurePosixPath] | None = None,
    pages: Mapping[str, Collection[PurePosixPath]] | None = None,
    drafts: bool = False,
) -> tuple[Content, list[Finding]]:
    """Every page of every language, and every problem found on the way.

    Drafts and items dated after `today` are left out (and remembered as hidden). `root` is the
    repository: findings name files relative to it. `only`: just these pages (paths under
    docs/<lang>/), in every language they exist in, for a check of a few changed files.
    `pages`: the pages the gate let through, by language (`ttdn.guard.gate`); without it every
    .md file of the language folders.
    `drafts` (`ttdn serve` only): drafts and scheduled items are in as if published, so an
    editor sees them (with a banner); pending translations stay out, and the placeholder rule
    still looks only at what would really be published.
    """
    today = today or dt.date.today()
    entries: dict[str, dict[PurePosixPath, Entry]] = {}
    hidden: dict[str, frozenset[PurePosixPath]] = {}
    held: dict[str, dict[PurePosixPath, Entry]] = {}
    findings: list[Finding] = []
    context = {"categories": categories, "today": today,
               "placeholders": placeholder_texts(languages)}
    for lang in languages.all:
        folder = docs_dir / lang.code
        published: dict[PurePosixPath, Entry] = {}
        held_back: dict[PurePosixPath, Entry] = {}
        if pages is not None:
            accepted = pages.get(lang.code, ())
            chosen = accepted if only is None else [src for src in accepted if src in only]
            paths = (folder / src for src in chosen)
        elif only is None:
            paths = folder.rglob("*.md")
        else:
            paths = (folder / src for src in only)
        for path in sorted(p for p in paths if only is None or p.is_file()):
            src = PurePosixPath(path.relative_to(folder).as_posix())
            kind = type_of(src, types)
            entry, problems = _read_entry(lang, path, src, kind, shown(path, root), context)
            findings += problems
            if entry is None:
                continue
            if kind.published(entry.meta, today) or (drafts and not entry.meta.pending):
                published[src] = entry
                findings += _empty_body(entry, kind)
            else:
                held_back[src] = entry
        for kind in types:
            if kind.unique_slug:
                findings += _duplicate_slugs([e for e in published.values() if e.type == kind.name])
        entries[lang.code] = published
        hidden[lang.code] = frozenset(held_back)
        held[lang.code] = held_back
    return Content(languages, entries, hidden, held), findings


def _read_entry(
    lang: Language,
    path: Path,
    src: PurePosixPath,
    kind: ContentType,
    name: str,
    context: dict[str, Any],
) -> tuple[Entry | None, list[Finding]]:
    findings = _name_findings(src, name)
    try:
        front = frontmatter.read(path, name)
    except ContentError as err:
        return None, [*findings, err.finding]
    # The body's own mistakes are found whatever the front matter's: one pass fixes them all.
    images = tuple(
        replace(ref, line=ref.line + front.body_start - 1) for ref in find_images(front.body)
    )
    findings += [
        Finding(
            name, ref.line, "image-alt",
            "Ảnh thiếu văn bản thay thế (alt): viết ![mô tả điều ảnh cho thấy](...).",
            "Image without alt text: write ![what the image shows](...).",
        )
        for ref in images
        if not ref.alt
    ]
    try:
        meta = kind.schema.model_validate(front.data, context=context)
    except ValidationError as err:
        return None, findings + [
            Finding(name, front.line_of(_key_of(e)), "schema", *explain(e, kind.schema))
            for e in err.errors()
        ]
    if kind.published(meta, context["today"]):  # a draft may hold them: it is not published
        findings += placeholder_findings(front, name, context["placeholders"])
    if kind.place is not None and (wrong := kind.place(src, meta)) is not None:
        findings.append(Finding(name, front.line_of("date"), "place", *wrong))
    placed = [front.body_start + line for line in video_markers(front.body)]
    findings += _video_marker_findings(placed, meta, name)
    entry = Entry(
        lang, src, kind.name, meta, path=path, shown=name, lines=front.lines,
        words=front.words, images=images, digest=text.digest(front.data, front.body),
        has_body=text.has_body(front.body), body_line=front.body_start,
        video_line=placed[0] if len(placed) == 1 and getattr(meta, "video", None) else None,
    )
    return entry, findings  # kept even with findings, so later checks see it too


def _video_marker_findings(lines: list[int], meta: Any, name: str) -> list[Finding]:
    """A video marker needs the page's `video:` and stands once."""
    if lines and getattr(meta, "video", None) is None:
        return [Finding(
            name, lines[0], "video-marker",
            f"Dòng '{VIDEO_MARKER}' đặt video của trang, nhưng trang không khai báo 'video:' ở "
            "phần thông tin đầu trang: thêm video: {youtube: <địa chỉ>, poster: /photos/…, "
            "title: …} hoặc xoá dòng này.",
            f"The line '{VIDEO_MARKER}' places the page's video, but the front matter declares "
            "no 'video:': add video: {youtube: <address>, poster: /photos/…, title: …} or "
            "delete the line.",
        )]
    return [
        Finding(
            name, line, "video-marker",
            f"Video chỉ đặt được một chỗ: xoá dòng '{VIDEO_MARKER}' này (đã có ở dòng "
            f"{lines[0]}).",
            f"The video goes in one place only: delete this '{VIDEO_MARKER}' line (there is "
            f"one at line {lines[0]}).",
        )
        for line in lines[1:]
    ]


def _empty_body(entry: Entry, kind: ContentType) -> list[Finding]:
    """An item of a listing or feed with no text would be published as an empty page (a
    document whose text is its attached file is not empty)."""
    if not kind.collections or entry.src.name == "index.md" or entry.has_body:
        return []
    if getattr(entry.meta, "attachment", None):
        return []
    return [Finding(
        entry.shown, entry.body_line, "empty-body",
        "Bài không có nội dung (chỉ có tiêu đề hoặc để trống): viết nội dung dưới phần "
        "thông tin đầu trang, hoặc đặt 'draft: true' nếu chưa xong.",
        "The page has no text (only a heading, or nothing): write its text under the front "
        "matter, or set 'draft: true' until it is ready.",
    )]


def _name_findings(src: PurePosixPath, name: str) -> list[Finding]:
    return [
        Finding(
            name,
            1,
            "file-name",
            f"Tên '{part}' phải viết bằng chữ thường không dấu, số và dấu '-' (ví dụ: "
            f"'ke-hoach-197-kh-ubnd'), giống nhau ở cả hai ngôn ngữ. Đổi tên thành "
            f"'{slugify(part)}'.",
            f"The name '{part}' must be lower-case ASCII letters, digits and '-' (for "
            f"example 'ke-hoach-197-kh-ubnd'), the same in both languages. Rename it "
            f"'{slugify(part)}'.",
        )
        for part in src.with_suffix("").parts
        if not is_slug(part) and slugify(part)
    ] + [
        Finding(
            name, 1, "file-name",
            f"Tên '{part}' không có chữ nào dùng được: đặt tên bằng chữ thường không dấu, số "
            "và dấu '-'.",
            f"The name '{part}' has no usable letter: name it with lower-case ASCII letters, "
            "digits and '-'.",
        )
        for part in src.with_suffix("").parts
        if not slugify(part)
    ]


def _duplicate_slugs(items: list[Entry]) -> list[Finding]:
    """An item's slug (its file name) is its identity in listings and feeds: one per language."""
    seen: dict[str, Entry] = {}
    findings = []
    for entry in sorted(items, key=lambda e: str(e.src)):
        first = seen.setdefault(entry.src.stem, entry)
        if first is not entry:
            findings.append(Finding(
                entry.shown,
                1,
                "duplicate-slug",
                f"Tên bài '{entry.src.stem}' đã dùng cho {first.shown}; đặt tên khác.",
                f"The slug '{entry.src.stem}' is already used by {first.shown}; rename one.",
            ))
    return findings


def _key_of(error: Any) -> str | None:
    if error["loc"]:
        return str(error["loc"][0])
    return (error.get("ctx") or {}).get("key")


def explain(error: Any, schema: type[PageMeta]) -> tuple[str, str]:
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
