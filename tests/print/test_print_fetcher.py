"""Content is untrusted: a PDF loads only its issue's photos and our fonts, nothing else."""

from __future__ import annotations

import dataclasses

import pytest

from ttdn.print import SCREEN, PrintError, render


@pytest.mark.parametrize(
    "html",
    [
        '<p><img src="https://tracker.example/pixel.png" alt="x"></p>',
        '<p><img src="file:///etc/hostname" alt="x"></p>',
        '<p><img src="/photos/ban-tin/khong-co.jpg" alt="x"></p>',
        '<style>@import url("https://tracker.example/a.css");</style><p>x</p>',
        '<p style="background: url(https://tracker.example/b.png)">x</p>',
    ],
)
def test_resources_outside_the_issue_stop_the_rendering(editions, tmp_path, html):
    article = dataclasses.replace(editions.vi.articles[0], html=html)
    issue = dataclasses.replace(editions.vi, articles=(article,))
    with pytest.raises(PrintError) as err:
        render([issue], SCREEN, tmp_path)
    assert "photos/" in err.value.vi and "photos/" in err.value.en
    assert not list(tmp_path.rglob("*.pdf"))  # nothing half-made is left for the cache


def test_a_missing_cover_is_named(editions, tmp_path):
    issue = dataclasses.replace(editions.vi, images={})
    with pytest.raises(PrintError, match="bia.jpg"):
        render([issue], SCREEN, tmp_path)
