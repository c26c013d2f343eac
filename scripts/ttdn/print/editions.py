"""The print editions' settings and the reasons for them, in one place: the bulletin's screen
and print editions, and the print-shop edition of the photo book.

`digest()` is the part of the PDF cache key that says "these settings": changing any of them
renders every issue again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass

# Bump when the rendering recipe changes in a way the settings do not show (template, CSS,
# image handling): every cached PDF is then rendered again.
RECIPE_VERSION = 7

MM_PER_INCH = 25.4


@dataclass(frozen=True)
class Edition:
    name: str  # "screen" | "print": part of the file name
    # Photos are made from the originals at this resolution for the size they are printed at:
    # 150 dpi looks sharp on screens and office printers and keeps 12 pages with 10 photos under
    # 4 MB; 300 dpi is what print shops ask for.
    dpi: int
    jpeg_quality: int
    # WeasyPrint 70 writes one variant per file. PDF/UA-1 (tagged, /Lang, title shown) for the
    # edition people read on screens and with screen readers; PDF/A-2a for the one kept and
    # printed: archival and, at conformance level "a", tagged too.
    pdf_variant: str
    # Print shops want the cover photo to run 3 mm past the trim.
    bleed_mm: float = 0.0
    # Print shops want the marks outside the bleed, on a slug around it (MediaBox > BleedBox),
    # and a page count that folds into sheets of 4 (ttdn.print.prepress).
    slug_mm: float = 0.0
    pad_to: int = 1

    def pixels(self, printed_mm: float) -> int:
        """Width in pixels of a photo printed `printed_mm` wide."""
        return round(printed_mm / MM_PER_INCH * self.dpi)

    def digest(self) -> str:
        blob = json.dumps({**asdict(self), "recipe": RECIPE_VERSION}, sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


SCREEN = Edition("screen", dpi=150, jpeg_quality=80, pdf_variant="pdf/ua-1")
PRINT = Edition(
    "print", dpi=300, jpeg_quality=90, pdf_variant="pdf/a-2a", bleed_mm=3.0,
    slug_mm=10.0, pad_to=4,
)
# The photo book for a print shop: PDF/X-4, full-bleed photos.
PRINT_SHOP = Edition(
    "print-shop", dpi=300, jpeg_quality=90, pdf_variant="pdf/x-4", bleed_mm=3.0,
    slug_mm=10.0, pad_to=4,
)
EDITIONS = (SCREEN, PRINT)

# The page (A4) and the widths photos are printed at; print.css uses the same numbers.
PAGE_WIDTH_MM = 210.0
# Side margins that leave a 130 mm measure: 60-75 characters a line at 10.5 pt, what reads
# comfortably (the full 174 mm column held ~94).
MARGIN_INNER_MM = 40.0
COLUMN_MM = PAGE_WIDTH_MM - 2 * MARGIN_INNER_MM  # a photo in an article: the column's width
PHOTO_MAX_HEIGHT_MM = 80.0  # an article's photo: at most a third of the page high
COVER_HEIGHT_MM = 178.0  # the cover photo: the page's width, this high (plus the bleed)
