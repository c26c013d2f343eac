"""Search in the reader's language: folding (ttdn.search.folding), which pages are searched
(ttdn.search.pages), the text of a built page (ttdn.search.extract), the sharded index
(ttdn.search.index). The MkDocs plugin is ttdn.plugins.search; the browser side is
overrides/assets/javascripts/search.js."""
