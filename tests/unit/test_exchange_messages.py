"""Exchange records (`content/exchanges/<id>.md`): each mistake a contributor can make, with the
exact message `make validate` prints (as tests/unit/test_messages.py does for the other records).

The hub is test_messages' smallest valid hub plus a second partner in another country and one
valid exchange between the two; each case changes one field of that exchange.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_messages import WITHHELD, make_mini_hub

from hub.validate_links import validate

BETA = ("- id: beta-university\n  name: Beta Example University\n  type: medical-university\n"
        '  country: "KE"\n  website: https://example.org/beta\n  focus: [medical-education]\n'
        "  since: 2022-01-01\n  description: Beta teaches.\n"
        "- id: delta-ministry\n  name: Delta Example Ministry\n  type: ministry\n"
        '  country: "NP"\n  tier: federal\n  website: https://example.org/delta\n  focus: [uhc]\n'
        "  since: 2022-01-01\n  description: Delta governs.\n")
EXCHANGE: list[tuple[str, str]] = [
    ("title", "Alpha visits Beta"), ("kind", "peer-learning-visit"),
    ("partners", "[alpha-ministry, beta-university]"), ("start", "2024-03-01"), ("end", "2024-11-30"),
    ("status", "completed"), ("topics", "[primary-care]"),
    ("innovation", "Beta's community diagnosis teaching."),
    ("outcomes", "Alpha added a community diagnosis week; its effect is not yet known."),
    ("members", "[ada-example]"),
    ("references", '\n  - {title: Declaration of Astana, year: 2018, url: "https://www.who.int/"}'),
]
FILE = "content/exchanges/alpha-beta.md"
ON = dt.date(2025, 12, 2)


def exchange_text(changes: dict) -> str:
    changes = dict(changes)
    drop, body = set(changes.pop("drop", ())), changes.pop("body", "## The story\n\nFine.\n")
    pairs = [(k, changes.pop(k, v)) for k, v in EXCHANGE if k not in drop] + list(changes.items())
    lines = [f"{k}:{'' if v.startswith(chr(10)) else ' '}{v}" for k, v in pairs]
    return "---\n" + "\n".join(lines) + "\n---\n" + body


def exchange_hub(root: Path, text: str | None) -> Path:
    """The mini hub with the second partner, and `text` (if any) as the exchange's file."""
    make_mini_hub(root, None)
    with (root / "partners.yaml").open("a", encoding="utf-8") as fh:
        fh.write(BETA)
    if text is not None:
        (root / FILE).parent.mkdir(parents=True, exist_ok=True)
        (root / FILE).write_text(text, encoding="utf-8")
    return root


def messages(root: Path, changes: dict | None, on: dt.date = ON) -> list[str]:
    exchange_hub(root, None if changes is None else exchange_text(changes))
    _, problems = validate(root, on=on)
    return [p.format() for p in problems]


def test_the_valid_exchange_has_no_problem(tmp_path: Path) -> None:
    assert messages(tmp_path, {}) == []


def test_the_valid_exchange_is_in_the_catalog(tmp_path: Path) -> None:
    cat, _ = validate(exchange_hub(tmp_path, exchange_text({})), on=ON)
    ex = cat.exchanges["alpha-beta"]
    assert (ex.countries, ex.direction.word) == (("NP", "KE"), "south-south")
    assert [e.slug for e in cat.exchanges_by_partner["beta-university"]] == ["alpha-beta"]
    assert [e.slug for e in cat.by_country["KE"]["exchanges"]] == ["alpha-beta"]


