"""Demonstration pictures for the photo book: abstract drawings, never photographs.

There are no real photos of Quảng Ngãi in the repository yet. So that editors see how the book
works, these flat drawings (sky, sea, island, coast, harbour, mountain shapes) stand in for them,
each marked "MINH HỌA · ILLUSTRATION" in the picture itself and captioned as an illustration in
its manifest (`illustration: true`). They show no real place.

    python -m ttdn.photobook.illustrations photos/sach-anh    # writes <chapter>/<name>.jpg

The drawings are deterministic (seeded), so running it again gives the same files.
"""

from __future__ import annotations

import math
import random
import sys
from collections.abc import Callable
from pathlib import Path

import fontpkg_be_vietnam_pro
from PIL import Image, ImageDraw, ImageFont

SIZE = (2400, 1600)  # wide enough for the print editions (≥ 2000 px)
LABEL = "MINH HỌA · ILLUSTRATION"
Colour = tuple[int, int, int]

# Times of day: sky top, sky bottom, sun, sea.
PALETTES: tuple[tuple[Colour, Colour, Colour, Colour], ...] = (
    ((246, 186, 140), (255, 233, 196), (255, 247, 220), (62, 122, 160)),  # dawn
    ((96, 167, 214), (205, 232, 245), (255, 252, 235), (22, 104, 150)),  # noon
    ((64, 52, 110), (236, 131, 93), (255, 214, 150), (40, 58, 105)),  # dusk
)


def _gradient(size: tuple[int, int], top: Colour, bottom: Colour) -> Image.Image:
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def _ridge(rng: random.Random, width: int, base: float, amplitude: float,
           waves: int) -> list[tuple[float, float]]:
    """A smooth random skyline: a sum of a few sines, as polygon points left to right."""
    terms = [(rng.uniform(0.5, 1.0) / (k + 1), rng.uniform(0, 2 * math.pi), k + 1)
             for k in range(waves)]
    points = []
    for x in range(0, width + 41, 40):
        y = sum(a * math.sin(2 * math.pi * f * x / width + p) for a, p, f in terms)
        points.append((x, base - amplitude * y))
    return points


def _sea(draw: ImageDraw.ImageDraw, rng: random.Random, size: tuple[int, int], horizon: int,
         colour: Colour) -> None:
    w, h = size
    draw.rectangle((0, horizon, w, h), fill=colour)
    for band in range(6):  # lighter wave lines towards the viewer
        y0 = horizon + (band + 1) * (h - horizon) / 7
        shade = tuple(min(255, c + 18 + 8 * band) for c in colour)
        points = [(x, y0 + 8 * math.sin(x / (60 + 20 * band) + rng.uniform(0, 6)))
                  for x in range(0, w + 31, 30)]
        draw.line(points, fill=shade, width=6 + band * 2)


def _sun(draw: ImageDraw.ImageDraw, x: int, y: int, r: int, colour: Colour) -> None:
    draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)


def island(rng: random.Random, size: tuple[int, int], palette) -> Image.Image:
    top, bottom, sun, sea = palette
    im = _gradient(size, top, bottom)
    draw = ImageDraw.Draw(im)
    w, h = size
    horizon = int(h * 0.58)
    _sun(draw, int(w * rng.uniform(0.6, 0.85)), int(h * 0.25), int(h * 0.08), sun)
    for layer, (x0, x1) in enumerate(((0.08, 0.55), (0.45, 0.92))):
        left, right = int(w * x0), int(w * x1)
        ridge = _ridge(rng, right - left, horizon - h * (0.08 + 0.04 * layer), h * 0.05, 3)
        shape = [(left + x, min(y, horizon)) for x, y in ridge if x <= right - left]
        colour = (40 + 25 * layer, 84 + 20 * layer, 70 + 15 * layer)
        draw.polygon([(left, horizon), *shape, (right, horizon)], fill=colour)
    _sea(draw, rng, size, horizon, sea)
    return im


