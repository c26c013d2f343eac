"""Both cores: each language of the site built in a process of its own, merged into one site.

mkdocs-static-i18n builds the default language, then each other language from its own
`on_post_build`, one after the other in one process: one core works, the other waits. Here the
parent builds the default language and a forked child builds each other one into a folder of
its own; the children's files are then moved into the parent's site. Every plugin already builds
one language at a time from its own `on_config` (the shared work, images and PDFs, is cached and
made under a lock: `ttdn.files.shared_work`), so a child's language comes out as the serial
build makes it (tests/test_parallel_build.py compares every byte of both).

The children's log records travel to the parent's handlers (one report, one count of findings);
a child that fails makes the build fail with its message.
"""

from __future__ import annotations

import filecmp
import logging
import logging.handlers
import multiprocessing
import os
import shutil
import tempfile
import traceback
from pathlib import Path

from ttdn.engine import LOGGER, BuildFailed, SiteConfig, build, load_config
from ttdn.model import languages_of

CHILD_FAILED = "ttdn-child-failed"  # the record a child sends when its build stops


class LanguageBuildFailed(Exception):
    """A child's build stopped; its messages are already in the report."""


def language_order(config: SiteConfig) -> list[str]:
    """The languages static-i18n builds, the default first; [] without static-i18n."""
    if config.plugins.get("i18n") is None:
        return []
    languages, _ = languages_of(config)
    return languages.codes


def build_site(config_file: str, site_dir: Path, jobs: int) -> None:
    """Build the site into `site_dir` (empty): languages in parallel when `jobs` > 1."""
    config = load_config(config_file, strict=True, site_dir=str(site_dir))
    default, *others = language_order(config) or [""]
    if jobs < 2 or not others:
        build(config)  # static-i18n chains the other languages itself
        return
    context = multiprocessing.get_context("fork")  # the modules are imported once, here
    records = context.Queue()
    children = []
    for code in others:
        folder = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.{code}-", dir=site_dir.parent))
        child = context.Process(target=_child, args=(config_file, code, folder, records),
                                name=f"ttdn-build-{code}")
        children.append((code, folder, child))
    # The handlers the command installed (the editors' report), not those a build adds.
    forward = _Forward(list(logging.getLogger(LOGGER).handlers))
    listener = logging.handlers.QueueListener(records, forward, respect_handler_level=False)
    try:
        for _, _, child in children:
            child.start()
        listener.start()
        failed: BaseException | None = None
        try:
            _only_this_language(config, default)
            build(config)
        except BaseException as err:  # the children are waited for before it goes on
            failed = err
        for _, _, child in children:
            child.join()
        listener.stop()
        if failed is not None:
            raise failed
        broken = [code for code, _, child in children if child.exitcode != 0]
        if broken:
            raise LanguageBuildFailed(f"the build of {', '.join(broken)} stopped (above)")
        for code, folder, _ in children:
            merge(folder, site_dir, code)
    finally:
        for _, folder, child in children:
            if child.is_alive():
                child.kill()
            shutil.rmtree(folder, ignore_errors=True)


def build_in_turn(config: SiteConfig, *, serve_url: str | None = None,
                  dirty: bool = False) -> None:
    """Build the languages one after the other in this process, on this config (its plugins
    keep what one language's build leaves for the next), each with `dirty`: static-i18n's
    chain builds the other languages dirty only when `--dirty` is on the command line, so an
    editor's preview (`ttdn serve`) would render every English page again."""
    order = language_order(config)
    if not order or not dirty:
        build(config, serve_url=serve_url, dirty=dirty)
        return
    for code in order:
        _only_this_language(config, code)
        build(config, serve_url=serve_url, dirty=True)


def _only_this_language(config: SiteConfig, code: str) -> None:
    """Make this process's build one of `code` only: static-i18n starts with the current
    language and chains the others from on_post_build unless it is already `building`."""
    i18n = config.plugins["i18n"]
    i18n.current_language = code
    i18n.building = True


def _child(config_file: str, code: str, folder: Path, records: multiprocessing.Queue) -> None:
    logger = logging.getLogger(LOGGER)
    logger.handlers = [logging.handlers.QueueHandler(records)]
    status = 0
    try:
        config = load_config(config_file, strict=True, site_dir=str(folder))
        _only_this_language(config, code)
        build(config)
    except BuildFailed as err:
        logger.error(str(err), extra={CHILD_FAILED: True})
        status = 1
    except BaseException:
        logger.error(traceback.format_exc(), extra={CHILD_FAILED: True})
        status = 2
    records.close()
    records.join_thread()  # every record sent before the process ends
    os._exit(status)  # no atexit work of the parent's (temporary folders, logging) in the child


class _Forward(logging.Handler):
    """Hands a child's records to the parent's report."""

    def __init__(self, targets: list[logging.Handler]):
        super().__init__()
        self.targets = targets

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(record, CHILD_FAILED, False) and not record.getMessage().strip():
            return
        for handler in self.targets:
            if record.levelno >= handler.level:
                handler.handle(record)


def merge(child_site: Path, site_dir: Path, code: str) -> None:
    """Move a child's files into the site: its language folder, and the files at the root that
    every language build writes (theme assets, shared images and PDFs). As in the serial build,
    where each language writes over the one before, the later language's file is kept."""
    own = child_site / code
    if own.is_dir() and not (site_dir / code).exists():
        os.replace(own, site_dir / code)
    for path in sorted(child_site.rglob("*")):
        if path.is_dir():
            continue
        target = site_dir / path.relative_to(child_site)
        if target.is_file() and filecmp.cmp(path, target, shallow=False):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, target)
