"""A content type is a declaration: a test declares one of its own (schema with a date range,
declaration, one template) and gets its listing, upcoming listing, home-page slot, archive and
feed in both languages, without touching the collections code."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import feedparser
import pytest

from helpers import ROOT, SITE_URL, SMALL_CONFIG, front, make_small_site, parse

TOY_TYPES = '''
from ttdn.content.schema import DateRangeMeta, Text
from ttdn.content.types import (
    CONTENT_TYPES, Archive, ContentType, Listing, Neighbours, upcoming
)


class EventMeta(DateRangeMeta):
    venue: Text


EVENT = ContentType(
    "event",
    EventMeta,
    "su-kien/*.md",
    partial="event-meta.html",
    label=lambda entry, labels: entry.meta.venue,
    collections=(
        Listing("su-kien", per_page=2, feed=True),
        Listing("su-kien/sap-dien-ra", keep=upcoming, order=lambda e: e.meta.start,
                ascending=True, home=5, home_title=lambda labels: f"Toy {labels.lang.code}"),
        Archive(
            "su-kien/nam/{key}",
            key=lambda entry: entry.meta.date.year,
            title=lambda labels, year: f"{labels.t('year_title', year=year)} (toy)",
            description=lambda labels, year: f"Toy {year}",
        ),
        Neighbours(),
    ),
)

TYPES = (EVENT, *CONTENT_TYPES)
'''

TOY_PARTIAL = '<p class="toy-venue">{{ ttdn.entry.meta.venue }}</p>\n'

# The small site's configuration, naming the toy declarations and the copied overrides.
TOY_CONFIG = SMALL_CONFIG.replace(
    "  - ttdn-site:\n", "  - ttdn-site:\n      content_types: toy_types:TYPES\n"
).replace("custom_dir: {overrides}", "custom_dir: overrides")


# When each toy event happens, around the day of the build: 1 is over, 3 is ongoing, 2 is
# still to come (so the upcoming listing's order, by start, differs from the publication order).
TODAY = dt.date.today()
EVENT_DAYS = {
    1: (TODAY - dt.timedelta(days=40), TODAY - dt.timedelta(days=30)),
    2: (TODAY + dt.timedelta(days=20), TODAY + dt.timedelta(days=21)),
    3: (TODAY - dt.timedelta(days=1), TODAY + dt.timedelta(days=1)),
}


@pytest.fixture(scope="module")
def toy_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("toy")
    (root / "toy_types.py").write_text(TOY_TYPES, "utf-8")
    overrides = root / "overrides"
    shutil.copytree(ROOT / "overrides", overrides)
    (overrides / "partials" / "ttdn" / "event-meta.html").write_text(TOY_PARTIAL, "utf-8")
    files = {"vi/index.md": front("Trang chủ"), "en/index.md": front("Home")}
    for lang in ("vi", "en"):
        for n, date in enumerate(["2022-05-01", "2023-03-01", "2023-04-01"], start=1):
            start, end = EVENT_DAYS[n]
            files[f"{lang}/su-kien/su-kien-{n}.md"] = front(
                f"{lang} sự kiện {n}", date=date, venue=f"Hội trường {n}",
                start=start.isoformat(), end=end.isoformat(),
            ) + "Nội dung.\n"
    sys.path.insert(0, str(root))
    try:
        site = make_small_site(root, files, TOY_CONFIG)
    finally:
        sys.path.remove(str(root))
        sys.modules.pop("toy_types", None)
    return site


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_declared_type_gets_a_paginated_listing_in_both_languages(toy_site, prefix) -> None:
    first = parse(toy_site / prefix / "su-kien/index.html")
    titles = [a.text for a in first.xpath("//ol[@class='ttdn-list']//h2/a")]
    lang = prefix.rstrip("/") or "vi"
    assert titles == [f"{lang} sự kiện 3", f"{lang} sự kiện 2"]  # newest first, two a page
    second = parse(toy_site / prefix / "su-kien/trang/2/index.html")
    assert [a.text for a in second.xpath("//ol[@class='ttdn-list']//h2/a")] == [
        f"{lang} sự kiện 1"
    ]
    # The declared label (the venue) is shown in the list.
    assert "Hội trường 3" in first.xpath("string(//ol[@class='ttdn-list']/li[1])")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_declared_type_gets_its_archives_in_both_languages(toy_site, prefix) -> None:
    archive = parse(toy_site / prefix / "su-kien/nam/2023/index.html")
    assert archive.xpath("string(//h1)").endswith("(toy)")
    assert len(archive.xpath("//ol[@class='ttdn-list']/li")) == 2
    assert (toy_site / prefix / "su-kien/nam/2022/index.html").is_file()


@pytest.mark.parametrize(("prefix", "language"), [("", "vi"), ("en/", "en")])
def test_declared_type_gets_its_feed_in_both_languages(toy_site, prefix, language) -> None:
    feed = feedparser.parse((toy_site / prefix / "su-kien/rss.xml").read_bytes())
    assert feed.bozo == 0 and feed.feed.language == language
    assert [e.link for e in feed.entries][0] == f"{SITE_URL}{prefix}su-kien/su-kien-3/"
    assert [t.term for t in feed.entries[0].tags] == ["Hội trường 3"]


def test_declared_partial_and_neighbours_show_on_the_item(toy_site) -> None:
    page = parse(toy_site / "su-kien/su-kien-2/index.html")
    assert page.xpath("string(//p[@class='toy-venue'])") == "Hội trường 2"
    assert page.xpath("//a[@rel='prev']/@href") == ["../su-kien-1/"]
    assert page.xpath("//a[@rel='next']/@href") == ["../su-kien-3/"]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_declared_upcoming_listing_keeps_what_is_not_over_soonest_first(toy_site, prefix) -> None:
    page = parse(toy_site / prefix / "su-kien/sap-dien-ra/index.html")
    lang = prefix.rstrip("/") or "vi"
    titles = [a.text for a in page.xpath("//ol[@class='ttdn-list']//h2/a")]
    assert titles == [f"{lang} sự kiện 3", f"{lang} sự kiện 2"]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_declared_home_slot_shows_on_the_home_page_in_both_languages(toy_site, prefix) -> None:
    home = parse(toy_site / prefix / "index.html")
    lang = prefix.rstrip("/") or "vi"
    [slot] = [s for s in home.xpath("//section[@class='ttdn-latest']")
              if s.xpath("string(h2)") == f"Toy {lang}"]
    assert [a.text for a in slot.xpath(".//h2/a")] == [f"{lang} sự kiện 3", f"{lang} sự kiện 2"]
    assert slot.xpath(".//p/a/@href") == ["su-kien/sap-dien-ra/"]


def test_a_date_range_that_ends_before_it_starts_is_refused(tmp_path) -> None:
    from pydantic import ValidationError

    from ttdn.content.schema import DateRangeMeta

    with pytest.raises(ValidationError, match="'end' is earlier than 'start'"):
        DateRangeMeta(title="T", description="D", date="2023-01-01", start="2023-02-02",
                      end="2023-02-01")
