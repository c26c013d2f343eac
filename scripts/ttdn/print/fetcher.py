"""The only resources a PDF may contain: our fonts and the photos made for it.

Content is untrusted: an `<img>`, a stylesheet `url()` or a link to another host in an article
must not make the renderer read a local file or ask a server for anything. WeasyPrint asks this
fetcher for every resource; it serves the files registered here and refuses the rest, which stops
the rendering with the refused URL (WeasyPrint's `fail_on_errors`).
"""

from __future__ import annotations

from pathlib import Path

from weasyprint.urls import URLFetcher, URLFetcherResponse

MIME = {".ttf": "font/ttf", ".jpg": "image/jpeg", ".css": "text/css"}


class RefusedResource(ValueError):
    """A document asked for a resource that was not registered."""


class LocalOnlyFetcher(URLFetcher):
    def __init__(self, files: dict[str, Path]):
        super().__init__(fail_on_errors=True)
        self.files = dict(files)  # absolute URL as WeasyPrint resolves it → file to serve

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        path = self.files.get(url)
        if path is None:
            raise RefusedResource(f"not a resource of this document: {url}")
        mime = MIME.get(path.suffix.lower(), "application/octet-stream")
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})
