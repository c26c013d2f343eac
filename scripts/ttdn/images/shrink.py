"""Originals too large for the repository: a warning above `ImageOptions.warn_file_bytes` with
the command that shrinks them, and that command (`ttdn images --shrink`).

Git keeps every version of every file forever, so a 40 MB photo weighs on every clone. The site
never shows a photo wider than 2400 px (the print width, ttdn.photobook.print) and the derivatives
are made from the original, so an original of LONG_SIDE px loses nothing a reader sees.
"""

from __future__ import annotations

import os
from pathlib import Path

from ttdn.commands import suggest
from ttdn.files import atomic_write
from ttdn.findings import Finding, shown
from ttdn.images.model import ImageError
from ttdn.images.options import ImageOptions
from ttdn.images.pipeline import load_upright

LONG_SIDE = 5000  # px: twice the widest photo the site or a print edition shows
QUALITY = 90  # JPEG: a master copy, above the site's own q80


def size_warning(path: Path, options: ImageOptions, root: Path | None) -> Finding | None:
    """A warning naming the file and the command that shrinks it, when it is too large."""
    try:
        size = path.stat().st_size
    except OSError:
        return None  # the file's own check reports it
    if size <= options.warn_file_bytes:
        return None
    mb, cap = size / 1048576, options.warn_file_bytes // 1048576
    command = suggest("images", "--shrink", shown(path, root))
    return Finding(
        shown(path, root), 0, "image-size",
        f"Ảnh nặng {mb:.0f} MB (trên {cap} MB): Git giữ mãi mọi phiên bản của tệp. Thu nhỏ "
        f"bằng: {command}",
        f"The photo weighs {mb:.0f} MB (over {cap} MB): Git keeps every version of a file "
        f"forever. Shrink it with: {command}",
        severity="warning",
    )


def shrink(path: Path, options: ImageOptions) -> Path:
    """Write the photo upright, in sRGB, at most LONG_SIDE px, as JPEG (PNG if transparent);
    in place when the file already has that format's name, else beside it. Returns the file."""
    im = load_upright(path, options)
    im.thumbnail((LONG_SIDE, LONG_SIDE))
    transparent = im.mode in ("RGBA", "LA", "PA") or "transparency" in im.info
    suffixes = (".png",) if transparent else (".jpg", ".jpeg")
    target = path if path.suffix.lower() in suffixes else path.with_suffix(suffixes[0])
    if target != path and target.exists():
        raise ImageError(path, f"đã có tệp {target}; không ghi đè",
                         f"{target} exists already; nothing was overwritten")
    from io import BytesIO

    out = BytesIO()
    if transparent:
        im.save(out, "PNG", optimize=True, icc_profile=im.info.get("icc_profile"))
    else:
        im.convert("RGB").save(out, "JPEG", quality=QUALITY, optimize=True, progressive=True,
                               icc_profile=im.info.get("icc_profile"))
    mode = os.stat(path).st_mode & 0o777
    atomic_write(target, out.getvalue())
    os.chmod(target, mode)
    return target
