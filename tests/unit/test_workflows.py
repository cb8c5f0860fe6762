"""The GitHub Actions workflows, checked without GitHub: they parse, they are safe for pull
requests, their actions are pinned to commit SHAs, each job holds only the permissions it needs,
nothing that publishes restores a cache, they run the same `make` targets the README documents,
and zizmor (a static analyser for GitHub Actions, pinned in the lock file) finds nothing."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
# Shell commands a workflow may run besides `make <target>`: preparing the machine.
SETUP_COMMANDS = ("git config --global --add safe.directory", "apt-get update", "apt-get install",
                  "gh release")
# `uses: owner/repo[/path]@<full commit SHA> # v1.2.3`: a tag can be moved to other code, a SHA cannot.
PINNED_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s+[\w.-]+/[\w./-]+@[0-9a-f]{40}\s+#\s+v\d+\.\d+\.\d+\s*$")
# The only write permissions any job may hold: (workflow, job) -> scopes.
WRITERS = {("publish.yml", "deploy"): {"pages", "id-token"}, ("publish.yml", "release"): {"contents"}}
ZIZMOR = Path(sys.executable).with_name("zizmor")
IGNORE_COMMENT = re.compile(r"#\s*zizmor:\s*ignore\[([\w,\s-]+)\](.*)$")


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


def uses_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines()
            if re.match(r"^\s*(?:-\s+)?uses:", line)]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_a_commit_sha_with_its_version(path: Path) -> None:
    lines = uses_lines(path)
    assert len(lines) == sum("uses" in s for s in steps(load(path))) > 0
    for line in lines:
        assert PINNED_LINE.match(line), f"{path.name}: `{line.strip()}` is not `owner/repo@<sha> # vX.Y.Z`"


@pytest.mark.parametrize("line", [
    "      - uses: actions/checkout@v4.2.2",
    "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683",
    "      - uses: actions/checkout@11bd719 # v4.2.2",
    "        uses: actions/checkout@main # v4.2.2",
])
def test_pin_check_refuses_tags_short_shas_and_missing_versions(line: str) -> None:
    assert not PINNED_LINE.match(line)


def permissions_of(workflow: dict) -> dict[str, dict]:
    return {name: job.get("permissions") for name, job in workflow["jobs"].items()}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_permissions_are_least_privilege_per_job(path: Path) -> None:
    wf = load(path)
    assert wf.get("permissions") == {}, f"{path.name}: the top level must grant nothing (`permissions: {{}}`)"
    for name, granted in permissions_of(wf).items():
        assert isinstance(granted, dict), f"{path.name}: job {name} declares no permissions of its own"
        assert set(granted.values()) <= {"read", "write", "none"}
        writes = {scope for scope, level in granted.items() if level == "write"}
        allowed = WRITERS.get((path.name, name), set())
        assert writes <= allowed, f"{path.name}: job {name} may not write {sorted(writes - allowed)}"


def publishes(workflow: dict) -> bool:
    """Runs on pushes (main, tags) or holds a write permission: what it builds reaches readers."""
    return "push" in workflow["on"] or any(
        "write" in (granted or {}).values() for granted in permissions_of(workflow).values())


def caches(workflow: dict) -> list[dict]:
    """Steps that restore a cache: actions/cache (and its restore half), setup-* with `cache:`."""
    return [s for s in steps(workflow) if s.get("uses", "").startswith(("actions/cache@", "actions/cache/"))
            or ("cache" in s.get("with", {}) and s.get("uses", "").startswith("actions/setup-"))]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_cache_where_the_site_or_a_release_is_published(path: Path) -> None:
    wf = load(path)
    if publishes(wf):
        assert caches(wf) == [], f"{path.name} publishes: a restored cache could poison what it publishes"


def test_the_cache_check_sees_both_kinds_of_cache(publish: dict) -> None:
    poisoned = {"on": publish["on"], "jobs": {"build": {"steps": [
        {"uses": "actions/setup-python@" + "0" * 40, "with": {"python-version": "3.11", "cache": "pip"}},
        {"uses": "actions/cache/restore@" + "0" * 40, "with": {"path": "x", "key": "y"}}]}}}
    assert publishes(poisoned) and len(caches(poisoned)) == 2


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkout_keeps_no_credentials(path: Path) -> None:
    for step in steps(load(path)):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False, path.name


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_expression_is_expanded_inside_a_script(path: Path) -> None:
    """`${{ github.event.pull_request.title }}` in a `run:` becomes shell code; pass values via env."""
    for step in steps(load(path)):
        assert "${{" not in step.get("run", ""), f"{path.name}: `{step['run']}` expands an expression"


# --- zizmor: the static analyser for GitHub Actions, offline ------------------------------------
def zizmor(root: Path, *, honour_ignores: bool = True) -> list[dict]:
    """zizmor's findings over `root`/.github, in its strictest persona, offline, inline ignores only.

    Every finding zizmor can report counts (the `auditor` persona), online audits are off (no
    network at test time) and no configuration file is read: a finding is either fixed or
    explained by a `# zizmor: ignore[rule] why` comment next to it."""
    assert ZIZMOR.exists(), "zizmor is missing: run `make .venv/.installed` (it is in requirements.lock)"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZIZMOR_", "GH_", "GITHUB_"))}
    done = subprocess.run(
        [str(ZIZMOR), "--offline", "--no-config", "--persona", "auditor", "--format", "json",
         "--no-progress", "--strict-collection", *([] if honour_ignores else ["--no-ignores"]), ".github"],
        cwd=root, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.stdout.strip(), f"zizmor printed nothing (exit {done.returncode}): {done.stderr[-2000:]}"
    return json.loads(done.stdout)


def places(finding: dict) -> list[tuple[str, int]]:
    """(file name, line) of each location zizmor gives for a finding, the primary one first."""
    out = []
    for where in sorted(finding["locations"], key=lambda w: w["symbolic"].get("kind") != "Primary"):
        path = where["symbolic"]["key"].get("Local", {}).get("verbatim_path", "?")
        out.append((Path(path).name, where["concrete"]["location"]["start_point"]["row"] + 1))
    return out


def describe(finding: dict) -> str:
    name, line = places(finding)[0]
    return f"{name}:{line}: {finding['ident']}: {finding['desc']}"


def ignore_comments(root: Path) -> list[tuple[str, int, str, str]]:
    out = []
    for path in sorted((root / ".github").rglob("*.yml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if m := IGNORE_COMMENT.search(line):
                out.append((path.name, number, m.group(1), m.group(2).strip()))
    return out


def test_zizmor_finds_nothing_unexplained() -> None:
    findings = zizmor(REPO)
    assert [describe(f) for f in findings if not f.get("ignored")] == []


def test_every_zizmor_ignore_says_why_and_is_still_needed() -> None:
    comments = ignore_comments(REPO)
    for name, line, rule, why in comments:
        assert len(why.split()) >= 5, f"{name}:{line}: `zizmor: ignore[{rule}]` without a reason"
    unsilenced = {(place, f["ident"]) for f in zizmor(REPO, honour_ignores=False) for place in places(f)}
    for name, line, rules, _ in comments:
        for rule in (r.strip() for r in rules.split(",")):
            assert ((name, line), rule) in unsilenced, f"{name}:{line}: nothing left to ignore for {rule}"


@pytest.mark.parametrize("edit, rule", [
    # an action by tag instead of commit SHA
    (("ci.yml", r"actions/checkout@[0-9a-f]{40} # v4.2.2", "actions/checkout@v4.2.2"), "unpinned-uses"),
    # a cache restored in the publishing workflow
    (("publish.yml", r"(\n      - name: Install Chromium)",
      "\n      - uses: actions/cache@5a3ec84eff668545956fd18022155c47e93e2684 # v4.2.3\n"
      "        with:\n          path: ~/.cache/pip\n          key: pip" r"\1"), "cache-poisoning"),
    # a contributor's pull request title pasted into a shell script
    (("ci.yml", r"run: git config --global",
      'run: echo "${{ github.event.pull_request.title }}" && git config --global'), "template-injection"),
    # the trigger that runs with the base repository's token on a contributor's code
    (("ci.yml", r"\n  pull_request:\n", "\n  pull_request_target:\n"), "dangerous-triggers"),
    # a checkout that leaves its token on disk for every later step
    (("ci.yml", r"persist-credentials: false", "persist-credentials: true"), "artipacked"),
    # the container image's explained ignore comment taken away
    (("ci.yml", r" # zizmor: ignore\[unpinned-images\]", " #"), "unpinned-images"),
])
def test_zizmor_reports_what_a_careless_edit_would_add(tmp_path: Path, edit: tuple[str, str, str],
                                                       rule: str) -> None:
    shutil.copytree(REPO / ".github", tmp_path / ".github")
    name, old, new = edit
    path = tmp_path / ".github" / "workflows" / name
    text = path.read_text(encoding="utf-8")
    changed = re.sub(old, new, text, count=1)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    found = [f["ident"] for f in zizmor(tmp_path) if not f.get("ignored")]
    assert rule in found


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
def test_any_pip_cache_is_keyed_by_the_lock_file(path: Path) -> None:
    keys = [s["with"].get("key", "") for s in caches(load(path)) if "key" in s.get("with", {})]
    assert all("hashFiles('requirements.lock')" in key for key in keys)


def test_pull_requests_keep_their_pip_cache(ci: dict) -> None:
    assert not publishes(ci) and len(caches(ci)) == 1


def test_pull_requests_validate_build_test_and_keep_artifacts(ci: dict) -> None:
    assert "pull_request" in ci["on"]
    assert ci["permissions"] == {}
    assert all(job["permissions"] == {"contents": "read"} for job in ci["jobs"].values())
    assert "secrets." not in (REPO / ".github" / "workflows" / "ci.yml").read_text()
    assert make_targets(ci) == ["validate", "build", "test", "offline", "zim"]
    uploads = [s["with"]["path"] for s in steps(ci) if s.get("uses", "").startswith(
        "actions/upload-artifact@")]
    assert any("site/" in p for p in uploads) and any("dist/*.zip" in p for p in uploads)
    assert any("dist/*.zim\n" in p and "dist/*.zim.sha256" in p for p in uploads)
    assert any(job.get("env", {}).get("CI") == "true" for job in ci["jobs"].values())


def test_main_deploys_pages_and_tags_get_the_zip(publish: dict) -> None:
    assert publish["on"]["push"]["branches"] == ["main"]
    assert publish["permissions"] == {}
    jobs = publish["jobs"]
    assert jobs["build"]["permissions"] == {"contents": "read"}
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
