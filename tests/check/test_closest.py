""""Did you mean" (issue 20): a wrong anchor, link depth, category or a file name with accents
gets the closest existing value and the line corrected; a front-matter error no longer hides
the body's errors."""

from __future__ import annotations

import json
from pathlib import Path

from ttdn.closest import closest

VI = "docs/vi/tin-bai/2023/bai-mot.md"
PLAN = "docs/vi/van-ban/index.md"


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / name
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def findings(ttdn, *args: str) -> list[dict]:
    return json.loads(ttdn("check", "--format", "json", *args).output)["findings"]


def only(found: list[dict], rule: str) -> dict:
    matching = [f for f in found if f["rule"] == rule]
    assert len(matching) == 1, found
    return matching[0]


def test_closest_folds_accents_and_refuses_a_far_guess() -> None:
    assert closest("bài-một", ["bai-mot", "bai-hai"]) == "bai-mot"
    assert closest("kinh-phi-thuc-hien", ["muc-tieu", "iii-kinh-phi-thuc-hien"]) == (
        "iii-kinh-phi-thuc-hien")
    assert closest("xyz", ["muc-tieu", "bien-dao"]) is None


def test_a_wrong_anchor_gets_the_heading_it_meant(project, ttdn) -> None:
    edit(project, PLAN, "## Mục tiêu", "## Mục tiêu\n\n## III. Kinh phí thực hiện")
    edit(project, VI, "#muc-tieu", "#kinh-phi-thuc-hien")
    found = only(findings(ttdn), "link-anchor")
    assert found["path"] == VI and found["line"] == 17
    assert "Did you mean '#iii-kinh-phi-thuc-hien'?" in found["en"]
    assert ("The line corrected: Xem [kế hoạch](../../van-ban/index.md#iii-kinh-phi-thuc-hien)"
            in found["en"])
    assert "Có phải là '#iii-kinh-phi-thuc-hien'?" in found["vi"]


def test_a_link_at_the_wrong_depth_gets_the_right_path(project, ttdn) -> None:
    edit(project, VI, "../../van-ban/index.md#muc-tieu", "../van-ban/index.md#muc-tieu")
    found = only(findings(ttdn), "link-missing")
    assert "Did you mean '../../van-ban/index.md#muc-tieu'?" in found["en"]
    # The corrected line, pasted back, passes.
    corrected = found["en"].split("The line corrected: ", 1)[1]
    edit(project, VI, "Xem [kế hoạch](../van-ban/index.md#muc-tieu)", corrected.split(" và ")[0])
    assert not [f for f in findings(ttdn) if f["rule"].startswith("link")]


def test_a_link_to_a_file_name_with_accents_gets_the_real_name(project, ttdn) -> None:
    edit(project, VI, "../../index.md", "bài-một.md")
    found = only(findings(ttdn), "link-missing")
    assert "Did you mean 'bai-mot.md'?" in found["en"]


def test_a_file_name_with_accents_is_given_its_ascii_name(project, ttdn) -> None:
    for code in ("vi", "en"):
        src = project / f"docs/{code}/tin-bai/2023/bai-mot.md"
        src.rename(src.with_name("Bài-Một.md"))
    found = [f for f in findings(ttdn) if f["rule"] == "file-name"]
    assert found and all("Rename it 'bai-mot'." in f["en"] for f in found)
    assert "Đổi tên thành 'bai-mot'." in found[0]["vi"]


def test_a_wrong_category_gets_the_closest_one(project, ttdn) -> None:
    edit(project, VI, "category: bien-dao", "category: bien-đao")
    found = only(findings(ttdn), "schema")
    assert found["line"] == 5 and "Did you mean 'bien-dao'?" in found["en"]
    assert "The line corrected: category: bien-dao" in found["en"]


def test_a_front_matter_error_does_not_hide_the_body_errors(project, ttdn) -> None:
    edit(project, VI, "date: 2023-01-02", "date: 2023-02-30")
    edit(project, VI, "#muc-tieu", "#khong-co")
    edit(project, VI, "![Bãi biển](/photos", "![](/photos")
    rules = {(f["path"], f["rule"]) for f in findings(ttdn)}
    assert {(VI, "schema"), (VI, "link-anchor"), (VI, "image-alt")} <= rules


def test_a_yaml_error_does_not_hide_the_body_errors(project, ttdn) -> None:
    edit(project, VI, "agency: Sở", "\tagency: Sở")
    edit(project, VI, "../../index.md", "../../khong-co.md")
    rules = {(f["path"], f["rule"]) for f in findings(ttdn)}
    assert {(VI, "yaml"), (VI, "link-missing")} <= rules
