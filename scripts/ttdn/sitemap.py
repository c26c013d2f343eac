"""sitemap.xml with the same hreflang alternates as the pages' heads."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ttdn.content import Pages
from ttdn.head import absolute, alternates

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def sitemap_xml(pages: Pages, site_url: str) -> bytes:
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for entry in sorted(pages, key=lambda e: e.url):
        url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = absolute(site_url, entry.url)
        ET.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = entry.meta.modified.isoformat()
        for alt in alternates(pages, entry, site_url):
            ET.SubElement(
                url,
                f"{{{XHTML_NS}}}link",
                {"rel": "alternate", "hreflang": alt.hreflang, "href": alt.href},
            )
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"
