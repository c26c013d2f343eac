"""Options of the `ttdn-photobook` plugin."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class PhotoBookConfig(Config):
    enabled = c.Type(bool, default=True)
    # Relative to mkdocs.yml. Keep it between CI runs: print photos, PDFs and zips are reused.
    cache_dir = c.Type(str, default=".cache/plugin/ttdn-photobook")
    # Render the PDFs (the slowest step, ~1 s a page the first time; cached afterwards).
    print_editions = c.Type(bool, default=True)
    # The PDFs' file name before "-<edition>.pdf", in the book's folder of the site.
    pdf_name = c.Type(str, default="sach-anh-quang-ngai")
