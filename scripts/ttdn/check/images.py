"""Photos, checked as `ttdn images --check` checks them: readable, within the limits, a format
the pipeline takes, and no location (GPS) in their metadata. Header-only, so a check stays fast.

Which files are images is decided by their bytes (`is_image`: the image pipeline's detector,
`ttdn.images.detect`, through the guard), never by their names.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ttdn.commands import suggest
from ttdn.findings import Finding, shown
from ttdn.guard import detect
from ttdn.guard.files import HEAD_BYTES
from ttdn.images.metadata import StripError, location_in_image
from ttdn.images.model import ImageError
from ttdn.images.options import ImageOptions
from ttdn.images.pipeline import check_file, init_process, open_image, unreadable
from ttdn.images.runner import collect
from ttdn.images.shrink import size_warning


def image_files(folders: Iterable[Path]) -> tuple[list[Path], list[ImageError]]:
    """Every image under the folders, as `ttdn images --check` walks them."""
    return collect([folder for folder in folders if folder.is_dir()])


def is_image(path: Path) -> bool:
    """Whether the file's bytes are an image, whatever its name (.jfif, no suffix, .txt…)."""
    try:
        with path.open("rb") as file:
            head = file.read(HEAD_BYTES)
    except OSError:
        return False
    return detect.image_format(head) is not None


def image_errors(
    path: Path, options: ImageOptions, root: Path | None = None
) -> list[tuple[str, ImageError]]:
    """(rule, error) for each problem of one file; empty when the photo may be committed.
    `root`: the repository, from which the suggested command names the file."""
    try:
        check_file(path, options)
        data = path.read_bytes()
        im = open_image(path, data, options)
        fields = location_in_image(im, data)
    except ImageError as err:
        return [("image", err)]
    except OSError as err:
        return [("image", unreadable(path, err))]
    except StripError as err:
        return [("image", ImageError(path, "cấu trúc JPEG hỏng", f"malformed JPEG ({err})"))]
    if fields:
        names = ", ".join(fields)
        command = suggest("images", "--strip-location", shown(path, root))
        return [("image-location", ImageError(
            path,
            f"ảnh chứa thông tin vị trí ({names}); xoá bằng: {command}",
            f"the photo carries its location ({names}); remove it with: {command}",
        ))]
    return []


def image_findings(paths: Iterable[Path], root: Path) -> list[Finding]:
    options = ImageOptions()
    init_process(options)
    findings = []
    for path in sorted(set(paths)):
        for rule, err in image_errors(path, options, root):
            findings.append(Finding(shown(err.path, root), 0, rule, err.vi, err.en))
        if (too_large := size_warning(path, options, root)) is not None:
            findings.append(too_large)
    return findings


def collect_errors(errors: Iterable[ImageError], root: Path) -> list[Finding]:
    return [Finding(shown(err.path, root), 0, "image", err.vi, err.en) for err in errors]
