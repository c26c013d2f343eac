"""Repairs to the structure WeasyPrint 70 writes, so screen readers and PDF/UA checkers accept it.

Applied by the one renderer (ttdn.print.render) to every tagged PDF, with pikepdf:

- running heads, page numbers and other margin-box text are tagged by WeasyPrint with elements
  no parent lists (orphans of the ParentTree): their marked content becomes `/Artifact`;
- a link split over several boxes (a contents entry: text, leader, page number) is one
  annotation per box: they become one annotation over their union, one `Link` element, named
  (`/Contents`) after the target's title rather than its anchor;
- an article (or any section, part or div) split over pages is one element per page: the
  pieces of one HTML element (`SOURCE_KEY`, set by ttdn.print.render) join the first, and two
  HTML elements are never joined, whatever they start with;
- a table's header cells say what they head (/Scope): the columns for a header row, else the row.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping

import pikepdf
from pikepdf import Array, Dictionary, Name

# Set by ttdn.print.render on every element: the HTML element it was made from (a number).
# Not PDF vocabulary: removed here once the pieces are joined.
SOURCE_KEY = "TtdnSource"


def repair(data: bytes, titles: Mapping[str, str]) -> bytes:
    """`data` with the repairs above; `titles` names each link target (anchor → title)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if "/StructTreeRoot" not in pdf.Root:
            return data
        tree = _ParentTree(pdf)
        _orphans_to_artifacts(pdf, tree)
        _merge_links(pdf, tree, titles)
        _merge_articles(pdf, tree)
        _scope_headers(pdf.Root.StructTreeRoot, in_head=False)
        for element in _elements(pdf.Root.StructTreeRoot):
            if f"/{SOURCE_KEY}" in element:
                del element[f"/{SOURCE_KEY}"]
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.preserve)
        return out.getvalue()


class _ParentTree:
    """The StructTreeRoot's ParentTree: page MCIDs and annotations → their element."""

    def __init__(self, pdf: pikepdf.Pdf):
        self.nums = pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree)

    def page(self, page: pikepdf.Page) -> Array | None:
        key = page.obj.get("/StructParents")
        return None if key is None else self.nums[int(key)]

    def element_of(self, annotation: Dictionary) -> Dictionary | None:
        key = annotation.get("/StructParent")
        return None if key is None else self.nums[int(key)]


def _elements(node: Dictionary) -> Iterator[Dictionary]:
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, Array) else [kids]:
        if isinstance(kid, Dictionary) and "/S" in kid:
            yield kid
            yield from _elements(kid)


def _orphans_to_artifacts(pdf: pikepdf.Pdf, tree: _ParentTree) -> None:
    reached = {element.objgen for element in _elements(pdf.Root.StructTreeRoot)}
    for page in pdf.pages:
        mcids = tree.page(page)
        if mcids is None:
            continue
        orphan = {i for i, element in enumerate(mcids)
                  if isinstance(element, Dictionary) and element.objgen not in reached}
        if not orphan:
            continue
        for i in orphan:
            mcids[i] = None
        ops = []
        for operands, operator in pikepdf.parse_content_stream(page):
            if (str(operator) == "BDC" and isinstance(operands[1], Dictionary)
                    and int(operands[1].get("/MCID", -1)) in orphan):
                ops.append(pikepdf.ContentStreamInstruction([Name.Artifact],
                                                            pikepdf.Operator("BMC")))
            else:
                ops.append(pikepdf.ContentStreamInstruction(operands, operator))
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))


def _target(annotation: Dictionary) -> str | None:
    if "/Dest" in annotation:
        return str(annotation.Dest)
    if "/A" in annotation and "/URI" in annotation.A:
        return str(annotation.A.URI)
    return None


def _merge_links(pdf: pikepdf.Pdf, tree: _ParentTree, titles: Mapping[str, str]) -> None:
    for page in pdf.pages:
        if "/Annots" not in page.obj:
            continue
        mcids = tree.page(page)
        kept: dict[str, Dictionary] = {}
        annots = Array()
        for annotation in page.obj.Annots:
            target = _target(annotation) if annotation.get("/Subtype") == Name.Link else None
            first = kept.get(target) if target is not None else None
            if first is None:
                if target is not None:
                    kept[target] = annotation
                    if target in titles:
                        annotation.Contents = pikepdf.String(titles[target])
                annots.append(annotation)
                continue
            a, b = [float(x) for x in first.Rect], [float(x) for x in annotation.Rect]
            first.Rect = Array([min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]),
                                max(a[3], b[3])])
            _join_link_elements(tree, mcids, tree.element_of(first), tree.element_of(annotation),
                                annotation)
        page.obj.Annots = annots


