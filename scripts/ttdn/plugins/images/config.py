"""Options of the `ttdn-images` plugin; defaults come from `ttdn.images.options.ImageOptions`."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from ttdn.images.markup import DEFAULT_SIZES
from ttdn.images.options import ImageOptions

_D = ImageOptions()


class ImagesConfig(Config):
    enabled = c.Type(bool, default=True)
    # Processes for the image work; 0: one per core.
    concurrency = c.Type(int, default=0)
    # Relative to mkdocs.yml. Keep it between CI runs: every derivative is reused from there.
    cache_dir = c.Type(str, default=".cache/plugin/ttdn-images")
    # The originals, relative to mkdocs.yml, outside docs/ so MkDocs never copies one to site/.
    photos_dir = c.Type(str, default="photos")
    # Where the derivatives go in site/, shared by every language: <hash>-<width>.<format>.
    output_dir = c.Type(str, default="assets/images")
    # The `sizes` attribute of every <picture>: how wide the image shows at each viewport.
    sizes = c.Type(str, default=DEFAULT_SIZES)
    widths = c.ListOfItems(c.Type(int), default=list(_D.widths))
    avif_quality = c.Type(int, default=_D.avif_quality)
    avif_speed = c.Type(int, default=_D.avif_speed)
    webp_quality = c.Type(int, default=_D.webp_quality)
    jpeg_quality = c.Type(int, default=_D.jpeg_quality)
    max_file_mb = c.Type(int, default=_D.max_file_bytes // (1024 * 1024))
    # Pixels an original may have: Pillow's decompression-bomb limit by default (89.5 MP).
    max_pixels = c.Type(int, default=_D.max_pixels)

    def image_options(self) -> ImageOptions:
        return ImageOptions(
            widths=tuple(self.widths),
            avif_quality=self.avif_quality,
            avif_speed=self.avif_speed,
            webp_quality=self.webp_quality,
            jpeg_quality=self.jpeg_quality,
            max_file_bytes=self.max_file_mb * 1024 * 1024,
            max_pixels=self.max_pixels,
        )
