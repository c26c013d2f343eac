"""The image pipeline, free of MkDocs: originals in, small sRGB derivatives without metadata out.

`ttdn images` (cli.py) and the `ttdn-images` MkDocs plugin are thin callers of `runner.run()`.
"""

from ttdn.images.model import ImageError, ImageRecord, Variant
from ttdn.images.options import ImageOptions
from ttdn.images.runner import RunResult, Summary, run

__all__ = ["ImageError", "ImageOptions", "ImageRecord", "RunResult", "Summary", "Variant", "run"]
