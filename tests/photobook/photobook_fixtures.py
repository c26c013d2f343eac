"""Small photo books for the tests: generated pictures, manifests written as text."""

from __future__ import annotations

import textwrap
from pathlib import Path

from PIL import Image

from helpers import ROOT, SITE_URL, build_site, front


def entry(file: str, **changes: str | None) -> str:
    """One manifest entry as YAML; `changes` replace fields (None removes one)."""
    fields: dict[str, str | None] = {
        "file": file,
        "caption": '{vi: "Đảo Lý Sơn lúc bình minh", en: "Lý Sơn island at dawn"}',
        "alt": '{vi: "Hai đảo xanh trên biển", en: "Two green islands on the sea"}',
        "place": '{vi: "Đảo Lý Sơn", en: "Lý Sơn island"}',
        "photographer": "Nguyễn Văn A",
        "date": "2023-10-15",
        "credit": '"© Sở Thông tin và Truyền thông – CC BY 4.0"',
    }
    fields.update(changes)
    lines = [f"{key}: {value}" for key, value in fields.items() if value is not None]
    return "  - " + "\n    ".join(lines) + "\n"


def manifest(*entries: str) -> str:
    return "photos:\n" + "".join(entries)


def picture(path: Path, size: tuple[int, int] = (320, 200), colour=(40, 110, 160)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, "JPEG", quality=90)
    return path


CONFIG = """\
site_name: Thử nghiệm
site_url: {site_url}
use_directory_urls: true
theme:
  name: material
  custom_dir: {overrides}
  language: vi
  font: false
extra:
  alternate: true
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
      cache_dir: {site_cache}
  - ttdn-guard
  - ttdn-images:
      photos_dir: photos
      avif_speed: 10
  - ttdn-photobook:
      cache_dir: .cache/photobook
      print_editions: {print_editions}
"""


def book_files(chapters: dict[str, int]) -> dict[str, str]:
    """Markdown of a book whose chapters (slug → order) exist in both languages."""
    files = {
        "vi/index.md": front("Trang chủ") + "# Trang chủ\n",
        "en/index.md": front("Home") + "# Home\n",
        "vi/sach-anh/index.md": front("Sách ảnh") + "# Sách ảnh\n\nGiới thiệu.\n",
        "en/sach-anh/index.md": front("Photo book") + "# Photo book\n\nIntroduction.\n",
    }
    for slug, order in chapters.items():
        files[f"vi/sach-anh/{slug}/index.md"] = front(f"Chương {slug}", order=str(order))
        files[f"en/sach-anh/{slug}/index.md"] = front(f"Chapter {slug}", order=str(order))
    return files


def write_book(
    root: Path,
    docs: dict[str, str],
    photos: dict[str, str | tuple[int, int]],
    print_editions: bool = False,
) -> Path:
    """A site in `root`: docs, and photos/ files (text, or a picture of that size)."""
    (root / "mkdocs.yml").write_text(
        CONFIG.format(
            site_url=SITE_URL,
            overrides=ROOT / "overrides",
            site_cache=ROOT / ".cache" / "plugin" / "ttdn",
            print_editions=str(print_editions).lower(),
        ),
        "utf-8",
    )
    for name, text in docs.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), "utf-8")
    for name, content in photos.items():
        path = root / "photos" / name
        if isinstance(content, tuple):
            picture(path, content)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, "utf-8")
    return root / "mkdocs.yml"


def build_book(root: Path) -> Path:
    return build_site(root / "mkdocs.yml", root / "site")
