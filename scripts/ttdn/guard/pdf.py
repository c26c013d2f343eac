"""PDF attachments: refused when they can act, published without who made them (author,
creator tool, producer).

Refused, each named with its object (number, page, annotation) and why:
- an action run on opening or on a page, annotation or field event (`/OpenAction`, `/AA`) of
  any kind but a `/GoTo` inside the document;
- wherever they are: `/JavaScript`, `/Launch`, `/GoToR` (another file, a UNC path on Windows),
  `/GoToE`, `/SubmitForm`, `/ImportData`, rich media, sounds and movies, attached files, XFA;
- a `/URI` that is not https: or mailto: once control characters and spaces are removed
  (a viewer drops them: "\x01javascript:" is "javascript:").

pikepdf (qpdf) reads every object and decodes hex strings and #xx escapes in names, so an
action in an object no page uses, behind an indirect reference or down a `/Next` chain is found
as surely as a document-level /OpenAction.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from pikepdf import Name

# Actions a PDF viewer may run or follow without the reader meaning to leave the document.
ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToE", "/GoToR",
                  "/RichMediaExecute", "/Rendition", "/Sound", "/Movie"}
ACTIVE_KEYS = {"/JS", "/JavaScript", "/EmbeddedFiles", "/EmbeddedFile", "/XFA", "/RichMedia"}
LINK_SCHEMES = {"https", "mailto"}
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
IGNORED = re.compile(r"[\x00-\x20\x7f]")  # controls and spaces: viewers drop them
# Document information entries that name people or their tools.
INFO_KEYS = ("/Author", "/Creator", "/Producer")
XMP_KEYS = ("dc:creator", "xmp:CreatorTool", "pdf:Producer", "photoshop:AuthorsPosition",
            "xmpMM:History")
FIX = ("hãy xuất lại PDF từ văn bản gốc ('In ra PDF') rồi đăng bản đó",
       "export the PDF again from the original ('Print to PDF') and publish that")


@dataclass(frozen=True)
class PdfProblem:
    vi: str
    en: str


def check(data: bytes) -> list[PdfProblem]:
    """Everything in the PDF that is not allowed on the site; empty when it may be published."""
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        return [PdfProblem("Tệp PDF có mật khẩu; hãy đăng bản không khoá.",
                           "The PDF is password-protected; publish an unlocked copy.")]
    except pikepdf.PdfError as err:
        why = re.sub(r"^stream <[^>]*>:\s*", "", str(err))  # qpdf names the in-memory stream
        return [PdfProblem(f"Tệp PDF hỏng, không đọc được ({why}).",
                           f"The PDF is damaged and cannot be read ({why}).")]
    with pdf:
        places = _places(pdf)
        found: dict[str, PdfProblem] = {}
        for obj in pdf.objects:
            if not isinstance(obj, pikepdf.Dictionary | pikepdf.Stream | pikepdf.Array):
                continue
            where = places.get(obj.objgen, ("", ""))
            number = obj.objgen[0]
            vi_where = f"đối tượng {number}" + (f" ({where[0]})" if where[0] else "")
            en_where = f"object {number}" + (f" ({where[1]})" if where[1] else "")
            for inner in _dictionaries(obj):
                for vi, en in _object_problems(inner, inner.objgen == pdf.Root.objgen):
                    problem = PdfProblem(f"Tệp PDF, {vi_where}: {vi}; {FIX[0]}.",
                                         f"PDF {en_where}: {en}; {FIX[1]}.")
                    found.setdefault(problem.en, problem)
        if pdf.is_encrypted:
            found.setdefault("encrypted", PdfProblem(
                "Tệp PDF được mã hoá; hãy đăng bản không mã hoá.",
                "The PDF is encrypted; publish an unencrypted copy."))
        return list(found.values())


def _places(pdf: pikepdf.Pdf) -> dict[tuple[int, int], tuple[str, str]]:
    """Where an object sits, in words: the catalog, a page, an annotation of a page."""
    places = {pdf.Root.objgen: ("danh mục tài liệu", "the document catalog")}
    for i, page in enumerate(pdf.pages, start=1):
        places[page.obj.objgen] = (f"trang {i}", f"page {i}")
        for j, annot in enumerate(page.obj.get("/Annots") or [], start=1):
            if isinstance(annot, pikepdf.Object) and annot.is_indirect:
                places[annot.objgen] = (f"trang {i}, chú thích {j}", f"page {i}, annotation {j}")
    return places


def _dictionaries(obj: pikepdf.Object) -> list[pikepdf.Object]:
    """The object and every dictionary written inside it (not behind a reference: those are
    objects of their own, which `pdf.objects` gives too)."""
    out, todo = [], [obj]
    while todo:
        item = todo.pop()
        if isinstance(item, pikepdf.Dictionary | pikepdf.Stream):
            out.append(item)
            children = [item.get(key) for key in item.keys()]
        elif isinstance(item, pikepdf.Array):
            children = list(item)
        else:
            continue
        todo += [c for c in children
                 if isinstance(c, pikepdf.Object) and not c.is_indirect]
    return out


def _object_problems(obj: pikepdf.Object, catalog: bool) -> Iterator[tuple[str, str]]:
    action = obj.get("/S")
    kind = str(action) if isinstance(action, Name) else None
    if kind in ACTIVE_ACTIONS:
        yield _what(kind[1:])
    for key in sorted(set(obj.keys()) & ACTIVE_KEYS):
        yield _what(key[1:])
    if obj.get("/Subtype") in (Name.FileAttachment, Name.RichMedia, Name.Screen, Name.Movie):
        yield _what(str(obj.get("/Subtype"))[1:])
    if obj.get("/Type") == Name.EmbeddedFile:
        yield _what("EmbeddedFile")
    if catalog and isinstance(obj.get("/OpenAction"), pikepdf.Dictionary):
        yield from _automatic("OpenAction", obj.get("/OpenAction"))
    triggers = obj.get("/AA")
    if isinstance(triggers, pikepdf.Dictionary):
        for event in sorted(triggers.keys()):
            yield from _automatic(f"AA {event}", triggers.get(event))
    if kind == "/URI":
        yield from _uri(obj.get("/URI"))


def _automatic(where: str, action: object) -> Iterator[tuple[str, str]]:
    """An action run without the reader clicking: only a jump inside the document."""
    if not isinstance(action, pikepdf.Dictionary):
        return
    kind = action.get("/S")
    if kind != Name.GoTo:
        name = str(kind)[1:] if isinstance(kind, Name) else "?"
        yield (f"/{where} tự chạy hành động {name} khi mở tệp hoặc trang (chỉ cho phép /GoTo "
               "trong tài liệu)",
               f"/{where} runs a {name} action by itself when the file or page opens (only a "
               "/GoTo inside the document is allowed)")


def _uri(value: object) -> Iterator[tuple[str, str]]:
    raw = bytes(value).decode("latin-1") if isinstance(value, pikepdf.String) else str(value)
    cleaned = IGNORED.sub("", raw)
    match = SCHEME.match(cleaned)
    scheme = match.group(1).lower() if match else ""
    if scheme not in LINK_SCHEMES:
        shown = cleaned[:60] or "(rỗng / empty)"
        yield (f"liên kết '{shown}' không phải https: hay mailto:",
               f"the link '{shown}' is neither https: nor mailto:")


def _what(what: str) -> tuple[str, str]:
    return (
        f"chứa {what} (mã chạy được, lệnh mở chương trình hay tệp khác, biểu mẫu gửi đi hoặc "
        "tệp đính kèm)",
        f"contains {what} (code, an action opening a program or another file, a form "
        "submission or an attached file)",
    )


def strip_authors(data: bytes) -> bytes:
    """The same PDF without the names of its author and the tools that made it."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            for key in XMP_KEYS:
                if key in xmp:
                    del xmp[key]
        for key in INFO_KEYS:
            if key in pdf.docinfo:
                del pdf.docinfo[key]
        out = io.BytesIO()
        # deterministic_id: the same source gives the same bytes, so rebuilds change nothing.
        pdf.save(out, deterministic_id=True, fix_metadata_version=False)
        return out.getvalue()


def authors_in(path: Path) -> dict[str, str]:
    """Author and tool names a PDF still carries (for tests and `ttdn` checks)."""
    with pikepdf.open(path) as pdf:
        found = {k: str(pdf.docinfo[k]) for k in INFO_KEYS if k in pdf.docinfo}
        meta = pdf.open_metadata()
        found.update({k: str(meta[k]) for k in XMP_KEYS if k in meta})
        return found
