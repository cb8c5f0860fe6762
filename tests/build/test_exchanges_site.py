"""Exchanges in the built fixture site: what a reader sees on the listing, an exchange's page, a
partner's, a country's and a topic's page, the countries' map, the open data and the feeds.

The fixture has three exchanges: Alpha (Nepal) and Beta (Kenya), South-South and completed;
Alpha, Beta and Gamma (Norway), triangular and ongoing; Gamma and Beta, North-South and planned.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from built_pages import page, text

pytestmark = pytest.mark.slow


def test_the_listing_shows_each_exchange_with_its_direction(fixture_site: Path) -> None:
    soup = page(fixture_site, "exchanges/index.html")
    items = soup.select("#exchange-list > li")
    titles = [li.select_one(".hub-item__title").get_text(strip=True) for li in items]
    assert titles == ["Gamma supports Beta's records system", "Training together: Alpha, Beta and Gamma",
                      "Alpha visits Beta: ward mapping in practice"]  # latest start first
    metas = [" ".join(li.select_one(".hub-item__meta").get_text(" ").split()) for li in items]
    assert metas[0].startswith("Technical support · North-South · Norway, Kenya")
    assert metas[1].startswith("Training exchange · Triangular · Nepal, Kenya, Norway")
    assert metas[2] == ("Peer learning visit · South-South · Nepal, Kenya · March 2024 to November 2024 · "
                        "Completed")
    t = text(fixture_site, "exchanges/index.html")
    assert "3 exchanges between 3 partners" in t
    assert "1 South-South, 1 Triangular, 1 North-South" in t
    assert soup.select_one("#direction") is not None  # the rule, on the page
    assert "two or more Southern countries, with one or more high-income countries" in t


def test_the_listing_filters_by_every_facet(fixture_site: Path) -> None:
    soup = page(fixture_site, "exchanges/index.html")
    facets = {fs["data-facet"]: {i["value"] for i in fs.select("input")}
              for fs in soup.select("fieldset[data-facet]")}
    assert facets == {
        "kind": {"peer-learning-visit", "training-exchange", "technical-support"},
        "direction": {"south-south", "triangular", "north-south"},
        "topic": {"primary-care", "medical-education", "nutrition"},
        "region": {"AFR", "SEAR", "EUR"}, "country": {"NP", "KE", "NO"},
        "status": {"planned", "ongoing", "completed"}, "year": {"2024", "2025", "2030"},
    }
    first = soup.select("#exchange-list > li")[-1]
    assert first["data-direction"] == "south-south" and first["data-country"] == "NP KE"


def test_an_exchange_page(fixture_site: Path) -> None:
    rel = "exchanges/alpha-beta-visit/index.html"
    soup, t = page(fixture_site, rel), text(fixture_site, rel)
    assert soup.select_one("h1").get_text(strip=True) == "Alpha visits Beta: ward mapping in practice"
    assert ("Alpha Example Ministry of Health ( Nepal ; Lower-middle income, World Bank FY" in t
            and "Beta Example Medical University ( Kenya ; Lower-middle income" in t)
    assert "Direction : South-South ( how it is derived )" in t
    assert soup.select_one("a[href='../#direction']") is not None
    assert "01 March 2024 to 30 November 2024" in t and "Status : Completed" in t
    assert "ward mapping teaching" in t and "is not yet known" in t  # innovation, outcomes
    assert "Zebrastripe is a word that only this exchange uses." in t  # the body
    assert "Ada Example" in t and "Ben Example" in t  # consenting members
    assert "Primary care: the alpha brief" in t and "Foundations of social medicine" in t
    assert "Declaration of Astana" in soup.select_one("#references + ol").get_text()
    ld = json.loads(soup.select_one("script[type='application/ld+json']").string)
    assert ld["@type"] == "Project" and ld["foundingDate"] == "2024-03-01"
    assert [m["name"] for m in ld["member"]] == ["Alpha Example Ministry of Health",
                                                "Beta Example Medical University"]


def test_a_partners_country_and_topic_pages_list_their_exchanges(fixture_site: Path) -> None:
    def listed(rel: str) -> list[str]:
        section = page(fixture_site, rel).select_one("#exchanges")
        return [a.get_text(strip=True) for a in section.select(".hub-item__title")]

    assert listed("partners/alpha-ministry/index.html") == [
        "Training together: Alpha, Beta and Gamma", "Alpha visits Beta: ward mapping in practice"]
    assert len(listed("partners/beta-university/index.html")) == 3
    assert listed("countries/no/index.html") == [
        "Gamma supports Beta's records system", "Training together: Alpha, Beta and Gamma"]
    assert listed("topics/nutrition/index.html") == ["Gamma supports Beta's records system"]


def test_the_countries_map_draws_a_line_per_pair_and_lists_them(fixture_site: Path) -> None:
    soup = page(fixture_site, "countries/index.html")
    lines = [p["data-countries"] for p in soup.select(".hub-map--exchanges .hub-map__link")]
    assert lines == ["KE NO", "KE NP", "NO NP"]
    pairs = [" ".join(li.get_text(" ").split()) for li in soup.select("#exchange-pairs ~ ul > li")]
    assert pairs[0].startswith(
        "Kenya – Norway 2 exchanges: Gamma supports Beta's records system (North-South)")
    assert pairs[2] == "Norway – Nepal 1 exchange: Training together: Alpha, Beta and Gamma (Triangular)"


def test_open_data_matches_its_schema(fixture_site: Path) -> None:
    rows = json.loads((fixture_site / "data/exchanges.json").read_text(encoding="utf-8"))
    schema_file = fixture_site / "data/schemas/exchanges.data.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    jsonschema.validate(rows, schema)
    assert [(r["id"], r["direction"], r["countries"]) for r in rows] == [
        ("gamma-beta-support", "north-south", ["NO", "KE"]),
        ("triangle-training", "triangular", ["NP", "KE", "NO"]),
        ("alpha-beta-visit", "south-south", ["NP", "KE"])]
    header = (fixture_site / "data/exchanges.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("id,title,example,kind,partners,start,end,status,topics")
    assert header.endswith(",countries,direction,direction_unknown")


def test_the_exchanges_feed(fixture_site: Path) -> None:
    rss = ET.parse(fixture_site / "exchanges.rss.xml").getroot()
    assert [i.findtext("title") for i in rss.iter("item")] == [
        "Gamma supports Beta's records system", "Training together: Alpha, Beta and Gamma",
        "Alpha visits Beta: ward mapping in practice"]
    planned = next(rss.iter("item"))
    assert planned.findtext("pubDate") == "Tue, 02 Dec 2025 00:00:00 +0000"  # not 2030: the build's date
    assert ET.parse(fixture_site / "exchanges.atom.xml").getroot() is not None
    head = page(fixture_site, "index.html").select("link[rel='alternate'][href$='exchanges.rss.xml']")
    assert len(head) == 1
