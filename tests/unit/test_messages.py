"""Every rule of the validator, tried as a new contributor would meet it, with its exact message.

Each row of the table is one mistake in an otherwise valid, minimal hub: a record of one kind
with some fields changed (`drop`: fields removed, `extra`: fields added at the end, `body`: a
brief's text), or a whole file given as bytes (`("raw", path, data)`), or a file left out
(`("missing", path, b"")`). The expected lines are what `make validate` prints:
`path:line:col: where: message; hint`. A message that reads badly to a newcomer is fixed in
hooks/hub/, not here.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURE
from hub.validate_links import validate

BASES: dict[str, list[tuple[str, str]]] = {
    "partner": [
        ("id", "alpha-ministry"), ("name", "Alpha Example Ministry of Health"), ("type", "ministry"),
        ("country", '"NP"'), ("tier", "federal"), ("website", "https://example.org/alpha"),
        ("focus", "[primary-care, uhc]"), ("since", "2021-03-01"),
        ("description", "Alpha leads the primary care reform."),
    ],
    "member": [
        ("id", "ada-example"), ("name", "Ada Example"), ("role", "fellow"), ("profession", "physician"),
        ("country", '"NP"'), ("affiliation", "alpha-ministry"),
        ("consent", "{public: true, date: 2024-01-10}"),
    ],
    "track": [("id", "social-medicine"), ("title", "Social medicine"),
              ("description", "Health as a social matter.")],
    "module": [
        ("id", "sm-101"), ("title", "Foundations of social medicine"), ("track", "social-medicine"),
        ("level", "introductory"), ("competencies", "[social-medicine]"), ("duration_hours", "3"),
        ("objectives", "[Explain the social determinants of health.]"),
        ("sessions", "\n  - {title: Lecture, minutes: 90, format: lecture}"),
        ("readings", '\n  - {title: Structural violence, year: 2006, doi: "10.1371/journal.pmed.0030449", '
                     "open_access: true}"),
        ("assessment", "A short essay."),
    ],
    "brief": [
        ("title", "A brief"), ("date", "2025-05-01"), ("authors", "\n  - member: ada-example"),
        ("countries", '["NP"]'), ("tiers", "[local]"), ("topics", "[uhc]"), ("sdg_targets", '["3.8"]'),
        ("status", "published"), ("summary", "Fund primary care."),
        ("recommendations", "\n  - Fund primary care."),
        ("references", '\n  - {title: Declaration of Astana, year: 2018, url: "https://www.who.int/"}'),
        ("review_by", "2027-05-01"),
    ],
}
FILES = {"partner": "partners.yaml", "member": "members.yaml", "track": "curriculum/tracks.yaml",
         "module": "curriculum/modules/sm-101.yaml", "brief": "content/briefs/x-brief.md"}
HIDDEN_MEMBER = ("- id: hidden-example\n  name: Hidden Example\n  role: fellow\n  profession: nurse\n"
                 '  country: "KE"\n  consent: {public: false, date: 2024-03-01}\n')
SM_201 = ("id: sm-201\ntitle: Community diagnosis\ntrack: social-medicine\nlevel: intermediate\n"
          "competencies: [community-engagement]\nduration_hours: 3\nprerequisites: [sm-101]\n"
          "objectives: [Run a community diagnosis.]\n"
          "sessions:\n  - {title: Field, minutes: 90, format: fieldwork}\n"
          'readings:\n  - {title: Closing the gap, year: 2008, url: "https://www.who.int/", '
          "open_access: true}\n"
          "assessment: A community profile.\n")
# Hints that several rows end with (the other message tables import them too).
HTTPS_LINKS = "links must start with https:// (or point to another page of the hub)"
EMAIL = ("contains an e-mail address; the hub never publishes e-mail addresses; remove it (readers reach "
         "people through the partner's `website:` or the network's coordinators)")
WITHHELD = ("names a member of the network who has not agreed to a public profile; remove the "
            "name, or ask the member to agree to a public profile first (consent.public in "
            "members.yaml; see Consent in CONTRIBUTING.md)")
NOT_A_LIST = ("partners.yaml:1:1: partners: the file must be a list of partners; start each record "
              "with `- id: ...` at the left margin")


def fields_text(kind: str, changes: dict) -> str:
    changes = dict(changes)
    drop, extra = set(changes.pop("drop", ())), changes.pop("extra", {})
    body = changes.pop("body", "## Body\n\nFine.\n")
    pairs = [(k, changes.pop(k, v)) for k, v in BASES[kind] if k not in drop]
    pairs += list(changes.items()) + list(extra.items())
    list_item = kind in ("partner", "member", "track")
    lines = []
    for i, (k, v) in enumerate(pairs):
        lead = ("- " if i == 0 else "  ") if list_item else ""
        lines.append(f"{lead}{k}:{'' if v == '' or v.startswith(chr(10)) else ' '}{v}")
    text = "\n".join(lines) + "\n"
    if kind == "brief":
        return f"---\n{text}---\n{body}"
    return text


def make_mini_hub(root: Path, kind: Any, changes: dict | None = None) -> None:
    """The smallest valid hub, with the record of `kind` changed by `changes` (or a raw file)."""
    files = {
        "partners.yaml": fields_text("partner", {}),
        "members.yaml": fields_text("member", {}) + HIDDEN_MEMBER,
        "curriculum/tracks.yaml": fields_text("track", {}),
        "curriculum/modules/sm-101.yaml": fields_text("module", {}),
        "curriculum/modules/sm-201.yaml": SM_201,
    }
    raw: dict[str, bytes] = {}
    missing = None
    if isinstance(kind, tuple):
        how, rel, data = kind
        if how == "missing":
            missing = rel
        else:
            raw[rel] = data
    elif kind == "member":
        files["members.yaml"] = fields_text("member", changes or {}) + HIDDEN_MEMBER
    elif kind is not None:
        files[FILES[kind]] = fields_text(kind, changes or {})
    (root / "content" / "briefs").mkdir(parents=True, exist_ok=True)
    shutil.copy2(FIXTURE / "hub.yml", root / "hub.yml")  # the fixture network's configuration
    for rel, text in files.items():
        if rel != missing and rel not in raw:
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8")
    for rel, data in raw.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)


def messages(root: Path) -> list[str]:
    _, problems = validate(root, on=dt.date(2025, 12, 2))
    return [p.format() for p in problems]


def mini_hub_messages(root: Path, kind: Any, changes: dict | None = None) -> list[str]:
    """What `make validate` prints for the minimal hub with one change (see `make_mini_hub`):
    the one step every exact-message table of tests/unit/ runs for each of its rows."""
    make_mini_hub(root, kind, changes)
    return messages(root)


def test_the_minimal_hub_is_valid(tmp_path: Path) -> None:
    assert mini_hub_messages(tmp_path, None) == []


CASES = [
    pytest.param('partner', {'name': '[Alpha, Beta]'}, [
        'partners.yaml:2:9: partners[1].name: expected text here, found a list; write a '
        'single value on the same line as the field name; text that starts with [ or { must '
        'be put in quotes',
    ], id='text-list'),
    pytest.param('partner', {'name': '{first: Alpha}'}, [
        'partners.yaml:2:9: partners[1].name: expected text here, found a group of fields; '
        'write a single value on the same line as the field name; text that starts with [ or '
        '{ must be put in quotes',
    ], id='text-group'),
    pytest.param('partner', {'name': '""'}, [
        'partners.yaml:2:9: partners[1].name: must not be empty; write some text, or remove '
        'the field if it is optional',
    ], id='plain-empty'),
    pytest.param('partner', {'name': '"Alpha <Ministry>"'}, [
        "partners.yaml:2:9: partners[1].name: must not contain < or >; write 'less than' / "
        "'more than', or remove the brackets",
    ], id='plain-brackets'),
    pytest.param('partner', {'name': '"Alpha {{ config }}"'}, [
        'partners.yaml:2:9: partners[1].name: must not contain template code ({{, }}, {%, '
        '%}); remove the braces',
    ], id='plain-jinja'),
    pytest.param('member', {'bio': 'Write to ada@example.org.'}, [
        f"members.yaml:8:8: members[1].bio: {EMAIL}",
    ], id='plain-email'),
    pytest.param('member', {'bio': '"Call +254 20 271 0000 any day."'}, [
        'members.yaml:8:8: members[1].bio: contains what looks like a phone number; the hub '
        'never publishes phone numbers; remove it',
    ], id='plain-phone'),
    pytest.param('partner', {'description': '""'}, [
        'partners.yaml:9:16: partners[1].description: must not be empty; write some text, or '
        'remove the field if it is optional',
    ], id='md-empty'),
    pytest.param('partner', {'description': '"Alpha <b>leads</b>."'}, [
        "partners.yaml:9:16: partners[1].description: raw HTML ('<b>') is not allowed in "
        'contributed text; use Markdown instead: **bold**, *italic*, [link text](https://...)',
    ], id='md-html'),
    pytest.param('partner', {'description': '"<script>alert(1)</script>"'}, [
        "partners.yaml:9:16: partners[1].description: a script ('<script>') is not allowed in "
        'contributed text; remove it: contributed text cannot run scripts',
    ], id='md-script'),
    pytest.param('partner', {'description': '"There are {{ count() }} of us."'}, [
        "partners.yaml:9:16: partners[1].description: template code ('{{') is not allowed in "
        'contributed text; remove the braces: contributed pages are never run as templates',
    ], id='md-jinja'),
    pytest.param('module', {'notes': '"{% include \'x\' %}"'}, [
        "curriculum/modules/sm-101.yaml:13:8: notes: template code ('{%') is not allowed in "
        'contributed text; remove the braces: contributed pages are never run as templates',
    ], id='md-jinja-statement'),
    pytest.param('partner', {'description': '"![logo](logo.png){: onerror=alert(1)}"'}, [
        "partners.yaml:9:16: partners[1].description: 'onerror=' (an event-handler attribute) "
        'is not allowed in contributed text; remove it: contributed text cannot run scripts',
    ], id='md-event'),
    pytest.param('partner', {'description': '"Alpha.{: style=\\"color: red\\"}"'}, [
        'partners.yaml:9:16: partners[1].description: HTML attributes (\'{: style="color: '
        'red"}\') are not allowed in contributed text; remove the { ... } part; the hub\'s '
        'style is applied automatically',
    ], id='md-attr-list'),
    pytest.param('partner', {'description': '"[site](javascript:alert(1))"'}, [
        f"partners.yaml:9:16: partners[1].description: links to 'javascript:' addresses are not allowed; "
        f"{HTTPS_LINKS}",
    ], id='md-javascript'),
    pytest.param('partner', {'description': '"![x](data:image/svg+xml;base64,PHN2Zz4=)"'}, [
        f"partners.yaml:9:16: partners[1].description: links to 'data:' addresses are not allowed; "
        f"{HTTPS_LINKS}",
    ], id='md-data'),
    pytest.param('partner', {'description': '"[site](jav&#x61;script:alert(1))"'}, [
        "partners.yaml:9:16: partners[1].description: links to 'javascript:' addresses are "
        f"not allowed (written as 'jav&#x61;script:alert(1'); {HTTPS_LINKS}",
    ], id='md-entity'),
    pytest.param('partner', {'description': '"[site](javascript&colon;alert(1))"'}, [
        "partners.yaml:9:16: partners[1].description: links to 'javascript:' addresses are "
        f"not allowed (written as 'javascript&colon;alert(1'); {HTTPS_LINKS}",
    ], id='md-entity-colon'),
    pytest.param('partner', {'description': '"[site][1]\\n\\n[1]: javascript:alert(1)"'}, [
        f"partners.yaml:9:16: partners[1].description: links to 'javascript:' addresses are not allowed; "
        f"{HTTPS_LINKS}",
    ], id='md-reference'),
    pytest.param('partner', {'description': '"See <javascript:alert(1)>."'}, [
        f"partners.yaml:9:16: partners[1].description: links to 'javascript:' addresses are not allowed; "
        f"{HTTPS_LINKS}",
    ], id='md-autolink'),
    pytest.param('partner', {'description': '"[x]( VBScript:msgbox(1))"'}, [
        f"partners.yaml:9:16: partners[1].description: links to 'vbscript:' addresses are not allowed; "
        f"{HTTPS_LINKS}",
    ], id='md-vbscript-caps'),
    pytest.param('partner', {'description': '"[site](http://example.org/)"'}, [
        "partners.yaml:9:16: partners[1].description: the link 'http://example.org/' uses "
        'http://; use the https:// address of the page',
    ], id='md-http'),
    pytest.param('partner', {'description': '"[write](mailto:ada@example.org)"'}, [
        f"partners.yaml:9:16: partners[1].description: {EMAIL}",
    ], id='md-mailto'),
    pytest.param('track', {'description': '"Call (020) 271 0000."'}, [
        'curriculum/tracks.yaml:3:16: tracks[1].description: contains what looks like a phone '
        'number; the hub never publishes phone numbers; remove it',
    ], id='md-phone'),
    pytest.param('partner', {'id': 'Alpha_Ministry'}, [
        "partners.yaml:1:7: partners[1].id: 'Alpha_Ministry' is not a valid id; use "
        "lower-case letters, digits and hyphens only, e.g. 'alpha-ministry'",
    ], id='slug'),
    pytest.param('partner', {"id": "x" * 81}, [
        "members.yaml:6:16: members[1].affiliation: no partner has the id 'alpha-ministry'; "
        'use an id from partners.yaml',
        'partners.yaml:1:7: partners[1].id: the id is longer than 80 characters; shorten it',
    ], id='slug-long'),
    pytest.param('partner', {'type': 'minstry'}, [
        "partners.yaml:3:9: partners[1].type: 'minstry' is not a known partner type; did you "
        "mean 'ministry'?",
    ], id='vocab-near'),
    pytest.param('member', {'role': 'student'}, [
        "members.yaml:3:9: members[1].role: 'student' is not a known member role; allowed: "
        'fellow, mentor, coordinator, alumni, steering-committee',
    ], id='vocab-allowed'),
    pytest.param('partner', {'country': '"np"'}, [
        "partners.yaml:4:12: partners[1].country: 'np' must be written in capitals; write "
        '"NP" (in quotes)',
    ], id='country-lower'),
    pytest.param('partner', {'country': 'Kenia'}, [
        "partners.yaml:4:12: partners[1].country: 'Kenia' is not a two-letter country code; "
        'did you mean "KE" (Kenya)?',
    ], id='country-name'),
    pytest.param('partner', {'country': 'NPL'}, [
        "partners.yaml:4:12: partners[1].country: 'NPL' is not a two-letter country code; did "
        'you mean "NP" (Nepal)?',
    ], id='country-alpha3'),
    pytest.param('partner', {'country': '"XX"'}, [
        "partners.yaml:4:12: partners[1].country: 'XX' is not a country code; use the "
        'country\'s two-letter ISO 3166-1 code, in capitals and quotes, e.g. "NP" for Nepal; '
        'the codes are listed at https://www.iso.org/obp/ui/#search/code/',
    ], id='country-unknown'),
    pytest.param('partner', {'website': 'http://example.org/alpha'}, [
        "partners.yaml:6:12: partners[1].website: 'http://example.org/alpha' uses http://; "
        'use the https:// address of the page',
    ], id='url-http'),
    pytest.param('partner', {'website': 'example.org/alpha'}, [
        "partners.yaml:6:12: partners[1].website: 'example.org/alpha' is not a full web "
        'address; write it with https:// in front: https://example.org/alpha',
    ], id='url-bare'),
    pytest.param('partner', {'website': 'ftp://example.org/alpha'}, [
        "partners.yaml:6:12: partners[1].website: 'ftp://example.org/alpha' is not a web "
        'address; write the full address, starting with https://',
    ], id='url-other'),
    pytest.param('module', {'readings': '\n  - {title: A, year: 2006, '
                                      'doi: "https://doi.org/10.1371/journal.pmed.0030449", '
                                      'open_access: true}'}, [
        'curriculum/modules/sm-101.yaml:11:33: readings[1].doi: '
        "'https://doi.org/10.1371/journal.pmed.0030449' is a link to a DOI, not the DOI "
        'itself; write the DOI alone: "10.1371/journal.pmed.0030449"',
    ], id='doi-link'),
    pytest.param('module', {'readings': '\n  - {title: A, year: 2006, doi: "journal.pmed.0030449", '
                                      'open_access: true}'}, [
        "curriculum/modules/sm-101.yaml:11:33: readings[1].doi: 'journal.pmed.0030449' is not "
        'a DOI; a DOI looks like 10.1371/journal.pmed.0030449',
    ], id='doi-bad'),
    pytest.param('member', {'links': '{orcid: 1234-5678}'}, [
        "members.yaml:8:18: members[1].links.orcid: '1234-5678' is not an ORCID iD; an ORCID "
        'iD looks like 0000-0002-1825-0097',
    ], id='orcid-format'),
    pytest.param('member', {'links': '{orcid: 0000-0002-1825-0098}'}, [
        "members.yaml:8:18: members[1].links.orcid: '0000-0002-1825-0098' is not a valid "
        "ORCID iD (its check digit is wrong); copy the iD from the person's ORCID page",
    ], id='orcid-check'),
    pytest.param('partner', {'sdg_targets': '["3.88"]'}, [
        "partners.yaml:10:17: partners[1].sdg_targets[1]: '3.88' is not an SDG target the hub "
        'knows; did you mean \'3.8\'? (write targets in quotes: "3.8")',
    ], id='sdg'),
    pytest.param('partner', {'since': '01-03-2021'}, [
        "partners.yaml:8:10: partners[1].since: '01-03-2021' is not a date in the form "
        'YYYY-MM-DD; write the year, month and day with hyphens, e.g. 2025-03-31 for 31 March '
        '2025',
    ], id='date-format'),
    pytest.param('partner', {'since': '2021/3/1'}, [
        "partners.yaml:8:10: partners[1].since: '2021/3/1' is not a date in the form "
        'YYYY-MM-DD; write 2021-03-01',
    ], id='date-slashes'),
    pytest.param('partner', {'since': '2021-02-30'}, [
        "partners.yaml:8:10: partners[1].since: '2021-02-30' is not a real date; check the "
        'month (01 to 12) and the day (the order is YYYY-MM-DD)',
    ], id='date-unreal'),
    pytest.param('member', {'cohort': 'twenty'}, [
        "members.yaml:8:11: members[1].cohort: 'twenty' is not a whole number; write digits "
        'only, e.g. 2018 (four digits)',
    ], id='int-words'),
    pytest.param('member', {'cohort': '2023.5'}, [
        "members.yaml:8:11: members[1].cohort: '2023.5' is not a whole number; write digits "
        'only, e.g. 2018 (four digits)',
    ], id='int-fraction'),
    pytest.param('member', {'cohort': '23'}, [
        'members.yaml:8:11: members[1].cohort: 23 is not a year from 1800 to 2100; e.g. 2018 '
        '(four digits)',
    ], id='year-range'),
    pytest.param('module', {'sessions': '\n  - {title: Long, minutes: 900, format: lecture}'}, [
        'curriculum/modules/sm-101.yaml:9:28: sessions[1].minutes: 900 is not a number of '
        'minutes from 5 to 600; e.g. 90',
    ], id='minutes-range'),
    pytest.param('module', {'duration_hours': 'three'}, [
        "curriculum/modules/sm-101.yaml:6:17: duration_hours: 'three' is not a number; write "
        'digits only, e.g. 4.5',
    ], id='hours-words'),
    pytest.param('module', {'readings': '\n  - {title: A, year: 2006, url: "https://www.who.int/", '
                                      'open_access: "yes"}'}, [
        "curriculum/modules/sm-101.yaml:11:70: readings[1].open_access: 'yes' is not true or "
        'false; write true or false (without quotes)',
    ], id='bool'),
    pytest.param('partner', {'type': 'ngo'}, [
        "partners.yaml:5:9: partners[1].tier: a partner of type 'ngo' has no tier of "
        'government; remove `tier:`; it is only for partners of type ministry, '
        'provincial-health-office or municipal-health-office',
    ], id='tier-not-government'),
    pytest.param('brief', {'authors': '\n  - {member: ada-example, name: Ada}'}, [
        'content/briefs/x-brief.md:5:5: authors[1]: an author has both `member:` and `name:`; '
        'keep `member:` for a member of the network (the name comes from members.yaml), or '
        '`name:` for an outside author',
    ], id='author-both'),
    pytest.param('brief', {'authors': '\n  - {affiliation: Example Institute}'}, [
        'content/briefs/x-brief.md:5:5: authors[1]: an author needs `member:` (a member id) '
        'or `name:`; write `- member: <id>` for a member, or `- name: ...` and `affiliation: '
        '...` for an outside author',
    ], id='author-neither'),
    pytest.param('brief', {'authors': '\n  - {member: ada-example, affiliation: X}'}, [
        'content/briefs/x-brief.md:5:5: authors[1]: `affiliation:` is only for outside '
        "authors; a member's affiliation comes from members.yaml; remove it here",
    ], id='author-member-affiliation'),
    pytest.param('brief', {'references': '\n  - {title: A report, year: 2018}'}, [
        'content/briefs/x-brief.md:15:5: references[1]: a reference needs a `url:` or a '
        '`doi:` so readers can find it; add the https:// address or the DOI',
    ], id='reference-unfindable'),
    pytest.param('brief', {'review_by': '2025-01-01'}, [
        'content/briefs/x-brief.md:16:12: review_by: `review_by` must be later than `date`; '
        'set the date by which the evidence should be checked again, usually one to three '
        'years after `date`',
    ], id='review-before-date'),
    pytest.param('module', {'duration_hours': '1'}, [
        'curriculum/modules/sm-101.yaml:6:17: duration_hours: the sessions add up to 90 '
        'minutes, more than duration_hours (1 h = 60 minutes); raise duration_hours to at '
        'least 1.5 or shorten the sessions',
    ], id='sessions-too-long'),
    pytest.param('partner', {'extra': {'name': 'Again'}}, [
        "partners.yaml:10:3: partners[1].name: the field 'name' appears twice in the same "
        'record (first on line 2); keep one of the two and delete the other',
    ], id='yaml-duplicate-key'),
    pytest.param(('raw', 'partners.yaml', b'- id: &a alpha\n  name: *a\n'), None, [
        'partners.yaml:2:9: aliases (*name) are not allowed in record files; write the value '
        'out in full instead of referring to an anchor',
    ], id='yaml-alias'),
    pytest.param(('raw', 'partners.yaml', b'- id: !!python/name:os.system alpha\n'), None, [
        "partners.yaml:1:7: the YAML tag 'tag:yaml.org,2002:python/name:os.system' is not "
        'allowed in record files; remove the tag (the word starting with !) or put the value '
        'in quotes',
    ], id='yaml-tag'),
    pytest.param(('raw', 'partners.yaml', b'- <<: {id: alpha}\n'), None, [
        'partners.yaml:1:3: merge keys (<<) are not allowed in record files; write every '
        'field out in full',
    ], id='yaml-merge'),
    pytest.param(('raw', 'partners.yaml', b'- id: alpha\n  name: Alpha: the ministry\n'), None, [
        'partners.yaml:2:14: YAML syntax error: mapping values are not allowed here; a value '
        'that contains \': \' must be put in quotes, e.g. title: "Health: a right"',
    ], id='yaml-colon'),
    pytest.param(('raw', 'partners.yaml', b'- id: alpha\n\tname: Alpha\n'), None, [
        "partners.yaml:2:1: YAML syntax error: found character '\\t' that cannot start any "
        'token (while scanning for the next token); indent with spaces, not tabs',
    ], id='yaml-tab'),
    pytest.param(('raw', 'partners.yaml', b'- id: alpha\n  focus: [uhc, primary-care\n  name: Alpha\n'),
                 None, [
        "partners.yaml:2:10: YAML syntax error: expected ',' or ']', but got ':' (while "
        'parsing a flow sequence); a [ list ] opened here is never closed with ], or an item '
        'in it needs quotes (the problem shows on line 3)',
    ], id='yaml-list-open'),
    pytest.param(('raw', 'partners.yaml', b'- id: alpha\n  links: {website: x\n  name: Alpha\n'), None, [
        "partners.yaml:2:10: YAML syntax error: expected ',' or '}', but got ':' (while "
        'parsing a flow mapping); a { group } opened here is never closed with }, or a value '
        'in it needs quotes (the problem shows on line 3)',
    ], id='yaml-group-open'),
    pytest.param(('raw', 'partners.yaml', b'- id: alpha\n  name: "Alpha\n  type: ngo\n'), None, [
        'partners.yaml:2:9: YAML syntax error: found unexpected end of stream (while scanning '
        'a quoted scalar); a quote opened here is never closed (the problem shows on line 4)',
    ], id='yaml-quote-open'),
    pytest.param(('raw', 'partners.yaml', b'- id: alpha\n  name: Alpha\n type: ngo\n'), None, [
        "partners.yaml:3:2: this line is indented differently from the fields around it; indent "
        "each field of a record by two spaces, like its other fields (spaces only)",
    ], id='yaml-indent'),
    pytest.param(('raw', 'partners.yaml', b'- id: alpha\n  name: @alpha\n'), None, [
        "partners.yaml:2:9: YAML syntax error: found character '@' that cannot start any "
        'token (while scanning for the next token); values that start with @, ` or ! must be '
        'put in quotes',
    ], id='yaml-at'),
    pytest.param(('raw', 'partners.yaml', b'- id: alpha\n  name: Al\x07pha\n'), None, [
        'partners.yaml:2:11: the file contains an invisible control character (#x0007); '
        'delete it (retype the text around it if you cannot see it)',
    ], id='yaml-control'),
    pytest.param(('raw', 'partners.yaml', b'- ' + b'[' * 50 + b']' * 50 + b'\n'), None, [
        'partners.yaml:1:42: the data is nested more than 40 levels deep; records need only a '
        'few levels; check the indentation',
    ], id='yaml-deep'),
    pytest.param(('raw', 'partners.yaml', b''), None, [
        'partners.yaml:1:1: the file is empty; see CONTRIBUTING.md for a complete example of '
        'this kind of file',
    ], id='file-empty'),
    # A list file with only comments is a list with nothing in it yet (a new hub), not a mistake.
    pytest.param(('raw', 'members.yaml', b'# members\n\n'), None, [], id='file-comments-only'),
    pytest.param(('raw', 'partners.yaml', b'- id: alpha\n  city: Bogot\xe1\n'), None, [
        'partners.yaml:2:14: the file is not UTF-8 text (byte 0xE1); save the file with UTF-8 '
        'encoding (in most editors: Save with encoding > UTF-8)',
    ], id='file-not-utf8'),
    pytest.param(("raw", "partners.yaml", b"#" * 5_000_001), None, [
        'partners.yaml:1:1: the file is larger than 5 MB; split it into smaller files',
    ], id='file-too-large'),
    pytest.param(('raw', 'content/briefs/x-brief.md', b'## Just text\n'), None, [
        'content/briefs/x-brief.md:1:1: the file does not start with front matter; the first '
        'line must be `---`, then the fields, then a line `---`',
    ], id='brief-no-front-matter'),
    pytest.param(('raw', 'content/briefs/x-brief.md', b'---\ntitle: x\n'), None, [
        'content/briefs/x-brief.md:1:1: the front matter is never closed; add a line with '
        'only `---` after the last field',
    ], id='brief-front-matter-open'),
    pytest.param(('raw', 'content/briefs/x-brief.md', b''), None, [
        'content/briefs/x-brief.md:1:1: the file is empty; see CONTRIBUTING.md for a complete '
        'example of a brief',
    ], id='brief-empty'),
    pytest.param('partner', {'drop': ['website']}, [
        'partners.yaml:1:3: partners[1]: the required field `website` is missing; add '
        '`website:` to this record',
    ], id='missing-field'),
    pytest.param('partner', {'drop': ['id']}, [
        "members.yaml:6:16: members[1].affiliation: no partner has the id 'alpha-ministry'; "
        'use an id from partners.yaml',
        'partners.yaml:1:3: partners[1]: the required field `id` is missing; add `id:` with a '
        'short unique name: lower-case letters, digits and hyphens',
    ], id='missing-id'),
    pytest.param('member', {'drop': ['consent']}, [
        'members.yaml:1:3: members[1]: the required field `consent` is missing; add '
        '`consent:` with `public: false` and the `date:`, and set `public: true` only once '
        'the member has agreed in writing (see Consent in CONTRIBUTING.md)',
    ], id='missing-consent'),
    pytest.param('member', {'consent': '{date: 2024-01-10}'}, [
        'members.yaml:7:12: members[1].consent: the required field `public` is missing; add '
        '`public: true` if the member agreed in writing to a public profile, else false',
    ], id='missing-public'),
    pytest.param('module', {'readings': '\n  - {title: A, year: 2006, url: "https://www.who.int/"}'}, [
        'curriculum/modules/sm-101.yaml:11:5: readings[1]: the required field `open_access` '
        'is missing; add `open_access: true` if anyone can read it free of charge, else false',
    ], id='missing-open-access'),
    pytest.param('partner', {'name': ''}, [
        'partners.yaml:2:8: partners[1].name: has no value; write a value after `name:`, or '
        'remove the line if the field is optional',
    ], id='no-value'),
    pytest.param('brief', {'countries': ''}, [
        'content/briefs/x-brief.md:6:11: countries: has no value; write a value after '
        '`countries:`, or remove the line if the field is optional',
    ], id='no-value-list'),
    pytest.param('partner', {'extra': {'email': 'alpha@example.org'}}, [
        'partners.yaml:10:3: partners[1].email: `email` cannot be published: the hub keeps no '
        'e-mail addresses, phone numbers or postal addresses; remove this field (people are '
        "reached through the network's coordinators)",
    ], id='private-field'),
    pytest.param('member', {'extra': {'phone': '"+977 1 4412 345"'}}, [
        'members.yaml:8:3: members[1].phone: `phone` cannot be published: the hub keeps no '
        'e-mail addresses, phone numbers or postal addresses; remove this field (people are '
        "reached through the network's coordinators)",
    ], id='private-field-phone'),
    pytest.param('brief', {'extra': {'render_macros': 'true'}}, [
        'content/briefs/x-brief.md:17:1: render_macros: `render_macros` is not allowed in '
        'contributed files: they are never run as templates; remove this field',
    ], id='template-field'),
    pytest.param('brief', {'extra': {'template': 'main.html'}}, [
        'content/briefs/x-brief.md:17:1: template: `template` is not allowed in contributed '
        'files: they are never run as templates; remove this field',
    ], id='template-field-template'),
    pytest.param('partner', {'extra': {'wbsite': 'https://example.org/a'}}, [
        'partners.yaml:10:3: partners[1].wbsite: unknown field `wbsite`; did you mean '
        '`website`?',
    ], id='unknown-field-near'),
    pytest.param('member', {'extra': {'hobbies': 'chess'}}, [
        'members.yaml:8:3: members[1].hobbies: unknown field `hobbies`; allowed fields: id, '
        'example, name, role, profession, country, affiliation, cohort, interests, links, '
        'bio, consent',
    ], id='unknown-field-far'),
    pytest.param('partner', {'drop': ['website'], 'extra': {'websit': 'https://example.org/a'}}, [
        'partners.yaml:9:3: partners[1].websit: unknown field `websit`; did you mean '
        '`website`?',
    ], id='misspelt-required-field'),
    pytest.param('partner', {'focus': 'uhc'}, [
        'partners.yaml:7:10: partners[1].focus: expected a list here; write the items in '
        'brackets, [a, b], or one `- item` per line',
    ], id='not-a-list'),
    pytest.param(('raw', 'partners.yaml', b'- just a name\n'), None, [
        "members.yaml:6:16: members[1].affiliation: no partner has the id 'alpha-ministry'; "
        'use an id from partners.yaml',
        'partners.yaml:1:3: partners[1]: expected a group of fields here (`field: value` '
        'lines); see CONTRIBUTING.md for an example of this record',
    ], id='not-a-group'),
    pytest.param('partner', {'focus': '[]'}, [
        'partners.yaml:7:10: partners[1].focus: needs at least 1 item; add one inside the '
        '[brackets], or as a `- item` line below the field',
    ], id='too-few'),
    pytest.param('partner', {'focus': '[uhc, ncds, nutrition, mental-health, primary-care, health-policy, '
                                     'health-equity, digital-health, climate-health]'}, [
        'partners.yaml:7:10: partners[1].focus: has more than 8 items; keep the most '
        'important ones',
    ], id='too-many'),
    pytest.param('partner', {"name": "A" * 201}, [
        'partners.yaml:2:9: partners[1].name: is longer than 200 characters (201); shorten it '
        'by at least 1 character',
    ], id='too-long-text'),
    pytest.param(('raw', 'partners.yaml', b'id: alpha\nname: Alpha\n'), None, [
        NOT_A_LIST,
    ], id='file-not-list'),
    pytest.param(('raw', 'content/briefs/x-brief.md', b'---\n- title: x\n---\nBody.\n'), None, [
        'content/briefs/x-brief.md:2:1: the front matter must be `field: value` lines; see '
        'the brief example in CONTRIBUTING.md',
    ], id='front-matter-not-group'),
    pytest.param('brief', {'body': ''}, [
        'content/briefs/x-brief.md:18:1: body: the brief has no text after the front matter; '
        'write the brief below the closing `---` line',
    ], id='brief-no-body'),
    pytest.param(('raw', 'content/briefs/X_Brief.md', b'---\ntitle: x\n---\nBody.\n'), None, [
        "content/briefs/X_Brief.md:1:1: the file name 'X_Brief.md' is not a valid brief id; "
        'use lower-case letters, digits and hyphens, e.g. community-health-workers.md',
    ], id='brief-file-name'),
    pytest.param(('raw', 'curriculum/modules/sm-101.yaml', b'- id: sm-101\n'), None, [
        'curriculum/modules/sm-101.yaml:1:1: a module file must be `field: value` lines, not '
        'a list; remove the leading `- ` and one level of indentation',
    ], id='module-not-group'),
    pytest.param('module', {'id': 'sm-100'}, [
        "curriculum/modules/sm-101.yaml:1:5: id: the id 'sm-100' differs from the file name; "
        'rename the file to sm-100.yaml or set `id: sm-101`',
    ], id='module-id-not-file-name'),
    pytest.param(('missing', 'members.yaml', b''), None, [
        'members.yaml:1:1: the file is missing; create members.yaml (see CONTRIBUTING.md)',
    ], id='file-missing'),
    pytest.param(('raw', 'curriculum/tracks.yaml', b'- {id: social-medicine, title: A, description: A.}\n'
                  b'- {id: social-medicine, title: B, description: B.}\n'), None, [
        "curriculum/tracks.yaml:2:8: tracks[2].id: the id 'social-medicine' is already used "
        "(line 1); give each record its own id; until then, every reference to 'social-medicine' "
        "means the first one (line 1)",
    ], id='duplicate-id'),
    pytest.param('partner', {'logo': 'assets/logos/alpha.svg'}, [
        'partners.yaml:10:9: partners[1].logo: the logo file content/assets/logos/alpha.svg '
        'does not exist; add the image under content/assets/logos/ and give its path from '
        'content/',
    ], id='logo-missing'),
    pytest.param('member', {'affiliation': 'alpha-ministri'}, [
        "members.yaml:6:16: members[1].affiliation: no partner has the id 'alpha-ministri'; "
        "did you mean 'alpha-ministry'?",
    ], id='affiliation-near'),
    pytest.param('member', {'affiliation': 'zzz'}, [
        "members.yaml:6:16: members[1].affiliation: no partner has the id 'zzz'; use an id "
        'from partners.yaml',
    ], id='affiliation-far'),
    pytest.param('brief', {'partners': '[beta-universty]'}, [
        'content/briefs/x-brief.md:17:12: partners[1]: no partner has the id '
        "'beta-universty'; use an id from partners.yaml",
    ], id='brief-partner-unknown'),
    pytest.param('brief', {'authors': '\n  - member: ben-exampel'}, [
        'content/briefs/x-brief.md:5:13: authors[1].member: no member has the id '
        "'ben-exampel'; use an id from members.yaml",
    ], id='brief-member-unknown'),
    pytest.param('brief', {'authors': '\n  - member: hidden-example'}, [
        "content/briefs/x-brief.md:5:13: authors[1].member: member 'hidden-example' has not "
        'given public consent, so cannot be named; ask them for consent (members.yaml, '
        'consent.public: true) or remove them',
    ], id='brief-member-no-consent'),
    pytest.param('brief', {'date': '2023-01-01', 'review_by': '2024-01-01'}, [
        'content/briefs/x-brief.md:16:12: warning: review_by: this brief was due for review '
        'on 2024-01-01; check its evidence, then set a new review_by date',
    ], id='brief-due-for-review'),
    pytest.param('module', {'track': 'social-medecine'}, [
        "curriculum/modules/sm-101.yaml:3:8: track: no track has the id 'social-medecine'; "
        "did you mean 'social-medicine'?",
    ], id='module-track-unknown'),
    pytest.param('module', {'partners': '[gamma-ong]'}, [
        'curriculum/modules/sm-101.yaml:13:12: partners[1]: no partner has the id '
        "'gamma-ong'; use an id from partners.yaml",
    ], id='module-partner-unknown'),
    pytest.param('module', {'prerequisites': '[sm-101]'}, [
        'curriculum/modules/sm-101.yaml:13:17: prerequisites[1]: a module cannot be its own '
        'prerequisite; remove it from the list',
    ], id='module-own-prerequisite'),
    pytest.param('module', {'prerequisites': '[sm-102]'}, [
        'curriculum/modules/sm-101.yaml:13:17: prerequisites[1]: no module has the id '
        "'sm-102'; did you mean 'sm-101'?",
    ], id='module-prerequisite-unknown'),
    pytest.param('module', {'prerequisites': '[sm-201]'}, [
        'curriculum/modules/sm-201.yaml:7:17: prerequisites[1]: the prerequisites form a '
        'cycle: sm-101 -> sm-201 -> sm-101; a module cannot (indirectly) require itself; '
        'remove one link',
    ], id='module-cycle'),
    pytest.param(('raw', 'partners.yaml', b'---\n'), None, [
        NOT_A_LIST,
    ], id='file-document-marker-only'),

]


@pytest.mark.parametrize("kind, changes, expected", CASES)
def test_message(kind: Any, changes: dict | None, expected: list[str], tmp_path: Path) -> None:
    assert mini_hub_messages(tmp_path, kind, changes) == expected
