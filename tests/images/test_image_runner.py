"""The run survives the world's files: walk errors, --out checks, bombs, dead workers, warnings."""

from __future__ import annotations

import os
import signal
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from images import pool_jobs
from images.image_fixtures import encoded, noise, valid_files, write_jpeg
from ttdn.images import walk
from ttdn.images.cli import images
from ttdn.images.pool import Died, run_jobs
from ttdn.images.runner import run


def errors_by_name(result) -> dict[str, str]:
    return {e.path.name: str(e) for e in result.summary.errors}


# --- Walking ---------------------------------------------------------------------------------


def test_files_are_taken_by_content_whatever_their_name(tmp_path, options):
    photos = tmp_path / "photos"
    photos.mkdir()
    (photos / "anh.jfif").write_bytes(encoded("JPEG"))
    (photos / "no-suffix").write_bytes(encoded("PNG"))
    (photos / "disguised.txt").write_bytes(encoded("WEBP"))  # a photo pretending to be a note
    (photos / ".hidden.jpg").write_bytes(encoded("JPEG", noise((64, 48), seed=4)))
    (photos / "credits.md").write_text("Ảnh: Sở Ngoại vụ")  # a real note: skipped
    (photos / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    (photos / "notes.docx").write_bytes(b"PK\x03\x04 not an image")
    result = run([photos], tmp_path / "out", options, jobs=1)
    assert sorted(p.name for p in result.records) == [
        ".hidden.jpg", "anh.jfif", "disguised.txt", "no-suffix"]
    errors = errors_by_name(result)
    assert set(errors) == {"logo.svg", "notes.docx"}
    assert "unsupported image format (SVG)" in errors["logo.svg"]
    assert "not an image file" in errors["notes.docx"]


def test_unreadable_folders_and_every_symbolic_link_are_each_that_paths_error(
    tmp_path, options, monkeypatch
):
    photos = tmp_path / "photos"
    (photos / "locked").mkdir(parents=True)
    write_jpeg(photos / "locked" / "gps.jpg", noise((40, 30)))
    write_jpeg(photos / "ok.jpg", noise((40, 30)))
    (photos / "loop").symlink_to(photos, target_is_directory=True)
    (photos / "gone.jpg").symlink_to(tmp_path / "nowhere.jpg")
    (photos / "self").symlink_to(photos / "self")
    elsewhere = tmp_path / "elsewhere"
    write_jpeg(elsewhere / "linked.jpg", noise((40, 30), seed=2))
    (photos / "shared").symlink_to(elsewhere, target_is_directory=True)
    real_scandir = os.scandir

    def scandir(path):  # the tests may run as root, who reads everything: refuse like EACCES
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(walk.os, "scandir", scandir)
    result = run([photos], tmp_path / "out", options, jobs=1)
    errors = errors_by_name(result)
    assert "cannot read (Permission denied)" in errors["locked"]
    assert "symbolic link loop" in errors["self"]
    assert "broken symbolic link" in errors["gone.jpg"]
    for name in ("loop", "self", "gone.jpg", "shared"):  # never followed, each named
        assert "replace it by the real photo or folder" in errors[name]
    assert sorted(p.name for p in result.records) == ["ok.jpg"]


# --- --out -----------------------------------------------------------------------------------


def test_out_inside_a_source_or_not_writable_is_refused_before_any_work(tmp_path):
    photos = tmp_path / "photos"
    write_jpeg(photos / "a.jpg", noise((40, 30)))
    inside = CliRunner().invoke(images, [str(photos), "--out", str(photos / "out")])
    assert inside.exit_code == 1 and "--out is inside (or contains) the source" in inside.output
    assert not (photos / "out").exists()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cannot = CliRunner().invoke(images, [str(photos), "--out", str(blocker / "sub")])
    assert cannot.exit_code == 1 and "cannot create or write the --out folder" in cannot.output
    assert "Traceback" not in cannot.output + inside.output


# --- Bombs and truncation ----------------------------------------------------------------------


def gif_bomb(frames: int, side: int = 2000) -> bytes:
    """A GIF whose every frame is one pixel on a side x side canvas: tiny file, huge decode."""
    head = b"GIF89a" + struct.pack("<HH", side, side) + b"\x80\x00\x00" + bytes(6)
    frame = (b"\x21\xf9\x04\x00\x0a\x00\x00\x00" + b"\x2c" + struct.pack("<HHHH", 0, 0, 1, 1)
             + b"\x00\x02\x02\x44\x01\x00")
    return head + frame * frames + b";"


def test_an_animation_over_the_pixel_budget_is_refused_from_its_headers(tmp_path, options):
    photos = tmp_path / "photos"
    photos.mkdir()
    (photos / "bomb.gif").write_bytes(gif_bomb(100))  # 100 frames of 4 MP: 400 MP decoded
    (photos / "small.gif").write_bytes(gif_bomb(3, side=40))
    result = run([photos], tmp_path / "out", options, jobs=1)
    errors = errors_by_name(result)
    assert "animation has too many pixels (100 frames, 400 MP > 89 MP)" in errors["bomb.gif"]
    assert "bom giải nén" in errors["bomb.gif"]
    assert [p.name for p in result.records] == ["small.gif"]
    check = CliRunner().invoke(images, ["--check", str(photos / "bomb.gif")])
    assert check.exit_code == 1 and "animation has too many pixels" in check.output


@pytest.mark.parametrize("name", ["iphone.heic", "modern.avif"])
@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9])
def test_a_truncated_heic_or_avif_is_refused_not_built_grey(tmp_path, options, name, cut):
    data = valid_files()[name]
    photos = tmp_path / "photos"
    photos.mkdir()
    (photos / name).write_bytes(data[: int(len(data) * cut)])
    result = run([photos], tmp_path / "out", options, jobs=1)
    assert not result.records
    assert "corrupt or truncated image" in errors_by_name(result)[name]


