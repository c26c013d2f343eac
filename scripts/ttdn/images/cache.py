"""The derivative store: content-addressed files, written atomically, pruned when unneeded.

Layout of a store folder (the `--out` folder of `ttdn images`, the plugin's cache folder):
    <key>-<width>.<avif|webp|jpg|png|gif>   the derivatives
    <key>.json                              their record, written last
`key` hashes the original's bytes, the options and the pipeline version (eleventy-img's recipe):
a replaced photo gets a new key even under the same name, and a record on disk means every file
it lists was complete, because each file is renamed into place only once fully written.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

from ttdn.files import TEMP_PREFIX, atomic_write
from ttdn.images.model import ImageRecord

KEY_LENGTH = 16
_OURS = re.compile(r"^([0-9a-f]{16})(?:-\d+\.(?:avif|webp|jpg|png|gif)|\.json)$")


def content_hash(path: Path) -> tuple[str, int]:
    """SHA-256 of a file's bytes and its size (about 7 ms for 12 MB); a file whose inode, size
    and time are unchanged is read once per process (every PDF hashes the same fonts)."""
    info = path.stat()
    seen = (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    known = _HASHES.get(path)
    if known is not None and known[0] == seen:
        return known[1]
    result = _read_hash(path)
    _HASHES[path] = (seen, result)
    return result


_HASHES: dict[Path, tuple[tuple[int, int, int, int], tuple[str, int]]] = {}


def _read_hash(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def cache_key(content_sha: str, options_digest: str) -> str:
    return hashlib.sha256(f"{content_sha}:{options_digest}".encode()).hexdigest()[:KEY_LENGTH]


class Store:
    def __init__(self, root: Path):
        self.root = root

    def ensure(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)

    def record_path(self, key: str) -> Path:
        return self.root / f"{key}.json"

    def load(self, key: str) -> ImageRecord | None:
        """The record of `key` if it and every file it lists are on disk, else None (a miss)."""
        try:
            data = json.loads(self.record_path(key).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (json.JSONDecodeError, UnicodeDecodeError):
            return None  # not ours to trust: rebuild it
        record = ImageRecord.from_json(data)
        if all((self.root / name).is_file() for name in record.files()):
            return record
        return None

    def write_file(self, name: str, data: bytes) -> None:
        atomic_write(self.root / name, data)

    def save(self, record: ImageRecord) -> None:
        blob = json.dumps(record.to_json(), ensure_ascii=False, indent=1).encode()
        atomic_write(self.record_path(record.key), blob)

    def prune(self, keep: set[str]) -> int:
        """Delete our files whose key no original needs, and stray temporary files."""
        removed = 0
        if not self.root.is_dir():
            return 0
        for entry in os.scandir(self.root):
            match = _OURS.match(entry.name)
            stale = (match and match.group(1) not in keep) or entry.name.startswith(TEMP_PREFIX)
            if stale and entry.is_file():
                os.unlink(entry.path)
                removed += 1
        return removed
