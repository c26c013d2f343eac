"""Job functions for the pool tests: importable by spawned workers (tests/ is on sys.path)."""

from __future__ import annotations

import os
import signal


def double(x: int) -> int:
    return 2 * x


def die_on(x: int, victim: int) -> int:
    """x doubled, except that the worker holding `victim` is killed (as by the OOM killer)."""
    if x == victim:
        os.kill(os.getpid(), signal.SIGKILL)
    return 2 * x


def killing_job():
    """A runner job whose worker dies on p2.jpg (SIGKILL), doing the real work for the others."""
    from functools import partial

    return partial(_killing_job)


def _killing_job(path, key, source, options, root):
    from ttdn.images import runner

    if path.name == "p2.jpg":
        os.kill(os.getpid(), signal.SIGKILL)
    return runner._job(path, key, source, options, root)


def sleep_on(x: int, victim: int) -> int:
    """x doubled, except that the job `victim` never ends (a decoder looping on a fuzzed file)."""
    import time

    while x == victim:
        time.sleep(0.05)
    return 2 * x
