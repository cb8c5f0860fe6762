"""Privacy gate: no e-mail address or phone number anywhere a reader can get, and exactly
the members who consented: a member without consent appears nowhere (pages, search index,
data exports), by name or by id. Run on the fixture site and on the repository's own."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from quality_scan import every_text_file, reader_files, root_helpers, scan_privacy

from hub.load_yaml import parse
from hub.search_index import BuiltIndex

pytestmark = pytest.mark.slow
FIXTURE, REPO = root_helpers().FIXTURE, root_helpers().REPO
CASES = [("fixture_site", FIXTURE / "members.yaml"), ("repo_site", REPO / "members.yaml")]


def members(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(consenting, withheld): id -> name, read from the members file."""
    doc, problems = parse(path.read_text(encoding="utf-8"), path.name)
    assert doc is not None, problems
    yes, no = {}, {}
    for m in doc.data:
        (yes if m["consent"]["public"] == "true" else no)[m["id"]] = m["name"]
    return yes, no


# The repository's own members are the shipped sample's (skipped once a network replaces it).
@pytest.fixture(params=[pytest.param(c, marks=pytest.mark.sample) if c[0] == "repo_site" else c
                        for c in CASES], ids=[c[0] for c in CASES])
def case(request: pytest.FixtureRequest) -> tuple[Path, Path]:
    name, members_file = request.param
    return request.getfixturevalue(name), members_file


def test_no_email_or_phone_anywhere(case: tuple[Path, Path]) -> None:
    site, _ = case
    assert scan_privacy(site) == []


def test_scan_finds_planted_email_and_phone(fixture_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    (site / "data").mkdir(exist_ok=True)
    (site / "data" / "members.csv").write_text("id,contact\nx,someone@example.org\n")
    (site / "data" / "partners.json").write_text(json.dumps([{"tel": "+254 20 123 4567"}]))
    found = "\n".join(scan_privacy(site))
    assert "someone@example.org" in found and "+254 20 123 4567" in found


def test_exactly_the_consenting_members_are_published(case: tuple[Path, Path]) -> None:
    site, members_file = case
    yes, no = members(members_file)
    assert yes and no, "the test needs members with and without consent"
    pages = {p.parent.name for p in site.glob("members/*/index.html")} | {
        p.stem for p in site.glob("members/*.html") if p.stem != "index"}
    assert pages == set(yes)
    listing = (site / "members" / "index.html").read_text(encoding="utf-8")
    for mid, name in yes.items():
        assert name in listing and f"{mid}/" in listing
    indexed = " ".join(d["text"] + " " + d["title"] for d in BuiltIndex.read(site).pages())
    for name in yes.values():
        assert name in indexed or name.replace("'", "&#x27;") in indexed, name
    files = every_text_file(site)
    assert any(f.name == "search_index.json" for f in files)
    assert reader_files(site)
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        for mid, name in no.items():
            assert mid not in text, f"{f}: id of {mid}, who did not consent"
            # The fixture's names are unique words: each part of the name must be absent too.
            parts = name.split() if members_file == FIXTURE / "members.yaml" else []
            for part in [name, *[w for w in parts if len(w) > 3 and w not in _COMMON]]:
                assert not re.search(rf"\b{re.escape(part)}\b", text), f"{f}: {part!r} ({mid})"


# Words of withheld members' names that also occur as ordinary words on the site.
_COMMON = {"Example", "Withheld"}
