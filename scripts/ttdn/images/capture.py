"""Decoder chatter, caught per file: Python warnings and what C libraries write to stderr.

libtiff, libjpeg and Pillow's own UserWarnings otherwise print hundreds of raw lines per run with
no file name. Inside `captured()` both are collected into `lines`, for the summary to show one
line per file (all of them with --verbose).
"""

from __future__ import annotations

import os
import sys
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

MAX_LINES = 200  # a fuzzed TIFF can warn thousands of times: keep the first ones


@dataclass
class Captured:
    lines: list[str] = field(default_factory=list)


@contextmanager
def captured() -> Iterator[Captured]:
    result = Captured()
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as sink, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        os.dup2(sink.fileno(), 2)
        try:
            yield result
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            text = sink.read(1 << 16).decode("utf-8", "replace")
            lines = [f"{w.category.__name__}: {w.message}" for w in caught]
            lines += [line.strip() for line in text.splitlines() if line.strip()]
            result.lines[:] = _unique(lines)[:MAX_LINES]


def _unique(lines: list[str]) -> list[str]:
    return list(dict.fromkeys(lines))