CASES = [
    pytest.param({"partners": "[alpha-ministry]"}, [
        f"{FILE}:4:11: partners: needs at least 2 items; add one inside the [brackets], or as a "
        "`- item` line below the field",
    ], id="one-partner"),
    pytest.param({"partners": "[alpha-ministry, delta-ministry]"}, [
        f"{FILE}:4:11: partners: every partner is in Nepal (NP): an exchange is between partners "
        "of two or more countries; add the partner from the other country (its id from "
        "partners.yaml); a collaboration within one country is not an exchange of the network",
    ], id="one-country"),
    pytest.param({"partners": "[alpha-ministry, beta-universty]"}, [
        f"{FILE}:4:28: partners[2]: no partner has the id 'beta-universty'; did you mean "
        "'beta-university'?",
    ], id="unknown-partner"),
    pytest.param({"partners": "[alpha-ministry, beta-university, alpha-ministry]"}, [
        f"{FILE}:4:45: partners[3]: the partner 'alpha-ministry' is listed twice; name each "
        "partner once",
    ], id="partner-twice"),
    pytest.param({"members": "[ada-exampel]"}, [
        f"{FILE}:11:11: members[1]: no member has the id 'ada-exampel'; did you mean "
        "'ada-example'?",
    ], id="unknown-member"),
    pytest.param({"members": "[hidden-example]"}, [
        f"{FILE}:11:11: members[1]: this member has not given public consent, so cannot be "
        "named; ask them for consent (members.yaml, consent.public: true) or remove them from "
        "`members:`",
    ], id="withheld-member"),
    pytest.param({"outcomes": "Hidden Example led the visit."}, [
        f"{FILE}:10:11: outcomes: {WITHHELD}",
    ], id="withheld-name-in-text"),
    pytest.param({"body": "## The story\n\nHidden Example led the visit.\n"}, [
        f"{FILE}:17:1: body: {WITHHELD}",
    ], id="withheld-name-in-body"),
    pytest.param({"briefs": "[no-such-brief]"}, [
        f"{FILE}:14:10: briefs[1]: no brief has the id 'no-such-brief'; use an id from "
        "content/briefs/",
    ], id="unknown-brief"),
    pytest.param({"modules": "[sm-110]"}, [
        f"{FILE}:14:11: modules[1]: no module has the id 'sm-110'; did you mean 'sm-101'?",
    ], id="unknown-module"),
    pytest.param({"kind": "visit"}, [
        f"{FILE}:3:7: kind: 'visit' is not a known kind of exchange; did you mean "
        "'peer-learning-visit' (Peer learning visit)?",
    ], id="bad-kind"),
    pytest.param({"status": "done"}, [
        f"{FILE}:7:9: status: 'done' is not a known status; allowed: planned, ongoing, "
        "completed",
    ], id="bad-status"),
    pytest.param({"topics": "[primary-cure]"}, [
        f"{FILE}:8:10: topics[1]: 'primary-cure' is not a known topic; did you mean "
        "'primary-care'?",
    ], id="bad-topic"),
    pytest.param({"end": "2024-02-01"}, [
        f"{FILE}:6:6: end: `end` (2024-02-01) is before `start` (2024-03-01); check the two "
        "dates (YYYY-MM-DD); an exchange ends on or after the day it starts",
    ], id="end-before-start"),
    pytest.param({"drop": ["end"]}, [
        f"{FILE}:6:9: status: a completed exchange needs an `end:` date; add `end: YYYY-MM-DD`, "
        "the day it ended, or set `status: ongoing`",
    ], id="completed-without-end"),
    pytest.param({"end": "2026-01-31"}, [
        f"{FILE}:7:9: status: `status: completed`, but `end` (2026-01-31) is after today "
        "(2025-12-02); set `status: ongoing` until it has ended, or correct `end`",
    ], id="completed-in-future"),
    pytest.param({"status": "ongoing", "start": "2026-03-01", "drop": ["end"]}, [
        f"{FILE}:6:9: status: `status: ongoing`, but `start` (2026-03-01) is after today "
        "(2025-12-02); set `status: planned` until it starts, or correct `start`",
    ], id="ongoing-in-future"),
    pytest.param({"status": "planned"}, [
        f"{FILE}:7:9: warning: status: `status: planned`, but it started on 2024-03-01; set "
        "`status: ongoing` (or `completed` with its `end:` date), or move `start`",
    ], id="planned-in-past"),
    pytest.param({"status": "ongoing"}, [
        f"{FILE}:7:9: warning: status: `status: ongoing`, but it ended on 2024-11-30; set "
        "`status: completed` and say in `outcomes:` what changed",
    ], id="ongoing-ended"),
    pytest.param({"drop": ["innovation", "references"]}, [
        f"{FILE}:2:1: the required field `innovation` is missing; add `innovation:` to this record",
        f"{FILE}:2:1: the required field `references` is missing; add `references:` to this record",
    ], id="missing-fields"),
    pytest.param({"innovation": '"See <script>alert(1)</script>"'}, [
        f"{FILE}:9:13: innovation: a script ('<script>') is not allowed in contributed text; "
        "remove it: contributed text cannot run scripts",
    ], id="script"),
    pytest.param({"body": "## Outcomes\n\nAgain.\n"}, [
        f"{FILE}:15:4: body: the heading 'Outcomes' repeats a section the page already has "
        "('Outcomes'); remove this heading; write them in `outcomes:` in the front matter; the "
        "page shows them under their own heading",
    ], id="body-heading"),
    pytest.param({"body": "\n"}, [
        f"{FILE}:15:1: body: the exchange has no text after the front matter; write its story "
        "and lessons below the closing `---` line",
    ], id="no-body"),
    pytest.param({"direction": "south-south"}, [
        f"{FILE}:14:1: direction: `direction` is derived from the partners' countries, never typed; "
        "remove this line: the page shows it (see \"An exchange\" in CONTRIBUTING.md)",
    ], id="typed-direction"),
    pytest.param({"email": "ada@example.org"}, [
        f"{FILE}:14:1: email: `email` cannot be published: the hub keeps no e-mail addresses, phone "
        "numbers or postal addresses; remove this field (people are reached through the "
        "network's coordinators)",
    ], id="private-field"),
]


