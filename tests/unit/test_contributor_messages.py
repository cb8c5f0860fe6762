"""Messages met in a contributor's first hour (issue 12): placeholders left from `make new`,
body headings that repeat a section the brief's page generates, and the other rows below.
Same conventions as test_messages.py: one mistake in the minimal hub, the exact lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_messages import EMAIL, make_mini_hub, messages, mini_hub_messages

DRAFT_HINT = "write the real value; a draft may keep placeholders while it is written"
HINT = "write the real value in place of the template's text"
LEFT_MARGIN = ("this line starts at the left margin, so it belongs to no record; a new record starts with "
               "`- ` (e.g. `- id: ...`); a field of the record above is indented by two spaces, like its "
               "other fields")

CASES = [
    # --- placeholders: an error naming the field; a warning in a draft brief ----------------
    pytest.param('partner', {'name': '"Full name of the institution (replace)"'}, [
        "partners.yaml:2:9: partners[1].name: still the template's placeholder "
        f"'Full name of the institution (replace)'; {HINT}",
    ], id='placeholder-partner-name'),
    pytest.param('partner', {'website': 'https://replace.invalid/x'}, [
        f"partners.yaml:6:12: partners[1].website: still the template's placeholder "
        f"'https://replace.invalid/x'; {HINT}",
    ], id='placeholder-partner-website'),
    # written with YAML escapes, so that the file's text holds no `(replace` or `invalid`
    # (the first look over a whole file, `may_hold_placeholders`, must still let them through)
    pytest.param('partner', {'name': '"Full name of the institution \\x28REPLACE)"'}, [
        "partners.yaml:2:9: partners[1].name: still the template's placeholder "
        f"'Full name of the institution (REPLACE)'; {HINT}",
    ], id='placeholder-partner-name-escaped'),
    pytest.param('partner', {'website': '"https://replace.inval\\u0069d/x"'}, [
        f"partners.yaml:6:12: partners[1].website: still the template's placeholder "
        f"'https://replace.invalid/x'; {HINT}",
    ], id='placeholder-partner-website-escaped'),
    pytest.param('module', {'notes': '"Lesson notes (re\\\n  place or delete)."'}, [
        "curriculum/modules/sm-101.yaml:13:8: notes: still the template's placeholder "
        f"'Lesson notes (replace or delete).'; {HINT}",
    ], id='placeholder-module-notes-escaped-line-break'),
    pytest.param('module', {'notes': '|\n  Lesson notes for teachers (replace or delete).'}, [
        "curriculum/modules/sm-101.yaml:13:8: notes: still the template's placeholder "
        f"'Lesson notes for teachers (replace or delete).'; {HINT}",
    ], id='placeholder-module-notes'),
    pytest.param('brief', {'summary': '"Two sentences (replace)."', 'body': 'Text (replace).\n'}, [
        f"content/briefs/x-brief.md:11:10: summary: still the template's placeholder "
        f"'Two sentences (replace).'; {HINT}",
        "content/briefs/x-brief.md:18:6: body: still the template's placeholder '(replace)'; "
        "write the brief's own text here and remove the marker",
    ], id='placeholder-published-brief'),
    pytest.param('brief', {'status': 'draft', 'summary': '"Two sentences (replace)."'}, [
        "content/briefs/x-brief.md:11:10: warning: summary: still the template's placeholder "
        f"'Two sentences (replace).'; {DRAFT_HINT}",
    ], id='placeholder-draft-brief-warns'),
    # --- a body heading that repeats a generated section ---------------------------------
    pytest.param('brief', {'body': '## The problem\n\nText.\n\n## Recommendations\n\nDo it.\n'}, [
        "content/briefs/x-brief.md:22:4: body: the heading 'Recommendations' repeats a section the "
        "page already has ('Recommendations'); remove this heading; write each recommendation as "
        "an item of the `recommendations:` list in the front matter; the page shows them under "
        "their own heading",
    ], id='body-recommendations-heading'),
    pytest.param('brief', {'body': 'References\n----------\n\nA.\n'}, [
        "content/briefs/x-brief.md:18:1: body: the heading 'References' repeats a section the page "
        "already has ('References'); remove this heading; list the sources under `references:` in "
        "the front matter; the page shows them under their own heading",
    ], id='body-references-setext'),
    pytest.param('brief', {'body': '```\n## Recommendations\n```\n\n# Cite\n'}, [
        "content/briefs/x-brief.md:22:3: body: the heading 'Cite' repeats a section the page "
        "already has ('Cite this brief'); remove this heading; the page adds how to cite the "
        "brief by itself",
    ], id='body-cite-heading-not-in-code'),
    pytest.param('brief', {'body': '## __config\n\nText.\n'}, [
        "content/briefs/x-brief.md:18:4: body: the heading gets the id '__config', which belongs to the "
        "site's theme (ids that start with __); reword the heading so that it does not start with "
        "underscores",
    ], id='body-heading-theme-id'),
    # --- suggestions by meaning, by the records' names, by a part of an id ----------------
    pytest.param('brief', {'topics': '[maternal-health]'}, [
        "content/briefs/x-brief.md:8:10: topics[1]: 'maternal-health' is not a known topic; did you "
        "mean 'maternal-child-health' (Maternal and child health)?",
    ], id='topic-by-meaning-not-mental-health'),
    pytest.param('partner', {'type': 'district-health-office'}, [
        "partners.yaml:3:9: partners[1].type: 'district-health-office' is not a known partner type; "
        "did you mean 'municipal-health-office' (Municipal or local health office)?",
    ], id='district-office-is-local'),
    pytest.param('brief', {'tiers': '[national]'}, [
        "content/briefs/x-brief.md:7:9: tiers[1]: 'national' is not a known tier of government; "
        "did you mean 'federal' (Federal / national)?",
    ], id='tier-by-label'),
    pytest.param('brief', {'partners': '[Alpha Example Ministry of Health]'}, [
        "content/briefs/x-brief.md:17:12: partners[1]: no partner has the id 'Alpha Example Ministry "
        "of Health'; did you mean 'alpha-ministry'? (the id of 'Alpha Example Ministry of Health': "
        "write the id, not the name)",
    ], id='partner-by-name'),
    pytest.param('member', {'affiliation': 'alpha'}, [
        "members.yaml:6:16: members[1].affiliation: no partner has the id 'alpha'; did you mean "
        "'alpha-ministry'?",
    ], id='start-of-an-id'),
    pytest.param('module', {'track': 'medicine'}, [
        "curriculum/modules/sm-101.yaml:3:8: track: no track has the id 'medicine'; did you mean "
        "'social-medicine'?",
    ], id='part-of-an-id'),
    # --- YAML layout, in plain words ----------------------------------------------------
    pytest.param(('raw', 'partners.yaml', b'- id: alpha-ministry\n  name: Alpha\n  type: ministry\n'
                  b'  country: "NP"\n  website: https://example.org/alpha\n  focus: [uhc]\n'
                  b'  since: 2021-03-01\n  description: A.\nid: beta\n  name: Beta\n'), None, [
        f"partners.yaml:9:1: {LEFT_MARGIN}",
    ], id='record-without-dash'),
    pytest.param(('raw', 'partners.yaml', b'- id: alpha-ministry\n  name: Alpha\ntype: ministry\n'), None, [
        f"partners.yaml:3:1: {LEFT_MARGIN}",
    ], id='field-not-indented'),
    pytest.param(('raw', 'partners.yaml', b'- id: alpha-ministry\n  name: Alpha\n  description: |\n'
                  b'  Alpha leads the primary care reform.\n  type: ministry\n'), None, [
        "partners.yaml:4:3: this line is not indented enough to be part of the text of "
        "`description:`; indent every line of the text by 4 spaces, two more than `description:`",
    ], id='description-indented-too-little'),
    pytest.param(('raw', 'partners.yaml', b'- id: alpha-ministry\n  description: Alpha leads\n'
                  b'  the reform.\n'), None, [
        "partners.yaml:3:3: this line is neither a `field: value` line nor indented as text; if it "
        "continues the text of `description:`, write `description: |` and indent the text below it "
        "by 4 spaces; if it is a field, add `:` after its name",
    ], id='plain-text-continued'),
    pytest.param('partner', {'description': 'Write to ada@example.org.'}, [
        f"partners.yaml:9:16: partners[1].description: {EMAIL}",
    ], id='email-hint-names-what-exists'),
]


def test_a_member_named_by_a_part_of_its_id(tmp_path: Path) -> None:
    make_mini_hub(tmp_path, "brief", {"authors": "\n  - member: sita-gurung"})
    members = tmp_path / "members.yaml"
    members.write_text(members.read_text() + "- id: example-sita-gurung\n  name: S. Gurung\n"
                       "  role: fellow\n  profession: nurse\n  country: \"NP\"\n"
                       "  consent: {public: true, date: 2024-03-01}\n")
    assert messages(tmp_path) == [
        "content/briefs/x-brief.md:5:13: authors[1].member: no member has the id 'sita-gurung'; "
        "did you mean 'example-sita-gurung'?"]


def test_a_duplicate_id_comes_before_what_it_causes(tmp_path: Path) -> None:
    make_mini_hub(tmp_path, "brief", {})
    members = tmp_path / "members.yaml"
    members.write_text("- id: ada-example\n  name: Ada Hidden\n  role: fellow\n  profession: nurse\n"
                       "  country: \"NP\"\n  consent: {public: false, date: 2024-03-01}\n"
                       + members.read_text())
    assert messages(tmp_path) == [
        "members.yaml:7:7: members[2].id: the id 'ada-example' is already used (line 1); give each "
        "record its own id; until then, every reference to 'ada-example' means the first one (line 1)",
        "content/briefs/x-brief.md:5:13: authors[1].member: member 'ada-example' has not given public "
        "consent, so cannot be named; ask them for consent (members.yaml, consent.public: true) or "
        "remove them",
    ]


@pytest.mark.parametrize("kind, changes, expected", CASES)
def test_message(kind: Any, changes: dict | None, expected: list[str], tmp_path: Path) -> None:
    assert mini_hub_messages(tmp_path, kind, changes) == expected
