"""The GitHub side of contributing: issue forms that match the records, a pull request
checklist, and code owners so that code needs a maintainer's review."""

from __future__ import annotations

import fnmatch
import re
import subprocess

import pytest
import yaml

from conftest import REPO, hub_config
from hub import config, vocab
from hub.exchanges import Exchange
from hub.generate_derived import FORM_DROPDOWNS
from hub.models import Brief, Module, Partner

FORMS = REPO / ".github" / "ISSUE_TEMPLATE"

# form file -> (record model, {dropdown id: vocabulary}, ids of fields that are not record fields)
RECORD_FORMS = {
    "propose-partner.yml": (Partner, {"type": vocab.PARTNER_TYPES, "tier": vocab.TIERS,
                                      "focus": vocab.TOPICS, "sdg_targets": vocab.SDG_TARGETS},
                            {"agreement", "licence"}),
    "submit-brief.yml": (Brief, {"tiers": vocab.TIERS, "topics": vocab.TOPICS,
                                 "sdg_targets": vocab.SDG_TARGETS, "lang": vocab.LANGUAGES},
                         {"body", "licence"}),
    "suggest-module.yml": (Module, {"level": vocab.TRACK_LEVELS, "competencies": vocab.COMPETENCIES,
                                    "session_formats": vocab.SESSION_FORMATS},
                           {"session_formats", "licence"}),
    "propose-exchange.yml": (Exchange, {"kind": vocab.EXCHANGE_KINDS, "status": vocab.EXCHANGE_STATUSES,
                                        "topics": vocab.TOPICS, "lang": vocab.LANGUAGES},
                             {"body", "licence"}),
}


def form(name: str) -> dict:
    if name in FORM_DROPDOWNS and not hub_config(REPO).enabled(FORM_DROPDOWNS[name][0]):
        pytest.skip(f"{name}: its section is switched off in hub.yml")
    return yaml.safe_load((FORMS / name).read_text(encoding="utf-8"))


def test_every_form_parses_and_has_the_parts_github_needs() -> None:
    names = sorted(p.name for p in FORMS.glob("*.yml"))
    cfg = hub_config(REPO)
    expected = ["config.yml", "report-problem.yml"] + [
        name for name, (section, _) in FORM_DROPDOWNS.items() if cfg.enabled(section)]
    assert names == sorted(expected)  # one form per section the network has (hub.yml)
    for name in names[1:]:
        data = form(name)
        assert {"name", "description", "body"} <= set(data), name
        ids = [item["id"] for item in data["body"] if "id" in item]
        assert len(ids) == len(set(ids)), name
        for item in data["body"]:
            assert item["type"] in ("markdown", "input", "textarea", "dropdown", "checkboxes")
            assert item["attributes"].get("label") or item["type"] == "markdown", (name, item)
    config = form("config.yml")
    assert config["blank_issues_enabled"] is False and config["contact_links"]


@pytest.mark.parametrize("name", RECORD_FORMS)
def test_dropdown_options_are_the_controlled_words(name: str) -> None:
    _, dropdowns, _ = RECORD_FORMS[name]
    found = {item["id"]: item["attributes"]["options"] for item in form(name)["body"]
             if item["type"] == "dropdown"}
    assert set(found) == set(dropdowns)
    with config.using(hub_config(REPO)):  # the repository's own network
        for field_id, words in dropdowns.items():
            assert found[field_id] == list(words), (name, field_id)


@pytest.mark.parametrize("name", RECORD_FORMS)
def test_form_fields_are_record_fields(name: str) -> None:
    model, _, extra = RECORD_FORMS[name]
    ids = {item["id"] for item in form(name)["body"] if "id" in item}
    assert ids - extra <= set(model.model_fields), ids - extra - set(model.model_fields)
    required = {n for n, f in model.model_fields.items() if f.is_required()}
    assert required - {"id", "date", "status", "review_by", "example"} <= ids


