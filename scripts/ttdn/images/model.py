"""What the pipeline returns: a record per original, and the error an editor reads."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class ImageError(Exception):
    """A problem with one input file: named, explained in Vietnamese then English, on one line."""

    path: Path
    vi: str
    en: str

    def __str__(self) -> str:
        return f"{self.path}: {self.vi} / {self.en}"

    def __reduce__(self):  # a dataclass exception has no args: pickled by its fields
        return (ImageError, (self.path, self.vi, self.en))


@dataclass(frozen=True)
class Variant:
    width: int
    height: int
    file: str  # name inside the output folder: <key>-<width>.<suffix>
    bytes: int


@dataclass
class ImageRecord:
    """The derivatives of one original, as written to `<key>.json` beside them."""

    key: str
    source: str
    width: int  # of the largest derivative, after orientation: the <img> width/height
    height: int
    alpha: bool
    animated: bool
    fallback: str  # "jpeg", "png" or "gif": the <img src> format
    variants: dict[str, list[Variant]] = field(default_factory=dict)
    placeholder: str = ""  # data: URI of a tiny blurred image, or "" when over the byte budget
    color: str = "#808080"  # dominant colour, shown until the image arrives
    bytes_in: int = 0

    def files(self) -> list[str]:
        return [v.file for vs in self.variants.values() for v in vs]

    @property
    def bytes_out(self) -> int:
        return sum(v.bytes for vs in self.variants.values() for v in vs)

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> ImageRecord:
        variants = {f: [Variant(**v) for v in vs] for f, vs in data.pop("variants").items()}
        return cls(variants=variants, **data)
