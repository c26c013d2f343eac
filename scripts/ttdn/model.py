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
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ttdn.assets import Assets
from ttdn.collections import SiteIndex, index_site
from ttdn.content import Content, ContentType, load_content
from ttdn.content.categories import Category, categories
from ttdn.content.types import Labels, type_findings
from ttdn.findings import Finding
from ttdn.i18n import Languages
from ttdn.parity import pair_findings
from ttdn.preview import Preview, update_content

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


def languages_of(config: MkDocsConfig) -> tuple[Languages, dict[str, str]]:
    """The languages mkdocs-static-i18n builds (mkdocs.yml), and the site's name in each.

    The one place the list of languages is read; audits and commands call it too.
    """
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("ttdn needs the mkdocs-static-i18n plugin ('i18n') in mkdocs.yml.")
    built = [lang for lang in i18n.config.languages if lang.build]
    default = next(lang.locale for lang in built if lang.default)
    names = {lang.locale: lang.site_name or config.site_name for lang in built}
    return Languages.from_codes([lang.locale for lang in built], default), names


def load_model(
    config: MkDocsConfig,
    types: tuple[ContentType, ...],
    assets: Assets,
    today: dt.date | None = None,
) -> tuple[BuildModel, list[Finding]]:
    """Read the content, check every file it refers to, compute the collections."""
    languages, site_names = languages_of(config)
    known = categories()
    content, findings = load_content(
        Path(config.docs_dir), languages, types, known, root=assets.root, today=today
    )
    findings += assets.check(content)
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


def update_model(
    previous: BuildModel,
    config: MkDocsConfig,
    saved: dict[str, set[PurePosixPath]],
    assets: Assets,
    today: dt.date | None = None,
) -> tuple[BuildModel, list[Finding]]:
    """The previous model with the `saved` pages read again (`ttdn serve`'s preview builds):
    the same model `load_model` would give while no page was added or removed."""
    everywhere = set().union(*saved.values())  # a page and its translations
    fresh, findings = load_content(
        Path(config.docs_dir), previous.languages, previous.types, previous.categories,
        root=assets.root, today=today, only=everywhere,
    )
    findings += assets.check(fresh)
    content = update_content(
        previous.content, fresh, {code: everywhere for code in previous.languages.codes}
    )
    findings += pair_findings(content)
    labels = {
        lang.code: Labels(lang, previous.categories, previous.site_names[lang.code])
        for lang in previous.languages.all
    }
    index = index_site(content, previous.types, labels, today or dt.date.today())
    return replace(previous, content=content, index=index, assets=assets), findings


def preview_of(config: MkDocsConfig) -> Preview | None:
    """The preview `ttdn serve` asked for, or None for a full build."""
    return getattr(config.plugins.get(SITE_PLUGIN), "preview", None)


def model_of(config: MkDocsConfig) -> BuildModel:
    """This build's model, for any plugin, hook or command that runs after `ttdn-site`."""
    plugin = config.plugins.get(SITE_PLUGIN)
    model = getattr(plugin, "model", None)
    if model is None:
        raise PluginError(
            f"ttdn: the build model is not loaded yet. List '{SITE_PLUGIN}' in mkdocs.yml's "
            "plugins after 'i18n' and before every other ttdn plugin."
        )
    return model
