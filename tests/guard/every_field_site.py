"""Small sites with a hostile value in one field of one file ("a slot"), for every declared field.

A slot's value carries its id («s017») and a payload. Each slot lives in its own unit of files
(the injected file and what it needs to be valid: an issue's other language and articles, a
chapter's manifest and photo), so a refused unit can be left out and the rest built again.
Only the photo book's landing page exists once per language: its slots take turns (rounds).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from PIL import Image

from guard.fields import LANGUAGES, Field, declared_fields, put
from helpers import ROOT, SITE_URL

# Elements, attribute breakouts, a refresh, a javascript: URL (the value starts with one, for
# the fields that are URLs), Markdown link syntax, entity-encoded markup.
MARKUP = (
    "<script>pwn()</script> <img src=x onerror=pwn()> "
    "<meta http-equiv=refresh content='0;url=https://evil.example/'> "
    "<iframe src=https://evil.example/></iframe> \"><svg onload=pwn()> "
    "' autofocus onfocus=pwn() x=' [x](javascript:pwn()) "
    "&lt;script&gt;pwn()&lt;/script&gt; &#60;script&#62;pwn()&#60;/script&#62; "
    "&#x3C;img src=x onerror=pwn()&#x3E;"
)
# Right-to-left override, isolates and a zero-width space, around markup.
BIDI = "\u202eexe.fdp \u2066x\u2069 \u200b<b \u202eonclick=pwn()>z</b>"
KINDS = ("markup", "bidi")
# Types whose page exists once per language, and where it is.
SINGLETONS = {"photo-book": "sach-anh/index.md", "contact": "lien-he.md"}

# Valid front matter every page starts from; each type adds what its schema requires.
BASE = {"title": "Trang mẫu", "description": "Mô tả mẫu.", "date": "2023-03-01",
        "image": "/photos/bia.jpg", "image_alt": "Ảnh minh họa"}
REQUIRED = {
    "document": {"number": "1/KH-UBND", "issuer": "UBND tỉnh", "signer": "Nguyễn Văn A"},
    "article": {"category": "bien-dao", "agency": "Sở Ngoại vụ"},
    "bulletin-issue": {"board": ["Sở Ngoại vụ"]},
    "bulletin-article": {},
    "photo-chapter": {},
}
# A nested model is written whole, so that a slot inside it is the only thing wrong with it.
NESTED = {"video": {"youtube": "abcdefghijk", "poster": "/photos/bia.jpg", "title": "Phim"}}
PHOTO = {"file": "a.jpg", "caption": {"vi": "Biển", "en": "Sea"},
         "alt": {"vi": "Sóng biển", "en": "Waves"}, "place": {"vi": "Lý Sơn", "en": "Lý Sơn"},
         "photographer": "Nguyễn Văn A", "date": "2023-10-15", "credit": "CC BY 4.0"}
ISSUE_YEAR = 2000  # slot issues: one a year from here (numbering is counted within a year)
ARTICLES_ISSUE = "ban-tin/1999/q1"  # the issue that holds the bulletin-article slots

CONFIG = """\
site_name: Thử nghiệm
site_url: {site_url}
use_directory_urls: true
theme:
  name: material
  custom_dir: {overrides}
  language: vi
  font: false
  palette: {{scheme: default, primary: custom, accent: custom}}
markdown_extensions: [attr_list, md_in_html, toc]
plugins:
  - i18n:
      docs_structure: folder
      fallback_to_default: false
      reconfigure_material: false
      reconfigure_search: false
      languages:
        - {{locale: vi, name: Tiếng Việt, default: true}}
        - {{locale: en, name: English, site_name: Test, theme: {{language: en}}}}
  - ttdn-site:
      report_problem_url: bao-loi/
      cache_dir: {cache}/ttdn
  - ttdn-images:
      photos_dir: photos
      avif_speed: 10
  - ttdn-search
  - ttdn-guard:
      photos_dir: photos
  - ttdn-print:
      cache_dir: {cache}/ttdn-print
  - ttdn-photobook:
      cache_dir: {cache}/ttdn-photobook
