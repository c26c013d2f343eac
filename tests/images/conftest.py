"""Fixtures for the image pipeline tests; the generators live in image_fixtures.py."""

from __future__ import annotations

import pytest

from ttdn.images.options import ImageOptions


@pytest.fixture
def options() -> ImageOptions:
    """Small widths and fast settings so the whole suite stays quick."""
    return ImageOptions(widths=(40, 80), avif_speed=10)
