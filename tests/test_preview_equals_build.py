"""A preview build under `ttdn serve` gives the same pages as a clean full build of the same tree.

For every content type an editor writes (article, document, bulletin issue and article, photo
chapter and its manifest, photo-book landing page, section page), on a copy of the repository's
own site: build it, save one file, build the preview exactly as `ttdn serve` does
(`ttdn.serve.build_once` with the previous build), build the same tree again from nothing, and
compare every page, feed and the sitemap of both, byte for byte.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from helpers import ROOT
from ttdn.serve import Built, build_once

# The file to save per content type, and the text put before its title (or first caption).
EDITS = {
    "article": "docs/vi/tin-bai/2026/cum-pa-no-tuyen-truyen-bien-dao.md",
    "document": "docs/vi/van-ban/ke-hoach-197-kh-ubnd.md",
    "bulletin-issue": "docs/vi/ban-tin/2023/q1/index.md",
    "bulletin-article": "docs/en/ban-tin/2023/q1/bien-dao.md",
    "photo-chapter": "docs/vi/sach-anh/dao-ly-son/index.md",
    "photo-book": "docs/en/sach-anh/index.md",
    "section": "docs/vi/gioi-thieu/index.md",
    "manifest": "photos/sach-anh/bo-bien/manifest.yml",
}
MARK = "Đã sửa — "


def edited(text: str) -> str:
    """The text with MARK before the value of its first title or caption."""
    for key in ("title: ", "vi: "):
        at = text.find(key)
        if at >= 0:
            at += len(key)
            at += text[at] in "\"'"  # inside a quoted value
            return text[:at] + MARK + text[at:]
    raise AssertionError("no title or caption to edit: update the test")


@pytest.fixture(scope="module")
def first(tmp_path_factory) -> tuple[Path, Built]:
    """The repository's site (pages, photos, configuration) built once, as `ttdn serve` starts,
    from a copy of the repository's build caches (photos and PDFs already made)."""
    root = tmp_path_factory.mktemp("preview")
    for name in ("docs", "photos"):
        shutil.copytree(ROOT / name, root / name)
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    text = text.replace("  - overrides\n", f"  - {ROOT / 'overrides'}\n")
    text = text.replace("  - scripts/ttdn\n", "")
    (root / "mkdocs.yml").write_text(text, "utf-8")
    if (ROOT / ".cache").is_dir():  # photos and PDFs already made (a copy: builds prune it)
        shutil.copytree(ROOT / ".cache", root / ".cache")
    built = build_once(root / "mkdocs.yml", root / "served")
    assert built.ok, built.message
    shutil.copytree(root / ".cache", root / "first-cache")
    return root, built


@pytest.mark.parametrize("kind", sorted(EDITS))
def test_a_preview_build_equals_a_clean_build(first, tmp_path: Path, kind: str) -> None:
    root, before = first
    config_file = root / "mkdocs.yml"
    served = tmp_path / "served"
    shutil.copytree(root / "served", served)
    path = root / EDITS[kind]
    original, stat = path.read_bytes(), path.stat()
    try:
        path.write_text(edited(original.decode("utf-8")), "utf-8")
        preview = build_once(config_file, served, previous=before)
        assert preview.ok, preview.message
        clean = tmp_path / "clean"
        assert build_once(config_file, clean).ok
    finally:  # the next case starts from the first build's tree and caches
        path.write_bytes(original)
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        shutil.rmtree(root / ".cache")
        shutil.copytree(root / "first-cache", root / ".cache")

    if kind == "manifest":  # a photo's change is a full build: it must equal a clean one
        assert preview.rendered is None
    else:
        assert preview.rendered, "a saved page must make a preview, not a full build"
        assert any(MARK in (served / url / "index.html").read_text("utf-8")
                   for url in preview.rendered)
    # Every page, feed and the sitemap, not only those the preview rendered: a page it
    # should have rendered and did not shows up here.
    outputs = _outputs(clean)
    assert outputs == _outputs(served)
    for name in sorted(outputs):
        assert (served / name).read_bytes() == (clean / name).read_bytes(), (
            f"{kind}: {name} after the preview differs from a clean build")


def _outputs(site: Path) -> set[str]:
    """The site's pages, feeds and sitemap (the search index stays as the full build wrote
    it: see ttdn.preview)."""
    return {
        p.relative_to(site).as_posix() for p in site.rglob("*")
        if p.suffix in (".html", ".xml", ".json") and "search-index" not in p.parts
    }


def test_a_preview_renders_again_only_the_pages_that_show_the_saved_one_in_every_language(
        first, tmp_path: Path) -> None:
    """static-i18n builds the other languages dirty only with `--dirty` on the command line: a
    preview must not render every English page again (the editor's wait at year ten)."""
    root, before = first
    served = tmp_path / "served"
    shutil.copytree(root / "served", served)
    path = root / EDITS["article"]
    original, stat = path.read_bytes(), path.stat()
    pages = sorted(served.rglob("index.html"))
    times = {page: page.stat().st_mtime_ns for page in pages}
    try:
        path.write_text(edited(original.decode("utf-8")), "utf-8")
        preview = build_once(root / "mkdocs.yml", served, previous=before)
        assert preview.ok, preview.message
    finally:
        path.write_bytes(original)
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    written = {page.relative_to(served).parent.as_posix() + "/"
               for page in pages if page.stat().st_mtime_ns != times[page]}
    assert "en/tin-bai/2026/cum-pa-no-tuyen-truyen-bien-dao/" in written  # its translation
    english = [p for p in pages if p.relative_to(served).parts[0] == "en"]
    untouched = [p for p in english if p.relative_to(served).parent.as_posix() + "/" not in written]
    assert len(untouched) > len(english) / 2
