"""`ttdn serve`: MkDocs' live-reload server, with content errors shown in the browser.

`mkdocs serve` keeps every request waiting while a rebuild fails (the error only in the
terminal). Here each rebuild first runs the content check of the changed site; when it finds
errors, or the build itself fails, every page request gets an error page listing the findings
(in the page's language first) and the site is not rebuilt. The error page asks the server
every second whether the site changed and reloads itself: once the file is fixed, the reader is
back on the page, as with Hugo's server.

Uses the engine's own `LiveReloadServer` (the one `mkdocs serve` and plugins' `on_serve` get) for
watching and static files. Pages are answered by a small WSGI layer in front of it (`set_app`,
standard wsgiref): MkDocs' reload script is inline, which the site's own Content-Security-Policy
(`script-src 'self'`) blocks, so pages get a same-origin script instead that polls this build's
number and reloads the page when it changes.
"""

from __future__ import annotations

import html
import logging
import os
import posixpath
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ttdn.buildlog import SERVE_LOG
from ttdn.engine import BUILD_LOGGER, BuildFailed, LiveReloadServer, load_config
from ttdn.engine.languages import build_in_turn
from ttdn.findings import Finding
from ttdn.preview import Preview

log = logging.getLogger(SERVE_LOG)

STATE_PATH = "/__ttdn__/state"  # the error page polls it; answers this build's number


@dataclass
class BuildState:
    """The outcome of the last build, shared between the build loop and request threads."""

    generation: int = 0
    findings: list[Finding] = field(default_factory=list)
    message: str = ""  # a build failure that is not a finding (a template error…)
    building: bool = False
    changed: threading.Condition = field(default_factory=threading.Condition)

    @property
    def failed(self) -> bool:
        return bool(self.findings or self.message)

    def start(self) -> None:
        with self.changed:
            self.building = True

    def set(self, findings: list[Finding], message: str = "") -> None:
        with self.changed:
            self.findings, self.message = findings, message
            self.building = False
            self.generation += 1
            self.changed.notify_all()

    def settled(self) -> tuple[int, list[Finding], str]:
        """Wait for a build in progress; then this build's number, findings and message."""
        with self.changed:
            self.changed.wait_for(lambda: not self.building, timeout=120)
            return self.generation, list(self.findings), self.message


Snapshot = dict[Path, tuple[int, int]]  # file → (mtime in ns, size)


def snapshot(paths: Iterable[Path]) -> Snapshot:
    """Every file under `paths` with its modification time and size (links not followed)."""
    found: Snapshot = {}
    for top in paths:
        if top.is_file():
            stat = top.stat()
            found[top] = (stat.st_mtime_ns, stat.st_size)
            continue
        for folder, _, names in os.walk(top):
            for name in names:
                path = Path(folder, name)
                try:
                    stat = path.lstat()
                except OSError:
                    continue
                found[path] = (stat.st_mtime_ns, stat.st_size)
    return found


def saved_pages(before: Snapshot, after: Snapshot, docs_dir: Path) -> frozenset[Path] | None:
    """The Markdown pages under docs/ saved between two snapshots, or None when anything else
    changed (a file added, removed, a photo, a template, mkdocs.yml): then only a full build
    is right."""
    if before.keys() != after.keys():
        return None
    changed = frozenset(path for path, seen in after.items() if before[path] != seen)
    if not all(p.suffix == ".md" and p.is_relative_to(docs_dir) for p in changed):
        return None
    return changed


