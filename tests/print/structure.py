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


def marked_texts(path: Path) -> dict[tuple[int, int], str]:
    """(0-based page, MCID) → the text drawn in that marked-content sequence (pypdf, which
    decodes the fonts' ToUnicode maps), whitespace collapsed."""
    from pypdf import PdfReader

    found: dict[tuple[int, int], list[str]] = {}
    for number, page in enumerate(PdfReader(path).pages):
        reader = _MarkedContent(number, found)
        page.extract_text(visitor_operand_before=reader.operator, visitor_text=reader.text)
    return {key: " ".join("".join(parts).split()) for key, parts in found.items()}


class _MarkedContent:
    """pypdf's visitors over one page: which MCID each piece of text is drawn in."""

    def __init__(self, page: int, found: dict[tuple[int, int], list[str]]):
        self.page, self.found, self.stack = page, found, []

    def operator(self, operator, operands, cm, tm) -> None:
        if operator == b"BDC":
            properties = operands[1] if len(operands) > 1 else None
            mcid = properties.get("/MCID") if hasattr(properties, "get") else None
            self.stack.append(None if mcid is None else int(mcid))
        elif operator == b"BMC":
            self.stack.append(None)
        elif operator == b"EMC" and self.stack:
            self.stack.pop()

    def text(self, content, cm, tm, font, size) -> None:
        mcid = next((m for m in reversed(self.stack) if m is not None), None)
        if mcid is not None and content:
            self.found.setdefault((self.page, mcid), []).append(content)


@dataclass(frozen=True)
class Figure:
    alt: str | None
    lang: str | None  # its own /Lang, or the nearest ancestor's
    # language → texts that describe it there: its /Alt in its own language, and the text of
    # each element beside it (in the group it belongs to: the nearest ancestor holding more
    # than the Figure's own chain of wrappers, such as a figure and its caption) in theirs
    descriptions: dict[str, list[str]]


def figures(pdf: pikepdf.Pdf, texts: dict[tuple[int, int], str]) -> list[Figure]:
    """Every Figure element, with the descriptions a reader finds for it in each language."""
    pages = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}
    root = pdf.Root.StructTreeRoot
    catalog_lang = str(pdf.Root.Lang) if "/Lang" in pdf.Root else None

    def kids(node) -> list:
        k = node.get("/K")
        return [] if k is None else list(k) if isinstance(k, pikepdf.Array) else [k]

    def elements_in(node) -> list:
        return [k for k in kids(node) if isinstance(k, pikepdf.Dictionary) and "/S" in k]

    def page_of(node) -> int | None:
        while node is not None and node.objgen != root.objgen:
            if "/Pg" in node:
                return pages.get(node.Pg.objgen)
            node = node.get("/P")
        return None

    def lang_of(node) -> str | None:
        while node is not None and node.objgen != root.objgen:
            if "/Lang" in node:
                return str(node.Lang)
            node = node.get("/P")
        return catalog_lang

    def text_of(node) -> str:
        page, parts = page_of(node), []
        for kid in kids(node):
            if isinstance(kid, int):
                parts.append(texts.get((page, int(kid)), ""))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                parts.append(texts.get((pages[kid.Pg.objgen], int(kid.MCID)), ""))
            elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                parts.append(text_of(kid))
        return " ".join(" ".join(parts).split())

    def described(node, into: dict[str, list[str]]) -> None:
        if text := text_of(node):
            into.setdefault(lang_of(node), []).append(text)
        for kid in elements_in(node):
            described(kid, into)

    def walk(node) -> Iterator:
        for kid in elements_in(node):
            if kid.S == "/Figure":
                yield kid
            yield from walk(kid)

    found: list[Figure] = []
    for figure in walk(root):
        lang = lang_of(figure)
        alt = str(figure.Alt) if "/Alt" in figure else None
        descriptions: dict[str, list[str]] = {lang: [alt]} if alt else {}
        member = figure
        while member.P.objgen != root.objgen and len(elements_in(member.P)) == 1:
            member = member.P
        for other in elements_in(member.P):
            if other.objgen != member.objgen:
                described(other, descriptions)
        found.append(Figure(alt, lang, descriptions))
    return found