def test_an_input_needing_more_memory_than_a_worker_may_use_fails_alone(tmp_path, options):
    photos = tmp_path / "photos"
    photos.mkdir()
    # 48 MP grey: 48 MB decoded, 144 MB once RGB, 0.1 MB on disk
    Image.linear_gradient("L").resize((8000, 6000)).save(photos / "big.png", compress_level=1)
    write_jpeg(photos / "small.jpg", noise((60, 40)))
    result = run([photos], tmp_path / "out", options.with_(worker_memory_mb=200), jobs=2)
    assert "too large to decode within the memory limit (200 MB per worker)" in (
        errors_by_name(result)["big.png"])
    assert [p.name for p in result.records] == ["small.jpg"]


# --- Warnings ----------------------------------------------------------------------------------


def png_with_bad_actl() -> bytes:
    """A PNG with an acTL chunk claiming 0 frames: Pillow warns "Invalid APNG" and reads it."""
    data = encoded("PNG")
    body = struct.pack(">II", 0, 0)
    chunk = struct.pack(">I", 8) + b"acTL" + body + struct.pack(">I", zlib.crc32(b"acTL" + body))
    ihdr_end = 8 + 12 + 13
    return data[:ihdr_end] + chunk + data[ihdr_end:]


def test_decoder_warnings_are_kept_per_file_one_line_each_all_with_verbose(tmp_path):
    photos = tmp_path / "photos"
    photos.mkdir()
    (photos / "odd.png").write_bytes(png_with_bad_actl())
    write_jpeg(photos / "fine.jpg", noise((40, 30)))
    out = tmp_path / "out"
    result = CliRunner().invoke(images, [str(photos), "--out", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "cảnh báo" in line]
    assert lines == [f"{photos / 'odd.png'}: cảnh báo / warning: UserWarning: Invalid APNG, will "
                     "use default PNG image if possible"]
    verbose = CliRunner().invoke(images, [str(photos), "--out", str(tmp_path / "o2"), "-j", "1",
                                          "--verbose"])
    assert "Invalid APNG" in verbose.output


# --- The pool ----------------------------------------------------------------------------------


def test_a_killed_worker_blames_only_its_own_job_and_the_others_finish():
    jobs = [(x, pool_jobs.die_on, (x, 3)) for x in range(6)]
    results = dict(run_jobs(jobs, workers=2))
    assert isinstance(results.pop(3), Died)
    assert results == {0: 0, 1: 2, 2: 4, 4: 8, 5: 10}
    assert "SIGKILL; out of memory?" in str(Died(-signal.SIGKILL))


def test_a_job_running_past_the_timeout_is_stopped_and_blamed_alone():
    jobs = [(x, pool_jobs.sleep_on, (x, 1)) for x in range(4)]
    results = dict(run_jobs(jobs, workers=2, timeout=1.0))
    assert "still running after 1 s" in str(results.pop(1))
    assert results == {0: 0, 2: 4, 3: 6}


def test_a_killed_worker_in_a_run_is_that_files_error(tmp_path, options, monkeypatch):
    photos = tmp_path / "photos"
    for i in range(4):
        write_jpeg(photos / f"p{i}.jpg", noise((60, 40), seed=i))
    from ttdn.images import runner

    monkeypatch.setattr(runner, "_job", _KillingJob())  # sent to the workers by pickle
    result = run([photos], tmp_path / "out", options, jobs=2)
    errors = errors_by_name(result)
    assert list(errors) == ["p2.jpg"] and "the image decoder crashed" in errors["p2.jpg"]
    assert sorted(p.name for p in result.records) == ["p0.jpg", "p1.jpg", "p3.jpg"]
    assert result.summary.built == 3


class _KillingJob:
    """Picklable stand-in for runner._job whose worker dies on p2.jpg."""

    def __reduce__(self):
        return (pool_jobs.killing_job, ())


def test_killing_the_parent_leaves_no_worker_behind(tmp_path):
    photos = tmp_path / "photos"
    for i in range(8):
        write_jpeg(photos / f"p{i}.jpg", noise((1200, 900), seed=i))
    code = "import sys; from ttdn.cli import main; sys.exit(main())"
    proc = subprocess.Popen([sys.executable, "-c", code, "images", str(photos), "--out",
                             str(tmp_path / "out"), "-j", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children: list[int] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(children) < 2:
        children = _children(proc.pid)
        time.sleep(0.05)
    assert len(children) >= 2, children
    proc.send_signal(signal.SIGKILL)  # the parent only, as an OOM killer or a CI timeout would
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in children):
        time.sleep(0.05)
    assert not [pid for pid in children if _alive(pid)]


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_check_reads_a_large_png_without_decoding_its_pixels(tmp_path):
    big = tmp_path / "big.png"
    Image.new("L", (6000, 5000)).save(big, compress_level=1)
    data = bytearray(big.read_bytes())
    idat = data.find(b"IDAT")
    data[idat + 20 : idat + 40] = bytes(20)  # corrupt pixels a decoder would choke on
    big.write_bytes(bytes(data))
    result = CliRunner().invoke(images, ["--check", str(big)])
    assert result.exit_code == 0, result.output


def test_an_unexpected_failure_is_that_files_error_with_a_traceback_only_under_debug(
    tmp_path, monkeypatch
):
    from ttdn.images import runner

    photos = tmp_path / "photos"
    write_jpeg(photos / "a.jpg", noise((40, 30)))
    write_jpeg(photos / "b.jpg", noise((40, 30), seed=1))
    real = runner.process

    def process(path, *args):
        if path.name == "a.jpg":
            raise ZeroDivisionError("a bug in a decoder binding")
        return real(path, *args)

    monkeypatch.setattr(runner, "process", process)
    args = [str(photos), "--out", str(tmp_path / "out"), "-j", "1"]
    plain = CliRunner().invoke(images, args)
    assert plain.exit_code == 1 and "Traceback" not in plain.output
    assert (f"{photos / 'a.jpg'}: bộ giải mã ảnh gặp sự cố" in plain.output
            and "ZeroDivisionError: a bug in a decoder binding" in plain.output)
    assert "1 built" in plain.output
    debug = CliRunner().invoke(images, [*args, "--debug"])
    assert debug.exit_code == 1 and "Traceback (most recent call last)" in debug.output
