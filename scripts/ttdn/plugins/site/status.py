"""The translation status page for editors: per section, what is missing, pending or stale.

Written by every language's build at /<STATUS_PATH>/ and /en/<STATUS_PATH>/, outside the
navigation and the sitemap (it is not a page of the model), with `noindex`: for editors, not
for readers. It gives the totals, each translation's age (days since it was asked for, or since
the original changed or was published), the department responsible (the original's `agency`,
else the plugin's `translation_owner`) and a link to the original's history in the repository
(the plugin's `repository` + `translation_history`): the list of commits to the original,
where the diff since the translation is one click away. A rendered diff would need git at
build time and the text as translated, which the fingerprint does not keep, so the
repository's own history is linked.
Unpublished originals (drafts, scheduled pages, an unfinished bulletin issue) whose translation
is not done are only counted: nothing of them, not even a file name, appears before
publication, but the page never says "all translated" while one waits.
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
from ttdn.parity import PairState, pair_states, state_of
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
    age: int = 0  # days the translation has been waiting (see the module)
    owner: str = ""  # the department responsible
    history: str | None = None  # the original's history in the repository


@dataclass(frozen=True)
class Totals:
    originals: int  # published originals × other languages: translations the site needs
    states: dict[str, int]  # state → count, "current" included
    held: int  # unpublished originals whose translation is not done


@dataclass(frozen=True)
class StatusOptions:
    owner: str = ""  # the department responsible when the original names no agency
    repo_url: str | None = None
    history: str = "commits/main/{path}"  # relative to repo_url; {path}: the original's file
    today: dt.date | None = None

    def history_of(self, shown: str) -> str | None:
        if not self.repo_url:
            return None
        return self.repo_url.rstrip("/") + "/" + self.history.format(path=shown)


def row_of(pair: PairState, options: StatusOptions, title: str, href: str | None) -> StatusRow:
    today = options.today or dt.date.today()
    since = pair.requested if pair.state == "pending" and pair.requested else (
        pair.original.meta.modified)
    return StatusRow(
        title=title, href=href, state=pair.state, requested=pair.requested,
        file=(pair.translation or pair.original).shown,
        age=max(0, (today - since).days),
        owner=getattr(pair.original.meta, "agency", None) or options.owner,
        history=options.history_of(pair.original.shown),
    )


def held_rows(model: BuildModel, options: StatusOptions) -> list[StatusRow]:
    """Unpublished originals whose translation is not done (counted, never shown)."""
    content = model.content
    default = model.languages.default.code
    rows = []
    for original in sorted(content.held.get(default, {}).values(), key=lambda e: str(e.src)):
        for lang in model.languages.others(default):
            pair = state_of(content, original, lang)
            if pair.state != "current":
                rows.append(row_of(pair, options, original.shown, None))
    return rows


def totals(model: BuildModel, held: list[StatusRow]) -> Totals:
    states: dict[str, int] = {}
    count = 0
    for pair in pair_states(model.content):
        states[pair.state] = states.get(pair.state, 0) + 1
        count += 1
    return Totals(count, states, len(held))


def status_entry(lang: Language) -> Entry:
    """The page's own entry, for its head and title (never part of the model)."""
    meta = PageMeta(
        title=lang.t("translation_status_title"),
        description=lang.t("translation_status_intro"),
        date=dt.date.today(),
    )
    return Entry(lang, PurePosixPath(STATUS_PATH) / "index.md", "status", meta)


def sections(
    model: BuildModel, view: PageView, options: StatusOptions | None = None
) -> list[tuple[str, list[StatusRow]]]:
    """(section title, rows) for every section with a translation not done, in path order."""
    options = options or StatusOptions()
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
            row_of(pair, options, pair.original.meta.title,
                   view.href(pair.original.url)
                   if model.content.get(code, pair.original.src) else None)
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
    options: StatusOptions | None = None,
) -> None:
    # Not a page of the site for readers: no canonical, no alternates, never indexed.
    view = replace(view, noindex=True, canonical=None, alternates=[])
    template = env.get_template("translation-status.html")
    context = get_context(nav, files, config, base_url=urlsplit(config.site_url).path)
    context["ttdn"] = view
    options = options or StatusOptions()
    held = held_rows(model, options)
    context["ttdn_status"] = sections(model, view, options)
    context["ttdn_status_held"] = held
    context["ttdn_status_totals"] = totals(model, held)
    target = site_dir / view.page_url / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, valid_toggles(template.render(context)).encode("utf-8"))
