"""Derivatives are keyed on content + options + recipe; writes are atomic; a killed run heals."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from PIL import Image

from images.image_fixtures import noise, write_jpeg
from ttdn.images.cache import Store
from ttdn.images.options import ImageOptions
from ttdn.images.runner import run


def test_an_unchanged_rerun_is_all_cache_hits_and_rewrites_nothing(tmp_path, options):
    write_jpeg(tmp_path / "photos" / "a.jpg", noise((120, 90)))
    write_jpeg(tmp_path / "photos" / "b.jpg", noise((120, 90), seed=1))
    originals = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (tmp_path / "photos").iterdir()}
    first = run([tmp_path / "photos"], tmp_path / "out", options, jobs=1)
    assert first.summary.built == 2
    stamps = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "out").iterdir()}
    second = run([tmp_path / "photos"], tmp_path / "out", options, jobs=1)
    assert (second.summary.built, second.summary.cached) == (0, 2)
    assert {p.name: p.stat().st_mtime_ns for p in (tmp_path / "out").iterdir()} == stamps
    # The originals are only ever read.
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in originals} == originals


def test_a_replaced_photo_with_the_same_name_is_rebuilt_and_the_old_derivatives_pruned(
    tmp_path, options
):
    photo = write_jpeg(tmp_path / "photos" / "a.jpg", noise((120, 90)))
    old = run([tmp_path / "photos"], tmp_path / "out", options, jobs=1).records[photo]
    write_jpeg(photo, noise((120, 90), seed=5))
    result = run([tmp_path / "photos"], tmp_path / "out", options, jobs=1)
    new = result.records[photo]
    assert result.summary.built == 1 and new.key != old.key
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert names == {*new.files(), f"{new.key}.json"}


def test_changing_an_option_rebuilds(tmp_path, options):
    write_jpeg(tmp_path / "photos" / "a.jpg", noise((120, 90)))
    run([tmp_path / "photos"], tmp_path / "out", options, jobs=1)
    again = run([tmp_path / "photos"], tmp_path / "out", options.with_(jpeg_quality=70), jobs=1)
    assert again.summary.built == 1


def test_a_record_whose_file_vanished_is_a_miss(tmp_path, options):
    photo = write_jpeg(tmp_path / "photos" / "a.jpg", noise((120, 90)))
    record = run([tmp_path / "photos"], tmp_path / "out", options, jobs=1).records[photo]
    (tmp_path / "out" / record.files()[0]).unlink()
    assert Store(tmp_path / "out").load(record.key) is None
    assert run([tmp_path / "photos"], tmp_path / "out", options, jobs=1).summary.built == 1


def test_outputs_are_intact_after_a_run_killed_midway_and_the_next_run_completes(tmp_path):
    photos = tmp_path / "photos"
    for i in range(10):
        write_jpeg(photos / f"p{i}.jpg", noise((900, 600), seed=i))
    out = tmp_path / "out"
    code = "import sys; from ttdn.cli import main; sys.exit(main())"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "images", str(photos), "--out", str(out), "-j", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if out.is_dir() and len([p for p in out.iterdir() if p.suffix == ".avif"]) >= 3:
            break
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # the whole group: the CLI and its pool workers
    proc.wait()
    for path in out.iterdir():
        if path.name.startswith("."):
            continue  # a temporary file: never a final name, removed by the next run
        if path.suffix == ".json":
            assert Store(out).load(path.stem) is not None, path.name
        else:
            with Image.open(path) as im:
                im.load()  # raises on a truncated file
    options = ImageOptions()
    result = run([photos], out, options, jobs=2)
    assert not result.summary.errors and len(result.records) == 10
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
    for record in result.records.values():
        for name in record.files():
            with Image.open(out / name) as im:
                im.load()
