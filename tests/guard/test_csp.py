"""Every published HTML file carries the site's Content-Security-Policy, with no exception for
the site's own markup: no inline style anywhere, <base>, forms and plugins forbidden."""

from __future__ import annotations

from guard.conftest import html_pages

WANTED = {"default-src": ["'self'"], "script-src": ["'self'"], "style-src": ["'self'"],
          "object-src": ["'none'"], "base-uri": ["'none'"], "form-action": ["'self'"]}


def policy(doc) -> dict[str, list[str]]:
    (content,) = doc.xpath("//head/meta[@http-equiv='Content-Security-Policy']/@content")
    return {name: values for name, *values in (d.split() for d in content.split(";") if d)}


def test_every_html_file_carries_the_policy(passing_site, front_matter_built) -> None:
    for site in (passing_site, front_matter_built):
        pages = html_pages(site)
        assert "404.html" in pages and "en/404.html" in pages
        wrong = {path: policy(doc) for path, doc in pages.items()
                 if {k: policy(doc).get(k) for k in WANTED} != WANTED}
        assert wrong == {}


def test_no_page_needs_an_inline_style(passing_site, front_matter_built) -> None:
    for site in (passing_site, front_matter_built):
        styled = {path: [el.tag for el in doc.xpath("//*[@style] | //style")]
                  for path, doc in html_pages(site).items()
                  if doc.xpath("//*[@style] | //style")}
        assert styled == {}
