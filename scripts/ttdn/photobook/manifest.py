"""A chapter's manifest: photos/sach-anh/<chapter>/manifest.yml, one entry per photo.

    photos:
      - file: ly-son-1.jpg            # beside the manifest
        illustration: true            # a drawing standing in for a photo: labelled as such
        caption: {vi: "…", en: "…"}   # shown under the photo, in the page's language
        alt: {vi: "…", en: "…"}       # what the photo shows, for screen readers
        place: {vi: "…", en: "…"}
        photographer: "…"
        date: 2026-11-30
        credit: "© … – CC BY 4.0"     # licence and credit line, printed as is

Every problem is a finding with the manifest's line (from yaml.compose), in Vietnamese then
English; a photo in the folder that no entry names is a warning naming it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from ttdn.content.frontmatter import Loader, duplicate_keys
from ttdn.content.schema import Text, bilingual
from ttdn.findings import Finding, shown
from ttdn.images.options import IMAGE_SUFFIXES

MANIFEST = "manifest.yml"

# Text in every language of the site: {"vi": "…", "en": "…"}; the languages come from mkdocs.yml
# through the validation context.
LocalText = dict[str, Text]


def _in_every_language(value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
    codes = (info.context or {}).get("languages", ["vi", "en"])
    missing = [code for code in codes if code not in value]
    unknown = [code for code in value if code not in codes]
    if missing or unknown:
        wanted = ", ".join(codes)
        raise bilingual(
            f"Cần viết cho mỗi ngôn ngữ ({wanted}); thiếu: {', '.join(missing) or 'không'}; "
            f"thừa: {', '.join(unknown) or 'không'}.",
            f"Write it in every language ({wanted}); missing: {', '.join(missing) or 'none'}; "
            f"unknown: {', '.join(unknown) or 'none'}.",
            key=info.field_name or "",
        )
    return value


class PhotoEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    file: Annotated[str, Field(pattern=r"^[^/\\]+$", min_length=1)]  # a name in the folder
    caption: LocalText
    alt: LocalText
    place: LocalText
    photographer: Text
    date: dt.date
    credit: Text  # licence and credit line
    illustration: bool = False  # a drawing standing in for a photo ("Ảnh minh họa")

    _languages = field_validator("caption", "alt", "place")(_in_every_language)


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    photos: Annotated[list[PhotoEntry], Field(min_length=1)]


@dataclass(frozen=True)
class ManifestPhoto:
    """One photo of a chapter: its manifest entry, its original and its line in the manifest."""

    entry: PhotoEntry
    path: Path
    line: int


def read_manifest(
    folder: Path, languages: Sequence[str], root: Path
) -> tuple[list[ManifestPhoto], list[Finding]]:
    """The photos of one chapter folder in manifest order, and every problem found."""
    path = folder / MANIFEST
    name = shown(path, root)
    if not path.is_file():
        return [], [Finding(
            name, 0, "manifest-missing",
            f"Chương sách ảnh cần tệp {MANIFEST} trong {shown(folder, root)}/ liệt kê các ảnh.",
            f"A photo-book chapter needs {MANIFEST} in {shown(folder, root)}/ listing its photos.",
        )]
    try:
        text = path.read_text("utf-8-sig")
        node = yaml.compose(text, Loader=Loader)
        data = yaml.load(text, Loader=Loader) if node is not None else None
    except UnicodeDecodeError:
        return [], [Finding(
            name, 0, "encoding", "Tệp không phải văn bản UTF-8; hãy lưu lại với mã UTF-8.",
            "The file is not UTF-8 text; save it again as UTF-8.",
        )]
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err)
        return [], [Finding(
            name, mark.line + 1 if mark else 1, "yaml",
            f"{MANIFEST} không đúng cú pháp YAML ({problem}). Kiểm tra dấu ':', dấu '-' và "
            "dấu nháy.",
            f"{MANIFEST} is not valid YAML ({problem}). Check colons, dashes and quotes.",
        )]
    duplicates = duplicate_keys(node, name, first_line=1)
    if duplicates:
        return [], duplicates
    try:
        manifest = Manifest.model_validate(data, context={"languages": list(languages)})
    except ValidationError as err:
        return [], [
            Finding(name, _line(node, error["loc"]), "manifest", *_explain(error))
            for error in err.errors()
        ]
    photos: list[ManifestPhoto] = []
    findings: list[Finding] = []
    first_line: dict[str, int] = {}
    for number, entry in enumerate(manifest.photos):
        line = _line(node, ("photos", number, "file"))
        if entry.file in first_line:
            findings.append(Finding(
                name, line, "manifest-duplicate",
                f"Ảnh '{entry.file}' đã có ở dòng {first_line[entry.file]}; mỗi ảnh chỉ ghi "
                "một lần.",
                f"The photo '{entry.file}' is already listed on line {first_line[entry.file]}; "
                "list each photo once.",
            ))
            continue
        first_line[entry.file] = line
        original = folder / entry.file
        if not original.is_file():
            findings.append(Finding(
                name, line, "manifest-file",
                f"Không tìm thấy ảnh '{entry.file}' trong {shown(folder, root)}/. Kiểm tra tên "
                "tệp (chữ hoa, chữ thường, đuôi .jpg).",
                f"The photo '{entry.file}' is not in {shown(folder, root)}/. Check the file "
                "name (case, the .jpg ending).",
            ))
            continue
        photos.append(ManifestPhoto(entry, original, line))
    findings += [
        Finding(
            shown(photo, root), 0, "manifest-unlisted",
            f"Ảnh không có trong {MANIFEST} nên không được đăng; thêm một mục cho ảnh này "
            "hoặc xoá ảnh.",
            f"The photo is in no {MANIFEST} entry, so it is not published; add an entry for "
            "it or remove it.",
            severity="warning",
        )
        for photo in sorted(folder.iterdir())
        if photo.suffix.lower() in IMAGE_SUFFIXES and photo.name not in first_line
    ]
    return photos, findings


def _line(node: yaml.Node | None, loc: Sequence[Any]) -> int:
    """The 1-based line of the value at `loc` in the composed YAML, or of its nearest parent
    (a missing field is reported on its entry's first line)."""
    if node is None:
        return 1
    line = node.start_mark.line + 1
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == str(part)), None)
            if child is not None:
                key = next(k for k, v in node.value if v is child)
                line = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part < len(node.value):
                child = node.value[part]
                line = child.start_mark.line + 1
        if child is None:
            break
        node = child
    return line


