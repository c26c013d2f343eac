"""The pre-commit hooks run `ttdn check` on changed pages and every changed file of docs/ and
photos/ (images by their bytes), and the image check on every file of photos/ but notes; run
here the way pre-commit runs them: its `files`/`exclude` patterns, the file names appended."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from helpers import ROOT
from images.image_fixtures import canonical, gps_exif, write_jpeg


def hooks() -> dict[str, dict]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


def selected(hook: dict, names: list[str]) -> list[str]:
    chosen = [n for n in names if re.search(hook["files"], n)]
    if "exclude" in hook:
        chosen = [n for n in chosen if not re.search(hook["exclude"], n)]
    return chosen


def run_hook(hook: dict, names: list[str], cwd: Path) -> subprocess.CompletedProcess:
    # `.venv/bin/ttdn …` is the project's venv; the test runs the same command with this Python.
    command = hook["entry"].split()
    assert command[0] == ".venv/bin/ttdn"
    return subprocess.run([sys.executable, "-m", "ttdn", *command[1:], *names], cwd=cwd,
                          capture_output=True, text=True)


def test_hooks_choose_pages_and_photos_whatever_their_names() -> None:
    names = ["docs/vi/tin-bai/2023/a.md", "docs/vi/a.jfif", "photos/tin-bai/b.JFIF",
             "photos/tin-bai/ghi-chu.md", "photos/tin-bai/anh", "scripts/ttdn/cli.py"]
    found = hooks()
    assert selected(found["ttdn-check"], names) == names[:5]
    assert selected(found["ttdn-images-check"], names) == ["photos/tin-bai/b.JFIF",
                                                           "photos/tin-bai/anh"]


def test_the_check_hook_stops_a_located_photo_under_any_name(project: Path) -> None:
    write_jpeg(project / "photos/tin-bai/chup.jfif", canonical((64, 48)), exif=gps_exif())
    staged = ["docs/vi/tin-bai/2023/bai-mot.md", "photos/tin-bai/chup.jfif"]
    done = run_hook(hooks()["ttdn-check"], selected(hooks()["ttdn-check"], staged), project)
    assert done.returncode == 1
    assert "photos/tin-bai/chup.jfif: image-location:" in done.stdout


def test_the_check_hook_passes_a_clean_change(project: Path) -> None:
    staged = ["docs/vi/tin-bai/2023/bai-mot.md", "photos/tin-bai/bia.jpg"]
    done = run_hook(hooks()["ttdn-check"], staged, project)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "✅ ttdn check: 2 trang/pages, 1 ảnh/images, 0 lỗi/errors" in done.stdout
