"""Messages met in a contributor's first hour (issue 12): placeholders left from `make new`,
body headings that repeat a section the brief's page generates, and the other rows below.
Same conventions as test_messages.py: one mistake in the minimal hub, the exact lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from test_messages import make_mini_hub, messages

DRAFT_HINT = "write the real value; a draft may keep placeholders while it is written"
HINT = "write the real value in place of the template's text"

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
]


@pytest.mark.parametrize("kind, changes, expected", CASES)
def test_message(kind: Any, changes: dict | None, expected: list[str], tmp_path: Path) -> None:
    make_mini_hub(tmp_path, kind, changes)
    assert messages(tmp_path) == expected
