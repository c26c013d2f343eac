"""Videos an editor pastes: a YouTube or Facebook address as copied from the browser, turned
into what the site shows (a poster from photos/ and a link; nothing is asked of another host
before the reader follows the link: no iframe, no player script).

    youtube: https://www.youtube.com/watch?v=ID   https://youtu.be/ID   …/shorts/ID   or ID
    facebook: https://www.facebook.com/PAGE/videos/NUMBER/   https://fb.watch/CODE/
              https://www.facebook.com/watch/?v=NUMBER   https://www.facebook.com/reel/NUMBER

The video goes under the title, or where the body holds a paragraph of only MARKER.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com"}
FACEBOOK_HOSTS = {"facebook.com", "www.facebook.com", "m.facebook.com", "web.facebook.com"}
MARKER = "[video]"  # a paragraph of only this, in the body: the video goes there
MARKER_LINE = re.compile(r"^[ ]{0,3}\[video\][ \t]*$", re.MULTILINE)


class VideoURLError(ValueError):
    """An address that is not a video of the site it was given for (message: vi, en)."""

    def __init__(self, vi: str, en: str):
        self.vi, self.en = vi, en
        super().__init__(en)


def youtube_id(value: str) -> str:
    """The 11-character id of a YouTube video, from the id or any address of it."""
    value = value.strip()
    if YOUTUBE_ID.fullmatch(value):
        return value
    url = urlsplit(value if "//" in value else f"https://{value}")
    host = (url.hostname or "").lower()
    parts = [p for p in url.path.split("/") if p]
    found = None
    if host == "youtu.be" and parts:
        found = parts[0]
    elif host in YOUTUBE_HOSTS:
        if parts[:1] == ["watch"]:
            found = (parse_qs(url.query).get("v") or [None])[0]
        elif len(parts) >= 2 and parts[0] in ("shorts", "embed", "live", "v"):
            found = parts[1]
    if found and YOUTUBE_ID.fullmatch(found):
        return found
    raise VideoURLError(
        f"'{value}' không phải địa chỉ một video YouTube: dán địa chỉ trên thanh địa chỉ khi "
        "xem video (https://www.youtube.com/watch?v=…, https://youtu.be/…) hoặc mã 11 ký tự.",
        f"'{value}' is not the address of a YouTube video: paste the address shown while "
        "watching it (https://www.youtube.com/watch?v=…, https://youtu.be/…) or its 11-character "
        "id.",
    )


def facebook_url(value: str) -> str:
    """A Facebook video's address, checked and written as https://www.facebook.com/… (or
    https://fb.watch/…), without tracking parameters."""
    value = value.strip()
    url = urlsplit(value if "//" in value else f"https://{value}")
    host = (url.hostname or "").lower()
    parts = [p for p in url.path.split("/") if p]
    if url.scheme in ("https", "http") and host == "fb.watch" and len(parts) == 1:
        return f"https://fb.watch/{parts[0]}/"
    if url.scheme in ("https", "http") and host in FACEBOOK_HOSTS:
        video = parse_qs(url.query).get("v", [""])[0]
        if parts[:1] == ["watch"] and video.isdigit():
            return f"https://www.facebook.com/watch/?v={video}"
        if len(parts) >= 2 and parts[-2] in ("videos", "reel") and parts[-1].isdigit():
            return "https://www.facebook.com/" + "/".join(parts) + "/"
    raise VideoURLError(
        f"'{value}' không phải địa chỉ một video Facebook: dán địa chỉ của video, ví dụ "
        "https://www.facebook.com/<trang>/videos/<số>/ hoặc https://fb.watch/<mã>/.",
        f"'{value}' is not the address of a Facebook video: paste the video's address, for "
        "example https://www.facebook.com/<page>/videos/<number>/ or https://fb.watch/<code>/.",
    )


def markers(body: str) -> list[int]:
    """The 0-based lines of the body that place the video."""
    return [body.count("\n", 0, m.start()) for m in MARKER_LINE.finditer(body)]
