"""Reading what a PDF holds, for the print tests (pypdf)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Placed:
    page: int  # 1-based
    width_px: int
    height_px: int
    width_mm: float  # as drawn on the page (a cut "cover" photo: its whole drawn width)
    height_mm: float

    @property
    def ppi(self) -> float:
        return min(self.width_px / (self.width_mm / 25.4), self.height_px / (self.height_mm / 25.4))


def placed_images(path) -> list[Placed]:
    """Every image drawn on every page, with the size the current matrix gives it (pikepdf)."""
    import pikepdf

    found: list[Placed] = []

    def multiply(m, n):
        a, b, c, d, e, f = m
        a2, b2, c2, d2, e2, f2 = n
        return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
                e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)

    def walk(stream_owner, resources, ctm, page_number):
        stack = []
        for operands, operator in pikepdf.parse_content_stream(stream_owner):
            op = str(operator)
            if op == "q":
                stack.append(ctm)
            elif op == "Q":
                ctm = stack.pop()
            elif op == "cm":
                ctm = multiply(tuple(float(x) for x in operands), ctm)
            elif op == "Do":
                xobject = resources.XObject[operands[0]]
                if xobject.Subtype == "/Image":
                    a, b, c, d, _, _ = ctm
                    mm = 25.4 / 72
                    found.append(Placed(page_number, int(xobject.Width), int(xobject.Height),
                                        math.hypot(a, b) * mm, math.hypot(c, d) * mm))
                elif xobject.Subtype == "/Form":
                    matrix = tuple(float(x) for x in xobject.get("/Matrix", [1, 0, 0, 1, 0, 0]))
                    walk(xobject, xobject.get("/Resources", resources), multiply(matrix, ctm),
                         page_number)

    with pikepdf.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            walk(page, page.Resources, (1, 0, 0, 1, 0, 0), number)
    return found
