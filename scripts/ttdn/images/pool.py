"""A process pool that survives its workers: one job per worker at a time, so a death has one name.

`concurrent.futures.ProcessPoolExecutor` breaks as a whole when one worker dies (a decoder
segfault, the OOM killer): every pending file then fails with "process pool broken". Here each
worker holds exactly one job; a worker that dies is replaced, its job retried once alone (an OOM
kill may have been the neighbours' fault), and only a second death blames the file.

Workers never outlive the parent: each asks the kernel for SIGKILL when its parent dies
(prctl PR_SET_PDEATHSIG), and exits when the parent's end of its pipe closes.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class Died:
    """A worker ended while holding a job: how it ended."""

    exitcode: int | None
    timeout: float | None = None  # set when the parent stopped a job that ran too long

    def __str__(self) -> str:
        if self.timeout is not None:
            return f"still running after {self.timeout:.0f} s: stopped"
        code = self.exitcode
        if code is not None and code < 0:
            name = signal.Signals(-code).name if -code in signal.valid_signals() else -code
            hint = "; out of memory?" if code == -signal.SIGKILL else ""
            return f"worker process ended by {name}{hint}"
        return f"worker process exited with status {code}"


def die_with_parent(parent: int) -> None:
    """Make the kernel kill this process when its parent dies (Linux; elsewhere a no-op)."""
    libc_name = ctypes.util.find_library("c")
    if libc_name and hasattr(os, "getppid"):
        try:
            libc = ctypes.CDLL(libc_name, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # not Linux: the closed pipe still ends the worker between jobs
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _worker(conn: Connection, parent: int, initializer: Callable[..., None] | None,
            initargs: Sequence[Any]) -> None:
    die_with_parent(parent)
    if initializer is not None:
        initializer(*initargs)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if job is None:
            return
        func, args = job
        conn.send(func(*args))


class _Slot:
    def __init__(self, context: Any, initializer: Callable[..., None] | None,
                 initargs: Sequence[Any]) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker, daemon=True,
                                       args=(child, os.getpid(), initializer, tuple(initargs)))
        self.process.start()
        child.close()
        self.job: tuple[Any, Callable[..., Any], tuple[Any, ...]] | None = None
        self.started = 0.0

    def give(self, job: tuple[Any, Callable[..., Any], tuple[Any, ...]]) -> None:
        self.job = job
        self.started = time.monotonic()
        self.conn.send(job[1:])

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.conn.close()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def run_jobs(jobs: Sequence[tuple[Any, Callable[..., Any], tuple[Any, ...]]], workers: int,
             initializer: Callable[..., None] | None = None,
             initargs: Sequence[Any] = (), timeout: float | None = None
             ) -> Iterator[tuple[Any, Any]]:
    """Run `func(*args)` for each `(tag, func, args)` in worker processes; yield `(tag, result)`.

    `result` is what `func` returned (never None), or a `Died` when its worker died twice on it
    or ran longer than `timeout` seconds (a decoder looping on a fuzzed file; not retried).
    Results come in completion order. Functions and arguments must be picklable (spawn).
    """
    # spawn, not fork: `mkdocs serve` runs threads, and forking a threaded process can deadlock.
    context = multiprocessing.get_context("spawn")
    queue: deque[tuple[Any, Callable[..., Any], tuple[Any, ...]]] = deque(jobs)
    retry: deque[tuple[Any, Callable[..., Any], tuple[Any, ...]]] = deque()
    retried: set[int] = set()  # id() of the jobs already given their second chance
    slots: list[_Slot] = []
    try:
        slots = [_Slot(context, initializer, initargs)
                 for _ in range(max(1, min(workers, len(queue))))]
        while queue or retry or any(s.job for s in slots):
            for slot in slots:
                if slot.job is None and queue:
                    slot.give(queue.popleft())
                elif slot.job is None and retry and not any(s.job for s in slots):
                    slot.give(retry.popleft())  # the second chance runs with no neighbour
            busy = [s for s in slots if s.job is not None]
            left = None
            if timeout is not None:
                left = max(0.0, min(s.started for s in busy) + timeout - time.monotonic())
            ready = set(wait([s.conn for s in busy] + [s.process.sentinel for s in busy], left))
            for index, slot in enumerate(slots):
                job = slot.job
                if (job is not None and timeout is not None and not ready & {slot.conn}
                        and time.monotonic() - slot.started >= timeout):
                    slot.process.kill()
                    slot.process.join()
                    slot.conn.close()
                    slots[index] = _Slot(context, initializer, initargs)
                    yield job[0], Died(None, timeout=timeout)
                    continue
                if job is None or not ready & {slot.conn, slot.process.sentinel}:
                    continue
                try:
                    result = slot.conn.recv() if slot.conn.poll() else None
                except (EOFError, OSError):
                    result = None
                if result is not None:
                    slot.job = None
                    yield job[0], result
                    continue
                if slot.process.is_alive() and slot.process.sentinel not in ready:
                    continue  # woken for nothing
                slot.process.join()
                died = Died(slot.process.exitcode)
                slot.conn.close()
                slots[index] = _Slot(context, initializer, initargs)
                if id(job) in retried:
                    yield job[0], died
                else:
                    retried.add(id(job))
                    retry.append(job)
    finally:
        for slot in slots:
            slot.stop()
