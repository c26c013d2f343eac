"""PDFs that act, written several ways: pikepdf objects, and raw PDF text with hex strings,
#xx escapes in names, indirect objects and /Next chains (qpdf rebuilds the cross-reference)."""

from __future__ import annotations

import io

import pikepdf


def raw_pdf(catalog_extra: str = "", page_extra: str = "", objects: tuple[str, ...] = ()) -> bytes:
    """A one-page PDF written by hand; `objects` are objects 4, 5, … ("<< … >>")."""
    body = [
        f"1 0 obj\n<< /Type /Catalog /Pages 2 0 R {catalog_extra} >>\nendobj\n",
        "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
        f"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] {page_extra} >>\n"
        "endobj\n",
    ]
    body += [f"{n} 0 obj\n{text}\nendobj\n" for n, text in enumerate(objects, start=4)]
    out = "%PDF-1.7\n" + "".join(body)
    offsets, pos = [], len("%PDF-1.7\n")
    for part in body:
        offsets.append(pos)
        pos += len(part.encode("latin-1"))
    xref = f"xref\n0 {len(body) + 1}\n0000000000 65535 f \n"
    xref += "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += xref + f"trailer\n<< /Size {len(body) + 1} /Root 1 0 R >>\nstartxref\n{pos}\n%%EOF\n"
    return out.encode("latin-1")


def hexed(text: str) -> str:
    return "<" + text.encode("latin-1").hex() + ">"


def link_pdf(action: pikepdf.Dictionary) -> bytes:
    """A pikepdf PDF whose first page has a link annotation running `action`."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    annot = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 100, 100], A=action))
    pdf.pages[0].obj.Annots = pikepdf.Array([annot])
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


# name → (PDF bytes, text the refusal must hold)
HOSTILE_PDFS: dict[str, tuple[bytes, str]] = {
    "open-uri.pdf": (raw_pdf("/OpenAction << /S /URI /URI (https://evil.example/) >>"),
                     "/OpenAction runs a URI action"),
    "open-gotor-unc.pdf": (raw_pdf("/OpenAction 4 0 R",
                                   objects=("<< /S /GoToR /F (\\\\\\\\evil\\\\share\\\\a.pdf) "
                                            "/D [0 /Fit] >>",)),
                           "contains GoToR"),
    "open-goto-next-js.pdf": (raw_pdf("/OpenAction << /S /GoTo /D [3 0 R /Fit] /Next 4 0 R >>",
                                      objects=("<< /S /JavaScript /JS (app.alert(1)) >>",)),
                              "contains JavaScript"),
    "next-chain-launch.pdf": (raw_pdf(page_extra="/AA << /O << /S /GoTo /D [3 0 R /Fit] "
                                                 "/Next [5 0 R] >> >>",
                                      objects=("<< >>", "<< /S /Launch /F (cmd.exe) >>")),
                              "contains Launch"),
    "page-aa-uri.pdf": (raw_pdf(page_extra="/AA << /C << /S /URI /URI (https://x.example/) >> >>"),
                        "/AA /C runs a URI action"),
    "name-escaped-js.pdf": (raw_pdf("/OpenAction << /S /Java#53cript /JS (x) >>"),
                            "contains JavaScript"),
    "name-escaped-launch.pdf": (raw_pdf(objects=("<< /S /#4Caunch /F (calc.exe) >>",)),
                                "contains Launch"),
    "uri-hex-control.pdf": (raw_pdf(objects=(
        f"<< /S /URI /URI {hexed(chr(1) + 'javascript:app.alert(1)')} >>",)),
        "is neither https: nor mailto:"),
    "uri-spaced-scheme.pdf": (raw_pdf(objects=("<< /S /URI /URI ( java\\tscript:x) >>",)),
                              "the link 'javascript:x'"),
    "uri-http.pdf": (link_pdf(pikepdf.Dictionary(S=pikepdf.Name.URI,
                                                 URI=pikepdf.String("http://example.org/"))),
                     "page 1, annotation 1"),
    "uri-file.pdf": (link_pdf(pikepdf.Dictionary(S=pikepdf.Name.URI,
                                                 URI=pikepdf.String("file:///etc/passwd"))),
                     "neither https: nor mailto:"),
    "submit-form.pdf": (link_pdf(pikepdf.Dictionary(
        S=pikepdf.Name.SubmitForm, F=pikepdf.String("https://evil.example/")),), "SubmitForm"),
    "import-data.pdf": (raw_pdf(objects=("<< /S /ImportData /F (data.fdf) >>",)), "ImportData"),
    "goto-e.pdf": (raw_pdf(objects=("<< /S /GoToE /T << /R /C /N (a) >> >>",)), "GoToE"),
}
# Clean PDFs with links a document may carry: published.
CLEAN_PDFS: dict[str, bytes] = {
    "open-goto.pdf": raw_pdf("/OpenAction << /S /GoTo /D [3 0 R /Fit] >>"),
    "open-destination.pdf": raw_pdf("/OpenAction [3 0 R /Fit]"),
    "link-https.pdf": link_pdf(pikepdf.Dictionary(S=pikepdf.Name.URI,
                                                  URI=pikepdf.String("https://quangngai.gov.vn/"))),
    "link-mailto.pdf": link_pdf(pikepdf.Dictionary(S=pikepdf.Name.URI,
                                                   URI=pikepdf.String("mailto:songv@example.vn"))),
}
