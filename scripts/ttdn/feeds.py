"""RSS 2.0 and JSON Feed 1.1 for a listing, with absolute URLs and the language set.

An item's image is its link-preview image from the asset resolver (`image(entry)`): an RSS
enclosure and the JSON Feed `image`, both pointing at a file the build publishes.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Callable
from email.utils import format_datetime
from xml.etree import ElementTree as ET

from ttdn.assets import Asset
from ttdn.collections import Feed
from ttdn.content import Entry
from ttdn.head import absolute
from ttdn.model import BuildModel

ImageOf = Callable[[Entry], Asset | None]
MIME = {
    "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif",
    "pdf": "application/pdf",
}

ITEMS = 20  # newest items per feed: readers poll often, the archive is on the site
ATOM_NS = "http://www.w3.org/2005/Atom"
# Vietnam does not observe daylight saving time; articles carry dates, published at midnight.
VIETNAM = dt.timezone(dt.timedelta(hours=7))


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=VIETNAM)


def _size(asset: Asset) -> int:
    name = asset.url.rsplit("/", 1)[-1]
    if asset.record is not None:
        for variants in asset.record.variants.values():
            for variant in variants:
                if variant.file == name:
                    return variant.bytes
    return asset.path.stat().st_size


def rss_xml(
    feed: Feed, model: BuildModel, image: ImageOf, enclosure: ImageOf | None = None
) -> bytes:
    """`enclosure(entry)`, when given, is tried before the image (a bulletin issue's PDF)."""
    site_url = model.site_url
    ET.register_namespace("atom", ATOM_NS)
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    ET.SubElement(channel, "title").text = feed.title
    ET.SubElement(channel, "link").text = absolute(site_url, feed.base)
    ET.SubElement(channel, "description").text = _html_text(feed.description)
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
        ET.SubElement(item, "description").text = _html_text(entry.meta.description)
        ET.SubElement(item, "pubDate").text = format_datetime(_moment(entry.meta.date))
        label = model.index.labels.get(entry.url)
        if label:
            ET.SubElement(item, "category").text = label
        asset = (enclosure(entry) if enclosure else None) or image(entry)
        if asset is not None:
            ET.SubElement(item, "enclosure", {
                "url": absolute(site_url, asset.url),
                "length": str(_size(asset)),
                "type": MIME.get(asset.url.rsplit(".", 1)[-1].lower(), "image/jpeg"),
            })
    ET.indent(rss)
    return ET.tostring(rss, encoding="utf-8", xml_declaration=True) + b"\n"


def _html_text(text: str) -> str:
    """An RSS description (the channel's and each item's) is HTML: plain text is escaped once
    more, so a reader shows "<" and "&" as written instead of reading them as markup."""
    return html.escape(text)


def json_feed(feed: Feed, model: BuildModel, image: ImageOf) -> bytes:
    site_url = model.site_url
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
            "tags": [
                label for label in (model.index.labels.get(entry.url),) if label
            ] + list(getattr(entry.meta, "tags", [])),
        }
        if entry.meta.updated:
            item["date_modified"] = _moment(entry.meta.updated).isoformat()
        asset = image(entry)
        if asset is not None:
            item["image"] = absolute(site_url, asset.url)
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
