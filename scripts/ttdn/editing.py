"""Commands that write content for editors: a new article pair, and a translation's record of
the original it was made from. Both edit only what they must: one front matter line, or new
files; everything else an editor wrote stays byte for byte.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ttdn.commands import suggest
from ttdn.content import frontmatter, text
from ttdn.content.errors import ContentError
from ttdn.content.unfinished import VIETNAMESE_SHARE, placeholder_findings, vietnamese_share
from ttdn.findings import Finding
from ttdn.i18n import Languages
from ttdn.scaffold import placeholder_texts
from ttdn.slugs import slugify

TRANSLATION_LINE = re.compile(r"^translation:.*\n(?:[ \t]+.*\n)*", re.MULTILINE)


class EditError(Exception):
    def __init__(self, finding: Finding):
        self.finding = finding
        super().__init__(str(finding))


def original_of(path: Path, docs_dir: Path, languages: Languages) -> Path:
    """docs/en/a/b.md → docs/vi/a/b.md."""
    relative = path.resolve().relative_to(docs_dir.resolve())
    if relative.parts[0] not in languages.codes or relative.parts[0] == languages.default.code:
        raise EditError(Finding(
            str(path), 0, "translated",
            f"{path} không phải bản dịch (tệp trong docs/<ngôn ngữ khác>/).",
            f"{path} is not a translation (a file under docs/<another language>/).",
        ))
    return docs_dir / languages.default.code / Path(*relative.parts[1:])


def mark_translated(
    path: Path, original: Path, shown: str, languages: Languages | None = None
) -> str:
    """Record in the translation at `path` the fingerprint of `original`; returns it.

    With `languages`, a translation still holding a scaffold's placeholder or still in
    Vietnamese is refused: recording it would publish it."""
    if not original.is_file():
        raise EditError(Finding(
            shown, 1, "translation-orphan",
            f"Không có bản gốc {original}: bản dịch phải trùng tên tệp với bản gốc.",
            f"There is no original {original}: a translation has its original's file name.",
        ))
    try:
        source = frontmatter.read(original, str(original))
        translation = frontmatter.read(path, shown)  # a broken one is reported, not overwritten
    except ContentError as err:
        raise EditError(err.finding) from None
    if languages is not None:
        _refuse_unfinished(translation, shown, languages)
    digest = text.digest(source.data, source.body)
    raw = path.read_bytes().decode("utf-8")
    newline = "\r\n" if "\r\n" in raw else "\n"
    content = raw.replace("\r\n", "\n")
    line = f"translation: {{source: {digest}}}\n"
    head, sep, rest = content.partition("\n---\n") if content.startswith("---\n") else ("", "", "")
    if not sep:
        raise EditError(Finding(
            shown, 1, "translated",
            "Tệp không có phần thông tin đầu trang (front matter) để ghi vào.",
            "The file has no front matter to write into.",
        ))
    head += "\n"
    if TRANSLATION_LINE.search(head):
        head = TRANSLATION_LINE.sub(line, head, count=1)
    else:
        head += line
    path.write_bytes((head + "---\n" + rest).replace("\n", newline).encode("utf-8"))
    return digest


def _refuse_unfinished(translation: frontmatter.FrontMatter, shown: str,
                       languages: Languages) -> None:
    placeholders = placeholder_findings(translation, shown, placeholder_texts(languages))
    if placeholders:
        first = placeholders[0]
        raise EditError(Finding(
            shown, first.line, "translated-placeholder",
            "Bản dịch vẫn là chữ mẫu (dòng này): dịch tiêu đề, tóm tắt và nội dung trước, rồi "
            "chạy lại lệnh.",
            "The translation is still the placeholder (this line): translate the title, the "
            "description and the text first, then run the command again.",
        ))
    words = " ".join(str(translation.data.get(key, "")) for key in ("title", "description"))
    share = vietnamese_share(f"{words} {translation.body}")
    if languages.default.code == "vi" and share > VIETNAMESE_SHARE:
        raise EditError(Finding(
            shown, 1, "translated-language",
            f"Bản dịch vẫn là tiếng Việt ({share:.0%} chữ cái là chữ riêng của tiếng Việt, quá "
            f"{VIETNAMESE_SHARE:.0%}): dịch tiêu đề, tóm tắt và nội dung trước, rồi chạy lại "
            "lệnh.",
            f"The translation is still Vietnamese ({share:.0%} of its letters are letters only "
            f"Vietnamese writes, over {VIETNAMESE_SHARE:.0%}): translate the title, the "
            "description and the text first, then run the command again.",
        ))


@dataclass(frozen=True)
class NewArticle:
    title: str
    category: str
    agency: str
    date: dt.date
    slug: str | None = None

    @property
    def name(self) -> str:
        return self.slug or slugify(self.title)


def new_article(
    article: NewArticle, docs_dir: Path, languages: Languages, section: str = "tin-bai"
) -> list[Path]:
    """The Vietnamese article and its English placeholder (pending, not published)."""
    src = Path(section) / str(article.date.year) / f"{article.name}.md"
    paths = [docs_dir / lang.code / src for lang in languages.all]
    taken = [p for p in paths if p.exists()]
    if taken:
        raise EditError(Finding(
            str(taken[0]), 0, "new-article",
            f"Đã có tệp {taken[0]}: chọn tiêu đề khác hoặc đặt --slug.",
            f"{taken[0]} already exists: choose another title or give --slug.",
        ))
    fields = {
        "title": _quoted(article.title),
        "description": _quoted(f"{article.title}."),
        "date": article.date.isoformat(),
        "category": article.category,
        "tags": "[]",
        "agency": _quoted(article.agency),
    }
    vi_front = "".join(f"{k}: {v}\n" for k, v in fields.items())
    original_body = f"# {article.title}\n\n{languages.default.t('scaffold_new_article_body')}\n"
    paths[0].parent.mkdir(parents=True, exist_ok=True)
    paths[0].write_text(f"---\n{vi_front}---\n\n{original_body}", "utf-8")
    for path in paths[1:]:
        path.parent.mkdir(parents=True, exist_ok=True)
        name = path.relative_to(docs_dir.parent).as_posix()
        pending = f"translation: {{pending: {dt.date.today().isoformat()}}}\n"
        notes = "\n\n".join(f"{lang.t('scaffold_pending')} {suggest('translated', name)}"
                            for lang in languages.all)
        path.write_text(f"---\n{vi_front}{pending}---\n\n{notes}\n", "utf-8")
    return paths


def _quoted(value: str) -> str:
    """A YAML double-quoted scalar: safe with ':' '#' and quotes in titles."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
