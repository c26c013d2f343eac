"""Content is untrusted: a PDF loads only its issue's photos and our fonts, nothing else."""

from __future__ import annotations

import dataclasses

import pytest

from ttdn.print import SCREEN, PrintError, render
from ttdn.print.fetcher import LocalOnlyFetcher, RefusedResource


@pytest.mark.parametrize(
    "html",
    [
        '<p><img src="https://tracker.example/pixel.png" alt="x"></p>',
        '<p><img src="file:///etc/hostname" alt="x"></p>',
        '<p><img src="/photos/ban-tin/khong-co.jpg" alt="x"></p>',
        '<style>@import url("https://tracker.example/a.css");</style><p>x</p>',
        '<p style="background: url(https://tracker.example/b.png)">x</p>',
        '<p><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlE'
        'QVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==" alt="x"></p>',
        '<link rel="stylesheet" href="http://tracker.example/c.css"><p>x</p>',
        '<p><img src="ftp://tracker.example/d.jpg" alt="x"></p>',
        '<p><img src="../../../../etc/hostname" alt="x"></p>',
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


def test_fetcher_serves_only_the_registered_urls(tmp_path):
    photo = tmp_path / "a.jpg"
    photo.write_bytes(b"\xff\xd8jpeg")
    fetcher = LocalOnlyFetcher({"https://ttdn.example/photos/a.jpg": photo})
    assert fetcher.open("https://ttdn.example/photos/a.jpg") == (b"\xff\xd8jpeg", "image/jpeg")
    for url in (photo.as_uri(), "https://ttdn.example/photos/b.jpg",
                "https://ttdn.example/photos/a.jpg?x=1", "data:text/plain,hello",
                "http://ttdn.example/photos/a.jpg", "javascript:alert(1)"):
        with pytest.raises(RefusedResource):
            fetcher.open(url)
