"""Reading what a PDF holds, for the print tests (pypdf)."""

from __future__ import annotations

from collections.abc import Iterator

from pypdf import PdfReader
from pypdf.generic import DictionaryObject


def xobjects(resources: DictionaryObject) -> Iterator[DictionaryObject]:
    """Every XObject of a resource dictionary, descending into forms."""
    for ref in (resources.get("/XObject") or {}).values():
        obj = ref.get_object()
        yield obj
        if obj["/Subtype"] == "/Form" and "/Resources" in obj:
            yield from xobjects(obj["/Resources"])


def image_widths(reader: PdfReader) -> set[int]:
    widths = set()
    for page in reader.pages:
        for obj in xobjects(page["/Resources"]):
            if obj["/Subtype"] == "/Image":
                widths.add(int(obj["/Width"]))
    return widths


def fonts(reader: PdfReader) -> dict[str, DictionaryObject]:
    """Base font name → its descendant font's descriptor, over every page and form."""
    found: dict[str, DictionaryObject] = {}

    def collect(resources: DictionaryObject) -> None:
        for ref in (resources.get("/Font") or {}).values():
            font = ref.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font \
                else font
            found[str(font["/BaseFont"])] = descendant["/FontDescriptor"].get_object()

    for page in reader.pages:
        collect(page["/Resources"])
        for obj in xobjects(page["/Resources"]):
            if "/Resources" in obj:
                collect(obj["/Resources"])
    return found


def outline_titles(reader: PdfReader) -> list[tuple[int, str]]:
    """(depth, title) of every bookmark, in order."""
    found: list[tuple[int, str]] = []

    def walk(items: list, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, str(item.title)))

    walk(reader.outline, 0)
    return found


def outline_pages(reader: PdfReader) -> dict[str, int]:
    """Bookmark title → 1-based page number it points at."""
    pages: dict[str, int] = {}

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                pages.setdefault(str(item.title), reader.get_destination_page_number(item) + 1)

    walk(reader.outline)
    return pages


def xmp_attributes(reader: PdfReader) -> dict[str, str]:
    """Every attribute of the XMP packet's rdf:Description elements, as "prefix:name"."""
    root = reader.xmp_metadata.rdf_root
    attributes = {}
    for description in root.getElementsByTagNameNS(
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "Description"
    ):
        for i in range(description.attributes.length):
            attr = description.attributes.item(i)
            attributes[attr.name] = attr.value
    return attributes
