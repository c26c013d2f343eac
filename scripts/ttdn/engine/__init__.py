"""The one door to the site engine: MkDocs 1.6 or ProperDocs 1.6 (its maintained continuation).

Only this package and the plugin adapters (`ttdn.plugins`) import the engine; the rest of ttdn
knows none of it (tests/test_imports.py holds that), so a move to another engine touches these
two places only (MIGRATION.md).

ProperDocs is a renamed MkDocs 1.6 (`properdocs.*` modules, a `properdocs` logger) that answers
`mkdocs.*` imports once `properdocs.replacement` is imported: Material, mkdocs-static-i18n and our
plugins then run on it unchanged. Material still installs MkDocs beside it, so which one runs is
chosen here, once per process, before anything imports `mkdocs`:

    TTDN_ENGINE=mkdocs | properdocs    as asked
    (unset)                            ProperDocs when it is installed, else MkDocs
"""

from __future__ import annotations

import logging
import sys

from ttdn.engine_choice import ENGINES, chosen

NAME = chosen()

if NAME == "properdocs" and "mkdocs" not in sys.modules:
    import properdocs.replacement  # noqa: F401  every `mkdocs.*` import from here on is ProperDocs

    # As `properdocs` (the command) does: Material's and static-i18n's `mkdocs.*` loggers feed
    # ProperDocs' logger, which counts warnings for strict builds.
    logging.getLogger("mkdocs").parent = logging.getLogger("properdocs")
elif NAME == "properdocs" and sys.modules["mkdocs"].__name__ != "properdocs":
    # Classes of both would meet in one build ("must be a subclass of BasePlugin").
    raise ImportError("ttdn.engine: MkDocs was imported before ProperDocs could take its place; "
                      "import ttdn.engine first, or set TTDN_ENGINE=mkdocs.")

import mkdocs  # noqa: E402  (after the choice above)
from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig as SiteConfig  # noqa: E402
from mkdocs.exceptions import Abort, BuildError, ConfigurationError, PluginError  # noqa: E402
from mkdocs.livereload import LiveReloadServer  # noqa: E402

TITLE = {"mkdocs": "MkDocs", "properdocs": "ProperDocs"}[NAME]
VERSION: str = mkdocs.__version__
LOGGER = NAME  # the engine's top logger: its build counts warnings here (strict mode)
BUILD_LOGGER = f"{NAME}.commands.build"

# A build that stops: the message is for the editor, never a traceback.
BuildFailed = (Abort, BuildError, ConfigurationError)

__all__ = [
    "BUILD_LOGGER", "ENGINES", "LOGGER", "NAME", "TITLE", "VERSION", "BuildFailed",
    "LiveReloadServer", "PluginError", "SiteConfig", "build", "load_config",
]
