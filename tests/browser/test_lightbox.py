"""In real Chromium: the photo book's lightbox opens on a photo, moves with the arrow keys, shows
the caption inside, keeps focus inside, closes with Esc and gives focus back to the photo; it
runs under the site's CSP with no error; without JavaScript a photo is a link to its image."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

GALLERY = "sach-anh/dao-ly-son/"


def caption_in_dialog(page) -> str:
    return page.locator("dialog.ttdn-lightbox .ttdn-gallery__caption").inner_text()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_lightbox_opens_moves_with_arrows_and_closes_with_esc(page, base_url, prefix) -> None:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base_url + prefix + GALLERY, wait_until="networkidle")
    links = page.locator("a.ttdn-gallery__link")
    captions = page.locator("ul.ttdn-gallery .ttdn-gallery__caption").all_inner_texts()
    dialog = page.locator("dialog.ttdn-lightbox")
    assert not dialog.evaluate("d => d.open")

    links.first.focus()
    page.keyboard.press("Enter")
    assert dialog.evaluate("d => d.open")
    assert urlsplit(page.url).path == "/" + prefix + GALLERY  # not followed: the lightbox
    assert caption_in_dialog(page) == captions[0]
    assert page.locator("dialog.ttdn-lightbox .ttdn-lightbox__count").inner_text() == \
        f"1 / {len(captions)}"
    assert page.evaluate("document.querySelector('dialog').contains(document.activeElement)")
    page.wait_for_function("() => { const i = document.querySelector('dialog[open] img');"
                           " return i && i.complete && i.naturalWidth > 0; }")
    shown = page.evaluate("document.querySelector('dialog[open] img').currentSrc")
    assert shown.endswith((".avif", ".webp", ".jpg")) and "/assets/images/" in shown

    page.keyboard.press("ArrowRight")
    assert caption_in_dialog(page) == captions[1]
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")  # wraps round to the last photo
    assert caption_in_dialog(page) == captions[-1]
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert caption_in_dialog(page) == captions[1]

    for _ in range(6):  # Tab cycles inside the modal dialog, never to the page behind
        page.keyboard.press("Tab")
        assert page.evaluate(
            "document.querySelector('dialog').contains(document.activeElement)"
            " || document.activeElement === document.body"
        )

    page.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == links.nth(1).get_attribute("href")  # the photo last shown
    assert errors == []


def test_swipe_moves_to_the_next_photo(browser, base_url) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    page.goto(base_url + GALLERY, wait_until="networkidle")
    captions = page.locator("ul.ttdn-gallery .ttdn-gallery__caption").all_inner_texts()
    page.locator("a.ttdn-gallery__link").first.click()
    stage = page.locator("dialog.ttdn-lightbox .ttdn-lightbox__stage").bounding_box()
    y = stage["y"] + stage["height"] / 2
    page.mouse.move(stage["x"] + stage["width"] * 0.8, y)
    page.mouse.down()
    page.mouse.move(stage["x"] + stage["width"] * 0.2, y, steps=5)
    page.mouse.up()
    assert caption_in_dialog(page) == captions[1]
    page.locator("dialog.ttdn-lightbox .ttdn-lightbox__close").click()
    assert not page.locator("dialog.ttdn-lightbox").evaluate("d => d.open")
    context.close()


def test_without_javascript_a_photo_opens_its_large_image(browser, base_url) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + GALLERY)
    href = page.locator("a.ttdn-gallery__link").first.get_attribute("href")
    with page.expect_navigation():
        page.locator("a.ttdn-gallery__link").first.click()
    assert page.url.endswith(href.split("/")[-1]) and page.url.endswith("-1600.jpg")
    context.close()
