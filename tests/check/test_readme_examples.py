"""README's and CONTRIBUTING's examples work as written: their front matter, image syntax and
commands, put into a project, pass `ttdn check` and build; the error README shows is the one the
check prints."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from helpers import ROOT, build_site
from images.image_fixtures import canonical, write_jpeg

README = (ROOT / "README.md").read_text("utf-8")
CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text("utf-8")


def blocks(text: str, language: str) -> list[str]:
    """The fenced blocks of one language tag ("" for none), dedented (README indents some)."""
    found: list[str] = []
    current: list[str] | None = None
    for line in text.splitlines():
        fence = re.match(r"^\s*```(\S*)\s*$", line)
        if fence and current is None:
            current = [] if fence.group(1) == language else None
            if current is None:
                current = ["\0"]  # another language's block: read past it
        elif fence:
            if current[:1] != ["\0"]:
                found.append(textwrap.dedent("\n".join(current) + "\n"))
            current = None
        elif current is not None:
            current.append(line)
    return found


def front_matter(text: str) -> str:
    return next(b for b in blocks(README, "yaml") if text in b)


def photos_named(text: str) -> list[str]:
    return sorted(set(re.findall(r"/(photos/[\w/.-]+\.jpg)", text)))


def add_page(project: Path, src: str, front: str, body: str) -> None:
    for lang in ("vi", "en"):
        text = front if lang == "vi" else front.replace(
            "---\n", "---\ntranslation: {pending: 2026-11-30}\n", 1)
        path = project / "docs" / lang / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n" + body, "utf-8")
    for photo in photos_named(front + body):
        write_jpeg(project / photo, canonical((64, 48)))


def test_readme_front_matter_and_image_examples_pass_the_check_and_build(project, ttdn) -> None:
    page = front_matter("title: Tiêu đề trang")
    article = front_matter("category: bien-dao")
    image = re.search(r"`(!\[Bãi biển Mỹ Khê\]\([^`]+\))`", README).group(1)
    add_page(project, "gioi-thieu.md", page, f"Nội dung trang.\n\n{image}\n")
    published = article.replace("draft: true", "draft: false")  # so that it is really built
    add_page(project, "tin-bai/2023/vi-du.md", published, "Nội dung bài.\n")
    result = ttdn("check")
    assert result.exit_code == 0, result.output
    site = build_site(project / "mkdocs.yml", project / "site")
    assert (site / "gioi-thieu/index.html").is_file()
    built = (site / "tin-bai/2023/vi-du/index.html").read_text("utf-8")
    assert "youtube.com/watch?v=MA-VIDEO-11" in built
    article_as_written = front_matter("category: bien-dao")
    add_page(project, "tin-bai/2023/vi-du.md", article_as_written, "Nội dung bài.\n")
    assert ttdn("check").exit_code == 0


def test_readme_error_example_is_what_the_check_prints(project, ttdn) -> None:
    shown = next(b for b in blocks(README, "") if "sai.md:4: schema" in b).splitlines()
    path = project / "docs/vi/van-ban/sai.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\ntitle: Sai\ndescription: Sai.\ndate: 27/12/2022\nnumber: 1/KH\n"
                    "issuer: UBND\nsigner: A\n---\n\nNội dung.\n", "utf-8")
    output = ttdn("check", str(path)).output.splitlines()
    assert output[:2] == shown[:2]


def write_body(path: Path, text: str, title: str | None = None) -> None:
    """What the editor does: the text under the front matter (and the title translated)."""
    content = path.read_text("utf-8")
    head, _, _ = content.partition("\n---\n")
    if title:
        head = re.sub(r"^title: .*$", f"title: {title}", head, flags=re.MULTILINE)
        head = re.sub(r"^description: .*$", f"description: {title}.", head, flags=re.MULTILINE)
    path.write_text(f"{head}\n---\n\n# {title or 'Bài'}\n\n{text}\n", "utf-8")


def test_contributing_commands_work_as_written(project, ttdn) -> None:
    command = next(line for line in blocks(CONTRIBUTING, "sh")[1].splitlines()
                   if line.startswith("ttdn new-article"))
    args = re.findall(r'"[^"]*"|\S+', command)[1:]
    result = ttdn(*[a.strip('"') for a in args], "--date", "2026-01-05")
    assert result.exit_code == 0, result.output
    vi, en = result.output.split()
    assert vi == "docs/vi/tin-bai/2026/tieu-de-bai-viet.md"
    assert ttdn("check").exit_code == 1  # the placeholder text is not published
    write_body(project / vi, "Nội dung bài viết của sở.")
    assert ttdn("check").exit_code == 0, ttdn("check").output
    translated = next(line for line in blocks(CONTRIBUTING, "sh")[2].splitlines()
                      if line.startswith("ttdn translated")).split()[-1]
    assert translated == en
    write_body(project / en, "The department's article.", title="An article of the department")
    assert ttdn("translated", str(project / translated)).exit_code == 0
    assert "translation: {source: " in (project / en).read_text("utf-8")
    assert ttdn("check").exit_code == 0


RULE = re.compile(r'"((?:yaml|encoding|schema|place|empty-body|duplicate-slug|unicode-nfc|'
                  r'front-matter-url|image|(?:image|asset|link|translation|file|html|url)'
                  r'-[a-z]+(?:-[a-z]+)*))"')


def test_contributing_explains_every_rule_in_both_languages() -> None:
    rules = {m for path in (ROOT / "scripts/ttdn").rglob("*.py")
             for m in RULE.findall(path.read_text("utf-8"))}
    rules |= {"translation-category", "translation-date"}  # f"translation-{key}"
    assert {"yaml", "link-anchor", "html-element", "file-type", "translation-stale"} <= rules
    vietnamese, _, english = CONTRIBUTING.partition("# Contributing content")
    for half in (vietnamese, english):
        table = half[half.index("| `yaml` |"):]
        missing = sorted(rule for rule in rules if f"`{rule}`" not in table)
        assert missing == []
