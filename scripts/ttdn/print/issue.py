"""The bulletin's print editions: an issue (or both languages of it, one after the other) to a
PDF through the one print renderer (ttdn.print.render)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ttdn.i18n import Language, strings
from ttdn.print.editions import (
    COLUMN_MM,
    COVER_HEIGHT_MM,
    MARGIN_INNER_MM,
    PAGE_WIDTH_MM,
    PHOTO_MAX_HEIGHT_MM,
    Edition,
)
from ttdn.print.images import Box, placed_image
from ttdn.print.model import COLOPHON, PrintIssue
from ttdn.print.render import (
    Document,
    PrintError,
    Rendered,
    document_key,
    environment,
    fonts,
    render_documents,
    resource_url,
)

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def render(issues: Sequence[PrintIssue], edition: Edition, cache_dir: Path) -> Rendered:
    """The PDF of `issues` (one language, or several one after the other) in `edition`.

    Photos are made (or found) in `cache_dir/images`, the PDF in `cache_dir/pdf`. Originals too
    small for their placement are listed in `Rendered.warnings`."""
    return render_many([(issues, edition)], cache_dir, processes=1)[0]


def render_many(jobs: Sequence[tuple[Sequence[PrintIssue], Edition]], cache_dir: Path,
                processes: int) -> list[Rendered]:
    """`render` of each (issues, edition), in order; the PDFs not in the cache are made on
    `processes` cores at once (a cold build of ten years of bulletins makes dozens)."""
    prepared = [_prepared(issues, edition, cache_dir) for issues, edition in jobs]
    done = render_documents([document for document, _ in prepared], processes)
    return [dataclasses.replace(rendered, warnings=tuple(warnings))
            for rendered, (_, warnings) in zip(done, prepared, strict=True)]


def _prepared(issues: Sequence[PrintIssue], edition: Edition,
              cache_dir: Path) -> tuple[Document, list[tuple[Path, str, str]]]:
    html, files, warnings = _document(issues, edition, cache_dir / "images")
    titles = {f"{prefix}{article.anchor}": article.title
              for issue in issues
              for prefix in [f"{issue.lang}-" if len(issues) > 1 else ""]
              for article in issue.articles}
    document = Document(html, issues[0].url, files, edition, cache_dir / "pdf", edition.name,
                        titles)
    return document, warnings


def cache_key(issues: Sequence[PrintIssue], edition: Edition, cache_dir: Path) -> str:
    """The key `render` files the PDF under (the renderer's one recipe)."""
    html, files, _ = _document(issues, edition, cache_dir / "images")
    return document_key(html, files, edition)


def _check_images(issues: Sequence[PrintIssue]) -> None:
    for issue in issues:
        if issue.cover not in issue.images:
            raise PrintError(
                f"Số {issue.number}/{issue.year} ({issue.lang}): không có tệp cho ảnh bìa "
                f"'{issue.cover}'.",
                f"Issue {issue.number}/{issue.year} ({issue.lang}): no file for the cover "
                f"'{issue.cover}'.",
            )


def _document(
    issues: Sequence[PrintIssue], edition: Edition, image_dir: Path
) -> tuple[str, dict[str, Path], list[tuple[Path, str, str]]]:
    """The HTML of the PDF, the files it may load (URL → file) and resolution warnings."""
    if not issues:
        raise ValueError("render() needs at least one issue")
    _check_images(issues)
    faces, files = fonts(issues[0].url)
    cover = Box(PAGE_WIDTH_MM + 2 * edition.bleed_mm, COVER_HEIGHT_MM + edition.bleed_mm, "cover")
    in_text = Box(COLUMN_MM, PHOTO_MAX_HEIGHT_MM, "contain")
    warnings = []
    parts = []
    for issue in issues:
        for src, original in issue.images.items():
            made = placed_image(original, cover if src == issue.cover else in_text, edition,
                                image_dir)
            files[resource_url(issue.url, src)] = made.file
            if (warning := made.warning()) is not None:
                warnings.append(warning)
        parts.append(_part(issue, prefix=f"{issue.lang}-" if len(issues) > 1 else ""))
    first = parts[0]
    doc = {
        "lang": issues[0].lang,
        "title": " / ".join(part["running_header"] for part in parts),
        "author": " / ".join(dict.fromkeys(part["publisher"] for part in parts)),
        "description": " / ".join(issue.description for issue in issues),
        "keywords": [first["name"], first["issue_label"], first["quarter_label"]],
        "date": issues[0].date.isoformat(),
        "parts": parts,
    }
    html = environment("ttdn.print").get_template("issue.html").render(
        doc=doc,
        fonts=faces,
        margin_mm=MARGIN_INNER_MM,
        bleed_mm=edition.bleed_mm,
        cover_height_mm=COVER_HEIGHT_MM,
        photo_max_mm=PHOTO_MAX_HEIGHT_MM,
    )
    return html, files, list(dict.fromkeys(warnings))


def _part(issue: PrintIssue, prefix: str) -> dict[str, Any]:
    t = strings(issue.lang)
    name = t["bulletin_name"]
    label = t["bulletin_issue"].format(number=issue.number, year=issue.year)
    return {
        "lang": issue.lang,
        "issue": issue,
        "t": t,
        "prefix": prefix,
        "name": name,
        "issue_label": label,
        "quarter_label": t["bulletin_quarter"].format(
            quarter=issue.quarter, quarter_roman=ROMAN[issue.quarter], year=issue.year
        ),
        "running_header": t["print_running_header"].format(name=name, issue=label),
        "publisher": t["bulletin_publisher"],
        "date": Language(issue.lang, default=False).format_date(issue.date),
        "colophon": [
            (t["print_publisher"], t["bulletin_publisher"], False),
            *((t[f"print_{key}"], issue.colophon.get(key) or t["print_placeholder"],
               not issue.colophon.get(key)) for key in COLOPHON),
        ],
    }
