"""The photo book on the sea, islands and landscapes of Quảng Ngãi (plan II.7a).

    manifest.py       a chapter's photos/sach-anh/<chapter>/manifest.yml: schema, findings
    book.py           the book of one build: landing page, chapters, photos (pipeline records)
    views.py          what the templates show: chapter cards, editions, gallery, press pack
    print.py          the PDFs (per language, bilingual, print shop), WeasyPrint, cached
    presspack.py      a chapter's zip for journalists: web-quality photos and credits
    illustrations.py  the demonstration drawings that stand in for photos

The MkDocs side is the thin plugin `ttdn.plugins.photobook` (`ttdn-photobook` in mkdocs.yml).
"""
