"""The project's own photo book as its files say it is: the tests compare the site to these."""

from __future__ import annotations

import yaml

from helpers import ROOT
from ttdn.i18n import strings

PHOTOS = ROOT / "photos" / "sach-anh"
LANGS = {"vi": "", "en": "en/"}


def chapters() -> dict[str, list[dict]]:
    """Chapter slug → its manifest entries, in book order (the `order` of the chapter page)."""
    found = {}
    for manifest in PHOTOS.glob("*/manifest.yml"):
        page = ROOT / "docs" / "vi" / "sach-anh" / manifest.parent.name / "index.md"
        order = yaml.safe_load(page.read_text("utf-8").split("---")[1])["order"]
        found[(order, manifest.parent.name)] = yaml.safe_load(manifest.read_text("utf-8"))
    return {slug: data["photos"] for (_, slug), data in sorted(found.items())}


def caption(photo: dict, lang: str) -> str:
    text = photo["caption"][lang]
    return f"{strings(lang)['photobook_illustration']}: {text}" if photo.get("illustration") \
        else text
