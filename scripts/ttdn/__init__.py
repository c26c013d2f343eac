"""Publishing system of Quảng Ngãi's foreign-information work (thông tin đối ngoại, TTĐN).

The build reads in one direction: Markdown and photos → content model (`ttdn.content`) →
pages, feeds, PDFs (the MkDocs plugins in `ttdn.plugins`). `ttdn.cli` is the one entry point.
"""

__version__ = "0.1.0"
