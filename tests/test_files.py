"""Atomic writes: a failed or killed write never leaves a half-written file."""

from __future__ import annotations

import pytest

from ttdn.files import atomic_write


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "x.bin"
    target.write_bytes(b"old")

    with pytest.raises(TypeError):
        atomic_write(target, "not bytes")  # type: ignore[arg-type]  # fails mid-write
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.bin"]
