"""The site is the same on both engines: MkDocs 1.6.1 (.venv) and ProperDocs 1.6.x
(.venv-properdocs, made by `TTDN_ENGINES=both ./run test` and `./run test-engines`).

Each builds the repository's site with `ttdn build`; the two trees must hold the same files with
the same bytes. A difference that cannot be removed is explained in MIGRATION.md and named in
EXPLAINED below (none today).

Both builds share the checkout's `.cache/plugin`, as two builds on one machine do: photos and PDFs
made by the first are taken by the second. The engine never touches them; whether rendering them
twice gives the same bytes is the print renderer's own question (the photo book's PDFs name their
images by absolute file URL, so a checkout in another folder gives other bytes, with either engine).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import ROOT

PROPERDOCS_VENV = ROOT / ".venv-properdocs"
EXPLAINED: dict[str, str] = {}  # file in site/ → why it differs (MIGRATION.md)

wanted = os.environ.get("TTDN_ENGINES") == "both"
needs_properdocs = pytest.mark.skipif(
    not wanted and not (PROPERDOCS_VENV / "bin" / "ttdn").exists(),
    reason="TTDN_ENGINES=both ./run test (or ./run test-engines) creates .venv-properdocs",
)


def build_with(engine: str, bin_dir: Path, site: Path) -> tuple[str, float]:
    """Build into `site` with `engine`; its summary line and the seconds it took."""
    env = os.environ | {"TTDN_ENGINE": engine, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    done = subprocess.run([str(bin_dir / "ttdn"), "build", "-d", str(site)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    seconds = time.perf_counter() - start
    assert done.returncode == 0, f"{engine}:\n{done.stdout}\n{done.stderr}"
    return done.stderr.strip().splitlines()[-1], seconds


def differences(a: Path, b: Path) -> list[str]:
    """Each file only in one tree or with other bytes, with the first differing line of text."""
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    found = [f"only in {a.name}: {name}" for name in sorted(files_a - files_b)]
    found += [f"only in {b.name}: {name}" for name in sorted(files_b - files_a)]
    for name in sorted(files_a & files_b):
        left, right = (a / name).read_bytes(), (b / name).read_bytes()
        if left == right:
            continue
        where = next((f"line {n}: {x[:120]!r} / {y[:120]!r}" for n, (x, y) in enumerate(
            zip(left.splitlines(), right.splitlines(), strict=False), start=1) if x != y),
            f"{len(left)} / {len(right)} bytes")
        found.append(f"differs: {name}: {where}")
    return found


@needs_properdocs
def test_mkdocs_and_properdocs_build_the_same_site(tmp_path: Path) -> None:
    mkdocs_site, properdocs_site = tmp_path / "mkdocs", tmp_path / "properdocs"
    line_m, seconds_m = build_with("mkdocs", Path(sys.executable).parent, mkdocs_site)
    line_p, seconds_p = build_with("properdocs", PROPERDOCS_VENV / "bin", properdocs_site)
    # The summary line names the engine that ran: each build really used its own.
    assert re.search(r", MkDocs 1\.6\.1\)$", line_m), line_m
    assert re.search(r", ProperDocs 1\.6\.\d+\)$", line_p), line_p
    print(f"\nMkDocs {seconds_m:.1f} s, ProperDocs {seconds_p:.1f} s")
    found = [d for d in differences(mkdocs_site, properdocs_site)
             if d.split(": ")[1] not in EXPLAINED]
    assert found == [], "\n".join(found[:40])
    assert sum(1 for _ in mkdocs_site.rglob("*.html")) > 50  # a whole site, not an empty one


def test_the_comparison_sees_a_changed_a_missing_and_an_extra_file(tmp_path: Path) -> None:
    """The test above can fail: one byte, one file gone, one file more."""
    a, b = tmp_path / "mkdocs", tmp_path / "properdocs"
    for root in (a, b):
        (root / "en").mkdir(parents=True)
        (root / "index.html").write_text("<p>Quảng Ngãi</p>\n<p>same</p>\n", "utf-8")
        (root / "en" / "index.html").write_text("<p>same</p>", "utf-8")
    (b / "index.html").write_text("<p>Quảng Ngãi</p>\n<p>samE</p>\n", "utf-8")
    (a / "404.html").write_text("x", "utf-8")
    (b / "sitemap.xml").write_text("x", "utf-8")
    assert differences(a, b) == [
        "only in mkdocs: 404.html",
        "only in properdocs: sitemap.xml",
        "differs: index.html: line 2: b'<p>same</p>' / b'<p>samE</p>'",
    ]


def engine_in(python: Path, code: str, engine: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "TTDN_ENGINE"}
    if engine is not None:
        env["TTDN_ENGINE"] = engine
    return subprocess.run([str(python), "-c", code], env=env, capture_output=True, text=True,
                          timeout=120)


SHOW = "import ttdn.engine, mkdocs.config; print(ttdn.engine.NAME, mkdocs.config.__name__)"


@needs_properdocs
def test_properdocs_when_installed_mkdocs_when_asked_and_never_both() -> None:
    python = PROPERDOCS_VENV / "bin" / "python"
    assert engine_in(python, SHOW, None).stdout.split() == ["properdocs", "properdocs.config"]
    assert engine_in(python, SHOW, "mkdocs").stdout.split() == ["mkdocs", "mkdocs.config"]
    mixed = engine_in(python, "import mkdocs.config, ttdn.engine", "properdocs")
    assert mixed.returncode == 1 and "MkDocs was imported before ProperDocs" in mixed.stderr


def test_an_unknown_engine_is_refused_by_name_in_both_languages() -> None:
    message = "TTDN_ENGINE='hugo': hãy viết một trong / write one of mkdocs, properdocs."
    done = engine_in(Path(sys.executable), "import ttdn.engine", "hugo")
    assert done.returncode == 1 and message in done.stderr
    command = subprocess.run([str(Path(sys.executable).parent / "ttdn"), "build"], cwd=ROOT,
                             env=os.environ | {"TTDN_ENGINE": "hugo"}, capture_output=True,
                             text=True, timeout=120)
    assert command.returncode == 2
    assert command.stderr.strip() == message  # one line, no traceback
