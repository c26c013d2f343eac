"""The translation status page for editors: per section, what is missing, pending or stale.

Written by the default-language build at /<STATUS_PATH>/, outside the navigation and the
sitemap (it is not a page of the model), with `noindex`: for editors, not for readers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from ttdn.content import Entry, PageMeta
from ttdn.files import atomic_write
from ttdn.i18n import Language
from ttdn.model import BuildModel
from ttdn.parity import PairState, pair_states
from ttdn.plugins.site.outputs import valid_toggles
from ttdn.views import PageView

STATUS_PATH = "trang-thai-dich"


@dataclass(frozen=True)
class StatusRow:
    title: str
    href: str | None  # the original's page, when it is published
    state: str
    requested: dt.date | None
    file: str  # what to edit: the translation, or the original when there is none


def status_entry(lang: Language) -> Entry:
    """The page's own entry, for its head and title (never part of the model)."""
    meta = PageMeta(
        title=lang.t("translation_status_title"),
        description=lang.t("translation_status_intro"),
        date=dt.date.today(),
    )
    return Entry(lang, PurePosixPath(STATUS_PATH) / "index.md", "status", meta)


def sections(model: BuildModel, view: PageView) -> list[tuple[str, list[StatusRow]]]:
    """(section title, rows) for every section with a translation not done, in path order."""
    grouped: dict[str, list[PairState]] = {}
    for pair in pair_states(model.content):
        if pair.state != "current":
            grouped.setdefault(pair.section, []).append(pair)
    out = []
    for section, pairs in sorted(grouped.items()):
        code = model.languages.default.code
        index = model.content.get(code, PurePosixPath(section or ".") / "index.md")
        title = index.meta.title if index else (section or "/")
        rows = [
            StatusRow(
                title=pair.original.meta.title,
                href=view.href(pair.original.url)
                if model.content.get(code, pair.original.src) else None,
                state=pair.state,
                requested=pair.requested,
                file=(pair.translation or pair.original).shown,
            )
            for pair in pairs
        ]
        out.append((title, rows))
    return out


def write_status(
    env: Environment,
    nav: Navigation,
    files: Files,
    config: MkDocsConfig,
    model: BuildModel,
    view: PageView,
    site_dir: Path,
) -> None:
    # Not a page of the site for readers: no canonical, no alternates, never indexed.
    view = replace(view, noindex=True, canonical=None, alternates=[])
    template = env.get_template("translation-status.html")
    context = get_context(nav, files, config, base_url=urlsplit(config.site_url).path)
    context["ttdn"] = view
    context["ttdn_status"] = sections(model, view)
    target = site_dir / view.page_url / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, valid_toggles(template.render(context)).encode("utf-8"))
