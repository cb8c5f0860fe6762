"""Privacy of aggregates: a withheld member shows in no count, facet, list or export either.

test_privacy.py looks for a withheld member's name and id. A member can also leak through
what is counted about them: the members listing's filter options and their counts, the
"N members in M countries" line, country pages and the map, the data exports, the search
index. The fixture's withheld member is the only member from Uruguay and the only midwife
(tests/fixtures/hub/members.yaml), so any of these built from all members would show them.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from quality_scan import reader_files, root_helpers

from hub.countries import country
from hub.load_yaml import parse
from hub.search_index import BuiltIndex
from hub.vocab import PROFESSIONS

pytestmark = pytest.mark.slow
FIXTURE = root_helpers().FIXTURE


def _members() -> tuple[list[dict], list[dict]]:
    doc, problems = parse((FIXTURE / "members.yaml").read_text(encoding="utf-8"), "members.yaml")
    assert doc is not None, problems
    yes = [m for m in doc.data if m["consent"]["public"] == "true"]
    no = [m for m in doc.data if m["consent"]["public"] != "true"]
    return yes, no


def withheld_only(key: str) -> set[str]:
    """Values of `key` that only withheld members have."""
    yes, no = _members()
    return {m[key] for m in no} - {m[key] for m in yes}


class _Facets(HTMLParser):
    """The filter options of a listing: facet key -> {value: count}."""

    def __init__(self) -> None:
        super().__init__()
        self.facets: dict[str, dict[str, int]] = {}
        self._facet: str | None = None
        self._value: str | None = None
        self._in_count = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "fieldset" and a.get("data-facet"):
            self._facet = a["data-facet"]
            self.facets[self._facet] = {}
        elif tag == "input" and self._facet and a.get("type") == "checkbox":
            self._value = a.get("value")
        elif tag == "span" and "data-count" in a and self._value is not None:
            self._in_count = True

    def handle_data(self, data: str) -> None:
        if self._in_count and self._facet and self._value is not None:
            self.facets[self._facet][self._value] = int(data.strip("() "))
            self._in_count, self._value = False, None

    def handle_endtag(self, tag: str) -> None:
        if tag == "fieldset":
            self._facet = None


def test_the_fixture_has_a_withheld_only_country_and_profession() -> None:
    assert withheld_only("country") and withheld_only("profession")


def test_member_facets_count_only_consenting_members(fixture_site: Path) -> None:
    yes, _ = _members()
    listing = (fixture_site / "members" / "index.html").read_text(encoding="utf-8")
    parser = _Facets()
    parser.feed(listing)
    facets = parser.facets
    for key in ("country", "profession"):
        expected: dict[str, int] = {}
        for m in yes:
            expected[m[key]] = expected.get(m[key], 0) + 1
        assert facets[key] == expected, key
    countries = len({m["country"] for m in yes})
    summary = rf"\b{len(yes)} members with a public profile( \([^)]*\))?, in {countries} countr"
    assert re.search(summary, listing)


def test_withheld_only_country_appears_nowhere(fixture_site: Path) -> None:
    for code in withheld_only("country"):
        name = country(code).name
        assert not (fixture_site / "countries" / code.lower()).exists()
        for f in reader_files(fixture_site):
            rel = f.relative_to(fixture_site).as_posix()
            text = f.read_text(encoding="utf-8", errors="replace")
            assert name not in text, f"{rel}: {name!r}, the country of a withheld member only"
            if rel.startswith("data/schemas/"):
                continue  # the schemas list every ISO code
            assert not re.search(rf"(?<![A-Za-z0-9]){code}(?![A-Za-z0-9])", text), \
                f"{rel}: {code!r}, the country code of a withheld member only"
            assert f"countries/{code.lower()}" not in text, rel


def test_withheld_only_profession_appears_in_no_member_aggregate(fixture_site: Path) -> None:
    """The profession's word is in the vocabulary docs (data page, schemas); it must be in
    nothing that lists, counts or exports members."""
    index = BuiltIndex.read(fixture_site)
    for code in withheld_only("profession"):
        label = PROFESSIONS[code]
        pages = [fixture_site / "members" / "index.html", fixture_site / "countries" / "index.html",
                 fixture_site / "data" / "members.json", fixture_site / "data" / "members.csv",
                 *fixture_site.glob("members/*/index.html"), *fixture_site.glob("countries/*/index.html"),
                 *fixture_site.glob("partners/*/index.html")]
        for page in pages:
            text = page.read_text(encoding="utf-8")
            rel = page.relative_to(fixture_site)
            assert not re.search(rf"\b{re.escape(code)}\b", text), f"{rel}: {code!r}"
            assert not re.search(rf"\b{re.escape(label)}\b", text, re.I), f"{rel}: {label!r}"
        for doc in index.pages():
            if doc["location"].startswith(("members/", "countries/", "partners/")):
                assert label.lower() not in (doc["title"] + " " + doc["text"]).lower(), doc["location"]
        found = set.intersection(*(index.pages_with(w) for w in label.split()))
        assert not [p for p in found if p.startswith(("members/", "countries/", "partners/"))], label


def test_numbers_page_counts_only_consenting_members(fixture_site: Path) -> None:
    """The equity indicators (/numbers/, data/numbers.json): a withheld member is in no numerator
    and no denominator. The fixture's withheld member is the only one from Uruguay (Region of the
    Americas, high income): counted, they would show as one member there."""
    yes, no = _members()
    data = json.loads((fixture_site / "data" / "numbers.json").read_text(encoding="utf-8"))
    figures = {f["id"]: f for f in data["figures"]}
    public_regions = {country(m["country"]).who_region for m in yes}
    public_incomes = {country(m["country"]).income_group for m in yes}
    for fid in ("members-by-income", "members-by-region"):
        assert figures[fid]["total"] == len(yes), fid
        assert sum(r["count"] for r in figures[fid]["rows"]) == len(yes), fid
    rows = {(f, r["key"]): r["count"] for f in ("members-by-income", "members-by-region")
            for r in figures[f]["rows"]}
    for code in withheld_only("country"):
        c = country(code)
        if c.who_region not in public_regions:
            assert rows[("members-by-region", c.who_region)] == 0
        if c.income_group not in public_incomes:
            assert rows[("members-by-income", c.income_group)] == 0
    for f in ("records-not-updated",):
        members_row = next(r for r in figures[f]["rows"] if r["key"] == "members")
        assert members_row["total"] == len(yes)
    withheld_ids = {m["id"] for m in no}
    text = (fixture_site / "numbers" / "index.html").read_text(encoding="utf-8")
    for m in no:
        assert m["id"] not in text and m["name"] not in text
    assert not withheld_ids & {r["key"] for f in data["figures"] for r in f["rows"]}
