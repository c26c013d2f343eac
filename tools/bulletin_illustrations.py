"""Draw the illustrations of the bulletin's Issue 1/2023 (until editors supply photos).

    .venv/bin/python tools/bulletin_illustrations.py photos/ban-tin/2023-q1

Abstract, flat drawings made with Pillow: they show no real place and are captioned "Ảnh minh
họa" / "Illustration" in the issue. Deterministic: the same files every run.
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw

SIZE = (2400, 1600)
NAVY, SEA, FOAM, SAND, SUN, LEAF = "#0d3b66", "#1f6f8b", "#d9ecf2", "#f4d58d", "#ee964b", "#4f9d69"


def waves(draw: ImageDraw.ImageDraw, top: int, colours: list[str], amplitude: int) -> None:
    w, h = SIZE
    for i, colour in enumerate(colours):
        y0 = top + i * (h - top) // len(colours)
        points = [(x, y0 + amplitude * math.sin(x / 180 + i)) for x in range(0, w + 20, 20)]
        draw.polygon([*points, (w, h), (0, h)], fill=colour)


def cover() -> Image.Image:
    im = Image.new("RGB", SIZE, FOAM)
    draw = ImageDraw.Draw(im)
    draw.ellipse((1500, 180, 1900, 580), fill=SUN)
    waves(draw, 760, [SEA, "#2a7f9e", NAVY], 40)
    return im


def plan() -> Image.Image:
    """Sheets and a calendar of four quarters: the year's plan."""
    im = Image.new("RGB", SIZE, "#eef3f7")
    draw = ImageDraw.Draw(im)
    for i, colour in enumerate([NAVY, SEA, LEAF, SUN]):
        x = 260 + i * 500
        draw.rounded_rectangle((x, 420, x + 400, 1180), radius=40, fill=colour)
        for line in range(6):
            y = 520 + line * 100
            draw.rounded_rectangle((x + 50, y, x + 350 - line * 25, y + 30), radius=15,
                                   fill="#ffffff")
    return im


def exchange() -> Image.Image:
    """Two circles joined by arrows: delegations and trade, both ways."""
    im = Image.new("RGB", SIZE, "#f6f1e7")
    draw = ImageDraw.Draw(im)
    draw.ellipse((260, 400, 1060, 1200), fill=SEA)
    draw.ellipse((1340, 400, 2140, 1200), fill=SUN)
    for y, direction in ((640, 1), (960, -1)):
        draw.line((1000, y, 1400, y), fill=NAVY, width=40)
        tip = 1400 if direction == 1 else 1000
        draw.polygon([(tip, y - 60), (tip, y + 60), (tip + 90 * direction, y)], fill=NAVY)
    return im


def islands() -> Image.Image:
    """Sea, two islands and a flag on a pole: the sea and islands."""
    im = Image.new("RGB", SIZE, "#dff1f7")
    draw = ImageDraw.Draw(im)
    draw.ellipse((300, 900, 1100, 1300), fill=SAND)
    draw.ellipse((1400, 980, 2000, 1280), fill=LEAF)
    draw.line((700, 560, 700, 980), fill=NAVY, width=24)
    draw.rectangle((712, 560, 1000, 740), fill="#da2c38")
    waves(draw, 1180, [SEA, NAVY], 30)
    return im


def media() -> Image.Image:
    """A screen, a page and sound waves: press, radio, television and the portal."""
    im = Image.new("RGB", SIZE, "#eef3f7")
    draw = ImageDraw.Draw(im)
    draw.rounded_rectangle((220, 360, 1220, 1060), radius=50, fill=NAVY)
    draw.rounded_rectangle((300, 440, 1140, 980), radius=20, fill=SEA)
    draw.rectangle((620, 1060, 820, 1200), fill=NAVY)
    draw.rounded_rectangle((1380, 300, 1980, 1300), radius=30, fill="#ffffff", outline=NAVY,
                           width=16)
    rng = random.Random(7)
    for line in range(8):
        y = 400 + line * 105
        draw.rounded_rectangle((1450, y, 1910 - rng.randrange(0, 200), y + 36), radius=18,
                               fill=SEA if line == 0 else "#9bb7c9")
    for r in (120, 200, 280):
        draw.arc((720 - r, 710 - r, 720 + r, 710 + r), start=-40, end=40, fill=SUN, width=24)
    return im


DRAWINGS = {
    "bia.png": cover,
    "ke-hoach.png": plan,
    "kinh-te-doi-ngoai.png": exchange,
    "bien-dao.png": islands,
    "bao-chi.png": media,
}


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, draw in DRAWINGS.items():
        draw().save(folder / name, "PNG", optimize=True)
        print(folder / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
