"""A photo over the size the README states (20 MB) passes with a warning that names the command
that shrinks it (`ttdn images --check`, the pre-commit hook, `ttdn check`); that command, pasted
at the repository root, makes it small enough and keeps it upright (issue 20)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from helpers import ROOT
from ttdn.images.options import ImageOptions

NAME = "photos/tin-bai/ca-lon.jpg"


def big_photo(path: Path) -> Path:
    """A 24 MB JPEG: noise does not compress (6000 x 3000, q95), turned by EXIF orientation 6."""
    path.parent.mkdir(parents=True, exist_ok=True)
    im = Image.frombytes("RGB", (6000, 3000), os.urandom(6000 * 3000 * 3))
    exif = Image.Exif()
    exif[0x0112] = 6
    im.save(path, quality=95, exif=exif)
    assert path.stat().st_size > ImageOptions().warn_file_bytes
    return path


def run(cwd: Path, command: str) -> subprocess.CompletedProcess:
    return subprocess.run(["sh", "-c", command], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "PATH": "/usr/bin:/bin"})


def test_readme_states_the_size_that_is_warned_about() -> None:
    mb = ImageOptions().warn_file_bytes // 1048576
    readme = (ROOT / "README.md").read_text("utf-8")
    assert f"ảnh trên {mb} MB được cảnh báo" in readme and f"over {mb} MB gets a warning" in readme


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The run script and the venv, as at the root of a clone."""
    (tmp_path / "run").write_bytes((ROOT / "run").read_bytes())
    (tmp_path / "run").chmod(0o755)
    (tmp_path / ".venv").symlink_to(ROOT / ".venv")
    return tmp_path


def test_a_too_large_photo_is_warned_about_and_shrunk_by_the_printed_command(repo) -> None:
    big_photo(repo / NAME)
    checked = run(repo, f"./run ttdn images --check {NAME}")
    assert checked.returncode == 0, checked.stderr  # a warning, not a refusal
    assert f"{NAME}: cảnh báo / warning: Ảnh nặng" in checked.stderr
    command = re.search(r"\./run ttdn images --shrink \S+", checked.stderr).group(0)
    assert command == f"./run ttdn images --shrink {NAME}"
    shrunk = run(repo, command)
    assert shrunk.returncode == 0, shrunk.stderr
    assert (repo / NAME).stat().st_size < ImageOptions().warn_file_bytes
    with Image.open(repo / NAME) as im:
        assert im.size == (2500, 5000)  # turned upright, long side 5000 px
        assert im.getexif().get(0x0112) is None
    again = run(repo, f"./run ttdn images --check {NAME}")
    assert again.returncode == 0 and "warning" not in again.stderr