def _join_link_elements(tree: _ParentTree, mcids: Array | None, keep: Dictionary | None,
                        drop: Dictionary | None, dropped: Dictionary) -> None:
    """Move `drop`'s marked content into `keep` and take `drop` out of the tree."""
    if keep is None or drop is None or keep.objgen == drop.objgen:
        return
    for kid in drop.K:
        if isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR:
            continue  # the dropped annotation
        keep.K.append(kid)
        if isinstance(kid, int) and mcids is not None:
            mcids[int(kid)] = keep
    parent = drop.P
    parent.K = Array([k for k in parent.K
                      if not (isinstance(k, Dictionary) and k.objgen == drop.objgen)])
    key = dropped.get("/StructParent")
    if key is not None:
        del tree.nums[int(key)]


# Elements that group others: WeasyPrint starts a new one on every page the HTML element spans.
GROUPS = {"/Div", "/Art", "/Sect"}


def _merge_articles(pdf: pikepdf.Pdf, tree: _ParentTree) -> None:
    pages = {page.obj.objgen: page for page in pdf.pages}
    number = {objgen: i for i, objgen in enumerate(pages)}
    _merge_continuations(pdf.Root.StructTreeRoot, pages, number, tree)


def _merge_continuations(node: Dictionary, pages, number, tree: _ParentTree) -> None:
    """Join a grouping element to the one before it when it continues it on a later page: made
    from the same HTML element. (Guessing from the content joined too much: a section that
    opens with a div rather than a heading, the photo book's chapters, was joined to the one
    before it.)"""
    kids = node.get("/K")
    if not isinstance(kids, Array):
        if isinstance(kids, Dictionary) and "/S" in kids:
            _merge_continuations(kids, pages, number, tree)
        return
    merged: list = []
    for kid in kids:
        last = merged[-1] if merged else None
        if (isinstance(kid, Dictionary) and isinstance(last, Dictionary) and "/S" in kid
                and "/S" in last and str(kid.S) in GROUPS and kid.S == last.S
                and _source(kid) is not None and _source(kid) == _source(last)
                and _page(kid, number) > _page(last, number)):
            _join(last, kid, pages, tree)
            continue
        merged.append(kid)
    if len(merged) != len(kids):
        node.K = Array(merged)
    for kid in merged:
        if isinstance(kid, Dictionary) and "/S" in kid:
            _merge_continuations(kid, pages, number, tree)


def _page(element: Dictionary, number) -> int:
    return number.get(element.Pg.objgen, -1) if "/Pg" in element else -1


def _source(element: Dictionary) -> int | None:
    source = element.get(f"/{SOURCE_KEY}")
    return None if source is None else int(source)


def _join(first: Dictionary, later: Dictionary, pages, tree: _ParentTree) -> None:
    page = pages.get(later.Pg.objgen) if "/Pg" in later else None
    mcids = tree.page(page) if page is not None else None
    for kid in later.K:
        if isinstance(kid, int):  # marked content on the later page: say which page
            first.K.append(Dictionary(Type=Name.MCR, Pg=later.Pg, MCID=kid))
            if mcids is not None:
                mcids[int(kid)] = first
        else:
            if isinstance(kid, Dictionary) and "/S" in kid:
                kid.P = first
            first.K.append(kid)


def _scope_headers(node: Dictionary, in_head: bool) -> None:
    for kid in _kids(node):
        if kid.S == Name.TH:
            attributes = kid.get("/A")
            if not isinstance(attributes, Dictionary):
                attributes = Dictionary(O=Name.Table)
                kid.A = attributes
            if "/Scope" not in attributes:
                attributes.Scope = Name.Column if in_head else Name.Row
        _scope_headers(kid, in_head or kid.S == Name.THead)


def _kids(node: Dictionary) -> list[Dictionary]:
    kids = node.get("/K")
    if kids is None:
        return []
    return [k for k in (kids if isinstance(kids, Array) else [kids])
            if isinstance(k, Dictionary) and "/S" in k]

