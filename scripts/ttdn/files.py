"""Writing files so that a build killed at any moment leaves no half-written file behind, and
caches that two builds running at once fill once."""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
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


LOCK_NAME = ".ttdn-lock"


@contextmanager
def shared_work(cache_dir: Path) -> Iterator[None]:
    """Hold `cache_dir`'s lock while filling it.

    Two builds may run at once (each language in a process of its own, `ttdn.engine.languages`,
    or two terminals): the first makes the cached files, the other waits and then finds them
    made, instead of making them twice and pruning each other's. The lock is the kernel's
    (flock): a killed build never leaves it held.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    with open(cache_dir / LOCK_NAME, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def publish(cached: Path, target: Path) -> None:
    """Put a cached file (an image derivative, a PDF, a zip) into the site: a hard link when
    both are on one disk (a build of ten years publishes thousands, some of 20 MB), else a copy.
    The cache replaces its files by renaming new ones over them (`atomic_write`), never by
    writing into them, so the site's link keeps the bytes it was built with."""
    target.unlink(missing_ok=True)
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)
