"""Front matter schemas: one pydantic model per content type.

Which schema a page gets is declared with its content type (`ttdn.content.types`). Values that
depend on data files (the categories) are checked against the build's own copy, passed as the
validation context, so an edited categories.yml counts at the next build.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ttdn.closest import closest, did_you_mean
from ttdn.content.categories import categories
from ttdn.content.video import VideoURLError, facebook_url, youtube_id
from ttdn.guard import characters


def _no_format_characters(value: str, info: ValidationInfo) -> str:
    """Bidi controls and zero-width characters make text show what it is not (guard)."""
    found = characters.format_characters(value)
    if found:
        name = f"'{info.field_name}'" if info.field_name else ""
        vi, en = characters.message(f"Giá trị {name}".strip(), f"The value {name}".strip(),
                                    found)
        raise PydanticCustomError("ttdn", "{vi} / {en}", {"vi": vi, "en": en, "key": ""})
    return value


# Every text field of every content type and of the photo-book manifest.
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_no_format_characters),
]

# The page templates `template:` may name: the project's own (overrides/), nothing else.
TEMPLATES = ("main.html", "search.html")

# Material for MkDocs keys an editor may set on any page.
MaterialHide = Literal["navigation", "toc", "footer", "path", "tags"]


def bilingual(vi: str, en: str, key: str) -> PydanticCustomError:
    """A validation error already written in both languages, about the field `key`."""
    return PydanticCustomError("ttdn", "{vi} / {en}", {"vi": vi, "en": en, "key": key})


class TranslationMeta(BaseModel):
    """On a translation (docs/en/…): where it stands against its original (docs/vi/…).

    `pending`: the translation was asked for on that date; the file is a placeholder and is not
    published. `source`: the fingerprint of the original's text this translation was made from
    (`ttdn translated` writes it); when the original changes, the translation is stale.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    pending: dt.date | None = None
    source: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{12}$")] | None = None

    @model_validator(mode="after")
    def _one_state(self) -> TranslationMeta:
        if (self.pending is None) == (self.source is None):
            raise bilingual(
                "'translation' cần đúng một trong hai: 'pending: NNNN-TT-NN' (ngày đề nghị "
                "dịch) hoặc 'source: …' (do lệnh ttdn translated ghi).",
                "'translation' needs exactly one of 'pending: YYYY-MM-DD' (the date the "
                "translation was asked for) or 'source: …' (written by ttdn translated).",
                key="translation",
            )
        return self


