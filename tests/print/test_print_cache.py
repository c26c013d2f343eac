"""An unchanged issue is not rendered again; any change that shows in the PDF renders it again."""

from __future__ import annotations

import dataclasses

from print.print_fixtures import photo
from ttdn.print import PRINT, SCREEN, cache_key, render


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
