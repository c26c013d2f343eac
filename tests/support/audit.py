"""Quality audits of the built site: which pages to audit, and the tools that measure them.

Used by tests/audit (pass/fail) and benchmarks/audit.py (the table in the README). The tools are
Debian's Chromium (support.browser) and the npm packages pinned in tools/audit/package.json:
axe-core, Lighthouse 12 and the Nu HTML checker (vnu-jar, run with Debian's Java).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from mkdocs.config import load_config

from support.browser import CHROMIUM, serve_site
from ttdn.model import languages_of

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools" / "audit"
AXE_JS = TOOLS / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE_JS = TOOLS / "lighthouse.mjs"


def ensure_tools() -> None:
    """Install the npm tools (`npm ci`) when they are missing or older than the lock file.

    `./run test` does this too; doing it here lets `pytest tests/audit` and the benchmark run on
    a fresh clone. Install scripts stay off (tools/audit/.npmrc): vnu-jar's would download a Java
    runtime, and Debian's Java runs the checker.
    """
    installed = TOOLS / "node_modules" / ".package-lock.json"
    lock = TOOLS / "package-lock.json"
    if installed.exists() and installed.stat().st_mtime >= lock.stat().st_mtime:
        return
    subprocess.run(
        ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=TOOLS, check=True, timeout=600,
    )


@dataclass(frozen=True)
class PageType:
    """One kind of page, audited in both languages through one example page.

    `path` is the page's path in the Vietnamese site (English: under en/); it may hold glob
    characters, and then the first built page that matches stands for the type. `budget_kb` caps
    the page's weight (see Weight.kb).
    `interact` runs in the browser before measuring (open a lightbox, type a search).
    """

    name: str
    path: str
    budget_kb: int | None = None
    interact: Callable[[Any], None] | None = None


def search_for(query: str) -> Callable[[Any], None]:
    """Type `query` into the search page's box and wait until its results are shown."""

    def interact(page: Any) -> None:
        box = page.locator("main [data-ttdn-search-input]")
        box.fill(query)
        box.press("Enter")
        page.locator("main .ttdn-search__result").first.wait_for()
        page.wait_for_load_state("networkidle")

    return interact


def open_first_photo(page: Any) -> None:
    """Open the gallery's lightbox on its first photo and wait for the large image."""
    page.locator("a.ttdn-gallery__link").first.click()
    page.wait_for_selector("dialog.ttdn-lightbox[open] img")
    page.wait_for_function(
        "() => { const i = document.querySelector('dialog.ttdn-lightbox[open] img');"
        " return i && i.complete && i.naturalWidth > 0; }"
    )


# The one list of page types.
PAGE_TYPES: tuple[PageType, ...] = (
    PageType("home", "", budget_kb=250),
    PageType("section", "gioi-thieu/"),
    PageType("document", "van-ban/ke-hoach-197-kh-ubnd/"),
    PageType("listing", "tin-bai/"),
    PageType("listing-year", "tin-bai/[0-9][0-9][0-9][0-9]/"),
    PageType("article", "tin-bai/[0-9][0-9][0-9][0-9]/*/", budget_kb=200),
    PageType("bulletin", "ban-tin/", budget_kb=250),
    PageType("bulletin-issue", "ban-tin/[0-9][0-9][0-9][0-9]/q[1-4]/", budget_kb=250),
    PageType("bulletin-article", "ban-tin/[0-9][0-9][0-9][0-9]/q[1-4]/*/", budget_kb=250),
    PageType("photo-book", "sach-anh/", budget_kb=600),
    PageType("photo-chapter", "sach-anh/*/", budget_kb=600),
    PageType("photo-lightbox", "sach-anh/*/", budget_kb=600, interact=open_first_photo),
    PageType("contact", "lien-he/"),
    PageType("404", "404.html"),
    PageType("search", "tim-kiem/", interact=search_for("quang ngai")),
)


def site_languages(config_file: Path = ROOT / "mkdocs.yml") -> dict[str, str]:
    """Language code → URL prefix, read from mkdocs.yml like the build does (one place)."""
    languages, _ = languages_of(load_config(str(config_file)))
    return {lang.code: lang.prefix for lang in languages.all}


