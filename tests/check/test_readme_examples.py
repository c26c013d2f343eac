"""README's and CONTRIBUTING's examples work as written: their front matter, image syntax and
commands, put into a project, pass `ttdn check` and build; the error README shows is the one the
check prints."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from click.testing import CliRunner

from helpers import ROOT, build_site
from images.image_fixtures import canonical, write_jpeg
from ttdn.cli import main

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


def commands(half: str) -> list[list[str]]:
    """Every `./run ttdn …` line of one language's half, as the arguments of `ttdn`."""
    return [re.findall(r'"[^"]*"|\S+', line)[2:] for block in blocks(half, "sh")
            for line in block.splitlines() if line.startswith("./run ttdn ")]


def run(ttdn, words: list[str]):
    command, *args = [w.strip('"') for w in words]
    return ttdn(command, *args)


def test_contributing_walkthrough_works_as_written_in_both_halves(project, ttdn,
                                                                  monkeypatch) -> None:
    vietnamese, _, english = CONTRIBUTING.partition("# Contributing content")
    assert commands(vietnamese) == commands(english)  # one walkthrough, two languages
    steps = {words[0]: words for words in commands(vietnamese)}
    monkeypatch.chdir(project)  # as at the repository root
    result = run(ttdn, steps["new-article"] + ["--date", "2026-01-05"])
    assert result.exit_code == 0, result.output
    vi, en = result.output.split()
    assert vi == "docs/vi/tin-bai/2026/tieu-de-bai-viet.md"
    assert ttdn("check").exit_code == 1  # the placeholder text is not published
    write_body(project / vi, "Nội dung bài viết của sở.\n\n[video]")
    video = next(b for b in blocks(vietnamese, "yaml") if b.startswith("video:"))
    path = project / vi
    path.write_text(path.read_text("utf-8").replace("agency:", video + "agency:", 1), "utf-8")
    write_jpeg(project / "photos/tin-bai/poster.jpg", canonical((64, 48)))
    checks = [words for words in commands(vietnamese) if words[0] == "check"]
    assert all(run(ttdn, words).exit_code == 0 for words in checks if len(words) > 1
               and not words[1].startswith("photos/")), ttdn("check").output
    translated = steps["translated"]
    assert translated[1] == en
    assert run(ttdn, translated).exit_code == 1  # still the placeholder: refused
    write_body(project / en, "The department's article.\n\n[video]",
               title="An article of the department")
    path = project / en
    path.write_text(path.read_text("utf-8").replace("agency:", video + "agency:", 1), "utf-8")
    assert run(ttdn, translated).exit_code == 0
    assert "translation: {source: " in (project / en).read_text("utf-8")
    assert run(ttdn, steps["new-issue"]).exit_code == 0
    assert (project / "docs/vi/ban-tin/2027/q1/index.md").is_file()
    write_jpeg(project / "photos/sach-anh/bo-bien/anh.jpg", canonical((64, 48)))
    images = CliRunner().invoke(main, [w.strip('"') for w in steps["images"]])
    assert images.exit_code == 0, images.output  # `ttdn images` reads no mkdocs.yml
    assert ttdn("check").exit_code == 0, ttdn("check").output


def test_contributing_video_examples_are_accepted(project, ttdn) -> None:
    write_jpeg(project / "photos/tin-bai/poster.jpg", canonical((64, 48)))
    for example in (b for b in blocks(CONTRIBUTING, "yaml") if b.startswith("video:")):
        path = project / "docs/vi/tin-bai/2023/bai-mot.md"
        original = path.read_text("utf-8")
        path.write_text(original.replace("agency:", example + "agency:", 1), "utf-8")
        found = [f for f in ttdn("check", "--format", "json").output.split('"rule": ')[1:]
                 if not f.startswith('"translation-stale"')]
        assert found == [], found
        path.write_text(original, "utf-8")


RULE = re.compile(r'"((?:yaml|encoding|schema|place|empty-body|duplicate-slug|unicode-nfc|'
                  r'front-matter-url|image|symlink|dotfile|outside-language|reserved-path|'
                  r'yaml-duplicate-key|placeholder|scheduled|video-marker|'
                  r'(?:image|asset|link|translation|translated|file|html|url|page|line|'
                  r'nesting|table)-[a-z]+(?:-[a-z]+)*))"')


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
