"""A finished page dated after today is not lost without a word (issue 20): `ttdn check` says
when it will appear, and the deploy workflow runs every day to publish it on that date."""

from __future__ import annotations

import datetime as dt
import json

import yaml

from helpers import ROOT

VI = "docs/vi/tin-bai/2023/bai-mot.md"


def test_a_finished_future_article_is_scheduled_not_silently_dropped(project, ttdn) -> None:
    later = dt.date.today() + dt.timedelta(days=30)
    for code in ("vi", "en"):
        path = project / f"docs/{code}/tin-bai/2023/bai-mot.md"
        moved = project / f"docs/{code}/tin-bai/{later.year}/bai-mot.md"
        moved.parent.mkdir(parents=True, exist_ok=True)
        moved.write_text(path.read_text("utf-8").replace("date: 2023-01-02",
                                                         f"date: {later}"), "utf-8")
        path.unlink()
    result = ttdn("check", "--format", "json")
    data = json.loads(result.output)
    scheduled = [f for f in data["findings"] if f["rule"] == "scheduled"]
    assert result.exit_code == 0  # a warning: nothing is wrong
    assert [(f["path"], f["line"], f["severity"]) for f in scheduled] == [
        (f"docs/{code}/tin-bai/{later.year}/bai-mot.md", 4, "warning") for code in ("en", "vi")]
    assert f"scheduled for {later.isoformat()}" in scheduled[0]["en"]
    assert f"hẹn đăng ngày {later.isoformat()}" in scheduled[0]["vi"]


def test_a_bulletin_issue_finished_before_its_quarter_ends_says_when_it_appears(
        project, ttdn) -> None:
    year = dt.date.today().year + 1
    assert ttdn("new-issue", str(year), "4").exit_code == 0
    for code in ("vi", "en"):
        path = project / f"docs/{code}/ban-tin/{year}/q4/index.md"
        path.write_text(path.read_text("utf-8").replace("draft: true\n", ""), "utf-8")
    result = ttdn("check", "--format", "json", str(project / f"docs/vi/ban-tin/{year}/q4"))
    scheduled = {f["path"]: f["en"] for f in json.loads(result.output)["findings"]
                 if f["rule"] == "scheduled"}
    assert f"scheduled for {year}-12-31" in scheduled[f"docs/vi/ban-tin/{year}/q4/index.md"]


def test_a_draft_is_not_announced_as_scheduled(project, ttdn) -> None:
    year = dt.date.today().year + 1
    assert ttdn("new-issue", str(year), "1").exit_code == 0
    result = ttdn("check", "--format", "json")
    assert not [f for f in json.loads(result.output)["findings"] if f["rule"] == "scheduled"]


def test_the_deploy_workflow_runs_every_day() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/deploy.yml").read_text("utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    crons = [entry["cron"] for entry in triggers["schedule"]]
    assert crons and all(cron.split()[2:] == ["*", "*", "*"] for cron in crons)
