"""Writing files so that a build killed at any moment leaves no half-written file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Temporary files start with this; their folder's owner may remove strays left by a killed run.
TEMP_PREFIX = ".ttdn-tmp-"


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`.

    A process killed at any moment leaves either the old file, the new one, or a stray temporary
    file that the next run removes; never a half-written `path`. (No fsync: we guard against a
    killed build, not a power cut, and fsync per file would double the cost on CI.)
    """
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
