"""The fields the per-field test injects into, found by introspection of the declarations.

Every declared content type (ttdn.content.types.CONTENT_TYPES) and the photo book's manifest
entry (ttdn.photobook.manifest.PhotoEntry): every field whose value is text, however nested
(str, constrained str, Optional, list, dict by language, nested models). A field added to a
schema, or a type added to the declarations, is found here without a change to the test.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from ttdn.content.types import CONTENT_TYPES
from ttdn.photobook.manifest import PhotoEntry

Path_ = tuple[str | int, ...]  # ("video", "title"), ("board", 0), ("caption", "vi")
LANGUAGES = ("vi", "en")


@dataclass(frozen=True)
class Field:
    owner: str  # a content type's name, or "manifest"
    path: Path_

    @property
    def name(self) -> str:
        return ".".join(str(p) for p in self.path)


def _strip(annotation: object) -> object:
    """Annotated[str, …] → str; X | None → X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def text_paths(annotation: object, prefix: Path_ = ()) -> Iterator[Path_]:
    """Where a value of this annotation holds text."""
    annotation = _strip(annotation)
    origin = typing.get_origin(annotation)
    if annotation is str:
        yield prefix
    elif origin in (list, tuple, set, frozenset):
        (item, *_) = typing.get_args(annotation)
        yield from text_paths(item, (*prefix, 0))
    elif origin is dict:
        _, value = typing.get_args(annotation)
        for lang in LANGUAGES:  # the manifest's text in every language
            yield from text_paths(value, (*prefix, lang))
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        hints = typing.get_type_hints(annotation, include_extras=True)
        for name in annotation.model_fields:
            yield from text_paths(hints[name], (*prefix, name))


def declared_fields() -> list[Field]:
    """Every text field of every declared content type, then of a manifest entry."""
    found = [
        Field(kind.name, path)
        for kind in CONTENT_TYPES
        for path in text_paths(kind.schema)
    ]
    found += [Field("manifest", path) for path in text_paths(PhotoEntry)]
    return found


def put(data: dict, path: Path_, value: str) -> dict:
    """A copy of `data` with `value` at `path`, creating what is missing on the way."""
    data = _copy(data)
    node: typing.Any = data
    for here, after in zip(path, path[1:], strict=False):
        default: typing.Any = [] if isinstance(after, int) else {}
        if isinstance(node, list):
            while len(node) <= here:
                node.append(_copy(default))
            node = node[here]
        else:
            node = node.setdefault(here, default)
    last = path[-1]
    if isinstance(node, list):
        while len(node) <= last:
            node.append(None)
    node[last] = value
    return data


def _copy(value: typing.Any) -> typing.Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value
