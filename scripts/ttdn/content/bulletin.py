"""The quarterly bulletin "Bản tin Đối ngoại Quảng Ngãi" (plan II.7b), declared as two types.

    docs/<lang>/ban-tin/<year>/q<quarter>/index.md    an issue: number, cover, editorial board;
                                                      its Markdown body is the editorial note
    docs/<lang>/ban-tin/<year>/q<quarter>/<slug>.md   an article of that issue, placed by `order`

The rules that span files (one issue per quarter, numbering, both languages, contents) are the
types' `checks`: they read the loaded content and return findings, like every other check.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Literal

from pydantic import PositiveInt, model_validator

from ttdn.content.model import Content, Entry
from ttdn.content.schema import PageMeta, Text, bilingual
from ttdn.findings import Finding
from ttdn.images.markup import split_title

SECTION = "ban-tin"
ISSUE_FOLDER = re.compile(r"^ban-tin/(\d{4})/q([1-4])$")
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


class IssueMeta(PageMeta):
    """An issue's index.md. `date` is the publication date; `image` the cover (required)."""

    year: PositiveInt
    quarter: Literal[1, 2, 3, 4]
    number: PositiveInt  # "Số 1/2023": counted from 1 in each year
    board: list[Text]  # the editorial board, one "role: name" line each
    draft: bool = False  # true until both languages are ready: not built, not checked

    @model_validator(mode="after")
    def _has_cover(self) -> IssueMeta:
        if self.image is None:
            raise bilingual(
                "Số bản tin cần ảnh bìa: thêm 'image: /photos/ban-tin/…' và 'image_alt'.",
                "An issue needs a cover: add 'image: /photos/ban-tin/…' and 'image_alt'.",
                key="image",
            )
        return self

    @model_validator(mode="after")
    def _has_board(self) -> IssueMeta:
        if not self.board:
            raise bilingual(
                "'board' (ban biên tập) cần ít nhất một dòng.",
                "'board' (the editorial board) needs at least one line.",
                key="board",
            )
        return self


class BulletinArticleMeta(PageMeta):
    """An article of an issue; `order` is its place in the issue's table of contents."""

    order: PositiveInt
    agency: Text | None = None  # the agency that wrote it
    draft: bool = False


def issue_folder(src: PurePosixPath) -> PurePosixPath:
    return src.parent


def issue_place(src: PurePosixPath, meta: PageMeta) -> tuple[str, str] | None:
    """An issue lives in ban-tin/<year>/q<quarter>/, matching its front matter."""
    expected = f"{SECTION}/{meta.year}/q{meta.quarter}/index.md"
    if src.as_posix() == expected:
        return None
    return (
        f"Số bản tin năm {meta.year}, quý {meta.quarter} phải nằm ở {expected}.",
        f"The issue of {meta.year}, quarter {meta.quarter} must be at {expected}.",
    )


def article_place(src: PurePosixPath, meta: PageMeta) -> tuple[str, str] | None:
    if ISSUE_FOLDER.match(src.parent.as_posix()):
        return None
    return (
        "Bài của bản tin phải nằm trong thư mục một số: ban-tin/<năm>/q<quý>/.",
        "A bulletin article must sit in an issue's folder: ban-tin/<year>/q<quarter>/.",
    )


def issue_label(entry: Entry, labels) -> str:
    return labels.t("bulletin_issue", number=entry.meta.number, year=entry.meta.year)


def quarter_label(lang, meta: IssueMeta) -> str:
    return lang.t("bulletin_quarter").format(
        quarter=meta.quarter, quarter_roman=ROMAN[meta.quarter], year=meta.year
    )


# -- Queries ---------------------------------------------------------------------------------


def issues(content: Content, code: str) -> list[Entry]:
    """Published issues of one language, newest first."""
    found = content.of_type(code, "bulletin-issue")
    return sorted(found, key=lambda e: (e.meta.year, e.meta.quarter), reverse=True)


def articles_of(content: Content, issue: Entry) -> list[Entry]:
    """The articles of an issue, in the order of its table of contents."""
    folder = issue_folder(issue.src)
    found = [
        e for e in content.of_type(issue.lang.code, "bulletin-article")
        if e.src.parent == folder
    ]
    return sorted(found, key=lambda e: (e.meta.order, e.src.stem))


def issue_of(content: Content, article: Entry) -> Entry | None:
    entry = content.get(article.lang.code, article.src.parent / "index.md")
    return entry if entry is not None and entry.type == "bulletin-issue" else None


# -- Rules over the whole bulletin -----------------------------------------------------------


def check_issues(content: Content) -> list[Finding]:
    return [*_one_per_quarter(content), *_contiguous(content), *_bilingual(content)]


def check_contents(content: Content) -> list[Finding]:
    return [*_contents(content), *_orphans(content), *_credits(content)]


def _credits(content: Content) -> Iterator[Finding]:
    """A printed bulletin credits every picture under it, as the photo book does: an article's
    image says its source after " | " in its title."""
    for lang in content.languages.all:
        for article in content.of_type(lang.code, "bulletin-article"):
            for ref in article.images:
                if not split_title(ref.title)[1]:
                    yield Finding(
                        article.shown, ref.line, "image-credit",
                        "Ảnh trong bản tin cần ghi nguồn sau dấu ' | ' trong chú thích: "
                        '![mô tả](/photos/… "Chú thích | Ảnh: tên người chụp, đơn vị").',
                        "A picture in the bulletin needs its credit after ' | ' in its title: "
                        '![description](/photos/… "Caption | Photo: photographer, agency").',
                    )


