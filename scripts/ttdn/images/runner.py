"""Fan the pipeline out over files: walk the sources, skip cache hits, process the rest in a pool.

Each file either yields a record or an `ImageError`, whatever goes wrong and wherever: a Python
exception, a decoder's crash or a worker killed for memory. One bad file never stops the others;
the run always finishes, summarises and prunes. The caller (CLI or plugin) turns errors into
messages and exit codes.
"""

from __future__ import annotations

import os
import resource
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ttdn.files import TEMP_PREFIX
from ttdn.images import reasons
from ttdn.images.cache import Store, cache_key, content_hash
from ttdn.images.capture import captured
from ttdn.images.model import ImageError, ImageRecord
from ttdn.images.options import ImageOptions
from ttdn.images.pipeline import check_file, init_process, process, unreadable
from ttdn.images.pool import Died, run_jobs
from ttdn.images.walk import collect


@dataclass
class Outcome:
    path: Path
    record: ImageRecord | None = None
    error: ImageError | None = None
    cached: bool = False
    warnings: list[str] = field(default_factory=list)  # decoder messages while processing
    trace: str = ""  # the traceback of an unexpected exception, for --debug


@dataclass
class Summary:
    files: int = 0
    built: int = 0
    cached: int = 0
    pruned: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    seconds: float = 0.0
    errors: list[ImageError] = field(default_factory=list)
    warnings: dict[Path, list[str]] = field(default_factory=dict)
    traces: dict[Path, str] = field(default_factory=dict)

    def line(self) -> str:
        ratio = f"{100 * self.bytes_out / self.bytes_in:.1f} %" if self.bytes_in else "-"
        return (
            f"{self.files} ảnh/images ({self.built} built, {self.cached} cached, "
            f"{len(self.errors)} lỗi/errors) · {_mb(self.bytes_in)} → {_mb(self.bytes_out)} "
            f"({ratio}) · {self.seconds:.1f} s"
        )


@dataclass
class RunResult:
    records: dict[Path, ImageRecord]
    summary: Summary


def _mb(n: int) -> str:
    return f"{n / 1048576:.1f} MB"


def _job(path: Path, key: str, source: str, options: ImageOptions, root: Path) -> Outcome:
    """One original, every failure turned into its ImageError; decoder messages kept with it."""
    trace = ""
    record = error = None
    with captured() as noise:
        try:
            record = process(path, key, source, options, Store(root))
        except ImageError as err:
            error = err
        except MemoryError:
            error = reasons.out_of_memory(path, options.worker_memory_mb)
        except RecursionError as err:
            error = reasons.corrupt(path, err)
        except Exception as err:  # noqa: BLE001 - any failure is this file's, never the run's
            error = reasons.crashed(path, f"{type(err).__name__}: {err}")
            trace = traceback.format_exc()
    return Outcome(path, record=record, error=error, warnings=noise.lines, trace=trace)


def check_out(out: Path, sources: Iterable[Path]) -> None:
    """Before any work: `out` is a folder we can create and write, outside every source.

    A store inside a source folder would be walked by the next run, which would then process
    its own derivatives. Raises an ImageError naming `out`.
    """
    where = out.resolve()
    for src in sources:
        folder = src.resolve()
        if where == folder or where.is_relative_to(folder) or folder.is_relative_to(where):
            raise ImageError(
                out,
                f"thư mục --out nằm trong (hoặc chứa) thư mục nguồn {src}; lần chạy sau sẽ xử lý "
                "lại chính các bản nhỏ: hãy chọn thư mục ở ngoài",
                f"--out is inside (or contains) the source {src}; the next run would process "
                "its own derivatives: choose a folder outside it",
            )
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=out, prefix=TEMP_PREFIX)
        probe.close()
    except FileExistsError:
        raise ImageError(out, "--out đã là một tệp, không phải thư mục",
                         "--out exists and is a file, not a folder") from None
    except OSError as err:
        detail = err.strerror or str(err)
        raise ImageError(out, f"không tạo hoặc ghi được thư mục --out ({detail})",
                         f"cannot create or write the --out folder ({detail})") from None


