"""The content model: front matter schemas, declared content types, and the index of every page
in every language.

Both the MkDocs plugins and the checks read content through here, so an editor gets the same
message from the build and from a check.
"""

from ttdn.content.errors import ContentError
from ttdn.content.load import load_content
from ttdn.content.model import Content, Entry, Pages
from ttdn.content.schema import ArticleMeta, DocumentMeta, PageMeta, PhotoChapterMeta
from ttdn.content.types import CONTENT_TYPES, ContentType, type_of

__all__ = [
    "CONTENT_TYPES",
    "ArticleMeta",
    "Content",
    "ContentError",
    "ContentType",
    "DocumentMeta",
    "Entry",
    "PageMeta",
    "Pages",
    "PhotoChapterMeta",
    "load_content",
    "type_of",
]
