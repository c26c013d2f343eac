"""Everything a built site publishes, read as a reader's program reads it: HTML pages, feeds,
the sitemap, the search index, PDFs (text and link annotations) and zips (files inside).

`injected` lists what no output may hold; `texts` is every piece of text the outputs show, so a
test can find that a value was published as text."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pikepdf
from lxml import etree
from lxml import html as lxml_html
from pypdf import PdfReader

from guard.checks import unsafe

# Bidi controls and zero-width characters (Unicode "Cf" a reader cannot see).
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
SAFE_URI = re.compile(r"^(https:|mailto:|#|/|[a-z0-9._~%-]+(/|$|\.|#))", re.IGNORECASE)


def element_problems(doc) -> list[str]:
    """What no parsed HTML may hold: the guard's list, plus focus-stealing attributes and
    names (of elements or attributes) that carry an invisible control or the payloads' call."""
    found = unsafe(doc)
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        names = [element.tag, *element.attrib]
        found += [f"<{element.tag} {n}>" for n in names if INVISIBLE.search(n) or "pwn" in n]
        if "autofocus" in element.attrib:
            found.append(f"<{element.tag} autofocus>")
    return found


def html_fragment(text: str):
    return lxml_html.fragment_fromstring(text, create_parent="div")


def _texts_of(doc) -> Iterator[str]:
    yield from (str(t) for t in doc.xpath("//text()"))
    yield from (str(v) for v in doc.xpath("//@*"))


def _json_strings(value) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            for inner_key, text in _json_strings(item):
                yield inner_key or key, text
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)
    elif isinstance(value, str):
        yield "", value


def read_site(site: Path) -> tuple[dict[str, list[str]], list[str]]:
    """(problems by output file, every text the outputs show)."""
    problems: dict[str, list[str]] = {}
    texts: list[str] = []

    def note(path: Path, found: list[str]) -> None:
        if found:
            problems.setdefault(path.relative_to(site).as_posix(), []).extend(found)

    for path in sorted(site.rglob("*")):
        suffix = path.suffix.lower()
        if suffix == ".html":
            doc = lxml_html.fromstring(path.read_bytes())
            note(path, element_problems(doc))
            texts += _texts_of(doc)
        elif suffix == ".xml":  # feeds and the sitemap: well-formed, an RSS description is HTML
            tree = etree.parse(str(path))
            names = [e.tag for e in tree.iter() if isinstance(e.tag, str)]
            note(path, [n for n in names if INVISIBLE.search(n) or "pwn" in n])
            for description in tree.iter("description"):
                fragment = html_fragment(description.text or "")
                note(path, element_problems(fragment))
                texts += _texts_of(fragment)
            texts += [t for t in tree.xpath("//text()")]
        elif suffix == ".json":  # feeds and the search index
            for key, text in _json_strings(json.loads(path.read_text("utf-8"))):
                if "html" in key:
                    fragment = html_fragment(text)
                    note(path, element_problems(fragment))
                    texts += _texts_of(fragment)
                texts.append(text)
        elif suffix == ".pdf":
            note(path, pdf_problems(path))
            texts += [page.extract_text() or "" for page in PdfReader(path).pages]
        elif suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                for info in archive.infolist():
                    if info.filename.startswith("/") or ".." in info.filename.split("/"):
                        note(path, [f"zip entry {info.filename!r}"])
                    if info.filename.endswith((".txt", ".md", ".csv")):
                        texts.append(archive.read(info).decode("utf-8"))
                    elif info.filename.endswith((".html", ".htm")):
                        doc = lxml_html.fromstring(archive.read(info))
                        note(path, element_problems(doc))
    return problems, texts


def pdf_problems(path: Path) -> list[str]:
    """Actions and links a PDF must not carry: scripts, launches, URIs that are not https:,
    mailto: or the site's own."""
    found = []
    with pikepdf.open(path) as pdf:
        if "/OpenAction" in pdf.Root or "/AA" in pdf.Root:
            found.append("document action")
        for number, page in enumerate(pdf.pages, 1):
            for annot in page.obj.get("/Annots", []):
                action = annot.get("/A")
                if action is None:
                    continue
                kind = str(action.get("/S", ""))
                if kind not in ("/URI", "/GoTo"):
                    found.append(f"page {number}: {kind} action")
                uri = str(action.get("/URI", ""))
                cleaned = re.sub(r"[\x00-\x20]", "", uri)
                if kind == "/URI" and not SAFE_URI.match(cleaned):
                    found.append(f"page {number}: link to {uri[:60]!r}")
        names = pdf.Root.get("/Names")
        if names is not None and "/JavaScript" in names:
            found.append("document JavaScript")
    return found
