"""Quote breakout: a value that reaches an HTML attribute stays inside it, on a built site.

Validation refuses quotes, spaces and angle brackets in web addresses and DOIs, so a template
that forgot `|e` on an address would go unnoticed by every build of valid records. This build
turns those two checks off (a test-only hook, loaded before the hub's) and puts quote-breakout
payloads into every address and DOI field, and into plain-text fields that reach attributes
(names in `alt` and `data-sort-*`, a summary in the meta description, titles and authors in
`citation_*` meta tags, JSON-LD). The built pages must carry no event handler and no foreign
element, and each payload must be found whole inside an attribute value (or the JSON-LD): the
proof that it reached an attribute and stayed there. Delete one `|e` in a template and this fails.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from quality_scan import root_helpers, scan_html

pytestmark = pytest.mark.slow
_h = root_helpers()
build_site, make_hub = _h.build_site, _h.make_hub

# A hook that switches off the address and DOI checks, so that the templates meet the payloads.
BYPASS = '''"""Test only: let quotes and brackets through address and DOI fields."""
import re

import hub.fields as f

f._URL_UNSAFE_RE = re.compile(r"(?!)")
f.DOI_RE = f.LOOSE_DOI_RE
'''


def dq(n: int) -> str:
    return f'x" onmouseover="alert({n})'


def sq(n: int) -> str:
    return f"x' onmouseover='alert({n})"


def tag(n: int) -> str:
    return f'x"><svg/onload=alert({n})>'


def url(payload: str) -> str:
    return "https://www.who.int/" + payload.replace(" ", "")


def yq(text: str) -> str:
    """A YAML double-quoted scalar."""
    return json.dumps(text)


# file -> [(text in the fixture, replacement)]
EDITS: dict[str, list[tuple[str, str]]] = {
    "partners.yaml": [
        ("website: https://example.org/alpha", f"website: {yq(url(dq(1)))}"),
        ("description: Beta trains", f"short_name: {yq(sq(15))}\n  description: Beta trains"),
        ("website: https://example.org/beta", f"website: {yq(url(tag(2)))}"),
        ("name: Alpha Example Ministry of Health",
         f"name: {yq('Alpha ' + dq(3))}\n  logo: assets/logos/example-np-ministry.svg"),  # alt="Logo of ..."
        ("city: Kisumu", f"city: {yq('Kisumu ' + sq(4))}"),
    ],
    "members.yaml": [
        ("  cohort: 2023\n", f"  cohort: 2023\n  links: {{website: {yq(url(tag(5)))}}}\n"),
        ("name: Ben Example", f"name: {yq('Ben ' + dq(6))}"),
    ],
    "content/briefs/alpha-brief.md": [
        ('title: "Primary care: the alpha brief"', f"title: {yq('Primary care ' + dq(7))}"),
        ("summary: Primary care reform works when it is funded.", f"summary: {yq('Funded ' + dq(8))}"),
        ("  - name: Outside Author", f"  - name: {yq('Outside ' + dq(9))}"),
        ("    url: https://www.who.int/publications/i/item/WHO-HIS-SDS-2018.61",
         f"    url: {yq(url(tag(10)))}\n    doi: {yq('10.1234/' + tag(11).replace(' ', ''))}"),
        ("review_by: 2027-05-01", f"review_by: 2027-05-01\ndoi: {yq('10.1234/' + dq(12).replace(' ', ''))}"),
    ],
    "curriculum/modules/sm-101.yaml": [
        ('    doi: "10.1371/journal.pmed.0030449"',
         f"    doi: {yq('10.1234/' + sq(13).replace(' ', ''))}\n    url: {yq(url(dq(14)))}"),
    ],
}
MARKERS = [f"alert({n})" for n in range(1, 16)]
TEXT_ONLY = {"alert(4)", "alert(15)"}  # a city, a short name: text and JSON-LD, in no attribute


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: list[str] = []
        self.scripts: list[str] = []
        self._ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.values += [v for _, v in attrs if v]
        self._ld = tag == "script" and dict(attrs).get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._ld:
            self.scripts.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._ld = False


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    hub = make_hub(tmp_path_factory.mktemp("breakout") / "hub")
    (hub / "hooks" / "test_bypass.py").write_text(BYPASS, encoding="utf-8")
    config = (hub / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks:\n" in config and "\n  - hooks/site.py" in config  # the bypass goes before site.py
    (hub / "mkdocs.yml").write_text(config.replace("hooks:\n", "hooks:\n  - hooks/test_bypass.py\n", 1),
                                    encoding="utf-8")
    for rel, edits in EDITS.items():
        text = (hub / rel).read_text(encoding="utf-8")
        for old, new in edits:
            assert old in text, f"{rel}: the fixture changed; update EDITS ({old!r})"
            text = text.replace(old, new, 1)
        (hub / rel).write_text(text, encoding="utf-8")
    result = build_site(hub, env={"SOURCE_DATE_EPOCH": "1764633600"})
    assert result.returncode == 0, result.stderr[-3000:]
    return hub / "site"


def test_no_payload_leaves_its_attribute(hostile_site: Path) -> None:
    assert scan_html(hostile_site) == []
    for page in hostile_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"<svg/onload", text, re.I), page


def test_every_payload_reached_an_attribute_whole(hostile_site: Path) -> None:
    """Not a vacuous pass: each payload is found, intact, inside some attribute or JSON-LD."""
    found: dict[str, set[str]] = {m: set() for m in MARKERS}
    for page in hostile_site.rglob("*.html"):
        parser = _Attributes()
        parser.feed(page.read_text(encoding="utf-8"))
        ld = [json.dumps(json.loads(s), ensure_ascii=False) for s in parser.scripts]
        for m in MARKERS:
            for v in parser.values:
                if m in v and re.search(r"""x["'](?:>| )?""", v):  # the quote is inside the value
                    found[m].add(f"{page.relative_to(hostile_site)} attribute")
            if any(m in s for s in ld):
                found[m].add(f"{page.relative_to(hostile_site)} JSON-LD")
    missing = [m for m, where in found.items()
               if not any(w.endswith("JSON-LD" if m in TEXT_ONLY else "attribute") for w in where)]
    assert not missing, f"payloads that reached no attribute (is the fixture still wired?): {missing}"
