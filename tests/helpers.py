"""Helpers shared by the tests (fixtures are in conftest.py)."""

from __future__ import annotations

import os
import socket
import textwrap
import unicodedata
from pathlib import Path

from lxml import html as lxml_html

# The engine first, as ttdn does: under ProperDocs every later `mkdocs` import is ProperDocs'.
from ttdn.engine import build, load_config
from ttdn.plugins.site.status import STATUS_PATH

ROOT = Path(__file__).resolve().parents[1]
SITE_URL = "https://ttdn.example.test/"
OG_LOCALE = {"vi": "vi_VN", "en": "en_US"}

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def free_port() -> int:
    """A free TCP port on loopback, for a server a test starts."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_site(config_file: Path, site_dir: Path, **overrides) -> Path:
    config = load_config(str(config_file), site_dir=str(site_dir), strict=True, **overrides)
    build(config)
    return site_dir


def parse(path: Path):
    return lxml_html.fromstring(path.read_bytes())


def front(title: str, **extra: str) -> str:
    """Front matter of a valid page."""
    fields = {"title": title, "description": f"{title}.", "date": "2023-01-02", **extra}
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in fields.items()) + "---\n"


def content_pages(pages: dict) -> dict:
    """The built pages that come from Markdown (all but the 404 pages and the editors'
    translation status page)."""
    return {
        path: doc for path, doc in pages.items()
        if not path.endswith("404.html")
        and not path.removeprefix("en/").startswith(f"{STATUS_PATH}/")
    }


def language_of(path: str) -> str:
    return "en" if path.startswith("en/") else "vi"


def url_of(path: str) -> str:
    return SITE_URL + path.removesuffix("index.html")


def alternates(doc) -> dict[str, str]:
    return {
        link.get("hreflang"): link.get("href")
        for link in doc.xpath("//head/link[@rel='alternate'][@hreflang]")
    }


def article(title: str, date: str, category: str = "bien-dao", **extra: str) -> str:
    """Markdown of a valid article."""
    fields = {"category": category, "agency": "Sở Thông tin và Truyền thông", **extra}
    return front(title, date=date, **fields) + f"\n{title}: nội dung bài viết.\n"


def column_site(vi_articles: int, en_articles: int) -> dict[str, str]:
    """Files of a small site whose column has `n` articles per language, one a day from
    2023-01-01, alternating between two categories, plus a 2022 article in Vietnamese."""
    files = {
        "vi/index.md": front("Trang chủ") + "# Trang chủ\n",
        "en/index.md": front("Home") + "# Home\n",
        "vi/tin-bai/index.md": front("Chuyên mục") + "# Chuyên mục\n",
        "en/tin-bai/index.md": front("Column") + "# Column\n",
        "vi/tin-bai/2022/bai-nam-2022.md": article("Bài năm 2022", "2022-12-30", "bien-dao"),
    }
    for lang, count in (("vi", vi_articles), ("en", en_articles)):
        for n in range(1, count + 1):
            category = "bien-dao" if n % 2 else "quyen-con-nguoi"
            files[f"{lang}/tin-bai/2023/bai-{n:02d}.md"] = article(
                f"{lang} bài {n:02d}", f"2023-01-{n:02d}", category
            )
    return files


SMALL_CONFIG = """\
site_name: Thử nghiệm
site_url: {site_url}
use_directory_urls: true
theme:
  name: material
  custom_dir: {overrides}
  language: vi
  font: false
  palette:  # a mapping, as the site's: otherwise Material adds an inline script the CSP blocks
    scheme: default
    primary: custom
    accent: custom
extra:
  alternate: true
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - def_list
  - footnotes
  - md_in_html
  - tables:
      use_align_attribute: true
  - toc:
      slugify: !!python/name:ttdn.slugs.heading_slug
  - pymdownx.details
  - pymdownx.superfences
plugins:
  - i18n:
      docs_structure: folder
      fallback_to_default: false
      reconfigure_material: false
      reconfigure_search: false
      languages:
        - locale: vi
          name: Tiếng Việt
          default: true
        - locale: en
          name: English
          site_name: Test
          theme:
            language: en
  - ttdn-site:
      report_problem_url: bao-loi/
      cache_dir: {cache_dir}
  - ttdn-images:
      photos_dir: photos
  - ttdn-search
  - ttdn-guard
validation:
  links:
    not_found: warn
    absolute_links: relative_to_docs
    unrecognized_links: warn
    anchors: warn
"""


def make_small_site(root: Path, files: dict[str, str], config: str = SMALL_CONFIG) -> Path:
    """Build a small two-language site from {"vi/index.md": text, ...} in `root`; returns site/.

    `config` is a mkdocs.yml template with SMALL_CONFIG's placeholders."""
    (root / "mkdocs.yml").write_text(
        config.format(
            site_url=SITE_URL,
            overrides=ROOT / "overrides",
            cache_dir=ROOT / ".cache" / "plugin" / "ttdn",
        ),
        "utf-8",
    )
    for name, text in files.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), "utf-8")
    return build_site(root / "mkdocs.yml", root / "site")


