"""What a print shop needs around the pages, added to a rendered PDF with pikepdf.

WeasyPrint 70 draws its crop marks inside the bleed (MediaBox = BleedBox), where a full-bleed
photo covers them. Here, for editions with a slug: the MediaBox grows by the slug around the
BleedBox, crop marks and register crosses are drawn in the slug only (as artifacts: not content
a screen reader reads), the TrimBox stays the page size; and the page count is padded to a
multiple of `pad_to` (printed sheets fold into 4 pages) with blank pages, so the imposition
does not add pages the editors did not see.
"""

from __future__ import annotations

import io

import pikepdf
from pikepdf import Array

PT_PER_MM = 72 / 25.4
MARK_GAP_MM = 0.5  # between the bleed's edge and a crop mark
LINE_PT = 0.25  # hairline, as print shops draw marks


def prepare(data: bytes, slug_mm: float, pad_to: int) -> tuple[bytes, int]:
    """`data` with a slug and marks, padded with blank pages; and its page count."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if pad_to > 1 and len(pdf.pages) % pad_to:
            last = pdf.pages[-1]
            for _ in range(pad_to - len(pdf.pages) % pad_to):
                blank = pdf.add_blank_page(page_size=(595, 842))  # boxes copied below
                for box in ("/MediaBox", "/TrimBox", "/BleedBox", "/ArtBox"):
                    if box in last.obj:
                        blank.obj[box] = Array(last.obj[box])
        if slug_mm > 0:
            for page in pdf.pages:
                _slug(pdf, page, slug_mm * PT_PER_MM)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.preserve)
        return out.getvalue(), len(pdf.pages)


def _slug(pdf: pikepdf.Pdf, page: pikepdf.Page, slug: float) -> None:
    trim = [float(v) for v in page.obj.get("/TrimBox", page.obj.MediaBox)]
    bleed = [float(v) for v in page.obj.get("/BleedBox", page.obj.MediaBox)]
    media = [bleed[0] - slug, bleed[1] - slug, bleed[2] + slug, bleed[3] + slug]
    page.obj.MediaBox = Array(media)
    page.obj.BleedBox = Array(bleed)
    page.obj.TrimBox = Array(trim)
    if "/CropBox" in page.obj:
        del page.obj["/CropBox"]
    gap = MARK_GAP_MM * PT_PER_MM
    ops = ["/Artifact BMC", "q", f"{LINE_PT} w", "0 G"]
    x0, y0, x1, y1 = trim
    left, bottom, right, top = bleed[0] - gap, bleed[1] - gap, bleed[2] + gap, bleed[3] + gap
    for x in (x0, x1):  # vertical crop marks, above and below the bleed
        ops += [f"{x:.3f} {bottom:.3f} m {x:.3f} {media[1]:.3f} l S",
                f"{x:.3f} {top:.3f} m {x:.3f} {media[3]:.3f} l S"]
    for y in (y0, y1):  # horizontal crop marks, left and right of the bleed
        ops += [f"{left:.3f} {y:.3f} m {media[0]:.3f} {y:.3f} l S",
                f"{right:.3f} {y:.3f} m {media[2]:.3f} {y:.3f} l S"]
    radius = (slug - gap) / 4
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    for x, y in ((cx, (media[1] + bottom) / 2), (cx, (media[3] + top) / 2),
                 ((media[0] + left) / 2, cy), ((media[2] + right) / 2, cy)):
        ops += [f"{x - radius:.3f} {y:.3f} m {x + radius:.3f} {y:.3f} l S",
                f"{x:.3f} {y - radius:.3f} m {x:.3f} {y + radius:.3f} l S"]
    ops += ["Q", "EMC"]
    page.contents_add(pdf.make_stream("\n".join(ops).encode()), prepend=False)