LANGUAGES = site_languages()
VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 800)}


def page_path(site_dir: Path, page_type: PageType, lang: str) -> str | None:
    """The URL path (relative to the site's root) of the page standing for this type, if built."""
    pattern = LANGUAGES[lang] + page_type.path
    file_pattern = pattern if pattern.endswith(".html") else pattern + "index.html"
    matches = sorted(site_dir.glob(file_pattern))
    if not matches:
        return None
    return matches[0].relative_to(site_dir).as_posix().removesuffix("index.html")


def heaviest_pages(site_dir: Path, page_type: PageType, lang: str, count: int) -> list[str]:
    """Up to `count` URL paths among the pages of this type, heaviest first by a static guess:
    the HTML plus every local file it names as a resource (all srcset candidates included)."""
    pattern = LANGUAGES[lang] + page_type.path
    files = sorted(site_dir.glob(pattern if pattern.endswith(".html") else pattern + "index.html"))

    def guess(page: Path) -> int:
        total = page.stat().st_size
        for url in resources_of_page(page):
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if parts.path.startswith("/"):
                target = site_dir / unquote(parts.path).lstrip("/")
            total += target.stat().st_size if target.is_file() else 0
        return total

    ranked = sorted(files, key=lambda f: (-guess(f), f))[:count]
    return [f.relative_to(site_dir).as_posix().removesuffix("index.html") for f in ranked]


def built_pages(site_dir: Path) -> list[str]:
    """The URL paths of every built HTML page."""
    return [
        p.relative_to(site_dir).as_posix().removesuffix("index.html")
        for p in sorted(site_dir.rglob("*.html"))
    ]


# --------------------------------------------------------------------------------------------
# The site, built for the server that serves it


