"""The only resources a PDF may contain: our fonts and the photos made for it.

Content is untrusted: an `<img>`, a stylesheet `url()` or a link to another host must not make
the renderer read a local file, decode a `data:` URL or ask a server for anything. The renderer
asks this allow-list for every resource; it serves the files registered for the document (exact
URL as WeasyPrint resolves it) and refuses the rest, whatever the scheme, which stops the
rendering with the refused URL (ttdn.print.render).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

MIME = {".ttf": "font/ttf", ".jpg": "image/jpeg", ".css": "text/css"}


class RefusedResource(ValueError):
    """A document asked for a resource that was not registered."""


class LocalOnlyFetcher:
    def __init__(self, files: Mapping[str, Path]):
        self.files = dict(files)  # absolute URL as WeasyPrint resolves it → file to serve

    def open(self, url: str) -> tuple[bytes, str]:
        """The registered file's bytes and MIME type; anything else is refused."""
        path = self.files.get(url)
        if path is None:
            raise RefusedResource(f"not a resource of this document: {url[:200]}")
        return path.read_bytes(), MIME.get(path.suffix.lower(), "application/octet-stream")
