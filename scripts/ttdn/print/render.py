"""The one print renderer: an HTML document and its files to a PDF, cached on its content.

The only module that imports WeasyPrint. The bulletin (ttdn.print.issue) and the photo book
(ttdn.photobook.print) build their HTML from their own templates and call `render_document`:

- resources come from one fail-closed allow-list (ttdn.print.fetcher): the document's fonts and
  photos, nothing else, whatever the scheme;
- the cache key hashes the HTML, the bytes of every file it may load, the edition's settings and
  the versions of the recipe and of WeasyPrint (`document_key`): a hit returns the PDF already in
  the cache without calling WeasyPrint;
- the output is reproducible: dates come from the document's own `dcterms` meta tags and the
  file identifiers (trailer /ID, XMP DocumentID) from the cache key, so an unchanged source
  gives the same bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import fontpkg_be_vietnam_pro
import jinja2
import pydyf
import weasyprint
from weasyprint.pdf import tags as weasyprint_tags
from weasyprint.urls import FatalURLFetchingError, URLFetcherResponse, url_join

from ttdn.files import atomic_write
from ttdn.findings import Finding, shown
from ttdn.images.cache import content_hash
from ttdn.images.model import ImageError
from ttdn.images.pool import Died, run_jobs
from ttdn.print.editions import Edition
from ttdn.print.fetcher import LocalOnlyFetcher
from ttdn.print.prepress import prepare
from ttdn.print.tagging import SOURCE_KEY, repair

# Faces the stylesheets declare; WeasyPrint embeds the glyphs a PDF uses (full Vietnamese
# coverage is in the fonts, so any Vietnamese text has its glyphs).
FONT_FACES = (
    (400, "normal", "BeVietnamPro-Regular.ttf"),
    (400, "italic", "BeVietnamPro-Italic.ttf"),
    (600, "normal", "BeVietnamPro-SemiBold.ttf"),
    (700, "normal", "BeVietnamPro-Bold.ttf"),
    (700, "italic", "BeVietnamPro-BoldItalic.ttf"),
)
# Fonts are served under the document's own host, so no local path reaches the HTML (or the key).
FONT_PATH = "/_print/fonts/"
Finisher = Callable[[Any, Any], None]


class PrintError(Exception):
    """A problem an editor can fix, in Vietnamese then English."""

    def __init__(self, vi: str, en: str):
        self.vi, self.en = vi, en
        super().__init__(f"{vi}\n    {en}")

    def __reduce__(self):  # from a worker process: made again from both texts
        return (PrintError, (self.vi, self.en))


@dataclass(frozen=True)
class Rendered:
    path: Path  # the PDF, in the cache folder
    bytes: int
    pages: int
    cached: bool  # True: nothing was rendered
    seconds: float
    # (original, vi, en): originals too small for where they are placed
    warnings: tuple[tuple[Path, str, str], ...] = ()


def resolution_findings(rendered: Rendered, edition: str, root: Path) -> list[Finding]:
    """The originals too small for where an edition places them, as warnings on their files."""
    return [
        Finding(shown(path, root), 0, "print-resolution", f"{vi} ({edition})",
                f"{en} ({edition})", "warning")
        for path, vi, en in rendered.warnings
    ]


def fonts(base_url: str) -> tuple[list[dict[str, Any]], dict[str, Path]]:
    """The @font-face entries for a template and the files they load, by URL."""
    root = Path(fontpkg_be_vietnam_pro.ROOT) / "files"
    faces, files = [], {}
    for weight, style, name in FONT_FACES:
        url = url_join(base_url, FONT_PATH + name, allow_relative=False, context=name)
        faces.append({"url": url, "weight": weight, "style": style})
        files[url] = root / name
    return faces, files


def environment(package: str) -> jinja2.Environment:
    """The templates of `package` (its templates/ folder): every value escaped."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader(package, "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def resource_url(base_url: str, src: str) -> str:
    """`src` as WeasyPrint resolves it against the document's base URL."""
    return url_join(base_url, src, allow_relative=False, context=src)