@contextmanager
def build_and_serve(config_file: Path, site_dir: Path) -> Iterator[str]:
    """Serve site_dir on loopback, then build the site into it with site_url set to that server.

    Canonical, hreflang and og:url links then name the host that serves the pages, as they do in
    production; Lighthouse's SEO audit judges them as it would there. Yields the base URL.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    site_dir.mkdir(parents=True, exist_ok=True)
    with serve_site(site_dir) as base_url:
        saved = os.environ.get("TTDN_SITE_URL")
        os.environ["TTDN_SITE_URL"] = base_url
        try:
            build(load_config(str(config_file), site_dir=str(site_dir), strict=True))
        finally:
            if saved is None:
                del os.environ["TTDN_SITE_URL"]
            else:
                os.environ["TTDN_SITE_URL"] = saved
        yield base_url


# --------------------------------------------------------------------------------------------
# axe-core

WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page: Any, tags: list[str] = WCAG_AA_TAGS) -> list[dict]:
    """axe-core's violations of the rules with these tags on a loaded Playwright page.

    The page's context must bypass CSP (new_context(bypass_csp=True)): the site's CSP rightly
    refuses the inline script that carries axe.
    """
    page.add_script_tag(content=AXE_JS.read_text("utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        tags,
    )
    return result["violations"]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} element(s)")
        for node in v["nodes"][:3]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {node['target']}: {summary[:300]}")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Page weight and hosts, from the browser's network log


COMPRESSIBLE = re.compile(r"^(text/|application/(javascript|json|xml|.*\+xml|.*\+json)|image/svg)")


@dataclass
class Weight:
    """What one first, uncached page load fetched.

    `raw` is what the local server sent (it compresses nothing); `gzipped` is the same load with
    each text response gzip-compressed at level 6, as static hosts such as GitHub Pages send it.
    Budgets apply to `gzipped`. Both count response headers as sent by the local server.
    """

    requests: list[tuple[str, int, int]]  # url, raw bytes, gzipped bytes
    hosts: set[str]

    @property
    def raw(self) -> int:
        return sum(raw for _, raw, _ in self.requests)

    @property
    def gzipped(self) -> int:
        return sum(gz for _, _, gz in self.requests)

    @property
    def kb(self) -> float:
        return self.gzipped / 1000


def measure_load(browser: Any, url: str, viewport: tuple[int, int] = VIEWPORTS["phone"],
                 interact: Callable[[Any], None] | None = None) -> Weight:
    """Load url in a fresh browser context (empty cache) and log every request it makes."""
    width, height = viewport
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        responses: list[Any] = []
        hosts: set[str] = set()
        page.on("request", lambda r: hosts.add(urlsplit(r.url).netloc)
                if urlsplit(r.url).scheme in ("http", "https") else None)
        page.on("response", lambda r: responses.append(r))
        page.goto(url, wait_until="networkidle")
        if interact:
            interact(page)
            page.wait_for_load_state("networkidle")
        requests = []
        for response in responses:
            sizes = response.request.sizes()
            headers = sizes["responseHeadersSize"]
            body = response.body() if 200 <= response.status < 300 else b""
            raw = headers + sizes["responseBodySize"]
            kind = response.headers.get("content-type", "")
            gz = headers + (len(gzip.compress(body, 6)) if COMPRESSIBLE.match(kind) else len(body))
            requests.append((response.url, raw, min(raw, gz)))
        return Weight(requests, hosts)
    finally:
        context.close()


# --------------------------------------------------------------------------------------------
# Lighthouse


def lighthouse(urls: list[str], categories: list[str]) -> list[dict]:
    """Run Lighthouse (mobile preset, uncached) on each URL with one Chromium; one dict per URL:
    {url, scores: {category: 0-100}, failed: [{category, id, score, title, explanation}],
    bytes, requests}."""
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    done = subprocess.run(
        ["node", str(LIGHTHOUSE_JS), ",".join(categories), *urls],
        cwd=TOOLS, env=env, capture_output=True, text=True, timeout=60 + 60 * len(urls),
    )
    if done.returncode != 0:
        raise RuntimeError(f"Lighthouse failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


# --------------------------------------------------------------------------------------------
# Nu HTML checker


def nu_errors(paths: list[Path]) -> list[dict]:
    """The Nu HTML checker's errors in these HTML files (or folders), in one Java run."""
    done = subprocess.run(
        ["java", "-Xss1m", "-jar", str(VNU_JAR), "--format", "json", "--errors-only",
         "--skip-non-html", *map(str, paths)],
        capture_output=True, text=True, timeout=600,
    )
    if done.returncode not in (0, 1) or not done.stderr.strip().startswith("{"):
        raise RuntimeError(f"The Nu checker did not run ({done.returncode}):\n{done.stderr}")
    messages = json.loads(done.stderr)["messages"]
    return [m for m in messages if m["type"] in ("error", "non-document-error")]


# --------------------------------------------------------------------------------------------
# Links: every internal link and asset resolves


_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
_LINK_XPATH = (
    "//a/@href | //area/@href | //link/@href | //script/@src | //img/@src | //source/@src"
    " | //video/@src | //video/@poster | //audio/@src | //track/@src | //iframe/@src"
    " | //object/@data | //embed/@src | //form/@action"
    " | //meta[@property='og:url' or @property='og:image' or @name='twitter:image']/@content"
)


def _srcset_urls(value: str) -> list[str]:
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def _urls_of_page(path: Path, xpath: str) -> list[str]:
    """The URLs `xpath` selects in an HTML page, plus every srcset candidate."""
    from lxml import html as lxml_html

    doc = lxml_html.fromstring(path.read_bytes())
    urls = [str(u) for u in doc.xpath(xpath)]
    for srcset in doc.xpath("//img/@srcset | //source/@srcset"):
        urls.extend(_srcset_urls(str(srcset)))
    return urls


def links_of_page(path: Path) -> list[str]:
    """Every URL an HTML page links to or loads (as written in the page)."""
    return _urls_of_page(path, _LINK_XPATH)


_RESOURCE_XPATH = (
    "//link[not(@rel='canonical' or @rel='alternate')]/@href | //script/@src | //img/@src"
    " | //source/@src | //video/@src | //video/@poster | //audio/@src | //track/@src"
    " | //iframe/@src | //object/@data | //embed/@src"
)


