"""`ttdn`: the project's one command line. Later work adds subcommands here."""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Thông tin đối ngoại tỉnh Quảng Ngãi: build, serve and check the site."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    _show_mkdocs_log()


def _show_mkdocs_log() -> None:
    """Print MkDocs' and the plugins' messages as `mkdocs` itself does: editors read them."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    if not any(isinstance(h, logging.StreamHandler) for h in logger.handlers):
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)


CONFIG = click.option(
    "-f", "--config-file", default="mkdocs.yml", show_default=True, type=click.Path(exists=True)
)


@main.command()
@CONFIG
@click.option("-d", "--site-dir", default=None, help="Output folder (default: site/).")
def build(config_file: str, site_dir: str | None) -> None:
    """Build the site into site/, both languages, failing on any warning.

    The build goes into a new folder beside site/, which replaces site/ only when the build
    succeeds: a failed build leaves the last good site as it was.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    overrides = {"site_dir": site_dir} if site_dir else {}
    try:
        target = Path(load_config(config_file, strict=True, **overrides).site_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
        try:
            mkdocs_build(load_config(config_file, strict=True, site_dir=str(staging)))
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    except (Abort, ConfigurationError) as err:
        click.echo(str(err), err=True)
        click.echo("site/ giữ nguyên bản dựng trước / site/ keeps the last good build.", err=True)
        sys.exit(1)
    _replace(target, staging)


def _replace(target: Path, staging: Path) -> None:
    """Swap the new build in with two renames on the same disk, then drop the old one."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.replace(target, old / target.name)
    os.replace(staging, target)
    target.chmod(0o755)  # mkdtemp made it private; a web server must read it
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


@main.command()
@CONFIG
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True)
def serve(config_file: str, dev_addr: str) -> None:
    """Serve the site with live reload, for editors previewing their pages."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    # Live reload is passed explicitly: click 8.2.2+ turns mkdocs 1.6.1's default off.
    mkdocs_serve(config_file, livereload=True, dev_addr=dev_addr)


from ttdn.images.cli import images  # noqa: E402

main.add_command(images)