class _DirtyNotice(logging.Filter):
    """A preview build is a dirty build on purpose: MkDocs' warning about it is not a problem
    of the content, and in strict mode it would stop the build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


@dataclass
class Built:
    """One build of `build_once`: what it was built from, and what it rendered."""

    ok: bool
    message: str = ""  # why it failed (a plugin's findings, a template error…)
    config: object = None  # the MkDocs config the build ran with (its plugins hold the model)
    files: Snapshot = field(default_factory=dict)  # the watched files it was built from
    rendered: set[str] | None = None  # a preview's page URLs; None: a full build


def load_for(config_file: str | Path, site_dir: str | Path, **options):
    """mkdocs.yml loaded to build into `site_dir` (`options`: dev_addr…)."""
    return load_config(str(config_file), site_dir=str(site_dir), **options)


def watched(config) -> list[Path]:
    """What a build reads: docs/, mkdocs.yml, the photos and the configured `watch` paths."""
    images = config.plugins.get("ttdn-images")
    root = Path(config.config_file_path).parent
    photos = [root / images.config.photos_dir] if images else []
    return [Path(config.docs_dir), Path(config.config_file_path), *photos,
            *(Path(p) for p in config.watch)]


def build_once(config_file: str | Path, site_dir: str | Path, previous: Built | None = None,
               config=None) -> Built:
    """Build the site into `site_dir`: a preview build when `previous` (the last good build
    into the same folder) and the files saved since allow it (ttdn.preview), else in full.

    The one way `ttdn serve` builds, so a test of it is a test of what the editor sees.
    """
    config = config or load_for(config_file, site_dir)
    files = snapshot(watched(config))
    plan = None
    if previous is not None and previous.ok:
        changed = saved_pages(previous.files, files, Path(config.docs_dir).resolve())
        if changed:
            plan = Preview(changed, previous.config.plugins["ttdn-site"].model,
                           dict(previous.config.plugins))
    config.plugins["ttdn-site"].preview = plan
    notice = _DirtyNotice()
    logging.getLogger(BUILD_LOGGER).addFilter(notice)
    try:
        build_in_turn(config, serve_url=config.site_url, dirty=plan is not None)
    except BuildFailed as err:
        return Built(False, str(err), config, files)
    finally:
        logging.getLogger(BUILD_LOGGER).removeFilter(notice)
    return Built(True, "", config, files, set(plan.urls) if plan else None)


def serve(config_file: str, dev_addr: str,
          check: Callable[[Sequence[Path]], list[Finding]], drafts: bool = True) -> None:
    """Serve the site on `dev_addr` until interrupted; `check(paths)` gives the content's
    errors (of the whole site when `paths` is empty).

    After the first full build, saving Markdown pages makes a preview build (ttdn.preview):
    only the saved pages and the pages that show them are rendered again.
    """
    site_dir = tempfile.mkdtemp(prefix="ttdn_serve_")
    state = BuildState()
    last: list[Built] = []  # the last good build

    def config_for_serving():
        config = load_for(config_file, site_dir, dev_addr=dev_addr)
        if "ttdn-site" in config.plugins:  # drafts and scheduled pages, with a banner
            config.plugins["ttdn-site"].config.drafts = drafts
        host, port = config.dev_addr
        config.site_url = f"http://{host}:{port}{urlsplit(config.site_url or '/').path}"
        return config

    config = config_for_serving()
    config.plugins.on_startup(command="serve", dirty=False)

    def builder(current=None) -> None:
        state.start()
        current = current or config_for_serving()
        previous = last[-1] if last and not state.failed else None
        changed = None
        if previous is not None:
            changed = saved_pages(previous.files, snapshot(watched(current)),
                                  Path(current.docs_dir).resolve())
        findings = [f for f in check(sorted(changed) if changed else ())
                    if f.severity == "error"]
        if findings:
            state.set(findings)
            for finding in findings:
                log.error(str(finding))
            log.info("❌ Trình duyệt hiện các lỗi cho đến khi sửa xong / The browser shows the "
                     "errors until they are fixed")
            return
        started = time.perf_counter()
        built = build_once(config_file, site_dir, previous, config=current)
        if not built.ok:
            state.set([], built.message)
            return
        last[:] = [built]
        state.set([])
        full = built.rendered is None
        what = "toàn bộ/full" if full else f"{len(built.rendered)} trang/pages"
        log.info(f"✅ Đã dựng / Built: {what} ({time.perf_counter() - started:.1f} s)")

    host, port = config.dev_addr
    mount = urlsplit(config.site_url).path or "/"
    server = LiveReloadServer(builder=builder, host=host, port=port, root=site_dir,
                              mount_path=mount)
    server.error_handler = lambda code: _file(Path(site_dir) / "404.html") if code == 404 else None
    server.set_app(_pages(server.serve_request, state, Path(site_dir), mount))
    try:
        builder(config)
        server.watch(config.docs_dir)
        server.watch(config.config_file_path)
        server = config.plugins.on_serve(server, config=config, builder=builder)
        for item in config.watch:
            server.watch(item)
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)


def _file(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None


RELOAD_PATH = "/__ttdn__/reload.js"
RELOAD_JS = f"""(function () {{
  var seen = document.currentScript.dataset.generation;
  function poll() {{
    fetch("{STATE_PATH}", {{cache: "no-store"}})
      .then(function (r) {{ return r.text(); }})
      .then(function (now) {{
        if (now !== seen) {{ location.reload(); }} else {{ setTimeout(poll, 1000); }}
      }})
      .catch(function () {{ setTimeout(poll, 2000); }});
  }}
  setTimeout(poll, 1000);
}})();
""".encode()


def _pages(app, state: BuildState, site_dir: Path, mount: str):
    """WSGI: the reload script and build number, every page (with the reload script, or the
    error page while the build is broken); anything else from the live-reload server."""

    def respond(start_response, status: str, body: bytes, kind: str) -> list[bytes]:
        start_response(status, [("Content-Type", kind), ("Content-Length", str(len(body))),
                                ("Cache-Control", "no-store")])
        return [body]

    def wrapped(environ, start_response) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "/").encode("latin-1").decode("utf-8", "ignore")
        if path == STATE_PATH:
            generation, _, _ = state.settled()
            return respond(start_response, "200 OK", str(generation).encode(), "text/plain")
        if path == RELOAD_PATH:
            return respond(start_response, "200 OK", RELOAD_JS, "text/javascript")
        if not (path.endswith("/") or path.endswith(".html")) or not path.startswith(mount):
            return app(environ, start_response)
        generation, findings, message = state.settled()
        if findings or message:
            lang = "en" if path[len(mount):].startswith("en/") else "vi"
            page = error_page(findings, message, lang, generation)
            return respond(start_response, "500 Internal Server Error", page.encode("utf-8"),
                           "text/html; charset=utf-8")
        relative = posixpath.normpath("/" + path[len(mount):] + ("index.html" if
                                      path.endswith("/") else "")).lstrip("/")
        file = site_dir / relative
        if not file.is_file():
            return app(environ, start_response)  # MkDocs' 404 page, or its redirects
        html_text = file.read_bytes()
        script = f'<script src="{RELOAD_PATH}" data-generation="{generation}"></script>'
        html_text = html_text.replace(b"</body>", script.encode() + b"</body>", 1)
        return respond(start_response, "200 OK", html_text, "text/html; charset=utf-8")

    return wrapped


TITLES = {
    "vi": ("Trang chưa dựng được: có lỗi trong nội dung",
           "Sửa các lỗi dưới đây rồi lưu tệp; trang sẽ tự hiện lại."),
    "en": ("The site cannot be built: the content has errors",
           "Fix the errors below and save the file; the page comes back by itself."),
}


def error_page(findings: list[Finding], message: str, lang: str, generation: int) -> str:
    """A plain page listing the findings, the page's language first, that reloads itself."""
    first, second = ("en", "vi") if lang == "en" else ("vi", "en")
    items = []
    for f in findings:
        where = f"{f.path}:{f.line}" if f.line else f.path
        texts = {"vi": f.vi, "en": f.en}
        items.append(
            f'<li><code class="where">{html.escape(where)}</code> '
            f'<code class="rule">{html.escape(f.rule)}</code>'
            f'<p lang="{first}">{html.escape(texts[first])}</p>'
            f'<p lang="{second}" class="second">{html.escape(texts[second])}</p></li>'
        )
    if message:
        items.append(f"<li><pre>{html.escape(message)}</pre></li>")
    title, hint = TITLES[first]
    other_title, other_hint = TITLES[second]
    return f"""<!doctype html>
<html lang="{first}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>{html.escape(title)}</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem;
       padding: 0 1rem; color: #1a1a1a; }}
h1 {{ color: #b00020; font-size: 1.4rem; }}
li {{ margin: 0 0 1rem; }}
.where {{ font-weight: bold; }} .rule {{ color: #555; }}
.second {{ color: #555; margin-top: 0; }}
</style>
</head>
<body>
<main id="ttdn-build-error" data-generation="{generation}">
<h1>{html.escape(title)}</h1>
<p>{html.escape(hint)}</p>
<p lang="{second}" class="second">{html.escape(other_title)}. {html.escape(other_hint)}</p>
<ol>
{"".join(items)}
</ol>
</main>
<script src="{RELOAD_PATH}" data-generation="{generation}"></script>
</body>
</html>
"""