def resources_of_page(path: Path) -> list[str]:
    """The URLs a browser fetches while loading an HTML page (not links it merely names)."""
    return _urls_of_page(path, _RESOURCE_XPATH)


def _ids_of(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    from lxml import html as lxml_html

    if path not in cache:
        doc = lxml_html.fromstring(path.read_bytes())
        cache[path] = {str(i) for i in doc.xpath("//@id | //a/@name")}
    return cache[path]


def _target_file(site_dir: Path, url_path: str) -> Path | None:
    target = site_dir / unquote(url_path).lstrip("/")
    if url_path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def broken_links(site_dir: Path, site_url: str) -> list[str]:
    """Every link, asset, fragment and sitemap entry of the built site that points at the site
    itself (relative, or absolute on site_url) and does not resolve: "page -> url (why)".

    Links to other hosts are not fetched (the tests have no network); mailto:, tel: and data:
    are skipped.
    """
    base = urlsplit(site_url)
    broken: list[str] = []
    ids: dict[Path, set[str]] = {}

    def check(source: Path, page_url: str, link: str, fragments: bool) -> None:
        url = urlsplit(urljoin(page_url, link.strip()))
        if url.scheme not in ("http", "https") or url.netloc != base.netloc:
            return
        if not url.path.startswith(base.path):
            broken.append(f"{source.relative_to(site_dir)} -> {link} (outside the site)")
            return
        target = _target_file(site_dir, url.path[len(base.path):])
        where = source.relative_to(site_dir).as_posix()
        if target is None:
            broken.append(f"{where} -> {link} (no such file)")
        elif fragments and url.fragment and target.suffix == ".html":
            if unquote(url.fragment) not in _ids_of(target, ids):
                broken.append(f"{where} -> {link} (no element with id {url.fragment!r})")

    for page in sorted(site_dir.rglob("*.html")):
        rel = page.relative_to(site_dir).as_posix()
        page_url = urljoin(site_url, rel.removesuffix("index.html"))
        for link in links_of_page(page):
            check(page, page_url, link, fragments=True)
    for sheet in sorted(site_dir.rglob("*.css")):
        sheet_url = urljoin(site_url, sheet.relative_to(site_dir).as_posix())
        for link in _CSS_URL.findall(sheet.read_text("utf-8", errors="replace")):
            check(sheet, sheet_url, link, fragments=False)
    for xml_file in sorted(site_dir.rglob("*.xml")):  # the sitemap and the RSS feeds
        for url in feed_and_sitemap_urls(xml_file):
            check(xml_file, site_url, url, fragments=False)
    for feed in sorted(site_dir.rglob("feed.json")):
        for url in json_feed_urls(feed):
            check(feed, site_url, url, fragments=False)
    return broken


def feed_and_sitemap_urls(path: Path) -> list[str]:
    """Every URL of a sitemap or an RSS feed: <loc>, <link>, <guid>, hreflang alternates,
    atom:link and enclosure URLs."""
    from lxml import etree

    root = etree.parse(str(path)).getroot()
    urls = [el.text.strip() for el in root.iter() if _local(el.tag) in ("loc", "link") and el.text]
    urls += [el.text.strip() for el in root.iter() if _local(el.tag) == "guid" and el.text
             and el.get("isPermaLink", "true") == "true"]
    urls += [el.get("href") for el in root.iter() if _local(el.tag) == "link" and el.get("href")]
    urls += [el.get("url") for el in root.iter() if _local(el.tag) == "enclosure"]
    return urls


def json_feed_urls(path: Path) -> list[str]:
    """Every URL of a JSON Feed: home page, feed, and each item's url, id and image."""
    feed = json.loads(path.read_text("utf-8"))
    urls = [feed.get("home_page_url"), feed.get("feed_url")]
    for item in feed.get("items", []):
        urls += [item.get("url"), item.get("id"), item.get("image")]
    return [url for url in urls if url]


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
