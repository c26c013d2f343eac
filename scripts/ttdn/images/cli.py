"""`ttdn images`: optimise originals, check them before a commit, or strip their location.

Whatever the files, a run finishes: each failure is that file's line (Vietnamese / English), a
summary follows, and the exit status is 1 if any file failed. Tracebacks only with --debug.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

import click

from ttdn.commands import suggest
from ttdn.files import atomic_write
from ttdn.images import reasons
from ttdn.images.capture import captured
from ttdn.images.detect import ACCEPTED, HEAD_BYTES, detect
from ttdn.images.heic import reencode_without_location
from ttdn.images.metadata import StripError, location, location_in_image, strip_location
from ttdn.images.model import ImageError
from ttdn.images.options import ImageOptions
from ttdn.images.pipeline import DECODE_ERRORS, check_file, init_process, open_image, unreadable
from ttdn.images.runner import Outcome, Summary, check_out, run
from ttdn.images.shrink import shrink as shrink_file
from ttdn.images.shrink import size_warning
from ttdn.images.walk import collect

__all__ = ["images", "location_in_image", "strip_file"]

STRIPPABLE = ("jpeg", "mpo", "png", "webp")


@click.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path),
              help="Store folder for the derivatives (and one <hash>.json record per original).")
@click.option("--check", is_flag=True,
              help="Fail naming each file with location metadata or over limits (headers only; "
                   "with --out, also build).")
@click.option("--strip-location", "strip", is_flag=True,
              help="Remove location metadata from the given originals in place (pixels kept).")
@click.option("--shrink", is_flag=True,
              help="Make the given originals at most 5000 px, JPEG q90 (PNG if transparent): for "
                   "photos over the 20 MB the check warns about.")
@click.option("--images-only", is_flag=True,
              help="Skip files that are not images (by content) instead of refusing them: for "
                   "the pre-commit hook, which passes every staged file.")
@click.option("-j", "--jobs", type=int, default=None, help="Processes (default: every core).")
@click.option("-v", "--verbose", is_flag=True, help="Every decoder warning, not one per file.")
@click.option("--debug", is_flag=True, help="Show the traceback of unexpected failures.")
def images(sources: tuple[Path, ...], out: Path | None, check: bool, strip: bool,
           shrink: bool, images_only: bool, jobs: int | None, verbose: bool,
           debug: bool) -> None:
    """Ảnh: tối ưu, kiểm tra, xoá vị trí. / Images: optimise, check, strip location.

    \b
    ttdn images photos/ --out build/images     optimise every image under photos/
    ttdn images --check photos/                 exit 1 if a file carries GPS or breaks a limit
    ttdn images --strip-location a.jpg b.jpg    remove GPS before committing
    ttdn images --shrink a.jpg                  make a too large original smaller
    """
    alone = strip or shrink
    if (alone and (out is not None or check)) or (strip and shrink) or not (
            alone or check or out is not None):
        raise click.UsageError(
            "Give --out DIR and/or --check, or --strip-location or --shrink alone.")
    options = ImageOptions()
    if strip:
        sys.exit(_strip(sources, options, debug))
    if shrink:
        sys.exit(_shrink(sources, options, debug))
    status = 0
    if check:
        status |= _check(sources, options, images_only, debug)
    if out is not None:
        status |= _optimise(sources, out, options, jobs, verbose, debug)
    sys.exit(status)


# --- Optimise ------------------------------------------------------------------------------------


def _optimise(sources: tuple[Path, ...], out: Path, options: ImageOptions, jobs: int | None,
              verbose: bool, debug: bool) -> int:
    try:
        check_out(out, sources)  # before any work
    except ImageError as err:
        click.echo(str(err), err=True)
        return 1
    progress = _Progress(sys.stderr)
    result = run(sources, out, options, jobs=jobs, report=progress)
    progress.close()
    _report(result.summary, verbose, debug)
    click.echo(f"ttdn images: {result.summary.line()}")
    return 1 if result.summary.errors else 0


def _report(summary: Summary, verbose: bool, debug: bool) -> None:
    for path, lines in sorted(summary.warnings.items()):
        if verbose:
            for line in lines:
                click.echo(f"{path}: cảnh báo / warning: {line}", err=True)
        else:
            more = f" (+{len(lines) - 1}; --verbose)" if len(lines) > 1 else ""
            click.echo(f"{path}: cảnh báo / warning: {lines[0][:160]}{more}", err=True)
    for error in summary.errors:
        click.echo(str(error), err=True)
        if debug and error.path in summary.traces:
            click.echo(summary.traces[error.path], err=True)


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


# --- Check ---------------------------------------------------------------------------------------


def check_location(path: Path, options: ImageOptions) -> list[str]:
    """Where `path` names its location ([] if nowhere); any problem is an ImageError.

    Headers only, fast enough for a pre-commit hook: format by content, size and pixel limits,
    the animation budget, visible truncation, then every metadata block.
    """
    check_file(path, options)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise unreadable(path, err) from None
    fmt = detect(data[:HEAD_BYTES])
    im = open_image(path, data, options)  # refuses other formats, bombs, visible truncation
    try:
        frames = int(getattr(im, "n_frames", 1)) if im.format in ("GIF", "WEBP") else 1
    except DECODE_ERRORS as err:
        raise reasons.corrupt(path, err) from None
    if frames > 1 and frames * im.width * im.height > options.max_animation_pixels:
        raise reasons.animation_too_large(path, frames, frames * im.width * im.height,
                                          options.max_animation_pixels)
    try:
        return location(data, fmt)
    except StripError as err:
        raise ImageError(path, "siêu dữ liệu hỏng: không biết ảnh có chứa vị trí hay không",
                         f"unreadable metadata: cannot tell whether it holds a location "
                         f"({err})") from None


def _check(sources: tuple[Path, ...], options: ImageOptions, images_only: bool,
           debug: bool) -> int:
    init_process(options)
    files, errors = collect(sources, images_only=images_only)
    located: list[Path] = []
    for path in files:
        try:
            with captured() as noise:
                fields = _guarded(path, debug, check_location, path, options)
        except ImageError as err:
            errors.append(err)
            continue
        finally:
            if noise.lines:
                click.echo(f"{path}: cảnh báo / warning: {noise.lines[0][:160]}", err=True)
        if (too_large := size_warning(path, options, None)) is not None:
            click.echo(f"{path}: cảnh báo / warning: {too_large.vi}\n    {too_large.en}",
                       err=True)
        if fields:
            names = "; ".join(fields)
            located.append(path)
            errors.append(ImageError(path, f"ảnh chứa thông tin vị trí ({names})",
                                     f"carries location metadata ({names})"))
    for error in errors:
        click.echo(str(error), err=True)
    if located:
        command = suggest("images", "--strip-location", [p.as_posix() for p in located])
        click.echo("Xoá vị trí trước khi commit / remove the location before committing:\n"
                   f"    {command}", err=True)
    if errors:
        click.echo(f"ttdn images --check: {len(errors)} lỗi / error(s) in {len(files)} file(s)",
                   err=True)
        return 1
    click.echo(f"ttdn images --check: ✅ {len(files)} ảnh/images, không có vị trí / no location")
    return 0


def _guarded(path: Path, debug: bool, func, *args):
    """Call `func`; an unexpected exception becomes this file's error (traceback with --debug)."""
    try:
        return func(*args)
    except ImageError:
        raise
    except MemoryError:
        raise reasons.out_of_memory(path) from None
    except Exception as err:  # noqa: BLE001 - one file's failure, never the run's
        if debug:
            click.echo(traceback.format_exc(), err=True)
        raise reasons.crashed(path, f"{type(err).__name__}: {err}") from None


