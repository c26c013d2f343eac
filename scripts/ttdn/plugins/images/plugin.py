"""The `ttdn-images` MkDocs plugin: every photo a page shows, as small sRGB derivatives.

Thin: `ttdn.images.run()` makes the derivatives (once per build, incremental, in a process pool);
`ttdn.images.markup` writes the <picture>. mkdocs-static-i18n reruns the build per language on this
same object, so the photos are processed by the first language build only, what each language's
pages use is keyed by language, and every language links to the one `site/assets/images/`.

It is also the build model's image store (`ttdn.assets.ImageStore`): `record_for(path)`,
`records_in(folder)` (every photo of a folder, for galleries), `derivative_url` and
`picture_html`. Each marks what it hands out as used, so only used derivatives are published.
References are resolved by the model's asset resolver (`ttdn.model.model_of`): ttdn-site must
stand before this plugin in mkdocs.yml.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ttdn.files import publish, shared_work
from ttdn.images import ImageError, ImageRecord, run
from ttdn.images.markup import figure, find_images, picture, split_title
from ttdn.model import model_of
from ttdn.plugins.images.config import ImagesConfig
from ttdn.preview import preview_of

log = get_plugin_logger(__name__)



class ImagesPlugin(BasePlugin[ImagesConfig]):
    def __init__(self) -> None:
        self.records: dict[Path, ImageRecord] | None = None
        self.used: dict[str, set[str]] = {}
        self.lang = ""
        self.root = Path()
        self.photos = Path()
        self.store = Path()

    # After static-i18n's on_config (-100), which sets this build's theme.language.
    @event_priority(-110)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.config.enabled:
            return config
        self.lang = str(config.theme.get("language") or "")
        self.used[self.lang] = set()
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.photos = (self.root / self.config.photos_dir).resolve()
        self.store = (self.root / self.config.cache_dir).resolve()
        if self.photos.is_dir() and str(self.photos) not in config.watch:
            config.watch.append(str(self.photos))  # `mkdocs serve` reloads on a new photo
        if self.records is None:  # the first language build: the others reuse its work
            shown = preview_of(config)  # ttdn serve after a page edit: the photos are unchanged
            before = shown.previous("ttdn-images") if shown is not None else None
            self.records = before.records if before is not None else self._process()
        return config

    def _process(self) -> dict[Path, ImageRecord]:
        if not self.photos.is_dir():
            return {}
        try:
            with shared_work(self.store):
                result = run(
                    [self.photos],
                    self.store,
                    self.config.image_options(),
                    jobs=self.config.concurrency or None,
                    source_name=lambda p: p.relative_to(self.root).as_posix(),
                )
        except ImageError as err:  # the store folder: unwritable, or inside the photos
            raise PluginError(_errors_text([err], self.root)) from None
        log.info(result.summary.line())
        for path, warnings in result.summary.warnings.items():
            log.info("%s: %s", _shown(path, self.root), "; ".join(warnings))
        if result.summary.errors:
            raise PluginError(_errors_text(result.summary.errors, self.root))
        return {path.resolve(): record for path, record in result.records.items()}

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        """Each photo reference becomes a <picture> (a <figure> with its caption and credit).

        Missing photos and missing alt text are the content model's findings (reported for
        every page before anything is rendered); here they are simply left alone.
        """
        if not self.config.enabled or self.records is None:
            return markdown
        model = model_of(config)
        entry = model.index.pages.by_url(page.url)
        if entry is None:
            return markdown
        kind = model.type_named(entry.type)
        # The first picture of a page is likely above the fold: no lazy loading. A cover shown
        # above the text is that first picture.
        eager = not (kind and kind.shows_cover and entry.meta.image)
        pieces: list[str] = []
        last = 0
        for ref in find_images(markdown):
            if ref.external or not ref.alt:
                continue
            target = model.assets.locate(entry, ref.src).resolve()
            record = self.records.get(target) if target.is_relative_to(self.photos) else None
            if record is None:
                continue  # a docs/ file, or a finding already
            html = self.picture_html(record, ref.alt, page.url, eager=eager)
            eager = False
            caption, credit = split_title(ref.title)
            if ref.alone and (caption or credit):
                html = "\n\n" + figure(html, caption, credit) + "\n\n"
            pieces += [markdown[last:ref.start], html]
            last = ref.end
        return "".join(pieces) + markdown[last:]

    # -- the image store of the build model (ttdn.assets.ImageStore) -------------------------

    def record_for(self, path: Path) -> ImageRecord | None:
        return (self.records or {}).get(path.resolve())

    def records_in(self, folder: Path) -> list[tuple[Path, ImageRecord]]:
        """Every processed photo directly inside `folder`, by file name."""
        folder = folder.resolve()
        return sorted(
            (path, record) for path, record in (self.records or {}).items()
            if path.parent == folder
        )

    def derivative_url(self, record: ImageRecord, width: int) -> str:
        """Path from the site root of the fallback derivative closest to `width`."""
        self.used[self.lang].add(record.key)
        variants = record.variants[record.fallback]
        chosen = min(variants, key=lambda v: abs(v.width - width))
        return f"{self.config.output_dir}/{chosen.file}"

    def picture_html(self, record: ImageRecord, alt: str, page_url: str,
                     eager: bool = True, sizes: str | None = None) -> Markup:
        """`sizes`: how wide the picture shows (a gallery's grid); the plugin's by default."""
        self.used[self.lang].add(record.key)
        return picture(record, alt, lambda name: self._url(name, page_url),
                       sizes=sizes or self.config.sizes, eager=eager)

    def derivative_file(self, record: ImageRecord, width: int) -> Path:
        """The stored fallback derivative closest to `width` (for files made from it: zips)."""
        variants = record.variants[record.fallback]
        return self.store / min(variants, key=lambda v: abs(v.width - width)).file

    def _url(self, name: str, page_url: str) -> str:
        return get_relative_url(f"{self.config.output_dir}/{name}", page_url)

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Copy the derivatives this language's pages use into the one shared folder."""
        if not self.config.enabled or not self.records:
            return
        by_key = {r.key: r for r in self.records.values()}
        out = Path(config.site_dir) / self.config.output_dir
        out.mkdir(parents=True, exist_ok=True)
        copied = 0
        for key in sorted(self.used.get(self.lang, ())):
            for name in by_key[key].files():
                dest = out / name
                if not dest.exists():  # content-addressed: an existing name is the same file
                    publish(self.store / name, dest)
                    copied += 1
        log.debug("%d derivatives copied for '%s'", copied, self.lang)


def _shown(path: Path, root: Path) -> Path:
    """A path as the editor sees it: relative to the repository when it is inside."""
    return path.relative_to(root) if path.is_relative_to(root) else path


def _errors_text(errors: list[ImageError], root: Path) -> str:
    lines = [f"ttdn-images: {len(errors)} ảnh lỗi / image error(s):"]
    lines += [str(ImageError(_shown(e.path, root), e.vi, e.en)) for e in errors]
    return "\n".join(lines)
