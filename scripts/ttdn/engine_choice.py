"""Which engine runs (ttdn.engine): read from the environment without importing either, so the
CLI can refuse a wrong TTDN_ENGINE in one line before any command imports the engine."""

from __future__ import annotations

import os
from importlib.util import find_spec

ENGINES = ("mkdocs", "properdocs")


class EngineChoiceError(ImportError):
    """TTDN_ENGINE names no engine, or one that is not installed."""


def chosen() -> str:
    """TTDN_ENGINE when set, else ProperDocs when it is installed, else MkDocs."""
    asked = os.environ.get("TTDN_ENGINE", "").strip().lower()
    if asked and asked not in ENGINES:
        raise EngineChoiceError(
            f"TTDN_ENGINE={asked!r}: hãy viết một trong / write one of {', '.join(ENGINES)}.")
    if asked == "properdocs" and find_spec("properdocs") is None:
        raise EngineChoiceError(
            "TTDN_ENGINE=properdocs nhưng ProperDocs chưa được cài / but ProperDocs is not "
            "installed: pip install -c constraints.txt -e '.[properdocs]'.")
    return asked or ("properdocs" if find_spec("properdocs") else "mkdocs")
