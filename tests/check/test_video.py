"""Video as an editor writes it (issue 20): a pasted address is accepted, a wrong one is an error
at the `video:` line saying what to paste, and the "[video]" line that places it is checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

VI = "docs/vi/tin-bai/2023/bai-mot.md"
POSTER = "poster: /photos/tin-bai/bia.jpg, title: Phóng sự"


def with_video(project: Path, video: str | None, body_extra: str = "") -> None:
    path = project / VI
    text = path.read_text("utf-8")
    if video is not None:
        text = text.replace("image: /photos", f"video: {video}\nimage: /photos", 1)
    text = text.replace("Nội dung bài một về biển, đảo.",
                        f"Nội dung bài một về biển, đảo.{body_extra}", 1)
    path.write_text(text, "utf-8")


def marker_lines(project: Path) -> list[int]:
    lines = (project / VI).read_text("utf-8").splitlines()
    return [i for i, line in enumerate(lines, 1) if line == "[video]"]


def findings(ttdn) -> list[dict]:
    """The findings of the edited page (its translation is now stale: not what is tested)."""
    found = json.loads(ttdn("check", "--format", "json").output)["findings"]
    return [f for f in found if f["path"] == VI]


@pytest.mark.parametrize("address", [
    "https://www.youtube.com/watch?v=abcdefghijk",
    "https://youtu.be/abcdefghijk?si=share",
    "https://www.youtube.com/shorts/abcdefghijk",
    "https://m.facebook.com/SoNgoaiVu/videos/1234567890/",
    "https://fb.watch/abcDEF12/",
])
def test_a_pasted_address_is_accepted(project, ttdn, address) -> None:
    key = "facebook" if "fb" in address or "facebook" in address else "youtube"
    with_video(project, f'{{{key}: "{address}", {POSTER}}}', "\n\n[video]\n")
    assert findings(ttdn) == []


def test_a_wrong_address_is_an_error_at_the_video_line_saying_what_to_paste(project,
                                                                          ttdn) -> None:
    with_video(project, f'{{youtube: "https://vimeo.com/12345", {POSTER}}}')
    (found,) = findings(ttdn)
    assert (found["line"], found["rule"]) == (7, "schema")
    assert "https://www.youtube.com/watch?v=" in found["en"] and "youtu.be" in found["vi"]


def test_a_video_line_without_a_video_is_an_error(project, ttdn) -> None:
    with_video(project, None, "\n\n[video]\n")
    (found,) = findings(ttdn)
    assert found["rule"] == "video-marker" and found["line"] == marker_lines(project)[0]
    assert "add video:" in found["en"]


def test_a_video_placed_twice_is_an_error_on_the_second(project, ttdn) -> None:
    with_video(project, f"{{youtube: abcdefghijk, {POSTER}}}", "\n\n[video]\n\n[video]\n")
    (found,) = findings(ttdn)
    assert found["rule"] == "video-marker" and found["line"] == marker_lines(project)[1]
