"""`ttdn`: the project's one command line. Later work adds subcommands here."""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import click

from ttdn.buildlog import EditorLog


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Thông tin đối ngoại tỉnh Quảng Ngãi: build, serve and check the site."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from ttdn.engine_choice import EngineChoiceError, chosen

    try:
        chosen()  # a wrong TTDN_ENGINE is one line here, not a traceback in a command
    except EngineChoiceError as err:
        click.echo(str(err), err=True)
        sys.exit(2)


def _editor_log(config_file: str, verbose: bool) -> EditorLog:
    """MkDocs' and the plugins' messages as editors read them (findings; INFO only with -v)."""
    from ttdn import engine

    root = Path(config_file).resolve().parent
    handler = EditorLog(sys.stderr, root / "docs", root, verbose=verbose)
    logger = logging.getLogger(engine.LOGGER)  # "mkdocs", or "properdocs" above it
    for old in [h for h in logger.handlers if isinstance(h, EditorLog)]:
        logger.removeHandler(old)
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    logger.propagate = False
    return handler


CONFIG = click.option(
    "-f", "--config-file", default="mkdocs.yml", show_default=True, type=click.Path(exists=True)
)
VERBOSE = click.option("-v", "--verbose", is_flag=True, help="Show MkDocs' own messages too.")


@main.command()
@CONFIG
@VERBOSE
@click.option("-d", "--site-dir", default=None, help="Output folder (default: site/).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), envvar="TTDN_BUILD_JOBS",
              default=os.cpu_count() or 1, show_default="the number of cores",
              help="Processes: with 2 or more, each language is built in its own.")
def build(config_file: str, site_dir: str | None, verbose: bool, jobs: int) -> None:
    """Dựng trang / Build the site into site/, both languages, failing on any warning.

    The build goes into a new folder beside site/, which replaces site/ only when the build
    succeeds: a failed build leaves the last good site as it was. Prints the findings and one
    summary line (-v: MkDocs' own messages too).
    """
    from ttdn import engine
    from ttdn.engine import BuildFailed, load_config
    from ttdn.engine.languages import LanguageBuildFailed, build_site

    log = _editor_log(config_file, verbose)
    start = time.perf_counter()
    overrides = {"site_dir": site_dir} if site_dir else {}
    try:
        target = Path(load_config(config_file, strict=True, **overrides).site_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
        try:
            build_site(config_file, staging, jobs)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    except (*BuildFailed, LanguageBuildFailed) as err:
        if verbose or not log.errors:
            click.echo(str(err), err=True)
        click.echo("❌ Bản dựng dừng vì các lỗi ở trên; site/ giữ nguyên bản dựng trước / The "
                   "build stopped on the errors above; site/ keeps the last good build.", err=True)
        sys.exit(1)
    _replace(target, staging)
    pages = sum(1 for _ in target.rglob("*.html"))
    click.echo(f"✅ Đã dựng {pages} trang / Built {pages} pages into {target} "
               f"({time.perf_counter() - start:.1f} s, {engine.TITLE} {engine.VERSION})", err=True)


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
@VERBOSE
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True)
@click.option("--drafts/--no-drafts", default=True, show_default=True,
              help="Show drafts and scheduled pages, each with a banner.")
def serve(config_file: str, dev_addr: str, verbose: bool, drafts: bool) -> None:
    """Xem trước / Serve the site with live reload; content errors show in the browser."""
    from ttdn.check import run_check
    from ttdn.serve import serve as serve_site

    _editor_log(config_file, verbose)
    serve_site(config_file, dev_addr,
               lambda paths: run_check(Path(config_file), paths, preview=True).findings, drafts)


@main.command()
@CONFIG
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--fix", is_flag=True, help="Normalise text to Unicode NFC (changes nothing else).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="markdown: a pull request's job summary.")
def check(config_file: str, paths: tuple[Path, ...], fix: bool, fmt: str) -> None:
    """Kiểm tra / Check the content (or only PATHS) without building: exit 1 on errors.

    \b
    ttdn check                                   the whole site
    ttdn check docs/vi/tin-bai/2026/bai-moi.md   one page and its translation
    ttdn check --fix docs/vi/tin-bai/            also normalise the text to NFC
    """
    from ttdn.check import run_check
    from ttdn.check.output import as_json, as_markdown, as_text

    result = run_check(Path(config_file), paths, fix=fix)
    render = {"text": as_text, "json": as_json, "markdown": as_markdown}[fmt]
    click.echo(render(result))
    sys.exit(1 if result.errors else 0)