"""


@dataclass(frozen=True)
class Slot:
    id: str
    field: Field
    kind: str

    @property
    def value(self) -> str:
        if self.kind == "markup":  # starts as a javascript: URL for the fields that are URLs
            return f"javascript:pwn()//«{self.id}» {MARKUP}"
        return f"«{self.id}» {BIDI}"


@dataclass
class Unit:
    """The files of one slot, or of several (a manifest's entries, one slot each): docs/ pages
    (front matter) and photos/ files. A refused unit of several is split into units of one."""

    slots: list[Slot]
    target: str  # the injected file, as a finding names it: docs/vi/… or photos/…
    pages: dict[str, dict] = field(default_factory=dict)
    manifests: dict[str, dict] = field(default_factory=dict)
    pictures: list[str] = field(default_factory=list)


def slots() -> list[Slot]:
    found = declared_fields()
    return [Slot(f"s{n:03d}{kind[0]}", f, kind) for n, f in enumerate(found) for kind in KINDS]


def front(kind: str, **extra) -> dict:
    return {**BASE, **REQUIRED.get(kind, {}), **extra}


def inject(kind: str, slot: Slot, **extra) -> dict:
    data = front(kind, **extra)
    root = slot.field.path[0]
    if root in NESTED and root not in data:
        data[root] = NESTED[root]
    return put(data, slot.field.path, slot.value)


def unit(slot: Slot, n: int, singleton_lang: str = "vi") -> Unit:
    """The files that carry `slot` alone; `n` numbers the units of one type."""
    kind = slot.field.owner
    if kind == "page":
        return _one(slot, f"vi/trang/s{n}.md", kind)
    if kind == "section":
        return _one(slot, f"vi/muc-{n}/index.md", kind)
    if kind == "document":
        return _one(slot, f"vi/van-ban/s{n}.md", kind)
    if kind == "article":
        return _one(slot, f"vi/tin-bai/2023/s{n}.md", kind)
    if kind == "bulletin-article":  # in both languages: a published issue is bilingual
        found = _one(slot, f"vi/{ARTICLES_ISSUE}/s{n}.md", kind, order=10 + n)
        found.pages[f"en/{ARTICLES_ISSUE}/s{n}.md"] = front(kind, order=10 + n)
        return found
    if kind in SINGLETONS:
        return _one(slot, f"{singleton_lang}/{SINGLETONS[kind]}", kind)
    if kind == "bulletin-issue":
        year = ISSUE_YEAR + n
        folder = f"ban-tin/{year}/q1"
        about = {"date": f"{year}-03-28", "year": year, "quarter": 1, "number": 1}
        found = Unit([slot], f"docs/vi/{folder}/index.md")
        found.pages[f"vi/{folder}/index.md"] = inject(kind, slot, **about)
        found.pages[f"en/{folder}/index.md"] = front(kind, **about)
        for lang in LANGUAGES:
            found.pages[f"{lang}/{folder}/bai.md"] = front("bulletin-article", order=1)
        return found
    if kind == "photo-chapter":
        return _chapter(slot, f"c{n}", inject(kind, slot, order=100 + n), PHOTO)
    if kind == "manifest":
        return manifest_unit([slot], n)
    raise AssertionError(
        f"No sample for the content type '{kind}': add one to tests/guard/every_field_site.py "
        "(where its files go and what its schema requires)."
    )


def manifest_unit(group: list[Slot], n: int) -> Unit:
    """One chapter whose manifest has an entry (a photo) per slot."""
    found = _chapter(group[0], f"m{n}", front("photo-chapter", order=200 + n), PHOTO)
    entries = [{**put(PHOTO, s.field.path, s.value), "file": f"a{i}.jpg"}
               if s.field.path != ("file",) else put(PHOTO, s.field.path, s.value)
               for i, s in enumerate(group)]
    found.slots = group
    found.manifests = {name: {"photos": entries} for name in found.manifests}
    found.pictures = [f"sach-anh/m{n}/a{i}.jpg" for i in range(len(group))]
    return found


def split(found: Unit, start: int) -> list[Unit]:
    """A refused unit of several slots, as units of one (numbered from `start`)."""
    return [unit(s, start + i) for i, s in enumerate(found.slots)]


def _one(slot: Slot, name: str, kind: str, **extra) -> Unit:
    found = Unit([slot], f"docs/{name}")
    found.pages[name] = inject(kind, slot, **extra)
    return found


def _chapter(slot: Slot, slug: str, vi_front: dict, photo: dict) -> Unit:
    manifest = f"sach-anh/{slug}/manifest.yml"
    target = f"docs/vi/sach-anh/{slug}/index.md" if slot.field.owner != "manifest" \
        else f"photos/{manifest}"
    found = Unit([slot], target, manifests={manifest: {"photos": [photo]}},
                 pictures=[f"sach-anh/{slug}/a.jpg"])
    found.pages[f"vi/sach-anh/{slug}/index.md"] = vi_front
    found.pages[f"en/sach-anh/{slug}/index.md"] = front("photo-chapter", order=vi_front["order"])
    return found


def rounds() -> list[list[Unit]]:
    """Every slot in a unit; a page that exists once per language (the photo book's landing
    page, the contact page) takes one slot per language per round."""
    counters: dict[str, int] = {}
    first: list[Unit] = []
    once: dict[str, list[Slot]] = {kind: [] for kind in SINGLETONS}
    entries: list[Slot] = []
    for slot in slots():
        if slot.field.owner in SINGLETONS:
            once[slot.field.owner].append(slot)
            continue
        if slot.field.owner == "manifest":
            entries.append(slot)
            continue
        n = counters[slot.field.owner] = counters.get(slot.field.owner, -1) + 1
        first.append(unit(slot, n))
    first.append(manifest_unit(entries, 0))  # one chapter, split if refused
    found = [first]
    for found_slots in once.values():
        for number, i in enumerate(range(0, len(found_slots), len(LANGUAGES))):
            pair = [unit(s, 0, lang) for s, lang in
                    zip(found_slots[i:i + len(LANGUAGES)], LANGUAGES, strict=False)]
            while len(found) <= number:
                found.append([])
            found[number] += pair
    return found


def base_pages() -> dict[str, dict]:
    """What every round's site has besides its units: homes, the pages that exist once per
    language (when no slot is in them), the issue that holds the bulletin-article slots, a
    valid chapter."""
    pages = {f"{lang}/index.md": front("page") for lang in LANGUAGES}
    for lang in LANGUAGES:
        for kind, path in SINGLETONS.items():
            pages[f"{lang}/{path}"] = front(kind)
        about = {"date": "1999-03-28", "year": 1999, "quarter": 1, "number": 1}
        pages[f"{lang}/{ARTICLES_ISSUE}/index.md"] = front("bulletin-issue", **about)
        pages[f"{lang}/{ARTICLES_ISSUE}/bai.md"] = front("bulletin-article", order=1)
        pages[f"{lang}/sach-anh/co-so/index.md"] = front("photo-chapter", order=1)
    return pages


def write_site(root: Path, units: list[Unit]) -> Path:
    """Write the site of `units` into `root` (emptied first); returns its mkdocs.yml."""
    cache = root.parent / "cache"
    (root / "mkdocs.yml").parent.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(
        CONFIG.format(site_url=SITE_URL, overrides=ROOT / "overrides", cache=cache), "utf-8")
    pages = base_pages()
    manifests = {"sach-anh/co-so/manifest.yml": {"photos": [PHOTO]}}
    pictures = ["bia.jpg", "sach-anh/co-so/a.jpg"]
    for u in units:
        pages.update(u.pages)
        manifests.update(u.manifests)
        pictures += u.pictures
    for name, data in pages.items():
        text = "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n\n"
        _write(root / "docs" / name, text + "Nội dung trang.\n")
    for name, data in manifests.items():
        _write(root / "photos" / name, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    for name in pictures:
        path = root / "photos" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        out = io.BytesIO()
        Image.new("RGB", (320, 200), (40, 110, 160)).save(out, "JPEG", quality=85)
        path.write_bytes(out.getvalue())
    return root / "mkdocs.yml"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
