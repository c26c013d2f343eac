"""The site's mark: a stylised wave under an island (never an official emblem or seal).

The same shapes are drawn in `overrides/assets/images/logo.svg` for the header and favicon;
here they become the link-preview image (Zalo and Facebook do not show SVG).
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import fontpkg_be_vietnam_pro
from PIL import Image, ImageDraw, ImageFont

from ttdn.files import atomic_write, publish

RECIPE_VERSION = "1"
SEA = (11, 79, 108)  # --ttdn-sea in ttdn.css
SAND = (244, 196, 48)
FOAM = (255, 255, 255)
SIZE = (1200, 630)


def _draw(site_name: str) -> Image.Image:
    image = Image.new("RGB", SIZE, SEA)
    draw = ImageDraw.Draw(image)
    # Island and sun above three waves, in a 240 px square at the left.
    x, y, s = 90, 195, 240 / 64
    def pt(px: float, py: float) -> tuple[float, float]:
        return (x + px * s, y + py * s)
    draw.ellipse([pt(38, 8), pt(50, 20)], fill=SAND)
    draw.polygon([pt(10, 40), pt(24, 22), pt(32, 30), pt(40, 24), pt(54, 40)], fill=FOAM)
    for row in (44, 52, 60):
        draw.line([pt(4, row), pt(14, row - 4), pt(24, row), pt(34, row - 4), pt(44, row),
                   pt(54, row - 4), pt(60, row)], fill=FOAM, width=12, joint="curve")
    font_dir = Path(fontpkg_be_vietnam_pro.ROOT) / "files"
    bold = ImageFont.truetype(str(font_dir / "BeVietnamPro-Bold.ttf"), 60)
    words, lines = site_name.split(), [""]
    for word in words:  # wrap to the space right of the mark
        trial = f"{lines[-1]} {word}".strip()
        if draw.textlength(trial, font=bold) > 700 and lines[-1]:
            lines.append(word)
        else:
            lines[-1] = trial
    top = SIZE[1] / 2 - len(lines) * 40
    for i, line in enumerate(lines):
        draw.text((400, top + i * 80), line, font=bold, fill=FOAM)
    return image


def write_og_image(site_name: str, target: Path, cache_dir: Path) -> None:
    """A 1200×630 PNG with the mark and the site's name, cached on the name and recipe."""
    key = hashlib.sha256(f"{RECIPE_VERSION}|{site_name}".encode()).hexdigest()[:16]
    cached = cache_dir / f"og-{key}.png"
    if not cached.exists():
        cache_dir.mkdir(parents=True, exist_ok=True)
        png = io.BytesIO()
        _draw(site_name).save(png, format="PNG", optimize=True)
        atomic_write(cached, png.getvalue())
    target.parent.mkdir(parents=True, exist_ok=True)
    publish(cached, target)