def test_pull_request_template_has_a_checklist() -> None:
    text = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", text, re.M)
    assert len(boxes) >= 6
    licence = hub_config(REPO).network.licence.name  # the network's own (hub.yml)
    for needed in ("check", "consent", "e-mail", licence, "draft"):
        assert any(needed in b for b in boxes), needed


# --- CODEOWNERS ------------------------------------------------------------------------------


def codeowners() -> list[tuple[str, list[str]]]:
    rules = []
    for line in (REPO / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            pattern, *owners = line.split()
            rules.append((pattern, owners))
    return rules


# The network's own teams, read from its CODEOWNERS: the default owners are the maintainers,
# the other owner of the record files the content editors.
MAINTAINERS = dict(codeowners())["*"][0]
EDITORS = next(o for o in dict(codeowners())["/partners.yaml"] if o != MAINTAINERS)


def matches(pattern: str, path: str) -> bool:
    """GitHub's CODEOWNERS matching, for the forms of pattern this file uses."""
    if pattern == "*":
        return True
    anchored = pattern.startswith("/")
    pattern = pattern.lstrip("/")
    if pattern.endswith("/"):
        return path.startswith(pattern) if anchored else f"/{pattern}" in f"/{path}"
    if "*" in pattern:
        return fnmatch.fnmatchcase(path, pattern) and path.count("/") == pattern.count("/")
    return path == pattern or path.startswith(pattern + "/")


def owners_of(path: str) -> list[str]:
    found: list[str] = []
    for pattern, owners in codeowners():
        if matches(pattern, path):
            found = owners  # the last match wins
    return found


def tracked_files() -> list[str]:
    """The repository's files (git's list; without git, the tree minus build output)."""
    try:
        out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                             cwd=REPO, capture_output=True, text=True, check=True).stdout
        return [p for p in out.splitlines() if (REPO / p).exists()]
    except (OSError, subprocess.CalledProcessError):
        skip = {".git", ".venv", ".venv-lock", "site", "dist", "__pycache__", ".pytest_cache",
                ".hypothesis"}
        return [p.relative_to(REPO).as_posix() for p in REPO.rglob("*")
                if p.is_file() and not skip & set(p.relative_to(REPO).parts)]


def test_every_top_level_path_has_an_owner() -> None:
    top = {p.split("/")[0] for p in tracked_files()}
    assert {"hooks", "partners.yaml", "Makefile", ".github"} <= top
    for name in sorted(top):
        assert owners_of(name) or owners_of(name + "/x"), name
    for path in tracked_files():
        owners = owners_of(path)
        assert owners and set(owners) <= {MAINTAINERS, EDITORS} and MAINTAINERS in owners, path


@pytest.mark.parametrize("path", [
    "hooks/site.py", "hooks/hub/fields.py", "hooks/hub/templates/brief.md", "overrides/main.html",
    "mkdocs.yml", "Makefile", "requirements.lock", "requirements.in", "pyproject.toml",
    ".github/workflows/ci.yml", ".github/CODEOWNERS", ".github/ISSUE_TEMPLATE/config.yml",
    ".ci/run", "content/index.md", "content/assets/hub.css", "schemas/brief.schema.json",
    "tests/conftest.py", "SECURITY.md", ".github/dependabot.yml", "content/assets/filters.js",
])
def test_code_needs_a_maintainer(path: str) -> None:
    assert owners_of(path) == [MAINTAINERS]


@pytest.mark.parametrize("path", [
    "partners.yaml", "members.yaml", "curriculum/tracks.yaml", "curriculum/modules/sm-101-foundations.yaml",
    "content/briefs/community-health-workers.md", "content/assets/logos/example-np-ministry.svg",
    "CONTRIBUTING.md",
])
def test_content_can_be_reviewed_by_content_editors(path: str) -> None:
    assert EDITORS in owners_of(path)


def test_every_rule_is_used() -> None:
    files = tracked_files()
    for pattern, _ in codeowners():
        if pattern == "/.github/workflows/":  # kept ready for when CI moves to GitHub Actions
            continue
        assert any(matches(pattern, f) for f in files), pattern
