"""Front-matter values that become URLs (a cover, an attachment, a video and its poster) must be
paths inside the site. The templates escape every value, which keeps text from becoming markup,
but `javascript:alert(1)` needs no markup to run from an href, and a remote poster tracks readers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

# Letters, digits and the path characters of a file name; no scheme (no ":"), no "//" host,
# no backslash, no query or fragment, no space or control character.
SITE_PATH = re.compile(r"^(?!//)[A-Za-z0-9._~/%-]+$")
URL_KEYS = ("image", "attachment", "video.src", "video.poster")


def url_values(data: dict[str, Any]) -> Iterator[tuple[str, str, Any]]:
    """(key as written, top-level key for the line, value) of each URL-valued field present."""
    for key in URL_KEYS:
        top, _, sub = key.partition(".")
        value = data.get(top)
        if sub:
            value = value.get(sub) if isinstance(value, dict) else None
        if value is not None:
            yield key, top, value


def bad_path(value: Any) -> bool:
    return not isinstance(value, str) or not SITE_PATH.match(value.strip())


def message(key: str, value: Any) -> tuple[str, str]:
    shown = str(value)[:60]
    return (
        f"'{key}' phải là tên một tệp trong trang (ví dụ anh-bia.jpg hoặc /photos/…/anh.jpg), "
        f"không phải '{shown}': không địa chỉ ngoài, không 'javascript:' hay 'data:'.",
        f"'{key}' must name a file of the site (for example cover.jpg or /photos/…/cover.jpg), "
        f"not '{shown}': no outside address, no 'javascript:' or 'data:'.",
    )