@main.command()
@CONFIG
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def translated(config_file: str, paths: tuple[Path, ...]) -> None:
    """Đã dịch xong / Record that each translation PATH matches its original as it is now."""
    from ttdn.check import Project
    from ttdn.editing import EditError, mark_translated, original_of
    from ttdn.findings import shown
    from ttdn.model import languages_of

    project = Project.load(Path(config_file))
    languages, _ = languages_of(project.config)
    failed = False
    for path in paths:
        name = shown(path.resolve(), project.root)
        try:
            original = original_of(path, project.docs_dir, languages)
            digest = mark_translated(path, original, name, languages)
        except EditError as err:
            click.echo(str(err.finding), err=True)
            failed = True
            continue
        click.echo(f"{name}: translation: {{source: {digest}}} "
                   f"({shown(original.resolve(), project.root)})")
    sys.exit(1 if failed else 0)


@main.command("new-article")
@CONFIG
@click.option("--title", required=True, help="Tiêu đề tiếng Việt / the Vietnamese title.")
@click.option("--category", required=True, help="Chủ đề / a key of content/categories.yml.")
@click.option("--agency", default="Sở Ngoại vụ", show_default=True, help="Đơn vị / agency.")
@click.option("--date", "day", default=None, help="YYYY-MM-DD (default: today).")
@click.option("--slug", default=None, help="File name (default: from the title).")
def new_article(config_file: str, title: str, category: str, agency: str, day: str | None,
                slug: str | None) -> None:
    """Bài mới / Create a new article and its English placeholder (translation pending)."""
    import datetime as dt

    from ttdn.check import Project
    from ttdn.content.categories import categories
    from ttdn.editing import EditError, NewArticle
    from ttdn.editing import new_article as create
    from ttdn.findings import shown
    from ttdn.model import languages_of

    known = categories()
    if category not in known:
        raise click.BadParameter(
            f"chủ đề không có / unknown category; dùng / use one of: {', '.join(known)}",
            param_hint="--category",
        )
    try:
        date = dt.date.fromisoformat(day) if day else dt.date.today()
    except ValueError:
        raise click.BadParameter("NNNN-TT-NN / YYYY-MM-DD", param_hint="--date") from None
    project = Project.load(Path(config_file))
    languages, _ = languages_of(project.config)
    try:
        paths = create(NewArticle(title, category, agency, date, slug), project.docs_dir,
                       languages)
    except EditError as err:
        click.echo(str(err.finding), err=True)
        sys.exit(1)
    for path in paths:
        click.echo(shown(path, project.root))


from ttdn.images.cli import images  # noqa: E402

main.add_command(images)


@main.command("new-issue")
@CONFIG
@click.argument("year", type=click.IntRange(2000, 2100))
@click.argument("quarter", type=click.IntRange(1, 4))
def new_issue(config_file: str, year: int, quarter: int) -> None:
    """Số bản tin mới / Create the skeleton of a bulletin issue (both languages), e.g.
    `ttdn new-issue 2024 1`."""
    from pathlib import Path

    from ttdn.engine import load_config
    from ttdn.model import languages_of
    from ttdn.scaffold import IssueExists
    from ttdn.scaffold import new_issue as make

    config = load_config(config_file)
    root = Path(config_file).resolve().parent
    languages, _ = languages_of(config)
    try:
        skeleton = make(root, Path(config.docs_dir), languages, year, quarter)
    except IssueExists as err:
        shown = err.path.relative_to(root) if err.path.is_relative_to(root) else err.path
        click.echo(
            f"{shown}: số quý {quarter}/{year} đã có; không ghi đè.\n"
            f"    {shown}: the issue of quarter {quarter}/{year} exists already; nothing was "
            "overwritten.",
            err=True,
        )
        sys.exit(1)
    photos = skeleton.photos.relative_to(root).as_posix()
    files = "\n".join(f"  {path.relative_to(root).as_posix()}" for path in skeleton.files)
    click.echo(
        f"Đã tạo số {skeleton.number}/{year} (bản nháp) / Created issue {skeleton.number}/{year} "
        f"(a draft):\n{files}\n\n"
        "Việc tiếp theo:\n"
        f"  1. Đặt ảnh bìa vào {photos}/bia.jpg, ảnh của các bài vào cùng thư mục.\n"
        "  2. Sửa tiêu đề, mô tả, ngày phát hành, ban biên tập và lời tòa soạn trong index.md, ở "
        "cả hai ngôn ngữ.\n"
        "  3. Viết các bài (bai-1.md, … mỗi bài có 'order' là vị trí trong mục lục).\n"
        "  4. Khi cả hai ngôn ngữ xong, xoá dòng 'draft: true' ở mọi tệp của số này.\n"
        "Next:\n"
        f"  1. Put the cover at {photos}/bia.jpg and the articles' photos in the same folder.\n"
        "  2. Edit the title, description, publication date, editorial board and editorial note "
        "in index.md, in both languages.\n"
        "  3. Write the articles (bai-1.md, … each with 'order', its place in the contents).\n"
        "  4. When both languages are done, delete the 'draft: true' line from every file of "
        "the issue."
    )
