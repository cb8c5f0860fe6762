"""SECURITY.md: the trust model is written down where people look for it, it covers every class of
attack the hub defends against, and what it says about review agrees with CODEOWNERS."""

from __future__ import annotations

import re

import pytest
from test_github_files import EDITORS, MAINTAINERS, owners_of

from conftest import REPO

SECURITY = REPO / "SECURITY.md"
SECTIONS = ("Who may change what", "What contributor content can never do", "How CI isolates pull requests",
            "make serve", "What the checks guarantee", "Reporting a vulnerability")
# Each class of attack of issue 11 and words its bullet under "What the checks guarantee" must use.
CLASSES = {
    "template code": ["render_macros", "macros"],
    "files and symlinks": ["symlink", "allowlist"],
    "script-carrying files": ["SVG", "foreignObject", "attribute"],
    "front matter": ["front matter", "validated record"],
    "contact details and withheld members": ["phone", "withheld", "wa.me"],
    "denial of service": ["linear", "length limit"],
    "exports": ["CSV", "XML", "BibTeX"],
    "output paths and theme ids": ["reserved", "case", "__config"],
    "unicode look-alikes and links": ["invisible", "right-to-left", "//host"],
}


def text() -> str:
    return SECURITY.read_text(encoding="utf-8")


def section(title: str) -> str:
    """The body of the `## ` section whose heading contains `title`."""
    m = re.search(rf"^## [^\n]*{re.escape(title)}[^\n]*\n(.*?)(?=^## |\Z)", text(), re.M | re.S)
    assert m, f"SECURITY.md has no section about {title!r}"
    return m.group(1)


@pytest.mark.parametrize("name", ["README.md", "CONTRIBUTING.md"])
def test_security_md_is_linked(name: str) -> None:
    assert SECURITY.is_file()
    assert "](SECURITY.md)" in (REPO / name).read_text(encoding="utf-8"), f"{name} does not link SECURITY.md"


@pytest.mark.parametrize("title", SECTIONS)
def test_every_part_of_the_trust_model_has_its_section(title: str) -> None:
    assert len(section(title).split()) > 40


@pytest.mark.parametrize("name, words", CLASSES.items(), ids=list(CLASSES))
def test_each_class_of_attack_has_its_guarantee(name: str, words: list[str]) -> None:
    bullets = re.findall(r"^- \*\*([^*]+)\*\*:(.*?)(?=^- |\n\n|\Z)", section("What the checks guarantee"),
                         re.M | re.S)
    found = {title.lower(): body for title, body in bullets}
    assert name in found, f"no bullet for {name!r} in 'What the checks guarantee'"
    for word in words:
        assert word.lower() in found[name].lower(), f"{name}: does not mention {word!r}"
    assert "tests/" in found[name], f"{name}: does not say where it is tested"


def test_the_guarantees_point_at_the_hostile_corpus() -> None:
    assert "tests/hostile/" in section("What the checks guarantee")


def backticked_paths(cell: str) -> list[str]:
    return [p for p in re.findall(r"`([^`]+)`", cell) if not p.startswith("content/*")]


def table_row(who: str) -> str:
    rows = section("Who may change what").splitlines()
    row = next((line for line in rows if line.startswith(f"| **{who}")), None)
    assert row, f"no row for {who} in 'Who may change what'"
    return row.split("|")[2]


def example(path: str) -> str:
    """A file at `path`: the path itself, or one inside it when it names a folder."""
    return path + "x.yaml" if path.endswith("/") else path


def test_maintainer_files_need_a_maintainer_as_security_md_says() -> None:
    paths = backticked_paths(table_row("Maintainers"))
    assert {"mkdocs.yml", "hooks/", "overrides/", "Makefile", ".github/", "schemas/", "requirements.in",
            "requirements.lock"} <= set(paths)
    for path in paths:
        target = "content/assets/hub.css" if path == "content/assets/" else example(path)
        assert owners_of(target) == [MAINTAINERS], f"CODEOWNERS lets others approve {path}"


def test_contributor_files_are_the_ones_content_editors_review() -> None:
    paths = backticked_paths(table_row("Contributors"))
    assert set(paths) == {"partners.yaml", "members.yaml", "curriculum/", "content/briefs/",
                          "content/exchanges/", "content/assets/logos/"}
    for path in paths:
        assert EDITORS in owners_of(example(path)), path


def test_the_preview_command_excludes_exactly_the_contributor_paths() -> None:
    command = re.search(r"git diff --name-only.*?```", section("make serve"), re.S)
    assert command, "no `git diff` command to list a branch's maintainer files"
    excluded = set(re.findall(r"':!([^']+)'", command.group(0)))
    assert excluded == set(backticked_paths(table_row("Contributors")))


def test_vulnerability_reporting_is_private_and_the_contact_is_marked_to_be_set() -> None:
    body = section("Reporting a vulnerability")
    assert "private vulnerability reporting" in body
    assert "do not open a public issue" in body
    assert "TO BE SET BY THE ADOPTING NETWORK" in body
