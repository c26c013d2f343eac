"""A generated bulletin issue for the print tests and benchmarks/print_bench.py.

Photos are drawn with Pillow (gradient, shapes and sensor-like noise, so JPEGs weigh what
camera photos of that size weigh); texts are Vietnamese or English filler around real names.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

from ttdn.print import PrintArticle, PrintIssue

ISSUE_URL = "https://ttdn.example.test/ban-tin/2023/q1/"
TEXT = {
    "vi": (
        "Tỉnh Quảng Ngãi đẩy mạnh công tác thông tin đối ngoại, giới thiệu hình ảnh, con người, "
        "lịch sử và văn hóa của tỉnh tới bạn bè trong nước và quốc tế. "
    ),
    "en": (
        "Quảng Ngãi Province steps up its foreign-information work, introducing its land, people, "
        "history and culture to partners at home and abroad. "
    ),
}
TITLE = {"vi": "Bài {n}: Quảng Ngãi hội nhập", "en": "Article {n}: Quảng Ngãi and the world"}


def photo(path: Path, size: tuple[int, int], seed: int, detail: int = 6000) -> Path:
    """A photo-like JPEG (q92, like a camera's) that is clearly not a real place; `detail`
    small shapes give it the texture that makes camera photos weigh what they weigh."""
    rng = random.Random(seed)
    w, h = size
    im = Image.linear_gradient("L").resize(size).convert("RGB")
    tint = Image.new("RGB", size, (rng.randrange(40, 200), rng.randrange(60, 160), 190))
    im = Image.blend(im, tint, 0.6)
    draw = ImageDraw.Draw(im)
    for _ in range(12):
        x, y, r = rng.randrange(w), rng.randrange(h), rng.randrange(h // 12, h // 3)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    for _ in range(detail):  # texture at every scale, like foliage, waves and buildings
        x, y, r = rng.randrange(w), rng.randrange(h), rng.randrange(2, w // 60)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.rectangle((x - r, y - r // 2, x + r, y + r // 2), fill=colour)
    im = im.filter(ImageFilter.GaussianBlur(1))
    noise = Image.effect_noise(size, 24).convert("RGB")
    im = Image.blend(im, noise, 0.12)
    im.save(path, "JPEG", quality=92)
    return path


def sample_issue(
    folder: Path,
    lang: str = "vi",
    articles: int = 5,
    photos_per_article: int = 2,
    photo_size: tuple[int, int] = (2400, 1600),
    paragraphs: int = 6,
) -> PrintIssue:
    """An issue with a cover and `articles` articles, each with `photos_per_article` photos.

    Photos are shared between languages (same folder, same names), as in photos/ban-tin/.
    """
    folder.mkdir(parents=True, exist_ok=True)
    images: dict[str, Path] = {}
    cover_src = "/photos/ban-tin/bia.jpg"
    images[cover_src] = folder / "bia.jpg"
    if not images[cover_src].exists():
        photo(images[cover_src], photo_size, seed=0)
    items = []
    for n in range(1, articles + 1):
        body = []
        for p in range(paragraphs):
            body.append(f"<p>{TEXT[lang] * 4}</p>")
            if p < photos_per_article:
                name = f"anh-{n}-{p}.jpg"
                src = f"/photos/ban-tin/{name}"
                if not (folder / name).exists():
                    photo(folder / name, photo_size, seed=n * 10 + p)
                images[src] = folder / name
                caption = "Ảnh minh họa" if lang == "vi" else "Illustration"
                body.append(
                    f'<figure><img src="{src}" alt="{caption} {n}.{p}">'
                    f"<figcaption>{caption}</figcaption></figure>"
                )
        body.append(f"<h3>{'Kết quả' if lang == 'vi' else 'Results'}</h3><p>{TEXT[lang]}</p>")
        items.append(
            PrintArticle(
                anchor=f"bai-{n}",
                title=TITLE[lang].format(n=n),
                html="\n".join(body),
                description=TEXT[lang],
            )
        )
    return PrintIssue(
        lang=lang,
        number=1,
        year=2023,
        quarter=1,
        date=dt.date(2023, 3, 31),
        url=ISSUE_URL if lang == "vi" else ISSUE_URL.replace(".test/", ".test/en/"),
        title="Quảng Ngãi hội nhập" if lang == "vi" else "Quảng Ngãi and the world",
        description=TEXT[lang],
        cover=cover_src,
        cover_alt="Ảnh minh họa: hình tròn nhiều màu" if lang == "vi" else "Illustration: circles",
        editorial_html=f"<p>{TEXT[lang] * 3}</p>",
        board=("Sở Ngoại vụ tỉnh Quảng Ngãi",),
        articles=tuple(items),
        images=images,
    )