def document_key(html: str, files: Mapping[str, Path], edition: Edition) -> str:
    """Hash of everything that changes the PDF: content, options, versions."""
    digest = hashlib.sha256()
    digest.update(f"{edition.digest()}|weasyprint {weasyprint.__version__}\n".encode())
    digest.update(html.encode())
    for url in sorted(files):
        digest.update(f"\n{url}:{content_hash(files[url])[0]}".encode())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Document:
    """What `render_document` takes, as one value a worker process can be given."""

    html: str
    base_url: str
    files: Mapping[str, Path]
    edition: Edition
    target_dir: Path
    name: str
    titles: Mapping[str, str] | None = None


def render_documents(documents: Sequence[Document], processes: int) -> list[Rendered]:
    """`render_document` of each, in order: those in the cache found here, the others made on
    `processes` cores at once (WeasyPrint uses one; a cold build has dozens of PDFs to make)."""
    done: list[Rendered | None] = [
        _from_cache(d.target_dir / f"{document_key(d.html, d.files, d.edition)}-{d.name}.pdf",
                    time.perf_counter())
        for d in documents
    ]
    missing = [n for n, found in enumerate(done) if found is None]
    if processes < 2 or len(missing) < 2:
        for n in missing:
            done[n] = _render(documents[n])
        return done
    for n, made in run_jobs([(n, _render_or_error, (documents[n],)) for n in missing],
                            min(processes, len(missing))):
        if isinstance(made, Died):
            raise PrintError(f"Không in được {documents[n].name}: {made}",
                             f"Could not print {documents[n].name}: {made}")
        if isinstance(made, Exception):
            raise made
        done[n] = made
    return done


def _render(document: Document) -> Rendered:
    d = document
    return render_document(d.html, d.base_url, d.files, d.edition, d.target_dir, d.name,
                           titles=d.titles)


def _render_or_error(document: Document) -> Rendered | Exception:
    """`_render` in a worker process: an editor's problem comes back to be reported."""
    try:
        return _render(document)
    except (PrintError, ImageError) as err:
        return err


def _from_cache(target: Path, start: float) -> Rendered | None:
    about = target.with_suffix(".json")
    if not (target.is_file() and about.is_file()):
        return None
    pages = json.loads(about.read_text("utf-8"))["pages"]
    return Rendered(target, target.stat().st_size, pages, True, time.perf_counter() - start)


def render_document(
    html: str,
    base_url: str,
    files: Mapping[str, Path],
    edition: Edition,
    target_dir: Path,
    name: str,
    finishers: Sequence[Finisher] = (),
    titles: Mapping[str, str] | None = None,
) -> Rendered:
    """The PDF of `html` in `target_dir`, named `<key>-<name>.pdf`, from the cache or made now.

    `files` are the only resources it may load (URL → file); any other stops the rendering with
    a PrintError naming it. `finishers` change the PDF's objects before it is written; `titles`
    name the document's anchors (anchor → title) for its links (ttdn.print.tagging)."""
    start = time.perf_counter()
    key = document_key(html, files, edition)
    target = target_dir / f"{key}-{name}.pdf"
    if (found := _from_cache(target, start)) is not None:
        return found
    try:
        document = weasyprint.HTML(
            string=html, base_url=base_url, url_fetcher=_Fetcher(files)
        ).render()
        options: dict[str, Any] = {"pdf_variant": edition.pdf_variant,
                                   "pdf_identifier": key.encode()}
        if edition.pdf_variant.startswith("pdf/x"):
            # PDF/X needs an output intent. The photos are sRGB, so is the intent; a print shop
            # that wants its own CMYK condition converts at RIP time (PDF/X-4 keeps RGB and ICC).
            options |= {"output_intent": "srgb", "pdf_tags": True}

        def finish(doc: Any, pdf: Any) -> None:
            for finisher in finishers:
                finisher(doc, pdf)
            _stable_document_id(key, pdf)

        with _languages_tagged():
            written = document.write_pdf(finisher=finish, **options)
        pdf = repair(written, titles or {})
        pdf, pages = prepare(pdf, edition.slug_mm, edition.pad_to)
    except FatalURLFetchingError as err:
        cause = err.__cause__ or err
        raise PrintError(
            f"Bản in chỉ được dùng ảnh trong photos/ và phông chữ của trang: {cause}",
            f"A print edition may only use photos from photos/ and the site's fonts: {cause}",
        ) from None
    target_dir.mkdir(parents=True, exist_ok=True)
    atomic_write(target, pdf)
    atomic_write(target.with_suffix(".json"), json.dumps({"pages": pages}).encode())
    return Rendered(target, len(pdf), pages, False, time.perf_counter() - start)


