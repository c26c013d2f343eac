"""`ttdn images`: optimise originals, check them before a commit, or strip their location."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ttdn.files import atomic_write
from ttdn.images.metadata import (
    StripError,
    location_in_image,
    strip_jpeg_location,
    strip_png_location,
)
from ttdn.images.model import ImageError
from ttdn.images.options import ImageOptions
from ttdn.images.pipeline import check_file, init_process, open_image, unreadable
from ttdn.images.runner import Outcome, collect, run


@click.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path),
              help="Store folder for the derivatives (and one <hash>.json record per original).")
@click.option("--check", is_flag=True,
              help="Change nothing; fail naming each file with location metadata or over limits.")
@click.option("--strip-location", "strip", is_flag=True,
              help="Remove location metadata from the given originals in place (JPEG: lossless).")
@click.option("-j", "--jobs", type=int, default=None, help="Processes (default: every core).")
def images(sources: tuple[Path, ...], out: Path | None, check: bool, strip: bool,
           jobs: int | None) -> None:
    """Ảnh: tối ưu, kiểm tra, xoá vị trí. / Images: optimise, check, strip location.

    \b
    ttdn images photos/ --out build/images     optimise every image under photos/
    ttdn images --check photos/                 exit 1 if a file carries GPS or breaks a limit
    ttdn images --strip-location a.jpg b.jpg    remove GPS before committing
    """
    if sum((out is not None, check, strip)) != 1:
        raise click.UsageError("Give exactly one of --out DIR, --check or --strip-location.")
    options = ImageOptions()
    if check:
        sys.exit(_check(sources, options))
    if strip:
        sys.exit(_strip(sources, options))
    assert out is not None
    sys.exit(_optimise(sources, out, options, jobs))


def _optimise(sources: tuple[Path, ...], out: Path, options: ImageOptions,
              jobs: int | None) -> int:
    progress = _Progress(sys.stderr)
    result = run(sources, out, options, jobs=jobs, report=progress)
    progress.close()
    for error in result.summary.errors:
        click.echo(str(error), err=True)
    click.echo(f"ttdn images: {result.summary.line()}")
    return 1 if result.summary.errors else 0


class _Progress:
    """A bar redrawn with \\r on a terminal; one plain line per built file elsewhere (CI)."""

    def __init__(self, stream):
        self.stream = stream
        self.tty = stream.isatty()

    def __call__(self, outcome: Outcome, done: int, total: int) -> None:
        if self.tty:
            width = 30
            filled = width * done // max(total, 1)
            name = outcome.path.name[:40]
            bar = "#" * filled + "." * (width - filled)
            self.stream.write(f"\r[{bar}] {done}/{total} {name:40}")
            self.stream.flush()
        elif outcome.error is None and not outcome.cached:
            self.stream.write(f"{done}/{total} {outcome.path}\n")

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")


def _check(sources: tuple[Path, ...], options: ImageOptions) -> int:
    """Header-only checks, fast enough for a pre-commit hook: location, size, pixels, format."""
    init_process(options)
    files, errors = collect(sources)
    located = 0
    for path in files:
        try:
            check_file(path, options)
            data = path.read_bytes()
            im = open_image(path, data, options)
            fields = location_in_image(im, data)
        except ImageError as err:
            errors.append(err)
            continue
        except OSError as err:
            errors.append(unreadable(path, err))
            continue
        except StripError as err:
            errors.append(ImageError(path, "cấu trúc JPEG hỏng", f"malformed JPEG ({err})"))
            continue
        if fields:
            names = ", ".join(fields)
            located += 1
            errors.append(ImageError(path, f"ảnh chứa thông tin vị trí ({names})",
                                     f"carries location metadata ({names})"))
    for error in errors:
        click.echo(str(error), err=True)
    if located:
        click.echo("Xoá vị trí trước khi commit / remove the location before committing:\n"
                   "    ttdn images --strip-location FILE...", err=True)
    if errors:
        click.echo(f"ttdn images --check: {len(errors)} lỗi / error(s) in {len(files)} file(s)",
                   err=True)
        return 1
    click.echo(f"ttdn images --check: ✅ {len(files)} ảnh/images, không có vị trí / no location")
    return 0


def _strip(files: tuple[Path, ...], options: ImageOptions) -> int:
    init_process(options)
    failures = 0
    for path in files:
        try:
            changed = strip_file(path, options)
        except ImageError as err:
            click.echo(str(err), err=True)
            failures += 1
            continue
        state = "đã xoá vị trí / location removed" if changed else "không có vị trí / no location"
        click.echo(f"{path}: {state}")
    return 1 if failures else 0


def strip_file(path: Path, options: ImageOptions) -> bool:
    """Remove location metadata from one original in place; True if the file changed."""
    check_file(path, options)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise unreadable(path, err) from None
    im = open_image(path, data, options)
    if not location_in_image(im, data):
        return False
    try:
        if im.format in ("JPEG", "MPO"):
            new = strip_jpeg_location(data)
        elif im.format == "PNG":
            new = strip_png_location(data)
        else:
            raise ImageError(
                path,
                f"chưa xoá được vị trí trong tệp {im.format}; hãy xuất lại ảnh dạng JPEG "
                "không kèm vị trí",
                f"cannot remove location from {im.format} files; export the photo as JPEG "
                "without location",
            )
    except StripError as err:
        raise ImageError(path, "không xoá được vị trí: cấu trúc tệp lạ",
                         f"cannot remove location: unexpected file structure ({err})") from None
    if location_in_image(open_image(path, new, options), new):
        raise ImageError(path, "vẫn còn thông tin vị trí sau khi xoá",
                         "location metadata remains after stripping")
    mode = os.stat(path).st_mode & 0o777
    atomic_write(path, new)
    os.chmod(path, mode)
    return True

