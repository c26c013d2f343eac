"""Commands the messages suggest, written so that they work when pasted at the repository root.

`ttdn` lives in the project's venv (.venv/bin/ttdn) and is not on an editor's PATH; the `run`
script passes `./run ttdn ARGS…` to it (creating the venv first if needed), so every message
says `./run ttdn …` with real paths from the repository root, never a placeholder like FILE.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable

COMMAND = "./run ttdn"


def suggest(*args: str | Iterable[str]) -> str:
    """`./run ttdn ARGS…`, each argument quoted for a POSIX shell only when it needs it."""
    words: list[str] = []
    for arg in args:
        words.extend([arg] if isinstance(arg, str) else arg)
    return " ".join([COMMAND, *(shlex.quote(word) for word in words)])
