"""RSS 2.0 and JSON Feed 1.1 for a listing, with absolute URLs and the language set."""

from __future__ import annotations

import datetime as dt
import html
import json
from email.utils import format_datetime
from xml.etree import ElementTree as ET

from ttdn.collections import Feed
from ttdn.content.categories import categories
from ttdn.head import absolute

ITEMS = 20  # newest items per feed: readers poll often, the archive is on the site
ATOM_NS = "http://www.w3.org/2005/Atom"
# Vietnam does not observe daylight saving time; articles carry dates, published at midnight.
VIETNAM = dt.timezone(dt.timedelta(hours=7))


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=VIETNAM)


def rss_xml(feed: Feed, site_url: str) -> bytes:
    ET.register_namespace("atom", ATOM_NS)
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    ET.SubElement(channel, "title").text = feed.title
    ET.SubElement(channel, "link").text = absolute(site_url, feed.base)
    ET.SubElement(channel, "description").text = feed.description
    ET.SubElement(channel, "language").text = feed.lang.code
    ET.SubElement(
        channel,
        f"{{{ATOM_NS}}}link",
        {"href": absolute(site_url, feed.rss), "rel": "self", "type": "application/rss+xml"},
    )
    if feed.items:
        newest = max(item.meta.modified for item in feed.items)
        ET.SubElement(channel, "lastBuildDate").text = format_datetime(_moment(newest))
    for entry in feed.items[:ITEMS]:
        item = ET.SubElement(channel, "item")
        url = absolute(site_url, entry.url)
        ET.SubElement(item, "title").text = entry.meta.title
        ET.SubElement(item, "link").text = url
        ET.SubElement(item, "guid", {"isPermaLink": "true"}).text = url
        # An RSS description is HTML: the plain-text summary is escaped once more, so a reader
        # shows "<" and "&" as written instead of reading them as markup.
        ET.SubElement(item, "description").text = html.escape(entry.meta.description)
        ET.SubElement(item, "pubDate").text = format_datetime(_moment(entry.meta.date))
        category = categories()[entry.meta.category]
        ET.SubElement(item, "category").text = category.name(feed.lang.code)
    ET.indent(rss)
    return ET.tostring(rss, encoding="utf-8", xml_declaration=True) + b"\n"


def json_feed(feed: Feed, site_url: str) -> bytes:
    items = []
    for entry in feed.items[:ITEMS]:
        url = absolute(site_url, entry.url)
        item = {
            "id": url,
            "url": url,
            "title": entry.meta.title,
            "summary": entry.meta.description,
            "content_text": entry.meta.description,
            "date_published": _moment(entry.meta.date).isoformat(),
            "tags": [categories()[entry.meta.category].name(feed.lang.code), *entry.meta.tags],
        }
        if entry.meta.updated:
            item["date_modified"] = _moment(entry.meta.updated).isoformat()
        if entry.meta.image:
            item["image"] = absolute(site_url, entry.url + entry.meta.image)
        items.append(item)
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "home_page_url": absolute(site_url, feed.base),
        "feed_url": absolute(site_url, feed.json),
        "description": feed.description,
        "language": feed.lang.code,
        "items": items,
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