FIELD_NAMES: Mapping[str, tuple[str, str]] = {
    "caption": ("chú thích", "caption"),
    "alt": ("mô tả ảnh cho người khiếm thị", "text alternative"),
    "place": ("địa điểm", "place"),
    "photographer": ("tác giả ảnh", "photographer"),
    "credit": ("nguồn, giấy phép", "credit and licence"),
    "date": ("ngày chụp", "date taken"),
    "file": ("tên tệp ảnh", "photo file name"),
}


def _explain(error: Any) -> tuple[str, str]:
    loc = ".".join(str(part) for part in error["loc"])
    field = next((str(p) for p in reversed(error["loc"]) if str(p) in FIELD_NAMES), None)
    vi_name, en_name = FIELD_NAMES.get(field or "", (loc, loc))
    kind = error["type"]
    if kind == "ttdn":
        return f"'{loc}': {error['ctx']['vi']}", f"'{loc}': {error['ctx']['en']}"
    if kind == "missing":
        return (
            f"Thiếu '{loc}' ({vi_name}): mục nào cũng phải có.",
            f"'{loc}' ({en_name}) is missing: every entry needs it.",
        )
    if kind == "string_too_short":
        return (f"'{loc}' ({vi_name}) không được để trống.", f"'{loc}' ({en_name}) is empty.")
    if kind == "too_short" and error["loc"] == ("photos",):
        return ("'photos' cần ít nhất một ảnh.", "'photos' needs at least one photo.")
    if kind == "extra_forbidden":
        known = ", ".join(PhotoEntry.model_fields)
        return (
            f"Trường '{loc}' không có trong mẫu (các trường hợp lệ: {known}).",
            f"'{loc}' is not a field of a manifest entry (valid fields: {known}).",
        )
    if kind.startswith("date"):
        return (
            f"'{loc}' không phải ngày hợp lệ; viết theo dạng NNNN-TT-NN, ví dụ 2023-10-15.",
            f"'{loc}' is not a valid date; write it as YYYY-MM-DD, for example 2023-10-15.",
        )
    if kind in ("model_type", "dict_type", "list_type"):
        return (
            f"'{loc or 'manifest'}' sai dạng: xem mẫu ở đầu README (photos: - file: …).",
            f"'{loc or 'manifest'}' has the wrong shape: see the example in the README "
            "(photos: - file: …).",
        )
    if kind == "string_pattern_mismatch":
        return (
            f"'{loc}' chỉ là tên tệp nằm cạnh {MANIFEST}, không có '/'.",
            f"'{loc}' is only the name of a file beside {MANIFEST}, without '/'.",
        )
    return (f"'{loc}' không hợp lệ: {error['msg']}.", f"'{loc}' is invalid: {error['msg']}.")
