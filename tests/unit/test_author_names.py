"""Names with titles and names that do not read "given, family": refused with the name to
write, or cited from `given:`/`family:` in every citation format (issue 12: "Dr Anita Sharma"
was cited "Sharma, D. A.")."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from test_messages import make_mini_hub, mini_hub_messages

from hub.render_citations import apa_text, citation, render_bibtex, render_csl_json, render_ris, split_name
from hub.validate_links import validate

URL = "https://hub.example.org/briefs/x-brief/"
NGUYEN = '\n  - name: "Nguyen Van An"\n    given: "Van An"\n    family: "Nguyen"\n  - member: ada-example'


def test_given_and_family_are_used_by_every_citation_format(tmp_path: Path) -> None:
    make_mini_hub(tmp_path, "brief", {"authors": NGUYEN})
    cat, problems = validate(tmp_path, on=dt.date(2025, 12, 2))
    assert problems == []
    c = citation(cat, cat.briefs["x-brief"], "Example Hub", URL)
    assert apa_text(c).startswith("Nguyen, V. A., & Example, A. (2025, May 1). A brief")
    assert "  author = {Nguyen, Van An and Example, Ada},\n" in render_bibtex(c)
    assert "AU  - Nguyen, Van An\r\nAU  - Example, Ada\r\n" in render_ris(c)
    authors = json.loads(render_csl_json(c))[0]["author"]
    assert authors == [{"family": "Nguyen", "given": "Van An"}, {"family": "Example", "given": "Ada"}]


@pytest.mark.parametrize("name, given, family", [
    ("Anita Sharma", "Anita", "Sharma"),
    ("Dr Anita Sharma", "Anita", "Sharma"),  # never "Sharma, D. A.", even if it slipped through
    ("Prof. Dr. Jean Uwimana", "Jean", "Uwimana"),
    ("WHO", "", "WHO"),
])
def test_split_name_never_takes_a_title_for_a_given_name(name: str, given: str, family: str) -> None:
    p = split_name(name)
    assert (p.given, p.family) == (given, family)


@pytest.mark.parametrize("kind, changes, expected", [
    pytest.param("brief", {"authors": '\n  - name: "Dr Anita Sharma"'}, [
        "content/briefs/x-brief.md:5:11: authors[1].name: 'Dr Anita Sharma' starts with the title "
        "'Dr'; write the name alone, 'Anita Sharma': a citation would read the title as a given name",
    ], id="author-title"),
    pytest.param("brief", {"authors": '\n  - name: "Anita Sharma, MD"'}, [
        "content/briefs/x-brief.md:5:11: authors[1].name: 'Anita Sharma, MD' ends with the degree "
        "'MD'; write the name alone, 'Anita Sharma': degrees are not part of a name",
    ], id="author-degree"),
    pytest.param("member", {"name": "Prof. Ada Example"}, [
        "members.yaml:2:9: members[1].name: 'Prof. Ada Example' starts with the title 'Prof.'; "
        "write the name alone, 'Ada Example': a citation would read the title as a given name",
    ], id="member-title"),
    pytest.param("brief", {"authors": '\n  - name: "Van An Nguyen"\n    given: "Van An"'}, [
        "content/briefs/x-brief.md:6:12: authors[1].given: `given:` needs `family:` too; add the "
        "family name as cited, e.g. `family: Sharma`",
    ], id="given-without-family"),
    pytest.param("brief", {"authors": '\n  - member: ada-example\n    family: "Example"'}, [
        "content/briefs/x-brief.md:6:13: authors[1].family: `given:` and `family:` are only for "
        "outside authors; a member's name comes from members.yaml; remove them here",
    ], id="member-author-family"),
])
def test_message(kind: str, changes: dict, expected: list[str], tmp_path: Path) -> None:
    assert mini_hub_messages(tmp_path, kind, changes) == expected
