"""What the catalog derives from exchanges, on data that tells right from wrong (each test fails
under a plausible mistake): the direction counts countries, not partners; the year facet holds
every year an exchange ran; lists are the latest start first; a withheld member never shows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_exchange_messages import BETA, FILE, exchange_text
from test_messages import make_mini_hub

from hub import facets
from hub.validate_links import validate

GAMMA = ("- id: gamma-ngo\n  name: Gamma Example NGO\n  type: ngo\n"
         '  country: "NO"\n  website: https://example.org/gamma\n  focus: [uhc]\n'
         "  since: 2022-01-01\n  description: Gamma supports.\n")
ON = dt.date(2025, 12, 2)


def catalog(root: Path, exchanges: dict[str, dict]):
    make_mini_hub(root, None)
    with (root / "partners.yaml").open("a", encoding="utf-8") as fh:
        fh.write(BETA + GAMMA)
    folder = (root / FILE).parent
    folder.mkdir(parents=True, exist_ok=True)
    for name, changes in exchanges.items():
        (folder / f"{name}.md").write_text(exchange_text(changes), encoding="utf-8")
    cat, problems = validate(root, on=ON)
    assert [p.format() for p in problems] == []
    return cat


def test_the_direction_counts_countries_not_partners(tmp_path: Path) -> None:
    cat = catalog(tmp_path, {
        # two Nepalese partners and a Norwegian one: one Southern country, so North-South
        "two-in-nepal": {"partners": "[alpha-ministry, delta-ministry, gamma-ngo]"},
        "triangle": {"partners": "[alpha-ministry, beta-university, gamma-ngo]"},
        "south": {"partners": "[delta-ministry, beta-university]"},
    })
    assert {k: e.direction.word for k, e in cat.exchanges.items()} == {
        "two-in-nepal": "north-south", "triangle": "triangular", "south": "south-south"}
    assert cat.exchanges["two-in-nepal"].countries == ("NP", "NO")


def test_the_year_facet_holds_every_year_it_ran(tmp_path: Path) -> None:
    cat = catalog(tmp_path, {"long": {"start": "2022-11-01", "end": "2024-02-01"}})
    values = facets.item_values(cat, "exchanges", cat.exchanges["long"])
    assert values["year"] == "2022 2023 2024"
    assert values["country"] == "NP KE" and values["direction"] == "south-south"


def test_lists_are_the_latest_start_first_and_each_partner_once(tmp_path: Path) -> None:
    cat = catalog(tmp_path, {
        "old": {"start": "2020-01-01", "end": "2020-02-01"},
        "new": {"start": "2024-05-01", "end": "2024-06-01"},
        "mid": {"start": "2022-01-01", "end": "2022-02-01"},
    })
    assert [e.slug for e in cat.exchanges_in_order] == ["new", "mid", "old"]
    assert [e.slug for e in cat.exchanges_by_partner["alpha-ministry"]] == ["new", "mid", "old"]
    assert [e.slug for e in cat.by_topic["primary-care"]["exchanges"]] == ["new", "mid", "old"]
    assert [e.slug for e in cat.by_country["KE"]["exchanges"]] == ["new", "mid", "old"]
    assert [e.slug for e in cat.exchanges_by_member["ada-example"]] == ["new", "mid", "old"]
