from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SearchConfig(Config):
    enabled = c.Type(bool, default=True)
    # Under each language's root: /search-index/ for Vietnamese, /en/search-index/ for English.
    output_dir = c.Type(str, default="search-index")
    # The search page, under each language's root: where the search box leads without JavaScript
    # (docs/<lang>/tim-kiem.md, template overrides/search.html).
    page = c.Type(str, default="tim-kiem/")
    # Theme assets (overrides/assets/): the loader every page carries, and the stylesheet.
    script = c.Type(str, default="assets/javascripts/search-boot.js")
    stylesheet = c.Type(str, default="assets/stylesheets/search.css")