class PageMeta(BaseModel):
    """Every page: what its head, its footer and the sitemap need."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Text
    description: Text  # meta description and link previews (Zalo, Facebook)
    date: dt.date  # shown as "Ngày cập nhật / Date modified" with `updated`
    updated: dt.date | None = None
    image: Text | None = None  # link-preview image, relative to the page
    image_alt: Text | None = None
    hide: list[MaterialHide] = []
    template: Text | None = None  # one of TEMPLATES: the project's page templates
    translation: TranslationMeta | None = None  # on translations only (ttdn.parity)

    @field_validator("template")
    @classmethod
    def _known_template(cls, value: str | None) -> str | None:
        if value is not None and value not in TEMPLATES:
            known = ", ".join(TEMPLATES)
            raise bilingual(
                f"'template' chỉ được là một mẫu trang của dự án ({known}); hãy xoá dòng này "
                "để dùng mẫu mặc định.",
                f"'template' may only name one of the project's page templates ({known}); "
                "delete the line to use the default one.",
                key="template",
            )
        return value

    @model_validator(mode="after")
    def _dates_in_order(self) -> PageMeta:
        if self.updated is not None and self.updated < self.date:
            raise bilingual(
                "'updated' (ngày cập nhật) sớm hơn 'date' (ngày đăng).",
                "'updated' is earlier than 'date'.",
                key="updated",
            )
        return self

    @model_validator(mode="after")
    def _image_has_alt(self) -> PageMeta:
        if self.image is not None and self.image_alt is None:
            raise bilingual(
                "Có 'image' nhưng thiếu 'image_alt' (mô tả ảnh cho người khiếm thị).",
                "'image' is set but 'image_alt' (the text alternative) is missing.",
                key="image",
            )
        return self

    @property
    def modified(self) -> dt.date:
        return self.updated or self.date

    @property
    def pending(self) -> bool:
        """A placeholder for a translation not made yet: never published."""
        return self.translation is not None and self.translation.pending is not None


class DateRangeMeta(PageMeta):
    """A page about something that happens on a day or over days (an event, a visit, a
    campaign): `start` and `end` are when it happens; `date` stays the publication date."""

    start: dt.date
    end: dt.date | None = None  # one day when not given

    @model_validator(mode="after")
    def _range_in_order(self) -> DateRangeMeta:
        if self.end is not None and self.end < self.start:
            raise bilingual(
                "'end' (ngày kết thúc) sớm hơn 'start' (ngày bắt đầu).",
                "'end' is earlier than 'start'.",
                key="end",
            )
        return self

    @property
    def last_day(self) -> dt.date:
        return self.end or self.start


class DocumentMeta(PageMeta):
    """A directive document (văn bản chỉ đạo, điều hành), e.g. Kế hoạch 197/KH-UBND."""

    number: Text  # số, ký hiệu: "197/KH-UBND"
    issuer: Text  # cơ quan ban hành
    signer: Text  # người ký
    signer_title: Text | None = None  # "KT. Chủ tịch, Phó Chủ tịch"
    attachment: Text | None = None  # a PDF beside the page
    # Whether it applies: unset when the sources do not say (never guess).
    status: Literal["in-force", "replaced", "expired"] | None = None
    replaced_by: Text | None = None  # the number of the document that replaces it

    @model_validator(mode="after")
    def _replacement_named(self) -> DocumentMeta:
        if (self.status == "replaced") != (self.replaced_by is not None):
            raise bilingual(
                "'status: replaced' cần 'replaced_by' (số, ký hiệu văn bản thay thế), và "
                "'replaced_by' chỉ dùng với 'status: replaced'.",
                "'status: replaced' needs 'replaced_by' (the number of the document that "
                "replaces it), and 'replaced_by' goes only with 'status: replaced'.",
                key="replaced_by",
            )
        return self


def _video_address(convert):
    """A validator turning a pasted address into the stored value, or a bilingual error."""
    def validate(value: object) -> object:
        if not isinstance(value, str):
            return value
        try:
            return convert(value)
        except VideoURLError as err:
            raise bilingual(err.vi, err.en, key="video") from None
    return BeforeValidator(validate)


class VideoMeta(BaseModel):
    """A self-hosted MP4/WebM file, or a YouTube or Facebook video shown as its poster and a
    link (`ttdn.content.video`: pasted addresses are accepted and converted).

    Either way a poster image from the site is required: nothing is asked of YouTube or
    Facebook before the reader follows the link.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    src: Text | None = None  # "video.mp4" beside the page
    youtube: Annotated[str, _video_address(youtube_id)] | None = None  # the id
    facebook: Annotated[str, _video_address(facebook_url)] | None = None  # the address
    poster: Text
    title: Text  # what the video shows, for screen readers and the link

    @model_validator(mode="after")
    def _one_source(self) -> VideoMeta:
        if sum(value is not None for value in (self.src, self.youtube, self.facebook)) != 1:
            raise bilingual(
                "Video cần đúng một nguồn: 'src' (tệp MP4/WebM), 'youtube' hoặc 'facebook' "
                "(địa chỉ video).",
                "A video needs exactly one source: 'src' (an MP4/WebM file), 'youtube' or "
                "'facebook' (the video's address).",
                key="video",
            )
        if self.src is not None and not self.src.lower().endswith((".mp4", ".webm")):
            raise bilingual(
                "'video.src' phải là tệp .mp4 hoặc .webm.",
                "'video.src' must be an .mp4 or .webm file.",
                key="video",
            )
        return self


class ArticleMeta(PageMeta):
    """A news item or article of the Foreign-information column (tin-bai/<year>/<slug>.md)."""

    category: Text  # a slug of content/categories.yml
    tags: list[Text] = []
    agency: Text  # the reporting agency (đơn vị)
    video: VideoMeta | None = None
    draft: bool = False  # true: kept out of the site and the feeds

    @field_validator("category")
    @classmethod
    def _known_category(cls, value: str, info: ValidationInfo) -> str:
        known_categories = (info.context or {}).get("categories") or categories()
        if value not in known_categories:
            known = ", ".join(known_categories)
            nearest = closest(value, known_categories)
            vi, en = did_you_mean(value, nearest, f"category: {value}") if nearest else ("", "")
            raise bilingual(
                f"Chủ đề '{value}' không có trong danh sách: {known}.{vi}",
                f"Unknown category '{value}'; use one of: {known}.{en}",
                key="category",
            )
        return value


class PhotoChapterMeta(PageMeta):
    """A chapter of the photo book (sach-anh/<chapter>/index.md); its photos and their captions
    are in photos/sach-anh/<chapter>/manifest.yml (`ttdn.photobook.manifest`)."""

    order: Annotated[int, Field(ge=1)]  # the chapter's place in the book: 1, 2, 3…
