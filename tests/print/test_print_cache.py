"""An unchanged issue is not rendered again; any change that shows in the PDF renders it again."""

from __future__ import annotations

import dataclasses

import pytest

from print.print_fixtures import photo
from ttdn.print import PRINT, SCREEN, PrintError, cache_key, render, render_many


def key(editions, issues, edition):
    return cache_key(issues, edition, editions.cache)


def test_unchanged_issue_comes_from_the_cache_without_rendering(editions, monkeypatch):
    import weasyprint

    def no_rendering(*args, **kwargs):
        raise AssertionError("WeasyPrint was called for an unchanged issue")

    monkeypatch.setattr(weasyprint.HTML, "render", no_rendering)
    again = render([editions.vi], SCREEN, editions.cache)
    assert again.cached
    assert again.path == editions.pdfs["vi-screen"].path
    assert again.bytes == editions.pdfs["vi-screen"].bytes


def test_first_render_is_not_cached(editions):
    assert not any(rendered.cached for rendered in editions.pdfs.values())


def test_changed_text_renders_again(editions):
    changed = dataclasses.replace(editions.vi, title="Quảng Ngãi hội nhập, bản sửa")
    assert key(editions, [changed], SCREEN) != key(editions, [editions.vi], SCREEN)
    rendered = render([changed], SCREEN, editions.cache)
    assert not rendered.cached
    assert rendered.path != editions.pdfs["vi-screen"].path


def test_replaced_photo_under_the_same_name_renders_again(editions, tmp_path):
    original = editions.vi.images[editions.vi.cover]
    copy = tmp_path / original.name
    copy.write_bytes(original.read_bytes())
    issue = dataclasses.replace(editions.vi, images={**editions.vi.images, editions.vi.cover: copy})
    before = key(editions, [issue], SCREEN)
    photo(copy, (800, 600), seed=99)
    assert key(editions, [issue], SCREEN) != before


def test_edition_settings_are_part_of_the_key(editions):
    assert key(editions, [editions.vi], SCREEN) != key(editions, [editions.vi], PRINT)
    sharper = dataclasses.replace(SCREEN, jpeg_quality=SCREEN.jpeg_quality + 5)
    assert key(editions, [editions.vi], sharper) != key(editions, [editions.vi], SCREEN)


def test_language_order_of_a_bilingual_edition_is_part_of_the_key(editions):
    assert key(editions, [editions.vi, editions.en], SCREEN) != key(editions, 
        [editions.en, editions.vi], SCREEN
    )


def test_pdfs_made_by_worker_processes_are_the_bytes_made_in_this_process(editions, tmp_path):
    """render_many makes a cold build's PDFs on every core: the same files as one process."""
    changed = dataclasses.replace(editions.vi, title="Quảng Ngãi hội nhập, bản in song song")
    jobs = [([changed], SCREEN), ([changed], PRINT), ([editions.vi], SCREEN)]
    many = render_many(jobs, tmp_path / "many", processes=2)
    assert [r.cached for r in many] == [False, False, False]
    for (issues, edition), made in zip(jobs, many, strict=True):
        here = render(issues, edition, tmp_path / "here")
        assert made.path.name == here.path.name
        assert made.path.read_bytes() == here.path.read_bytes()
    again = render_many(jobs, tmp_path / "many", processes=2)
    assert [r.cached for r in again] == [True, True, True]


def test_an_editors_print_problem_in_a_worker_process_is_reported_as_it_is_in_this_one(
        editions, tmp_path):
    article = dataclasses.replace(editions.vi.articles[0],
                                  html='<p><img src="https://tracker.example/p.png" alt="x"></p>')
    broken = dataclasses.replace(editions.vi, articles=(article,))
    with pytest.raises(PrintError) as err:
        render_many([([broken], SCREEN), ([broken], PRINT)], tmp_path, processes=2)
    assert "tracker.example" in err.value.en and "photos/" in err.value.vi
