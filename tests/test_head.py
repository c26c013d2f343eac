"""Every built page's head: language, canonical, hreflang alternates, description, Open Graph."""

from __future__ import annotations

from helpers import OG_LOCALE, SITE_URL, alternates, content_pages, language_of, url_of


def meta(doc, attr: str, name: str) -> list[str]:
    return doc.xpath(f"//head/meta[@{attr}='{name}']/@content")


def test_the_site_has_both_languages(pages: dict) -> None:
    assert "index.html" in pages and "en/index.html" in pages
    assert len(content_pages(pages)) >= 14


def test_html_lang_is_the_page_language(pages: dict) -> None:
    for path, doc in pages.items():
        assert doc.get("lang") == language_of(path), path


def test_canonical_is_the_page_own_absolute_url(pages: dict) -> None:
    for path, doc in content_pages(pages).items():
        assert doc.xpath("//head/link[@rel='canonical']/@href") == [url_of(path)], path


def test_alternates_list_each_translation_and_x_default(pages: dict) -> None:
    for path, doc in content_pages(pages).items():
        alts = alternates(doc)
        lang = language_of(path)
        assert alts[lang] == url_of(path), path
        other = "vi" if lang == "en" else "en"
        counterpart = path.removeprefix("en/") if lang == "en" else "en/" + path
        if counterpart in pages:
            assert alts[other] == url_of(counterpart), path
            assert alts["x-default"] == alts["vi"], path
        else:
            assert other not in alts, path


def test_description_and_open_graph_tags_are_on_every_page(pages: dict) -> None:
    for path, doc in content_pages(pages).items():
        lang = language_of(path)
        description = meta(doc, "name", "description")
        assert len(description) == 1 and description[0].strip(), path
        assert meta(doc, "property", "og:locale") == [OG_LOCALE[lang]], path
        assert meta(doc, "property", "og:title")[0].strip(), path
        assert meta(doc, "property", "og:description") == description, path
        assert meta(doc, "property", "og:url") == [url_of(path)], path
        (image,) = meta(doc, "property", "og:image")
        # The site's default PNG, or the page's cover as a JPEG derivative (the photo book's).
        assert image.startswith(SITE_URL) and image.endswith((".png", ".jpg")), path


def test_og_image_exists_in_the_built_site(site, pages: dict) -> None:
    for path, doc in content_pages(pages).items():
        (image,) = meta(doc, "property", "og:image")
        assert (site / image.removeprefix(SITE_URL)).is_file(), path


def test_translated_pages_name_the_other_locale_for_link_previews(pages: dict) -> None:
    doc = pages["van-ban/ke-hoach-197-kh-ubnd/index.html"]
    assert meta(doc, "property", "og:locale:alternate") == ["en_US"]