def _one_per_quarter(content: Content) -> Iterator[Finding]:
    for lang in content.languages.all:
        seen: dict[tuple[int, int], Entry] = {}
        for issue in sorted(issues(content, lang.code), key=lambda e: str(e.src)):
            key = (issue.meta.year, issue.meta.quarter)
            first = seen.setdefault(key, issue)
            if first is not issue:
                yield Finding(
                    issue.shown, issue.line_of("quarter"), "bulletin-quarter",
                    f"Quý {issue.meta.quarter}/{issue.meta.year} đã có một số ({first.shown}); "
                    "mỗi quý chỉ một số.",
                    f"Quarter {issue.meta.quarter}/{issue.meta.year} already has an issue "
                    f"({first.shown}); one issue per quarter.",
                )


def _contiguous(content: Content) -> Iterator[Finding]:
    """Within a year, issues are numbered 1, 2, 3… in the order of their quarters."""
    for lang in content.languages.all:
        by_year: dict[int, list[Entry]] = {}
        for issue in issues(content, lang.code):
            by_year.setdefault(issue.meta.year, []).append(issue)
        for year, members in by_year.items():
            members.sort(key=lambda e: e.meta.quarter)
            for expected, issue in enumerate(members, start=1):
                if issue.meta.number != expected:
                    yield Finding(
                        issue.shown, issue.line_of("number"), "bulletin-number",
                        f"Số thứ tự phải liên tục trong năm {year}: số này (quý "
                        f"{issue.meta.quarter}) phải là {expected}, không phải "
                        f"{issue.meta.number}.",
                        f"Issues are numbered without gaps within {year}: this one (quarter "
                        f"{issue.meta.quarter}) must be {expected}, not {issue.meta.number}.",
                    )


def _bilingual(content: Content) -> Iterator[Finding]:
    """The bulletin is bilingual (plan II.7b): an issue is published in both languages or none."""
    for lang in content.languages.all:
        for issue in issues(content, lang.code):
            for other in content.languages.others(lang.code):
                twin = content.get(other.code, issue.src)
                if twin is None or twin.type != "bulletin-issue":
                    missing = f"docs/{other.code}/{issue.src}"
                    yield Finding(
                        issue.shown, 1, "bulletin-bilingual",
                        f"Bản tin song ngữ: số này chưa có bản '{other.code}' ({missing}). "
                        "Viết bản đó, hoặc để 'draft: true' ở cả hai đến khi xong.",
                        f"The bulletin is bilingual: this issue has no '{other.code}' version "
                        f"({missing}). Write it, or keep 'draft: true' in both until it is done.",
                    )
                elif twin.meta.number != issue.meta.number:
                    yield Finding(
                        issue.shown, issue.line_of("number"), "bulletin-bilingual",
                        f"Số {issue.meta.number} ở đây nhưng {twin.meta.number} ở {twin.shown}.",
                        f"Number {issue.meta.number} here but {twin.meta.number} in "
                        f"{twin.shown}.",
                    )
                else:  # both published: so is each article, in both
                    for article in articles_of(content, issue):
                        if content.get(other.code, article.src) is None:
                            missing = f"docs/{other.code}/{article.src}"
                            yield Finding(
                                article.shown, 1, "bulletin-bilingual",
                                f"Bản tin song ngữ: bài này chưa có bản '{other.code}' "
                                f"({missing}) mà số đã được đăng. Viết bản đó, hoặc chuyển "
                                "bài sang số sau.",
                                f"The bulletin is bilingual: this article has no '{other.code}' "
                                f"version ({missing}) in a published issue. Write it, or move "
                                "the article to a later issue.",
                            )


def _contents(content: Content) -> Iterator[Finding]:
    """Every issue has a table of contents, and each place in it is taken once."""
    for lang in content.languages.all:
        for issue in issues(content, lang.code):
            members = articles_of(content, issue)
            if not members:
                yield Finding(
                    issue.shown, 1, "bulletin-contents",
                    f"Số này chưa có bài nào: thêm bài (tệp .md có 'order') vào "
                    f"docs/{lang.code}/{issue_folder(issue.src)}/.",
                    f"This issue has no articles: add articles (.md files with 'order') to "
                    f"docs/{lang.code}/{issue_folder(issue.src)}/.",
                )
            seen: dict[int, Entry] = {}
            for article in members:
                first = seen.setdefault(article.meta.order, article)
                if first is not article:
                    yield Finding(
                        article.shown, article.line_of("order"), "bulletin-contents",
                        f"'order: {article.meta.order}' đã dùng cho {first.shown}: mỗi bài một "
                        "vị trí trong mục lục.",
                        f"'order: {article.meta.order}' is already used by {first.shown}: one "
                        "place in the contents per article.",
                    )


def _orphans(content: Content) -> Iterator[Finding]:
    """An article whose issue is not published would be listed in no table of contents."""
    for lang in content.languages.all:
        for article in content.of_type(lang.code, "bulletin-article"):
            if issue_of(content, article) is None:
                index = f"docs/{lang.code}/{article.src.parent}/index.md"
                yield Finding(
                    article.shown, 1, "bulletin-contents",
                    f"Bài này không thuộc số nào được đăng: {index} chưa có hoặc còn là bản nháp "
                    "('draft: true'; khi đó để bài cũng là bản nháp).",
                    f"This article belongs to no published issue: {index} is missing or still "
                    "a draft ('draft: true'; then make the article a draft too).",
                )
