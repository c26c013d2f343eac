"""PDF attachments: refused when they can act (JavaScript, launch, form submission, embedded
files, XFA, rich media), published without who made them (author, creator tool, producer).

pikepdf (qpdf) reads every object of the file, so an action hidden in a page's annotation or in
an object no page uses is found as surely as a document-level /OpenAction.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from pikepdf import Name

# Actions a PDF viewer may run or follow without the reader meaning to leave the document.
ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToE",
                  "/RichMediaExecute", "/Rendition", "/Sound", "/Movie"}
ACTIVE_KEYS = {"/JS", "/JavaScript", "/EmbeddedFiles", "/EmbeddedFile", "/XFA", "/RichMedia"}
LINK_SCHEMES = {"https", "http", "mailto", "tel"}  # a published document may cite http sites
SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")
# Document information entries that name people or their tools.
INFO_KEYS = ("/Author", "/Creator", "/Producer")
XMP_KEYS = ("dc:creator", "xmp:CreatorTool", "pdf:Producer", "photoshop:AuthorsPosition",
            "xmpMM:History")


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
        found: dict[str, PdfProblem] = {}
        for obj in pdf.objects:
            for inner in _dictionaries(obj):
                for problem in _object_problems(inner):
                    found.setdefault(problem.en, problem)
        if pdf.is_encrypted:
            found.setdefault("encrypted", PdfProblem(
                "Tệp PDF được mã hoá; hãy đăng bản không mã hoá.",
                "The PDF is encrypted; publish an unencrypted copy."))
        return list(found.values())


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


def _object_problems(obj: pikepdf.Object) -> list[PdfProblem]:
    problems = []
    keys = set(obj.keys())
    action = obj.get("/S")
    if action is not None and str(action) in ACTIVE_ACTIONS:
        problems.append(_active(str(action)[1:]))
    for key in keys & ACTIVE_KEYS:
        problems.append(_active(key[1:]))
    if obj.get("/Subtype") in (Name.FileAttachment, Name.RichMedia, Name.Screen, Name.Movie):
        problems.append(_active(str(obj.get("/Subtype"))[1:]))
    if obj.get("/Type") == Name.EmbeddedFile:
        problems.append(_active("EmbeddedFile"))
    if action == Name.URI:
        uri = obj.get("/URI")
        match = SCHEME.match(str(uri)) if uri is not None else None
        if match and match.group(1).lower() not in LINK_SCHEMES:
            problems.append(PdfProblem(
                f"Tệp PDF có liên kết giao thức '{match.group(1)}:' không được phép.",
                f"The PDF links with the scheme '{match.group(1)}:', which is not allowed."))
    return problems


def _active(what: str) -> PdfProblem:
    return PdfProblem(
        f"Tệp PDF chứa {what} (mã chạy được, lệnh mở chương trình, biểu mẫu gửi đi hoặc tệp "
        "đính kèm): hãy xuất lại PDF từ văn bản gốc ('In ra PDF') rồi đăng bản đó.",
        f"The PDF contains {what} (code, a launch action, a form submission or an attached "
        "file): export the PDF again from the original ('Print to PDF') and publish that.",
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
