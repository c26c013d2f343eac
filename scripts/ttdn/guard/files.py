"""What docs/ may publish: Markdown pages, checked PDFs, video and audio. Nothing else.

MkDocs copies every other file in docs/ to the site as it is: an .html page would run its
scripts on the province's domain, a .js file would be trusted by `script-src 'self'`, an .svg
runs its scripts when opened, a photo keeps its GPS position. Files are identified by their
content (`ttdn.guard.detect`), and the suffix must agree with it, because the web server picks
the content type from the suffix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ttdn.guard import detect, pdf

HEAD_BYTES = 2048
# Suffixes the host serves as the media type the content is.
MEDIA_SUFFIXES: dict[str, frozenset[str]] = {
    "video": frozenset({".mp4", ".m4v", ".webm"}),
    "audio": frozenset({".mp3", ".m4a", ".ogg", ".oga", ".opus", ".wav", ".flac"}),
    "pdf": frozenset({".pdf"}),
}


@dataclass(frozen=True)
class Verdict:
    """A file of docs/: publish it (with `data` when it must be published changed) or not."""

    ok: bool
    vi: str = ""
    en: str = ""
    rule: str = ""
    data: bytes | None = None  # the copy to publish instead of the file (a stripped PDF)


def judge(path: Path, photos_dir: str = "photos") -> Verdict:
    """May this file of docs/ (not a Markdown page) be published, and as what?"""
    data = path.read_bytes()
    found = detect.kind(data[:HEAD_BYTES])
    suffix = path.suffix.lower()
    if not data:
        return _refused("file-empty", "Tệp rỗng; hãy xoá nó.", "The file is empty; delete it.")
    if found == "image":
        fmt = detect.image_format(data[:HEAD_BYTES])
        return _refused(
            "file-image",
            f"Đây là ảnh ({fmt}): ảnh không được để trong docs/ vì sẽ bị đăng nguyên tệp, kèm "
            f"vị trí GPS. Hãy chuyển vào {photos_dir}/ và chèn bằng ![mô tả](/{photos_dir}/…).",
            f"This is an image ({fmt}): images may not sit in docs/, which publishes them as they "
            f"are, GPS position and all. Move it to {photos_dir}/ and insert it with "
            f"![description](/{photos_dir}/…).",
        )
    if found == "svg":
        return _refused(
            "file-svg",
            "Tệp SVG có thể chứa mã chạy được nên không được đăng; hãy xuất sang PNG và để trong "
            f"{photos_dir}/.",
            "An SVG file can carry scripts, so it is not published; export it to PNG and put it "
            f"in {photos_dir}/.",
        )
    if found in MEDIA_SUFFIXES:
        if suffix not in MEDIA_SUFFIXES[found]:
            expected = ", ".join(sorted(MEDIA_SUFFIXES[found]))
            return _refused(
                "file-suffix",
                f"Nội dung tệp là {found} nhưng đuôi tệp là '{suffix or '(không có)'}'; hãy đặt "
                f"đuôi {expected}.",
                f"The file holds {found} but is named '{suffix or '(no suffix)'}'; name it "
                f"{expected}.",
            )
        if found == "pdf":
            problems = pdf.check(data)
            if problems:
                return Verdict(False, "\n    ".join(p.vi for p in problems),
                               "\n    ".join(p.en for p in problems), "file-pdf")
            return Verdict(True, data=pdf.strip_authors(data))
        return Verdict(True)
    what = {"html": "trang HTML / an HTML page", "text": "văn bản / a text file",
            "other": "tệp không rõ loại / a file of unknown type"}[found]
    vi_what, en_what = what.split(" / ")
    return _refused(
        "file-type",
        f"docs/ chỉ đăng trang Markdown (.md), PDF, video và âm thanh; tệp này là {vi_what} "
        f"('{suffix or 'không có đuôi'}'). Hãy xoá nó hoặc viết nội dung thành trang .md.",
        f"docs/ publishes only Markdown pages (.md), PDFs, video and audio; this file is "
        f"{en_what} ('{suffix or 'no suffix'}'). Delete it or write its content as an .md page.",
    )


def judge_page(path: Path) -> Verdict:
    """A Markdown page is rendered, not copied; it only has to be text."""
    with path.open("rb") as f:  # the head only: a page may be huge (the gate's limits)
        found = detect.kind(f.read(HEAD_BYTES))
    if found in ("text", "html", "svg"):  # Markdown may hold raw HTML: the sanitiser judges it
        return Verdict(True)
    return _refused(
        "file-type",
        f"Tệp .md này không phải văn bản mà là {found}; hãy đổi tên cho đúng hoặc xoá nó.",
        f"This .md file is not text but {found}; name it for what it is or delete it.",
    )


def _refused(rule: str, vi: str, en: str) -> Verdict:
    return Verdict(False, vi, en, rule)
