"""Pages whose front matter failed to load, kept for the checks of their body.

A page with a YAML or schema error is not in the content model, and so once had its links,
text and markup checked only after its front matter was fixed: an editor fixed one mistake,
ran the check, and met the next. Here such a page becomes a bare entry (its place and body, no
metadata) that the body's checks read, so every error of a file is reported in one run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from ttdn.check.text import body_of
from ttdn.content import Entry
from ttdn.content.schema import PageMeta
from ttdn.findings import shown
from ttdn.i18n import Languages

if TYPE_CHECKING:
    from ttdn.check.project import Project


def unloaded(
    files: Iterable[Path], loaded: Sequence[Entry], project: Project, languages: Languages
) -> list[Entry]:
    """A bare entry for each Markdown file under docs/<lang>/ that is not among `loaded`."""
    have = {entry.path for entry in loaded if entry.path is not None}
    entries = []
    for path in files:
        if path in have:
            continue
        relative = path.relative_to(project.docs_dir)
        lang = languages.get(relative.parts[0])
        try:
            _, body_line = body_of(path.read_text("utf-8-sig"))
        except (OSError, UnicodeDecodeError):
            continue  # reported by the loader (encoding) already
        entries.append(Entry(
            lang, PurePosixPath(*relative.parts[1:]), "unloaded", PageMeta.model_construct(),
            path=path, shown=shown(path, project.root), body_line=body_line,
        ))
    return entries
