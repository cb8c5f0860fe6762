"""The figures a reader sees: one definition each, the same on every page that shows it, said
in words where it is shown, and singular or plural as the number needs ("1 partner").

The fixture is changed so that the figures differ: a brief is about a country where the network
has no partner (the records concern 4 countries, partners are in 3), and Kenya has 2 partners
but 1 member and 1 brief; the hub has 1 track.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build_site, make_hub
from hub.plural import plural, plural_of

pytestmark = pytest.mark.slow

EXTRA_PARTNER = """
- id: delta-clinic
  example: true
  name: Delta Example Rural Clinic Network
  type: ngo
  country: "KE"
  website: https://example.org/delta
  focus: [primary-care]
  since: 2023-04-01
  description: Delta runs clinics in rural counties.
"""
NOUNS = ["partner", "member", "brief", "policy brief", "module", "country", "hour", "session",
         "track", "minute", "WHO region"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    hub = make_hub(tmp_path_factory.mktemp("counts") / "hub")
    partners = hub / "partners.yaml"
    partners.write_text(partners.read_text(encoding="utf-8") + EXTRA_PARTNER, encoding="utf-8")
    beta = hub / "content" / "briefs" / "beta-brief.md"
    beta.write_text(beta.read_text(encoding="utf-8").replace('countries: ["KE", "NO"]',
                                                              'countries: ["KE", "NO", "BR"]'),
                    encoding="utf-8")
    result = build_site(hub, env={"SOURCE_DATE_EPOCH": "1764633600"})
    assert result.returncode == 0, result.stderr
    return hub / "site"


def text(site: Path, rel: str) -> str:
    html = (site / rel / "index.html").read_text(encoding="utf-8")
    words = " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())
    return words.replace(" : ", ": ")  # a fact's label and its (visually hidden) colon


def test_plural_helper() -> None:
    assert [plural(1, "partner"), plural(2, "partner"), plural(0, "country"), plural("1", "country")] == [
        "1 partner", "2 partners", "0 countries", "1 country"]
    assert plural(2.5, "hour") == "2.5 hours" and plural(1.0, "hour") == "1 hour"
    assert plural([1, 2, 3], "policy brief") == "3 policy briefs" and plural_of("day") == "days"
    assert plural(2, "person", "people") == "2 people"


def test_partner_countries_are_the_same_on_the_home_page_and_the_directory(site: Path) -> None:
    home, directory = text(site, ""), text(site, "partners")
    assert "4 partners in 3 countries and 3 WHO regions" in home
    assert "4 partners in 3 countries and 3 WHO regions" in directory
    # the other figure, countries in any record, says what it counts, on both pages
    assert "the hub's records concern 4 countries" in home
    assert "4 countries in the hub's records: where partners and members are based, that policy " \
           "briefs are about, and where modules are taught" in text(site, "countries")


def test_singular_and_plural_in_lists_and_summaries(site: Path) -> None:
    countries = text(site, "countries")
    assert "Kenya 2 partners · 1 member · 1 brief · 1 module" in countries
    assert "Brazil 0 partners · 0 members · 1 brief · 0 modules" in countries
    assert "1 track, 2 modules, 7 hours of teaching in all" in text(site, "curriculum")
    assert "2 members with a public profile (only members who gave their consent), in 2 countries" \
        in text(site, "members")
    assert "Duration: 3 hours (150 minutes in 2 sessions)" in text(site, "curriculum/sm-101")
    assert "Showing 1 member." not in text(site, "members")  # 2 members: "Showing all 2 members."
    assert "Showing all 2 members." in text(site, "members")


def test_no_page_says_one_of_a_plural(site: Path) -> None:
    wrong = re.compile(r"\b1 (" + "|".join(re.escape(plural_of(n)) for n in NOUNS) + r")\b")
    found = {}
    for path in site.rglob("*.html"):
        page = " ".join(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text(" ").split())
        if hits := wrong.findall(page):
            found[path.relative_to(site).as_posix()] = hits
    assert found == {}
    assert "1 member" in text(site, "countries")  # the check looks at pages that have singulars
