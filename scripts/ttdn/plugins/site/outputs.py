"""The files ttdn-site writes after a language build: 404 page, link-preview image and feeds for
that language; sitemap and fonts once, for every language."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import escape
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from ttdn import brand, feeds, fonts
from ttdn.assets import Asset
from ttdn.files import atomic_write
from ttdn.i18n import Language
from ttdn.model import BuildModel
from ttdn.sitemap import sitemap_xml
from ttdn.views import PageView

# Material's two menu toggles carry autocomplete="off", which HTML allows only on controls that
# take text: the Nu checker rejects every page. They sit outside every template block, so the
# attribute is dropped from the output rather than by copying Material's base.html.
TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')


def valid_toggles(html: str) -> str:
    return TOGGLE_AUTOCOMPLETE.sub(r"\1", html)


# Material's skip link goes to the page's first table-of-contents entry (a heading halfway down
# an article, or nothing on a page without headings): every page's link goes to its <h1>.
SKIP_SLOT = re.compile(r'<div data-md-component="skip">.*?</div>', re.S)
FIRST_H1 = re.compile(r"<h1(?P<attrs>[^>]*)>")
H1_ID = re.compile(r'\bid="(?P<id>[^"]+)"')
TITLE_ID = "ttdn-title"


def skip_to_title(html: str, label: str) -> str:
    """Point the skip link at the page's first <h1>, giving it an id if it has none."""
    h1 = FIRST_H1.search(html)
    if h1 is None or SKIP_SLOT.search(html) is None:
        return html
    found = H1_ID.search(h1["attrs"])
    target = found["id"] if found else TITLE_ID
    if found is None:
        html = html[: h1.start()] + f'<h1 id="{TITLE_ID}"{h1["attrs"]}>' + html[h1.end():]
    link = f'<div data-md-component="skip"><a href="#{target}" class="md-skip">{label}</a></div>'
    return SKIP_SLOT.sub(lambda _m: link, html, count=1)


def render_404(
    env: Environment, nav: Navigation, files: Files, config: MkDocsConfig, view: PageView
) -> str:
    """The theme's 404.html for this language, rendered as MkDocs renders error pages."""
    template = env.get_template("404.html")
    context = get_context(nav, files, config, base_url=urlsplit(config.site_url).path)
    context["ttdn"] = view
    html = valid_toggles(template.render(context))
    return skip_to_title(html, escape(view.lang.strings["material"]["action.skip"]))


def write_language(
    model: BuildModel,
    lang: Language,
    config: MkDocsConfig,
    site_dir: Path,
    not_found_html: str,
    cache_dir: Path,
    default_image: str,
) -> None:
    target = site_dir / lang.prefix / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(not_found_html, encoding="utf-8")
    brand.write_og_image(
        config.site_name, site_dir / lang.prefix / default_image, cache_dir / "brand"
    )
    image: Callable[..., Asset | None] = model.assets.preview_image
    printer = config.plugins.get("ttdn-print")  # a bulletin issue's enclosure is its PDF
    enclosure = printer.enclosure if printer is not None else None
    for feed in model.index.feeds_of(lang.code):
        folder = site_dir / feed.base
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(folder / "rss.xml", feeds.rss_xml(feed, model, image, enclosure))
        atomic_write(folder / "feed.json", feeds.json_feed(feed, model, image))


def write_shared(model: BuildModel, site_dir: Path, cache_dir: Path) -> None:
    atomic_write(site_dir / "sitemap.xml", sitemap_xml(model.index.pages, model.site_url))
    fonts.install_fonts(cache_dir / "fonts", site_dir / "assets" / "fonts")
