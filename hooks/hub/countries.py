"""Country facts derived from the ISO code: name, WHO region, World Bank income group.

Names come from `pycountry` (ISO 3166-1). WHO regions and income groups come from the table
`data/countries.csv`, whose sources and year are in `data/README.md`; no record types them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import pycountry

from .i18n import N_, SOURCE, _, language, locale
from .vocab import INCOME_GROUPS, WHO_REGIONS

TABLE = Path(__file__).with_name("data") / "countries.csv"
# Shown next to every derived value, so readers know which edition they read (data/README.md).
WHO_REGIONS_AS_OF = N_("WHO regions as of 23 May 2025")
INCOME_EDITION = N_("World Bank FY2027")


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    who_region: str  # key of vocab.WHO_REGIONS, or "" when not a WHO Member State
    income_group: str  # key of vocab.INCOME_GROUPS, or "" when the World Bank gives none

    @property
    def who_region_label(self) -> str:
        return WHO_REGIONS.get(self.who_region) or _("Not a WHO Member State")

    @property
    def income_group_label(self) -> str:
        return INCOME_GROUPS.get(self.income_group) or _("Not classified")


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as fh:
        return {row["iso2"]: (row["who_region"], row["income_group"]) for row in csv.DictReader(fh)}


def _display_name(code: str, lang: str) -> str:
    """The country's name: ISO's (pycountry) in English, CLDR's (Babel) in other languages."""
    if lang.split("-")[0] != SOURCE:
        name = locale(lang).territories.get(code)
        if name:
            return name
    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        return code
    # ISO's short names are formal ("Korea, Republic of"); prefer the common name if any.
    return getattr(c, "common_name", None) or c.name


def country(code: str) -> Country:
    """The facts of a country, its name in the build's language."""
    return _country(code, language())


@cache
def _country(code: str, lang: str) -> Country:
    region, income = _table().get(code, ("", ""))
    return Country(code, _display_name(code, lang), region, income)
