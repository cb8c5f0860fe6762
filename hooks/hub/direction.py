"""The direction of an exchange, derived from its partners' countries, never typed.

The World Bank's income groups (`countries.py`, edition `countries.INCOME_EDITION`) split the
countries in two: high income (HIC) is "North"; low, lower-middle and upper-middle income
(LIC, LMC, UMC) are "South". A partner counts where its country is, whatever its type: a
development partner in a Southern country is South. Countries are counted once, however
many partners they have. Then, for an exchange between two or more countries:

* **south-south**: every country is in the South;
* **triangular**: two or more Southern countries, and one or more high-income countries
  supporting them;
* **north-south**: one Southern country, and one or more high-income countries;
* **north-north**: every country is high income (outside the network's aim, shown as it is);
* **unknown**: a country has no income group in the table (not classified by the World Bank,
  or not in the table); the page says which, rather than guessing.

The rule is written on the exchanges listing page (overrides/hub/exchanges.html, `#direction`)
and in CONTRIBUTING.md ("An exchange"); a unit test tries every combination of groups.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .i18n import N_
from .vocab import Translated

SOUTH = frozenset({"LIC", "LMC", "UMC"})
NORTH = frozenset({"HIC"})

# word -> label, in the order readers see them (facets, data dictionary); read in the build's
# language (the labels are in the message catalogue).
DIRECTIONS = Translated({
    "south-south": N_("South-South"),
    "triangular": N_("Triangular"),
    "north-south": N_("North-South"),
    "north-north": N_("North-North"),
    "unknown": N_("Unknown"),
})


@dataclass(frozen=True)
class Direction:
    """The direction of one exchange; `unknown`: the countries without an income group."""

    word: str
    unknown: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return DIRECTIONS[self.word]


def direction(groups: Mapping[str, str]) -> Direction:
    """Country code -> its income group code ("" when unknown), for the countries of one
    exchange (two or more) -> the exchange's direction. Pure: no table is read here."""
    if len(groups) < 2:
        raise ValueError("an exchange is between two or more countries")
    unknown = tuple(sorted(c for c, g in groups.items() if g not in SOUTH | NORTH))
    if unknown:
        return Direction("unknown", unknown)
    south = sum(1 for g in groups.values() if g in SOUTH)
    north = len(groups) - south
    if not north:
        return Direction("south-south")
    if not south:
        return Direction("north-north")
    return Direction("triangular" if south >= 2 else "north-south")


def direction_of_countries(codes: Iterable[str]) -> Direction:
    """The direction of an exchange between partners in the countries `codes` (ISO alpha-2),
    their income groups read from the hub's country table."""
    from .countries import country

    return direction({c: country(c).income_group for c in codes})
