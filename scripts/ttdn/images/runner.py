"""Fan the pipeline out over files: walk the sources, skip cache hits, process the rest in a pool.

Each file either yields a record or an `ImageError`; one bad file never stops the others. The
caller (CLI or plugin) turns errors into messages and exit codes.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from ttdn.images.cache import Store, cache_key, content_hash
from ttdn.images.model import ImageError, ImageRecord
from ttdn.images.options import IMAGE_SUFFIXES, NOTE_SUFFIXES, ImageOptions
from ttdn.images.pipeline import check_file, init_process, process, unreadable


@dataclass
class Outcome:
    path: Path
    record: ImageRecord | None = None
    error: ImageError | None = None
    cached: bool = False


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


def collect(sources: Iterable[Path]) -> tuple[list[Path], list[ImageError]]:
    """Image files under the sources (files or folders), sorted; other files are refused by name.

    Hidden files and notes (.md, .txt) beside the photos are skipped silently.
    """
    found: list[Path] = []
    errors: list[ImageError] = []
    for src in sources:
        if src.is_dir():
            candidates = sorted(p for p in src.rglob("*") if p.is_file())
        elif src.exists():
            candidates = [src]
        else:
            errors.append(ImageError(src, "không tìm thấy tệp hoặc thư mục",
                                     "no such file or folder"))
            continue
        for path in candidates:
            rel = path.relative_to(src) if src.is_dir() else Path(path.name)
            if any(part.startswith(".") for part in rel.parts):
                continue
            suffix = path.suffix.lower()
            if suffix in IMAGE_SUFFIXES:
                found.append(path)
            elif suffix not in NOTE_SUFFIXES:
                errors.append(ImageError(
                    path,
                    f"định dạng không được hỗ trợ ({suffix or 'không đuôi'}); "
                    "chỉ nhận JPEG, PNG, WebP, AVIF, GIF, MPO, TIFF, HEIC",
                    f"unsupported format ({suffix or 'no suffix'}); "
                    "accepted: JPEG, PNG, WebP, AVIF, GIF, MPO, TIFF, HEIC",
                ))
    return sorted(set(found)), errors


def _job(path: Path, key: str, source: str, options: ImageOptions, root: Path) -> Outcome:
    try:
        return Outcome(path, record=process(path, key, source, options, Store(root)))
    except ImageError as err:
        return Outcome(path, error=err)


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
    store = Store(out)
    store.ensure()
    files, errors = collect(sources)
    summary = Summary(files=len(files) + len(errors), errors=errors)
    records: dict[Path, ImageRecord] = {}
    todo: dict[str, list[Path]] = {}  # key -> originals with those bytes (processed once)
    done = 0

    def finish(outcome: Outcome) -> None:
        nonlocal done
        done += 1
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
            finish(Outcome(path, record=outcome.record, error=_for(outcome.error, path)))

    if prune:
        summary.pruned = store.prune(set(keys.values()))
    summary.seconds = time.perf_counter() - started
    return RunResult(records=records, summary=summary)


def _for(error: ImageError | None, path: Path) -> ImageError | None:
    return None if error is None else ImageError(path, error.vi, error.en)


def _process_all(todo: dict[str, list[Path]], options: ImageOptions, out: Path,
                 jobs: int | None, source_name: Callable[[Path], str]) -> Iterable[Outcome]:
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    items = [(paths[0], key) for key, paths in todo.items()]
    if jobs == 1:
        init_process(options)
        for path, key in items:
            yield _job(path, key, source_name(path), options, out)
        return
    # spawn, not fork: `mkdocs serve` runs threads, and forking a threaded process can deadlock.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=init_process,
                             initargs=(options,)) as pool:
        futures: dict[Future[Outcome], Path] = {
            pool.submit(_job, path, key, source_name(path), options, out): path
            for path, key in items
        }
        pending = set(futures)
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                try:
                    yield future.result()
                except BrokenProcessPool:
                    # A decoder crashed the process (never seen, but C code): name the files.
                    path = futures[future]
                    yield Outcome(path, error=ImageError(
                        path, "tiến trình xử lý ảnh bị dừng đột ngột",
                        "the image worker process died while processing this file"))
