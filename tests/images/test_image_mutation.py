"""Every valid original of every accepted format, truncated and bit-flipped, in one run of
`ttdn images --out --check`: no traceback, each broken file named, each other file built, a
summary, originals unchanged, exit 1."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from click.testing import CliRunner

from images.image_fixtures import valid_files
from ttdn.images.cli import images

CUTS = (0.25, 0.5, 0.9)  # of the file's length
FLIPS = (0.125, 0.5, 0.875)  # offsets whose byte is inverted


def mutants(photos: Path) -> tuple[set[Path], set[Path], set[Path]]:
    """Write every valid file and its mutants; (valid, truncated, flipped) paths."""
    valid, cut, flipped = set(), set(), set()
    for name, data in valid_files().items():
        stem, suffix = name.rsplit(".", 1)
        valid.add(_write(photos / name, data))
        for share in CUTS:
            cut.add(_write(photos / f"{stem}-cut{int(share * 100)}.{suffix}",
                           data[: int(len(data) * share)]))
        for share in FLIPS:
            at = int(len(data) * share)
            flipped.add(_write(photos / f"{stem}-flip{int(share * 1000)}.{suffix}",
                               data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]))
    return valid, cut, flipped


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_truncated_and_bit_flipped_originals_are_each_named_or_built(tmp_path):
    photos, out = tmp_path / "photos", tmp_path / "out"
    valid, cut, flipped = mutants(photos)
    before = digests(photos)
    result = CliRunner().invoke(images, [str(photos), "--out", str(out), "--check", "-j", "2"])
    output = result.output
    assert result.exit_code == 1
    assert "Traceback" not in output and "Error" not in output.split(": ", 1)[0]
    named = {Path(m) for m in re.findall(r"^(/\S+): .* / ", output, re.MULTILINE)
             if "cảnh báo" not in m}
    errors = {Path(line.split(": ", 1)[0]) for line in output.splitlines()
              if line.startswith("/") and ": cảnh báo" not in line}
    built = {Path(json.loads(p.read_text())["source"]) for p in out.glob("*.json")}
    assert valid <= built and not valid & errors, sorted(p.name for p in valid & errors)
    assert cut <= errors, sorted(p.name for p in cut - errors)  # a cut file is always broken
    for path in flipped:
        assert path in errors or path in built, path.name
    assert len([line for line in output.splitlines() if line.startswith("ttdn images: ")]) == 1
    assert "ttdn images --check:" in output
    assert digests(photos) == before
    assert named <= errors
