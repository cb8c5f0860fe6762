"""The direction of an exchange, on every combination of income groups (hooks/hub/direction.py).

Each case is the countries of one exchange with their World Bank groups ("" = unknown); the
rule is the one written on the exchanges listing and in CONTRIBUTING.md.
"""

from __future__ import annotations

import itertools

import pytest

from hub.direction import DIRECTIONS, Direction, direction, direction_of_countries

GROUPS = ["LIC", "LMC", "UMC", "HIC", ""]
SOUTH = {"LIC", "LMC", "UMC"}


def expected(groups: list[str]) -> Direction:
    """The rule in words, written independently of the module."""
    codes = [f"C{i}" for i in range(len(groups))]
    unknown = tuple(c for c, g in zip(codes, groups, strict=True) if g == "")
    if unknown:
        return Direction("unknown", unknown)
    south = sum(g in SOUTH for g in groups)
    north = sum(g == "HIC" for g in groups)
    if north == 0:
        return Direction("south-south")
    if south == 0:
        return Direction("north-north")
    if south == 1:
        return Direction("north-south")
    return Direction("triangular")


@pytest.mark.parametrize("groups", [list(c) for n in (2, 3, 4)
                                    for c in itertools.combinations_with_replacement(GROUPS, n)],
                         ids=lambda g: "+".join(x or "unknown" for x in g))
def test_every_combination_of_groups(groups: list[str]) -> None:
    found = direction({f"C{i}": g for i, g in enumerate(groups)})
    assert found == expected(groups)
    assert found.label == DIRECTIONS[found.word]


@pytest.mark.parametrize(("groups", "word"), [
    (["LIC", "LMC"], "south-south"),
    (["UMC", "UMC"], "south-south"),  # two Southern countries of the same group
    (["LMC", "HIC"], "north-south"),
    (["LMC", "HIC", "HIC"], "north-south"),  # one Southern country, two Northern supporters
    (["LIC", "UMC", "HIC"], "triangular"),
    (["LIC", "LMC", "UMC", "HIC"], "triangular"),
    (["HIC", "HIC"], "north-north"),
    (["LMC", ""], "unknown"),
    (["HIC", ""], "unknown"),
    (["", ""], "unknown"),
])
def test_the_rule_in_words(groups: list[str], word: str) -> None:
    assert direction({f"C{i}": g for i, g in enumerate(groups)}).word == word


def test_unknown_says_which_countries() -> None:
    assert direction({"KE": "LMC", "VE": "", "ET": ""}) == Direction("unknown", ("ET", "VE"))


def test_an_unexpected_group_is_unknown_not_south() -> None:
    assert direction({"KE": "LMC", "XK": "XYZ"}) == Direction("unknown", ("XK",))


def test_one_country_is_not_an_exchange() -> None:
    with pytest.raises(ValueError):
        direction({"KE": "LMC"})


def test_from_the_country_table() -> None:
    """Kenya and Nepal are lower-middle income, Norway high income; the Cook Islands are no World
    Bank economy, so have no group (hooks/hub/data/countries.csv)."""
    assert direction_of_countries(["KE", "NP"]).word == "south-south"
    assert direction_of_countries(["KE", "NP", "NO"]).word == "triangular"
    assert direction_of_countries(["KE", "NO"]).word == "north-south"
    assert direction_of_countries(["KE", "CK"]) == Direction("unknown", ("CK",))