def _tag_languages(build: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap WeasyPrint's structure builder so an element made from an HTML element with a
    `lang` carries it as /Lang; the elements below inherit it (ISO 32000-1, 14.9.2), the rest
    the catalog's. WeasyPrint 70 writes the catalog's /Lang only: a screen reader would read
    the English of a bilingual page with a Vietnamese voice. One way for every document: the
    bulletin's parts and the photo book's captions both say their language in the HTML.

    Each element also says which HTML element it comes from (`SOURCE_KEY`, numbered in the
    order met): WeasyPrint makes one element per page an HTML element spans, and
    ttdn.print.tagging joins exactly those pieces into one, then drops the key."""
    sources: dict[int, int] = {}

    def tagged(box: Any, parent: Any, *args: Any) -> Any:
        element = getattr(getattr(box, "_box", box), "element", None)
        own = element.get("lang") if element is not None else None
        for struct in build(box, parent, *args):
            if own and "Lang" not in struct:
                struct["Lang"] = pydyf.String(own)
            if element is not None and SOURCE_KEY not in struct:  # html, body: their kids'
                struct[SOURCE_KEY] = sources.setdefault(id(element), len(sources))
            yield struct

    return tagged


@contextlib.contextmanager
def _languages_tagged() -> Iterator[None]:
    """`_tag_languages` around WeasyPrint's structure builder while one of our PDFs is written,
    and WeasyPrint as it was afterwards. WeasyPrint 70 has no public way to set an element's
    /Lang, so this wraps a private function (pinned weasyprint==70.*; the tests that read /Lang
    on every element fail first if an upgrade changes it). Renders run one at a time in a build.
    """
    original = weasyprint_tags._build_box_tree
    weasyprint_tags._build_box_tree = _tag_languages(original)
    try:
        yield
    finally:
        weasyprint_tags._build_box_tree = original


class _Fetcher(weasyprint.URLFetcher):
    """WeasyPrint's side of the allow-list: every refusal is fatal (fail closed)."""

    def __init__(self, files: Mapping[str, Path]):
        super().__init__(fail_on_errors=True, allowed_protocols=())
        self.local = LocalOnlyFetcher(files)

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        body, mime = self.local.open(url)
        return URLFetcherResponse(url, body, {"Content-Type": mime})


_DOCUMENT_ID = re.compile(rb"xmp\.did:[0-9a-f-]{36}")


def _stable_document_id(key: str, pdf: Any) -> None:
    """WeasyPrint gives PDF/X files a random XMP DocumentID: derive it from the key instead."""
    reference = pdf.catalog.get("Metadata")
    if reference is None:
        return
    stream = pdf.objects[int(reference.split()[0])]
    stable = f"xmp.did:{uuid.UUID(hashlib.md5(key.encode()).hexdigest())}".encode()
    stream.stream = [_DOCUMENT_ID.sub(stable, part) if isinstance(part, bytes) else part
                     for part in stream.stream]
