"""Print editions of the bulletin: an issue's HTML to an A4 PDF with WeasyPrint.

    render([issue], SCREEN, cache_dir)        # one language, screen edition (PDF/UA-1, 150 dpi)
    render([issue_vi, issue_en], PRINT, ...)  # bilingual, print edition (PDF/A-2a, 300 dpi)

Pure: plain data in (model.py), a cached PDF out, through the one print renderer (render.py),
which the photo book (ttdn.photobook.print) uses too. The build decides which issues to print and
where the files go; `benchmarks/print_bench.py` measures it.
"""

from ttdn.print.editions import EDITIONS, PRINT, SCREEN, Edition
from ttdn.print.issue import cache_key, render, render_many
from ttdn.print.model import PrintArticle, PrintIssue
from ttdn.print.render import PrintError, Rendered

__all__ = [
    "EDITIONS",
    "PRINT",
    "SCREEN",
    "Edition",
    "PrintArticle",
    "PrintError",
    "PrintIssue",
    "Rendered",
    "cache_key",
    "render",
    "render_many",
]
