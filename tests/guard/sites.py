"""The small sites the guard tests build from the hostile corpus (shared with tests/browser).

Front matter: a hostile value in every text field of every content type (plain page, document,
article with cover and video). Each value is the same hostile text tagged with its field, so a
test can find where each one is printed and check it came out as the same text.
"""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
from PIL import Image

from guard.corpus import EITHER, PASSING, REFUSED, REFUSED_AT_LOAD, Case
from helpers import front

# Quotes cut a meta tag short, < and & start markup, a refresh redirects, {{ }} is Jinja.
HOSTILE_TEXT = (
    "Chương trình \"Gặp gỡ\" 'Quảng Ngãi' <script>alert(1)</script> & "
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\"> "
    "</title><img src=x onerror=alert(2)> &amp; {{ 7*7 }} {% raw %} -->"
)
LEAD = "Đoạn mở đầu.\n\n"


def hostile(field: str) -> str:
    return f"«{field}» {HOSTILE_TEXT}"


def yaml_text(value: str) -> str:
    """A single-quoted YAML scalar: quotes doubled, nothing else interpreted."""
    return "'" + value.replace("'", "''") + "'"


def case_page(case: Case) -> str:
    return front(f"Trường hợp {case.name}") + "\n" + LEAD + case.markdown + "\n"


def snippet_lines(case: Case) -> set[int]:
    """The lines of the page that hold the case's snippet."""
    first = case_page(case).splitlines().index(LEAD.strip()) + 3
    return set(range(first, first + len(case.markdown.splitlines())))


def home_pages() -> dict[str, str]:
    return {"vi/index.md": front("Trang chủ") + "\nTrang chủ.\n",
            "en/index.md": front("Home") + "\nHome.\n"}


def section_pages() -> dict[str, str]:
    return {"vi/van-ban/index.md": front("Văn bản") + "\nDanh sách văn bản.\n",
            "vi/tin-bai/index.md": front("Chuyên mục") + "\nChuyên mục.\n"}


def corpus_files(cases: list[Case], lang: str = "vi") -> dict[str, str]:
    return {f"{lang}/c/{case.name}.md": case_page(case) for case in cases}


def refused_files() -> dict[str, str]:
    # Both languages: the English build's findings join the same report.
    return {**home_pages(), **corpus_files(REFUSED), **corpus_files(EITHER),
            **corpus_files(REFUSED[:3], "en")}


def passing_files() -> dict[str, str]:
    return {**home_pages(), **corpus_files(PASSING), **corpus_files(PASSING, "en")}


def pdf_bytes(*, author: str = "", javascript: bool = False, launch: bool = False,
              embedded: bool = False, uri: str = "") -> bytes:
    """A one-page PDF, optionally with an author and with the things a PDF must not carry."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    if author:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            xmp["dc:creator"] = [author]
            xmp["xmp:CreatorTool"] = "Microsoft Word"
        pdf.docinfo["/Author"] = author
        pdf.docinfo["/Creator"] = "Microsoft Word - Nguyễn Văn A"
        pdf.docinfo["/Producer"] = "Máy của phòng TTĐN"
        pdf.docinfo["/Title"] = "Kế hoạch"
    if javascript:
        pdf.Root.OpenAction = pdf.make_indirect(pikepdf.Dictionary(
            S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('pdf')")))
    if launch:
        pdf.pages[0].obj.AA = pikepdf.Dictionary(O=pikepdf.Dictionary(
            S=pikepdf.Name.Launch, F=pikepdf.String("cmd.exe")))
    if embedded:
        spec = pikepdf.AttachedFileSpec(pdf, b"MZ fake program", filename="hoa-don.exe")
        pdf.attachments["hoa-don.exe"] = spec
    if uri:
        annot = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 100, 100],
            A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String(uri)))
        pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([annot]))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def jpeg_bytes(gps: bool = False) -> bytes:
    image = Image.new("RGB", (64, 48), (30, 110, 160))
    exif = Image.Exif()
    if gps:
        exif[0x8825] = {1: "N", 2: (15.0, 23.0, 0.0), 3: "E", 4: (109.0, 7.0, 0.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def article_fm(title: str, date: str, **extra: str) -> str:
    fields = {
        "title": yaml_text(title),
        "description": yaml_text(hostile("description")),
        "date": date,
        "category": "bien-dao",
        "agency": yaml_text(hostile("agency")),
        "tags": "[" + yaml_text(hostile("tag")) + ", biển]",
        **extra,
    }
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in fields.items()) + "---\n"


def front_matter_site(root: Path) -> dict[str, str]:
    """Files of a site with a hostile value in every front-matter text field; writes the
    photo and the PDF it needs into `root`."""
    (root / "photos").mkdir(parents=True, exist_ok=True)
    (root / "photos" / "bia.jpg").write_bytes(jpeg_bytes())
    attachment = root / "docs/vi/van-ban/ke-hoach-hostile.pdf"
    attachment.parent.mkdir(parents=True, exist_ok=True)
    attachment.write_bytes(pdf_bytes(author="Nguyễn Văn A"))
    clip = root / "docs/vi/tin-bai/2023/clip.mp4"
    clip.parent.mkdir(parents=True, exist_ok=True)
    clip.write_bytes(b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom")
    video = ("{src: clip.mp4, poster: /photos/bia.jpg, title: " + yaml_text(hostile("video.title"))
             + "}")
    youtube = ("{youtube: abcdefghijk, poster: /photos/bia.jpg, title: "
               + yaml_text(hostile("youtube.title")) + "}")
    plain = "---\n" + "".join(f"{k}: {v}\n" for k, v in {
        "title": yaml_text(hostile("page.title")),
        "description": yaml_text(hostile("page.description")),
        "date": "2023-01-02",
        "image": "/photos/bia.jpg",
        "image_alt": yaml_text(hostile("page.image_alt")),
    }.items()) + "---\n\nNội dung trang.\n"
    document = "---\n" + "".join(f"{k}: {v}\n" for k, v in {
        "title": yaml_text(hostile("document.title")),
        "description": yaml_text(hostile("document.description")),
        "date": "2022-12-27",
        "number": yaml_text(hostile("number")),
        "issuer": yaml_text(hostile("issuer")),
        "signer": yaml_text(hostile("signer")),
        "signer_title": yaml_text(hostile("signer_title")),
        "attachment": "ke-hoach-hostile.pdf",
    }.items()) + "---\n\nNội dung văn bản.\n"
    return {
        **home_pages(),
        "vi/gioi-thieu/index.md": plain,
        **section_pages(),
        "vi/van-ban/ke-hoach-hostile.md": document,
        "vi/tin-bai/2023/bai-mot.md": article_fm(
            hostile("article.title"), "2023-03-01", image="/photos/bia.jpg",
            image_alt=yaml_text(hostile("article.image_alt")), video=video,
        ) + "\nNội dung bài một.\n",
        "vi/tin-bai/2023/bai-hai.md": article_fm(
            hostile("related.title"), "2023-03-02", video=youtube,
        ) + "\nNội dung bài hai.\n",
    }


def all_cases() -> list[Case]:
    return [*REFUSED, *REFUSED_AT_LOAD, *EITHER, *PASSING]


def refused_at_load_files() -> dict[str, str]:
    return {**home_pages(), **corpus_files(REFUSED_AT_LOAD)}
