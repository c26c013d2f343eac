"""Every command a message suggests works when pasted at the repository root (issue 20): run
in a scratch copy of the repository, through `./run ttdn …`, with the real file names the
messages print, and the pre-commit hook that the set-up installs refuses what the check does."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from helpers import ROOT
from images.image_fixtures import canonical, encoded, gps_exif, write_jpeg
from ttdn.commands import COMMAND, suggest

PHOTO = "photos/tin-bai/ly-son.jpg"
PHONE = "photos/tin-bai/ly-son-iphone.heic"
PAGE = "docs/vi/tin-bai/2023/dau-rieng.md"


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """The repository's files as committed or changed now, in a Git repository of its own,
    using this checkout's venv (the set-up `./run build` makes)."""
    root = tmp_path_factory.mktemp("clone")
    names = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT,
                           check=True, capture_output=True, text=True).stdout.splitlines()
    for name in names:
        if (ROOT / name).is_file():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, root / name)
    (root / ".venv").symlink_to(ROOT / ".venv")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "start")
    return root


def git(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Biên tập", "GIT_AUTHOR_EMAIL": "bt@example.test",
           "GIT_COMMITTER_NAME": "Biên tập", "GIT_COMMITTER_EMAIL": "bt@example.test"}
    return subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True)


def shell(root: Path, command: str) -> subprocess.CompletedProcess:
    """`command` as an editor pastes it into a shell at the repository root."""
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    env["PATH"] = "/usr/bin:/bin"  # no venv on the PATH: only what the message says works
    return subprocess.run(["sh", "-c", command], cwd=root, env=env, capture_output=True,
                          text=True, timeout=300)


def suggested(output: str) -> list[str]:
    """The commands a message suggests, as printed."""
    return [m.group(0).rstrip(".") for m in re.finditer(
        re.escape(COMMAND) + r" [^\n]+", output)]


def test_suggest_quotes_only_what_a_shell_would_split() -> None:
    assert suggest("check", "--fix", "docs/vi/a.md") == "./run ttdn check --fix docs/vi/a.md"
    assert suggest("images", ["a b.jpg"]) == "./run ttdn images 'a b.jpg'"


def test_strip_location_command_from_the_check_works_when_pasted(clone) -> None:
    write_jpeg(clone / PHOTO, canonical(), exif=gps_exif())
    found = shell(clone, f"./run ttdn check {PHOTO}")
    assert found.returncode == 1 and "image-location" in found.stdout
    commands = suggested(found.stdout)
    assert commands[0] == f"./run ttdn images --strip-location {PHOTO}"
    fixed = shell(clone, commands[0])
    assert fixed.returncode == 0, fixed.stderr
    assert shell(clone, f"./run ttdn check {PHOTO}").returncode == 0


def test_a_heic_photo_loses_its_location_by_the_printed_command(clone) -> None:
    (clone / PHONE).write_bytes(encoded("HEIF", canonical(), exif=gps_exif(), quality=90))
    found = shell(clone, f"./run ttdn images --check {PHONE}")
    assert found.returncode == 1
    command = suggested(found.stderr)[0]
    assert command == f"./run ttdn images --strip-location {PHONE}"
    stripped = shell(clone, command)
    assert stripped.returncode == 0, stripped.stderr
    assert "location removed" in stripped.stdout
    assert shell(clone, f"./run ttdn images --check {PHONE}").returncode == 0


def test_nfc_fix_command_names_the_real_file(clone) -> None:
    page = clone / PAGE
    page.parent.mkdir(parents=True, exist_ok=True)
    text = ("---\ntitle: Sầu riêng\ndescription: Sầu riêng.\ndate: 2023-01-02\n"
            "category: bien-dao\nagency: Sở Ngoại vụ\ndraft: true\n---\n\nQuảng Ngãi.\n")
    page.write_text(unicodedata.normalize("NFD", text), "utf-8")
    en = clone / PAGE.replace("/vi/", "/en/")
    en.parent.mkdir(parents=True, exist_ok=True)
    en.write_text(text.replace("draft: true", "draft: true\ntranslation: {pending: 2023-01-02}"),
                  "utf-8")
    found = shell(clone, f"./run ttdn check {PAGE}")
    assert "unicode-nfc" in found.stdout and "TỆP" not in found.stdout
    command = suggested(found.stdout)[0]
    assert command == f"./run ttdn check --fix {PAGE}"
    assert shell(clone, command).returncode == 0
    assert page.read_text("utf-8") == unicodedata.normalize("NFC", text)


def test_the_set_up_installs_the_pre_commit_hook_which_refuses_a_located_photo(clone) -> None:
    run_script = (clone / "run").read_text("utf-8")
    build = run_script[run_script.index("  build)"):run_script.index(";;", run_script.index(
        "  build)"))]
    assert "git_hooks" in build  # ./run build installs the hooks …
    hook = re.search(r"git_hooks\(\) \{.*?\n\}", run_script, re.DOTALL).group(0)
    installed = shell(clone, "CI= sh -c '" + hook.replace("'", "'\\''") + "; VENV=.venv; "
                      "git_hooks'")
    assert installed.returncode == 0, installed.stderr  # … by this function, run here
    assert (clone / ".git/hooks/pre-commit").is_file()
    photo = "photos/tin-bai/cua-bien.jpg"
    write_jpeg(clone / photo, canonical(), exif=gps_exif())
    git(clone, "add", photo)
    refused = git(clone, "commit", "-qm", "photo")
    assert refused.returncode != 0
    assert f"./run ttdn images --strip-location {photo}" in refused.stdout + refused.stderr
    assert shell(clone, f"./run ttdn images --strip-location {photo}").returncode == 0
    git(clone, "add", photo)
    accepted = git(clone, "commit", "-qm", "photo")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