# --- Shrink --------------------------------------------------------------------------------------


def _shrink(sources: tuple[Path, ...], options: ImageOptions, debug: bool) -> int:
    init_process(options)
    files, errors = collect(sources)
    for path in files:
        before = path.stat().st_size
        try:
            target = _guarded(path, debug, shrink_file, path, options)
        except ImageError as err:
            errors.append(err)
            continue
        after = target.stat().st_size
        click.echo(f"{target}: {before / 1048576:.1f} MB → {after / 1048576:.1f} MB")
        if target != path:
            click.echo(f"    {path} → {target}: dùng tệp mới, xoá tệp cũ / use the new file, "
                       "delete the old one")
    for error in errors:
        click.echo(str(error), err=True)
    return 1 if errors else 0


# --- Strip ---------------------------------------------------------------------------------------


def _strip(sources: tuple[Path, ...], options: ImageOptions, debug: bool) -> int:
    init_process(options)
    links = [p for p in sources if _through_link(p)]
    files, errors = collect([p for p in sources if p not in links])
    errors += [_link_error(p) for p in links]
    for path in files:
        try:
            changed = _guarded(path, debug, strip_file, path, options)
        except ImageError as err:
            errors.append(err)
            continue
        state = "đã xoá vị trí / location removed" if changed else "không có vị trí / no location"
        click.echo(f"{path}: {state}")
    for error in errors:
        click.echo(str(error), err=True)
    if errors:
        click.echo(f"ttdn images --strip-location: {len(errors)} lỗi / error(s)", err=True)
    return 1 if errors else 0


def _through_link(path: Path) -> bool:
    return path.is_symlink() or (path.exists() and path.resolve() != path.absolute())


def _link_error(path: Path) -> ImageError:
    target = path.resolve()
    return ImageError(
        path,
        f"là liên kết tượng trưng; hãy xoá vị trí trên tệp thật: {target}",
        f"is a symbolic link (or inside one); strip the real file instead: {target}",
    )


def strip_file(path: Path, options: ImageOptions) -> bool:
    """Remove location metadata from one original in place; True if the file changed."""
    if _through_link(path):
        raise _link_error(path)
    fields = check_location(path, options)
    if not fields:
        return False
    data = path.read_bytes()
    fmt = detect(data[:HEAD_BYTES])
    if fmt == "heic":
        try:
            new = reencode_without_location(data)
        except StripError as err:
            raise ImageError(path, "không xoá được vị trí trong tệp HEIC, tệp giữ nguyên",
                             f"cannot remove the location from this HEIC, file left unchanged "
                             f"({err})") from None
    elif fmt not in STRIPPABLE:
        assert fmt in ACCEPTED
        raise ImageError(
            path,
            f"chưa xoá được vị trí trong tệp {str(fmt).upper()}; hãy xuất lại ảnh dạng JPEG "
            "không kèm vị trí",
            f"cannot remove location from {str(fmt).upper()} files; export the photo as JPEG "
            "without location",
        )
    else:
        try:
            new = strip_location(data, fmt)
        except StripError as err:
            raise ImageError(path, "không xoá được vị trí: cấu trúc tệp lạ, tệp giữ nguyên",
                             f"cannot remove location: unexpected file structure, file left "
                             f"unchanged ({err})") from None
    mode = os.stat(path).st_mode & 0o777
    atomic_write(path, new)
    os.chmod(path, mode)
    return True
