from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class PrintConfig(Config):
    # Off: no PDFs and no links to them (e.g. a quick preview while writing).
    enabled = c.Type(bool, default=True)
    # Relative to mkdocs.yml; keep it between CI runs: an unchanged issue is not rendered again.
    cache_dir = c.Type(str, default=".cache/plugin/ttdn-print")
    # The colophon of every print edition: licence (giấy phép xuất bản), print_run (số lượng
    # in), printer (nơi in). Facts the province gives; a missing one is printed as a marked
    # placeholder, never guessed (README, "Print editions").
    colophon = c.Type(dict, default={})
