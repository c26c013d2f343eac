"""The build model: everything one build knows about the site, computed once, then only read.

    Markdown + photos → content model (ttdn.content) → site index (ttdn.collections)
                      → page views (ttdn.views) → pages, feeds, sitemap, PDFs

The `ttdn-site` plugin loads it in its `on_config` (default-language build) and owns it; every
other plugin, hook or command reaches it through `model_of(config)`, which fails with a clear
message when the plugins stand in the wrong order in mkdocs.yml.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ttdn.assets import Assets
from ttdn.collections import SiteIndex, index_site
from ttdn.content import Content, ContentType, load_content
from ttdn.content.categories import Category, categories
from ttdn.content.types import Labels, type_findings, type_of
from ttdn.engine import PluginError
from ttdn.findings import Finding
from ttdn.guard import gate
from ttdn.i18n import Languages
from ttdn.parity import pair_findings

if TYPE_CHECKING:
    from ttdn.engine import SiteConfig

SITE_PLUGIN = "ttdn-site"


@dataclass(frozen=True)
class BuildModel:
    languages: Languages
    site_names: Mapping[str, str]  # the site's name in each language
    categories: Mapping[str, Category]
    types: tuple[ContentType, ...]
    content: Content
    index: SiteIndex
    assets: Assets
    site_url: str

    def type_named(self, name: str) -> ContentType | None:
        """The declared type of an entry (None for generated listing pages)."""
        return next((kind for kind in self.types if kind.name == name), None)


def languages_of(config: SiteConfig) -> tuple[Languages, dict[str, str]]:
    """The languages mkdocs-static-i18n builds (mkdocs.yml), and the site's name in each.

    The one place the list of languages is read; audits and commands call it too.
    """
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("ttdn needs the mkdocs-static-i18n plugin ('i18n') in mkdocs.yml.")
    built = [lang for lang in i18n.config.languages if lang.build]
    default = next(lang.locale for lang in built if lang.default)
    # A language without a name of its own has the configuration's: as written in mkdocs.yml,
    # not as static-i18n set it for the language being built (a build of English alone).
    written = getattr(i18n, "original_configs", {}).get("site_name", config.site_name)
    names = {lang.locale: lang.site_name or written for lang in built}
    return Languages.from_codes([lang.locale for lang in built], default), names


def load_model(
    config: SiteConfig,
    types: tuple[ContentType, ...],
    assets: Assets,
    today: dt.date | None = None,
    drafts: bool = False,
) -> tuple[BuildModel, list[Finding]]:
    """Read the content, check every file it refers to, compute the collections (`drafts`:
    with drafts and scheduled pages, for `ttdn serve`)."""
    languages, site_names = languages_of(config)
    known = categories()
    content, findings = load_content(
        Path(config.docs_dir), languages, types, known, root=assets.root, today=today,
        pages=gate.pages_of(config),
        drafts=drafts,
    )
    findings += published_only(assets.check(content), content, types, today, drafts)
    findings += type_findings(content, types)  # the bulletin's numbering, both languages…
    findings += pair_findings(content)  # a draft's translation must not go out alone
    labels = {
        lang.code: Labels(lang, known, site_names[lang.code]) for lang in languages.all
    }
    index = index_site(content, types, labels, today or dt.date.today())
    model = BuildModel(
        languages, site_names, known, types, content, index, assets, config.site_url or ""
    )
    return model, findings


def published_only(found: list[Finding], content: Content, types: tuple[ContentType, ...],
                    today: dt.date | None, drafts: bool) -> list[Finding]:
    """With drafts shown (`ttdn serve`), a draft's missing photo is not yet a mistake (a new
    issue's cover is added last): only pages that would be published keep their findings."""
    if not drafts:
        return found
    day = today or dt.date.today()
    unpublished = {e.shown for e in content if not type_of(e.src, types).published(e.meta, day)}
    return [f for f in found if f.path not in unpublished]


def model_of(config: SiteConfig) -> BuildModel:
    """This build's model, for any plugin, hook or command that runs after `ttdn-site`."""
    plugin = config.plugins.get(SITE_PLUGIN)
    model = getattr(plugin, "model", None)
    if model is None:
        raise PluginError(
            f"ttdn: the build model is not loaded yet. List '{SITE_PLUGIN}' in mkdocs.yml's "
            "plugins after 'i18n' and before every other ttdn plugin."
        )
    return model
