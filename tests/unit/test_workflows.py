"""The GitHub Actions workflows, checked without GitHub: they parse, they are safe for pull
requests, their actions are pinned, and they run the same `make` targets the README documents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
# Shell commands a workflow may run besides `make <target>`: preparing the machine.
SETUP_COMMANDS = ("git config --global --add safe.directory", "apt-get update", "apt-get install",
                  "gh release")
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$")


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as the boolean true
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict) -> list[dict]:
    return [s for job in workflow["jobs"].values() for s in job.get("steps", [])]


def commands(workflow: dict) -> list[str]:
    """Every shell command of every `run:` step, continuation lines joined."""
    out = []
    for step in steps(workflow):
        script = step.get("run", "").replace("\\\n", " ")
        out += [line.strip() for line in script.splitlines() if line.strip()]
    return out


def make_targets(workflow: dict) -> list[str]:
    """Every target of every `make` command (`make offline zim` runs two)."""
    return [target for c in commands(workflow)
            for m in re.findall(r"(?:^|&&\s*)make((?:\s+[\w-]+)+)", c.split("#")[0])
            for target in m.split()]


def readme_targets() -> set[str]:
    return set(re.findall(r"^\| `make ([\w-]+)` \|", (REPO / "README.md").read_text(), re.M))


def makefile_targets() -> set[str]:
    return set(re.findall(r"^([\w-]+):", (REPO / "Makefile").read_text(), re.M))


@pytest.fixture(scope="module")
def ci() -> dict:
    return load(REPO / ".github" / "workflows" / "ci.yml")


@pytest.fixture(scope="module")
def publish() -> dict:
    return load(REPO / ".github" / "workflows" / "publish.yml")


def test_there_are_workflows_and_they_parse() -> None:
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "publish.yml"}
    for path in WORKFLOWS:
        wf = load(path)
        assert wf["on"] and wf["jobs"], path.name


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_never_pull_request_target(path: Path) -> None:
    code = [line for line in path.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith("#")]
    assert "pull_request_target" not in load(path)["on"]
    assert not any("pull_request_target" in line for line in code)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_by_version(path: Path) -> None:
    for step in steps(load(path)):
        if "uses" in step:
            assert PINNED.match(step["uses"]), f"{path.name}: {step['uses']} is not pinned"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_commands_are_documented_make_targets(path: Path) -> None:
    documented, defined = readme_targets(), makefile_targets()
    for command in commands(load(path)):
        if command.startswith(SETUP_COMMANDS) or command.startswith(("--", "||")):
            continue
        assert command.startswith("make "), f"{path.name}: `{command}` is not a make target"
    for target in make_targets(load(path)):
        assert target in documented, f"{path.name}: make {target} is not in README's commands"
        assert target in defined, f"{path.name}: make {target} is not in the Makefile"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_pip_cache_is_keyed_by_the_lock_file(path: Path) -> None:
    caches = [s for s in steps(load(path)) if s.get("uses", "").startswith("actions/cache@")]
    assert caches and all("hashFiles('requirements.lock')" in s["with"]["key"] for s in caches)


def test_pull_requests_validate_build_test_and_keep_artifacts(ci: dict) -> None:
    assert "pull_request" in ci["on"]
    assert ci["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in ci["jobs"].values())
    assert "secrets." not in (REPO / ".github" / "workflows" / "ci.yml").read_text()
    assert make_targets(ci) == ["validate", "build", "test", "offline", "zim"]
    uploads = [s["with"]["path"] for s in steps(ci) if s.get("uses", "").startswith(
        "actions/upload-artifact@")]
    assert any("site/" in p for p in uploads) and any("dist/*.zip" in p for p in uploads)
    assert any("dist/*.zim\n" in p and "dist/*.zim.sha256" in p for p in uploads)
    assert any(job.get("env", {}).get("CI") == "true" for job in ci["jobs"].values())


def test_main_deploys_pages_and_tags_get_the_zip(publish: dict) -> None:
    assert publish["on"]["push"]["branches"] == ["main"]
    assert publish["permissions"] == {"contents": "read"}
    jobs = publish["jobs"]
    assert make_targets(publish) == ["validate", "build", "test", "offline", "zim"]
    build_uses = [s.get("uses", "") for s in jobs["build"]["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in build_uses)
    assert any(u.startswith("actions/upload-artifact@") for u in build_uses)
    assert jobs["deploy"]["if"] == "github.ref == 'refs/heads/main'"
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert jobs["release"]["if"].startswith("startsWith(github.ref, 'refs/tags/")
    assert jobs["release"]["permissions"] == {"contents": "write"}
    release = " ".join(commands({"jobs": {"r": jobs["release"]}}))
    assert "gh release upload" in release
    assert "dist/*.zim dist/*.zim.sha256" in release  # the ZIM file for Kiwix and its checksum
