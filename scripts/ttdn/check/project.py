"""What a check needs of mkdocs.yml, read once: folders, languages' config, content types."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from ttdn.content import ContentType
from ttdn.engine import SiteConfig, load_config


@dataclass(frozen=True)
class Project:
    """What a check needs of mkdocs.yml: folders, languages, content types."""

    root: Path
    docs_dir: Path
    photos_dir: Path
    config: SiteConfig
    types: tuple[ContentType, ...]

    @classmethod
    def load(cls, config_file: Path) -> Project:
        config = load_config(str(config_file))
        root = Path(config.config_file_path).resolve().parent
        images = config.plugins.get("ttdn-images")
        photos = root / (images.config.photos_dir if images else "photos")
        site = config.plugins.get("ttdn-site")
        spec = site.config.content_types if site else "ttdn.content:CONTENT_TYPES"
        module, _, name = spec.partition(":")
        types = tuple(getattr(importlib.import_module(module), name))
        return cls(root, Path(config.docs_dir).resolve(), photos, config, types)
