"""`ttdn check` warns about a photo over the size the README states, with the command that
shrinks it (issue 20); the command itself is tested in tests/images/test_image_shrink.py."""

from __future__ import annotations

from images.test_image_shrink import NAME, big_photo


def test_ttdn_check_warns_about_a_too_large_photo(project, ttdn) -> None:
    big_photo(project / NAME)
    result = ttdn("check", str(project / NAME))
    assert result.exit_code == 0
    assert f"{NAME}: image-size: Ảnh nặng" in result.output
    assert f"Shrink it with: ./run ttdn images --shrink {NAME}" in result.output
