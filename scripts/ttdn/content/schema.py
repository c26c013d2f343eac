"""Front matter schemas: one pydantic model per content type.

Which schema a page gets is declared with its content type (`ttdn.content.types`). Values that
depend on data files (the categories) are checked against the build's own copy, passed as the
validation context, so an edited categories.yml counts at the next build.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ttdn.content.categories import categories

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

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
    template: Text | None = None
    translation: TranslationMeta | None = None  # on translations only (ttdn.parity)

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


class VideoMeta(BaseModel):
    """A self-hosted MP4/WebM file, or a YouTube video shown as a click-to-load preview.

    Either way a poster image from the site is required: nothing is asked of YouTube before
    the reader clicks.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    src: Text | None = None  # "video.mp4" beside the page
    youtube: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{11}$")] | None = None
    poster: Text
    title: Text  # what the video shows, for screen readers and the YouTube link

    @model_validator(mode="after")
    def _one_source(self) -> VideoMeta:
        if (self.src is None) == (self.youtube is None):
            raise bilingual(
                "Video cần đúng một nguồn: 'src' (tệp MP4/WebM) hoặc 'youtube' (mã video).",
                "A video needs exactly one source: 'src' (an MP4/WebM file) or 'youtube' (an id).",
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
            raise bilingual(
                f"Chủ đề '{value}' không có trong danh sách: {known}.",
                f"Unknown category '{value}'; use one of: {known}.",
                key="category",
            )
        return value


class PhotoChapterMeta(PageMeta):
    """A chapter of the photo book (sach-anh/<chapter>/index.md); its photos and their captions
    are in photos/sach-anh/<chapter>/manifest.yml (`ttdn.photobook.manifest`)."""

    order: Annotated[int, Field(ge=1)]  # the chapter's place in the book: 1, 2, 3…