def bulletin_issue(year: int, quarter: int, number: int, **extra: str) -> str:
    """Markdown of a valid bulletin issue (index.md); its cover is /photos/ban-tin/bia.png."""
    fields = {
        "date": f"{year}-{3 * quarter:02d}-28",
        "year": str(year),
        "quarter": str(quarter),
        "number": str(number),
        "image": "/photos/ban-tin/bia.png",
        "image_alt": "Ảnh minh họa",
        "board": '["Sở Ngoại vụ"]',
        **extra,
    }
    return front(f"Số {number}/{year}", **fields) + f"\n# Số {number}/{year}\n\nLời tòa soạn.\n"


def bulletin_article(title: str, order: int, **extra: str) -> str:
    return front(title, order=str(order), **extra) + f"\n# {title}\n\n{title}: nội dung.\n"


def bulletin_site(issues: list[tuple[int, int, int]], languages=("vi", "en")) -> dict[str, str]:
    """Files of a small site whose bulletin has `issues` (year, quarter, number), each with two
    articles, in `languages`."""
    files = {
        "vi/index.md": front("Trang chủ") + "# Trang chủ\n",
        "en/index.md": front("Home") + "# Home\n",
        "vi/ban-tin/index.md": front("Bản tin") + "# Bản tin\n",
        "en/ban-tin/index.md": front("Bulletin") + "# Bulletin\n",
    }
    for lang in languages:
        for year, quarter, number in issues:
            folder = f"{lang}/ban-tin/{year}/q{quarter}"
            files[f"{folder}/index.md"] = bulletin_issue(year, quarter, number)
            files[f"{folder}/bai-mot.md"] = bulletin_article(f"{lang} {year}q{quarter} bài 1", 1)
            files[f"{folder}/bai-hai.md"] = bulletin_article(f"{lang} {year}q{quarter} bài 2", 2)
    return files
def search_site() -> dict[str, str]:
    """Files of a small site whose pages hold the words the search must find, in both
    languages, with decoys: "dao kéo" and "sống" (for "đảo" and "son"), the pairs of a phrase
    standing apart, and one page written in decomposed Unicode (NFD)."""
    pages = {
        "ly-son": ("Đảo Lý Sơn", "Huyện đảo Lý Sơn thuộc tỉnh Quảng Ngãi, có nghề tỏi.",
                   "Lý Sơn Island",
                   "The island district of Lý Sơn (huyện đảo Lý Sơn) belongs to Quảng Ngãi."),
        "long-an": ("Đoàn tỉnh Long An", "Đoàn công tác tỉnh Long An thăm hợp tác.",
                    "A delegation from Long An", "A delegation from Long An Province visited."),
        "tu-do": ("Đường Tự Do", "Phố đi bộ trên đường Tự Do mở cửa, mọi người tự do đi lại.",
                  "Tự Do Street", "The walking street on Tự Do Street opened to the public."),
        "da-nang": ("Hợp tác với Đà Nẵng", "Ký kết hợp tác du lịch với thành phố Đà Nẵng.",
                    "Cooperation with Đà Nẵng", "A tourism agreement with Đà Nẵng city."),
        "dao-keo": ("Làng rèn dao kéo", "Nghề rèn dao kéo nuôi sống cả làng.",
                    "A village of knife-makers", "Making knives keeps the village alive."),
        "bien-dao": ("Tuyên truyền biển đảo", "Tuyên truyền chủ quyền biển, đảo cho ngư dân.",
                     "Seas and islands", "Communicating sovereignty over seas and islands."),
        # Every pair of "hợp tác quốc tế" and none of its three-word runs: a phrase decoy.
        "ba-cau": ("Ba câu rời", "Hợp tác xã. Tác quốc ca. Quốc tế ca.",
                   "Three sentences", "Hợp tác xã. Tác quốc ca. Quốc tế ca."),
    }
    files = {
        "vi/index.md": front("Trang chủ") + "# Trang chủ\n",
        "en/index.md": front("Home") + "# Home\n",
        "vi/tin-bai/index.md": front("Chuyên mục") + "# Chuyên mục\n",
        "en/tin-bai/index.md": front("Column") + "# Column\n",
        "vi/tim-kiem.md": front("Tìm kiếm", template="search.html") + "# Tìm kiếm\n",
        "en/tim-kiem.md": front("Search", template="search.html") + "# Search\n",
    }
    for slug, (vi_title, vi_text, en_title, en_text) in pages.items():
        files[f"vi/tin-bai/2023/{slug}.md"] = article(vi_title, "2023-03-01") + vi_text + "\n"
        files[f"en/tin-bai/2023/{slug}.md"] = article(en_title, "2023-03-01") + en_text + "\n"
    nfd = unicodedata.normalize("NFD", "Cảng biển Dung Quất của Quảng Ngãi đón tàu lớn.")
    files["vi/tin-bai/2023/nfd.md"] = article("Cảng Dung Quất", "2023-03-02") + nfd + "\n"
    return files


# Vowel → its letter without marks.
VOWELS = {"a": "a", "ă": "a", "â": "a", "e": "e", "ê": "e", "i": "i", "o": "o", "ô": "o",
          "ơ": "o", "u": "u", "ư": "u", "y": "y"}
# Ngang (none), huyền, sắc, hỏi, ngã, nặng.
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]


def toned_vowels() -> list[tuple[str, str]]:
    """(written vowel, expected fold) for 12 vowels × 6 tones × 2 cases = 144 forms."""
    table = []
    for vowel, plain in VOWELS.items():
        for tone in TONES:
            for case in (str.lower, str.upper):
                written = unicodedata.normalize("NFC", case(vowel) + tone)
                table.append((written, plain))
    return table
