"""WCAG 2.x A and AA, measured with axe-core in Chromium on every page type, both languages,
phone and desktop width; and what a keyboard user needs: a skip link, visible focus, the
language link."""

from __future__ import annotations

import pytest

from support.audit import (
    LANGUAGES,
    PAGE_TYPES,
    VIEWPORTS,
    axe_violations,
    describe_violations,
)

pytestmark = pytest.mark.audit

OTHER_LANGUAGE_NAME = {"vi": "English", "en": "Tiếng Việt"}


@pytest.fixture
def tab(audit_browser, request):
    width, height = VIEWPORTS[getattr(request, "param", "phone")]
    # bypass_csp: axe arrives as an inline script, which the site's CSP refuses (as it should).
    context = audit_browser.new_context(viewport={"width": width, "height": height},
                                        bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("tab", list(VIEWPORTS), indirect=True)
@pytest.mark.parametrize("lang", list(LANGUAGES))
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda t: t.name)
def test_page_type_has_no_wcag_aa_violations(audited, tab, page_type, lang) -> None:
    tab.goto(audited.url(page_type, lang), wait_until="networkidle")
    if page_type.interact:
        page_type.interact(tab)
    violations = axe_violations(tab)
    assert violations == [], describe_violations(violations)


FOCUS_STYLE = """el => {
  const s = getComputedStyle(el);
  return {outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
                   && s.outlineColor !== 'rgba(0, 0, 0, 0)',
          shadow: s.boxShadow, background: s.backgroundColor, color: s.color};
}"""


def _focus_shows(tab) -> bool:
    """Whether the focused element looks different from the same element unfocused."""
    focused = tab.evaluate(f"({FOCUS_STYLE})(document.activeElement)")
    tab.evaluate("document.activeElement.dataset.ttdnProbe = '1'; document.activeElement.blur()")
    probe = tab.locator("[data-ttdn-probe]")
    plain = probe.evaluate(FOCUS_STYLE)
    probe.focus()
    tab.evaluate("document.querySelector('[data-ttdn-probe]').removeAttribute('data-ttdn-probe')")
    return focused["outline"] or any(
        focused[k] != plain[k] for k in ("shadow", "background", "color")
    )


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_first_tab_reaches_a_visible_skip_link_to_the_main_content(audited, tab, lang) -> None:
    tab.goto(audited.url(PAGE_TYPES[0], lang))
    tab.keyboard.press("Tab")
    skip = tab.locator(":focus")
    assert "md-skip" in (skip.get_attribute("class") or "")
    box = skip.bounding_box()
    assert box and box["width"] > 10 and box["height"] > 10 and box["y"] >= 0, box
    # Material fades the skip link in (a CSS transition): give it the transition's time, no more.
    tab.wait_for_function(
        "document.activeElement.checkVisibility({opacityProperty: true})", timeout=2000
    )
    target = skip.get_attribute("href")
    assert target and target.startswith("#")
    tab.keyboard.press("Enter")
    assert tab.evaluate("location.hash") == target
    assert tab.locator("main").locator(target).count() == 1


@pytest.mark.parametrize("tab", list(VIEWPORTS), indirect=True)
@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_keyboard_reaches_the_language_link_and_every_stop_shows_focus(
    audited, tab, lang
) -> None:
    page_type = next(t for t in PAGE_TYPES if t.name == "document")
    tab.goto(audited.url(page_type, lang))
    name = OTHER_LANGUAGE_NAME[lang]
    unseen = []
    for _ in range(60):
        tab.keyboard.press("Tab")
        focused = tab.locator(":focus")
        if focused.count() == 0:
            continue
        if not _focus_shows(tab):
            unseen.append(focused.evaluate("el => el.outerHTML.slice(0, 120)"))
        if (focused.text_content() or "").strip() == name:
            break
    else:
        pytest.fail(f"60 Tab presses never reached the language link {name!r}")
    assert unseen == [], "focus not visible on: " + "\n".join(unseen)
    tab.keyboard.press("Enter")
    tab.wait_for_load_state()
    other = "en" if lang == "vi" else "vi"
    assert tab.locator("html").get_attribute("lang") == other
