"""The content model: front matter schemas, and the index of every page in every language.

Both the MkDocs plugins and `ttdn check` read content through here, so an editor gets the same
message from the build and from the check.
"""

from ttdn.content.errors import ContentError, ContentErrors
from ttdn.content.schema import ArticleMeta, DocumentMeta, PageMeta, schema_for
from ttdn.content.site import Entry, SiteContent, load_site

__all__ = [
    "ArticleMeta",
    "ContentError",
    "ContentErrors",
    "DocumentMeta",
    "Entry",
    "PageMeta",
    "SiteContent",
    "load_site",
    "schema_for",
]