@pytest.mark.parametrize(("changes", "expected"), CASES)
def test_message(tmp_path: Path, changes: dict, expected: list[str]) -> None:
    assert messages(tmp_path, changes) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("---\n- title: x\n---\nBody.\n", [
        f"{FILE}:2:1: the front matter must be `field: value` lines; see the exchange example in "
        "CONTRIBUTING.md",
    ], id="front-matter-not-fields"),
    pytest.param("title: x\n", [
        f"{FILE}:1:1: the file does not start with front matter; the first line must be `---`, then "
        "the fields, then a line `---`",
    ], id="no-front-matter"),
    pytest.param("---\ntitle: x\n", [
        f"{FILE}:1:1: the front matter is never closed; add a line with only `---` after the last field",
    ], id="front-matter-not-closed"),
])
def test_the_front_matter_is_read_as_a_briefs_is(tmp_path: Path, text: str, expected: list[str]) -> None:
    """The same reader as briefs' (load_records.read_front_matter), naming the exchange example."""
    _, problems = validate(exchange_hub(tmp_path, text), on=ON)
    assert [p.format() for p in problems] == expected


def test_every_mistake_at_once(tmp_path: Path) -> None:
    """Pass 1: every field's mistake and the body's; record-level checks (dates) follow once the
    fields are right, as for briefs."""
    found = messages(tmp_path, {"kind": "visit", "partners": "[alpha-ministry]", "topics": "[x]",
                                "body": "## Outcomes\n"})
    assert [m.split(": ", 2)[1] for m in found] == ["kind", "partners", "topics[1]", "body"]


def test_every_reference_mistake_at_once(tmp_path: Path) -> None:
    found = messages(tmp_path, {"partners": "[alpha-ministry, nobody]", "modules": "[nothing]",
                                "members": "[hidden-example]"})
    assert [m.split(": ", 2)[1] for m in found] == ["partners[2]", "members[1]", "modules[1]"]


def test_a_withheld_members_name_is_never_repeated(tmp_path: Path) -> None:
    out = "\n".join(messages(tmp_path, {"members": "[hidden-example]"}))
    assert "Hidden Example" not in out


def test_switched_off_section_is_not_read(tmp_path: Path) -> None:
    make_mini_hub(tmp_path, None)
    hub_yml = tmp_path / "hub.yml"
    hub_yml.write_text(hub_yml.read_text(encoding="utf-8").replace(
        '  exchanges:\n    enabled: true', '  exchanges:\n    enabled: false'), encoding="utf-8")
    (tmp_path / FILE).parent.mkdir(parents=True)
    (tmp_path / FILE).write_text(exchange_text({}), encoding="utf-8")
    cat, problems = validate(tmp_path, on=ON)
    assert cat.exchanges == {}
    assert [p.format() for p in problems] == [
        "content/exchanges:1:1: warning: not read: the exchanges section is switched off in hub.yml; "
        "remove content/exchanges/, or switch the section on (sections.exchanges.enabled)"]
