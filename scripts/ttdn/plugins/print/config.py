from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class PrintConfig(Config):
    # Off: no PDFs and no links to them (e.g. a quick preview while writing).
    enabled = c.Type(bool, default=True)
    # Relative to mkdocs.yml; keep it between CI runs: an unchanged issue is not rendered again.
    cache_dir = c.Type(str, default=".cache/plugin/ttdn-print")