def init_worker(options: ImageOptions) -> None:
    """Pool worker set-up: cap its address space, then the pipeline's per-process set-up."""
    limit = options.worker_memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or limit < hard:
        # Soft limit only: allocations past it fail (MemoryError, or a decoder's error) in this
        # worker alone; the hard limit stays as it was.
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    init_process(options)


def run(
    sources: Iterable[Path],
    out: Path,
    options: ImageOptions,
    *,
    jobs: int | None = None,
    report: Callable[[Outcome, int, int], None] | None = None,
    prune: bool = True,
    source_name: Callable[[Path], str] = str,
) -> RunResult:
    """Process every image under `sources` into the store `out`; `report(outcome, done, total)`."""
    started = time.perf_counter()
    sources = list(sources)
    check_out(out, sources)
    store = Store(out)
    files, errors = collect(sources)
    summary = Summary(files=len(files) + len(errors), errors=errors)
    records: dict[Path, ImageRecord] = {}
    todo: dict[str, list[Path]] = {}  # key -> originals with those bytes (processed once)
    done = 0

    def finish(outcome: Outcome) -> None:
        nonlocal done
        done += 1
        if outcome.warnings:
            summary.warnings[outcome.path] = outcome.warnings
        if outcome.trace:
            summary.traces[outcome.path] = outcome.trace
        if outcome.error is not None:
            summary.errors.append(outcome.error)
        elif outcome.record is not None:
            records[outcome.path] = outcome.record
            summary.bytes_in += outcome.record.bytes_in
            summary.bytes_out += outcome.record.bytes_out
            if outcome.cached:
                summary.cached += 1
            else:
                summary.built += 1
        if report is not None:
            report(outcome, done, len(files))

    keys: dict[Path, str] = {}
    for path in files:
        try:
            check_file(path, options)
            sha, _ = content_hash(path)
        except ImageError as err:
            finish(Outcome(path, error=err))
            continue
        except OSError as err:
            finish(Outcome(path, error=unreadable(path, err)))
            continue
        key = keys[path] = cache_key(sha, options.digest())
        if (record := store.load(key)) is not None:
            finish(Outcome(path, record=record, cached=True))
        else:
            todo.setdefault(key, []).append(path)

    for outcome in _process_all(todo, options, out, jobs, source_name):
        for path in todo[keys[outcome.path]]:
            finish(Outcome(path, record=outcome.record, error=_for(outcome.error, path),
                           warnings=outcome.warnings, trace=outcome.trace))

    if prune:
        summary.pruned = store.prune(set(keys.values()))
    summary.seconds = time.perf_counter() - started
    return RunResult(records=records, summary=summary)


def _for(error: ImageError | None, path: Path) -> ImageError | None:
    return None if error is None else ImageError(path, error.vi, error.en)


def _process_all(todo: dict[str, list[Path]], options: ImageOptions, out: Path,
                 jobs: int | None, source_name: Callable[[Path], str]) -> Iterable[Outcome]:
    """In this process when `jobs == 1` (tests, small plugin builds), else in a worker pool."""
    items = [(paths[0], key) for key, paths in todo.items()]
    if not items:
        return
    if jobs == 1:
        init_process(options)
        for path, key in items:
            yield _job(path, key, source_name(path), options, out)
        return
    work = [(path, _job, (path, key, source_name(path), options, out)) for path, key in items]
    workers = jobs or os.cpu_count() or 1
    for path, result in run_jobs(work, workers, init_worker, (options,),
                                 timeout=options.job_timeout_s):
        if isinstance(result, Died):
            yield Outcome(path, error=reasons.crashed(path, str(result)))
        else:
            yield result
