"""Reading a tagged PDF's structure tree (pikepdf), for the print and photo book tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pikepdf


@dataclass(frozen=True)
class Element:
    tag: str
    lang: str | None  # its own /Lang, or the nearest ancestor's
    objgen: tuple[int, int]
    page: int | None  # 0-based, from /Pg, inherited


def elements(pdf: pikepdf.Pdf) -> Iterator[Element]:
    """Every structure element below the root, depth first, with its inherited language."""
    pages = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}
    root = pdf.Root.StructTreeRoot

    def walk(node, lang, page) -> Iterator[Element]:
        kids = node.get("/K")
        if kids is None:
            return
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if not isinstance(kid, pikepdf.Dictionary) or kid.get("/Type") in ("/MCR", "/OBJR"):
                continue
            if "/S" not in kid:
                continue
            own = str(kid.Lang) if "/Lang" in kid else lang
            where = pages.get(kid.Pg.objgen) if "/Pg" in kid else page
            yield Element(str(kid.S), own, kid.objgen, where)
            yield from walk(kid, own, where)

    catalog_lang = str(pdf.Root.Lang) if "/Lang" in pdf.Root else None
    yield from walk(root, catalog_lang, None)


def orphans(pdf: pikepdf.Pdf) -> list[tuple[int, int]]:
    """Elements the ParentTree points to that the tree from the root does not reach."""
    reached = {element.objgen for element in elements(pdf)}
    tree = pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree)
    pointed = set()
    for _, value in tree.items():
        for item in value if isinstance(value, pikepdf.Array) else [value]:
            if isinstance(item, pikepdf.Dictionary):
                pointed.add(item.objgen)
    return sorted(pointed - reached)


def links(pdf: pikepdf.Pdf) -> list[tuple[int, str | None, str | None]]:
    """(page, /Contents, URI or destination name) of every link annotation."""
    found = []
    for i, page in enumerate(pdf.pages):
        for annot in page.get("/Annots", []):
            if annot.get("/Subtype") != "/Link":
                continue
            target = None
            if "/A" in annot and "/URI" in annot.A:
                target = str(annot.A.URI)
            elif "/Dest" in annot:
                target = str(annot.Dest)
            contents = str(annot.Contents) if "/Contents" in annot else None
            found.append((i, contents, target))
    return found


def open_pdf(path: Path) -> pikepdf.Pdf:
    return pikepdf.open(path)
