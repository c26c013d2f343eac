"""A small clean project for `ttdn check` (mkdocs.yml, both languages, a photo), copied per test
so each crafted contribution is checked in its own temporary tree."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from helpers import ROOT, SITE_URL, SMALL_CONFIG
from images.image_fixtures import canonical, write_jpeg
from ttdn.cli import main
from ttdn.content import frontmatter, text

ARTICLE = """\
---
title: {title}
description: {title}.
date: 2023-01-02
category: bien-dao
agency: Sở Ngoại vụ
image: /photos/tin-bai/bia.jpg
image_alt: {alt}
---

# {title}

{body}

![{alt}](/photos/tin-bai/bia.jpg)

Xem [kế hoạch](../../van-ban/index.md#muc-tieu) và [trang chủ](../../index.md).
"""

CLEAN = {
    "vi/index.md": "---\ntitle: Trang chủ\ndescription: Trang chủ.\ndate: 2023-01-02\n---\n\n"
                   "# Trang chủ\n\nXin chào.\n",
    "en/index.md": "---\ntitle: Home\ndescription: Home.\ndate: 2023-01-02\n---\n\n"
                   "# Home\n\nHello.\n",
    "vi/tin-bai/index.md": "---\ntitle: Chuyên mục\ndescription: Chuyên mục.\n"
                           "date: 2023-01-02\n---\n\n# Chuyên mục\n\nTin, bài.\n",
    "en/tin-bai/index.md": "---\ntitle: Column\ndescription: Column.\ndate: 2023-01-02\n"
                           "---\n\n# Column\n\nNews.\n",
    "vi/van-ban/index.md": "---\ntitle: Văn bản\ndescription: Văn bản.\ndate: 2023-01-02\n"
                           "---\n\n# Văn bản\n\n## Mục tiêu\n\nNội dung.\n",
    "en/van-ban/index.md": "---\ntitle: Documents\ndescription: Documents.\n"
                           "date: 2023-01-02\n---\n\n# Documents\n\n## Objectives {#muc-tieu}\n\n"
                           "Text.\n",
    "vi/tin-bai/2023/bai-mot.md": ARTICLE.format(
        title="Bài một", alt="Bãi biển", body="Nội dung bài một về biển, đảo."),
    "en/tin-bai/2023/bai-mot.md": ARTICLE.format(
        title="Article one", alt="A beach", body="The text of article one, on the sea."),
}


def record_sources(docs: Path) -> None:
    """What `ttdn translated` does for every English page: record its original's fingerprint."""
    for path in sorted((docs / "en").rglob("*.md")):
        source = frontmatter.read(docs / "vi" / path.relative_to(docs / "en"), "x")
        digest = text.digest(source.data, source.body)
        record = f"\ntranslation: {{source: {digest}}}\n---\n"
        path.write_text(path.read_text("utf-8").replace("\n---\n", record, 1), "utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A clean project: passes `ttdn check` with no finding."""
    (tmp_path / "mkdocs.yml").write_text(
        SMALL_CONFIG.format(
            site_url=SITE_URL,
            overrides=ROOT / "overrides",
            cache_dir=ROOT / ".cache" / "plugin" / "ttdn",
        ),
        "utf-8",
    )
    for name, content in CLEAN.items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content), "utf-8")
    record_sources(tmp_path / "docs")
    write_jpeg(tmp_path / "photos" / "tin-bai" / "bia.jpg", canonical((64, 48)))
    return tmp_path


@pytest.fixture
def ttdn(project: Path) -> Callable[..., Result]:
    """Run `ttdn COMMAND -f project/mkdocs.yml ARGS…`, as an editor would."""
    def run(command: str, *args: str) -> Result:
        config = ["-f", str(project / "mkdocs.yml")]
        return CliRunner().invoke(main, [command, *config, *args], catch_exceptions=False)

    return run
