"""Options of the `ttdn-guard` plugin."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class GuardConfig(Config):
    # No `enabled` switch: the site is never built without the guard.
    # Where photos go (relative to mkdocs.yml), named in the advice when one is found in docs/.
    photos_dir = c.Type(str, default="photos")