def coast(rng: random.Random, size: tuple[int, int], palette) -> Image.Image:
    top, bottom, sun, sea = palette
    im = _gradient(size, top, bottom)
    draw = ImageDraw.Draw(im)
    w, h = size
    horizon = int(h * 0.45)
    _sun(draw, int(w * rng.uniform(0.15, 0.4)), int(h * 0.2), int(h * 0.07), sun)
    _sea(draw, rng, size, horizon, sea)
    shore = _ridge(rng, w, h * 0.78, h * 0.06, 2)  # the beach, in front of the sea
    draw.polygon([(0, h), *shore, (w, h)], fill=(230, 205, 150))
    foam = [(x, y - 10) for x, y in shore]
    draw.line(foam, fill=(250, 250, 245), width=14)
    cape = [(w * 0.7, horizon), (w * 0.82, horizon - h * 0.12), (w, horizon - h * 0.16),
            (w, horizon)]
    draw.polygon(cape, fill=(58, 96, 72))
    return im


def harbour(rng: random.Random, size: tuple[int, int], palette) -> Image.Image:
    top, bottom, sun, sea = palette
    im = _gradient(size, top, bottom)
    draw = ImageDraw.Draw(im)
    w, h = size
    horizon = int(h * 0.62)
    _sun(draw, int(w * 0.2), int(h * 0.3), int(h * 0.06), sun)
    x = int(w * 0.35)
    while x < w * 0.95:  # abstract blocks on a quay: no real installation
        bw = rng.randint(int(w * 0.03), int(w * 0.08))
        bh = rng.randint(int(h * 0.05), int(h * 0.22))
        shade = rng.randint(70, 120)
        draw.rectangle((x, horizon - bh, x + bw, horizon), fill=(shade, shade + 10, shade + 25))
        x += bw + rng.randint(10, 60)
    for cx in (0.5, 0.7):  # two crane-like strokes
        bx = int(w * cx)
        draw.line([(bx, horizon), (bx, horizon - h * 0.35), (bx + w * 0.12, horizon - h * 0.35)],
                  fill=(200, 80, 50), width=16)
    _sea(draw, rng, size, horizon, sea)
    return im


def mountains(rng: random.Random, size: tuple[int, int], palette) -> Image.Image:
    top, bottom, sun, _ = palette
    im = _gradient(size, top, bottom)
    draw = ImageDraw.Draw(im)
    w, h = size
    _sun(draw, int(w * rng.uniform(0.55, 0.8)), int(h * 0.22), int(h * 0.06), sun)
    for layer in range(5):  # far ridges pale, near ridges dark green
        base = h * (0.42 + 0.11 * layer)
        ridge = _ridge(rng, w, base, h * (0.09 - 0.01 * layer), 4)
        g = 150 - 22 * layer
        draw.polygon([(0, h), *ridge, (w, h)], fill=(g // 2 + 20, g, g // 2 + 40))
    return im


DRAWINGS: dict[str, Callable[..., Image.Image]] = {
    "island": island, "coast": coast, "harbour": harbour, "mountains": mountains,
}


def illustration(kind: str, variant: int, size: tuple[int, int] = SIZE) -> Image.Image:
    """One drawing of `kind`, at one of three times of day, labelled as an illustration."""
    rng = random.Random(f"{kind}-{variant}")
    im = DRAWINGS[kind](rng, size, PALETTES[variant % len(PALETTES)])
    draw = ImageDraw.Draw(im)
    font_file = Path(fontpkg_be_vietnam_pro.ROOT) / "files" / "BeVietnamPro-Bold.ttf"
    font = ImageFont.truetype(str(font_file), max(12, size[1] // 32))
    margin = size[1] // 40
    # Inset by a tenth of the width: a full-bleed page crops the sides (print-shop edition).
    at = (size[0] // 10, margin * 3)
    box = draw.textbbox(at, LABEL, font=font)
    draw.rectangle((box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin),
                   fill=(255, 255, 255))
    draw.text(at, LABEL, font=font, fill=(20, 20, 20))
    return im


# The demonstration book: chapter folder → the drawing used for its pictures.
DEMO = {
    "dao-ly-son": "island",
    "bo-bien": "coast",
    "dung-quat": "harbour",
    "nui-rung-van-hoa": "mountains",
}


def write_demo(folder: Path) -> list[Path]:
    written = []
    for chapter, kind in DEMO.items():
        (folder / chapter).mkdir(parents=True, exist_ok=True)
        for variant in range(3):
            path = folder / chapter / f"minh-hoa-{variant + 1}.jpg"
            illustration(kind, variant).save(path, "JPEG", quality=85, optimize=True)
            written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_demo(Path(sys.argv[1] if len(sys.argv) > 1 else "photos/sach-anh")):
        print(written_path)
