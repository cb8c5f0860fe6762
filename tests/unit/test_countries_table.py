"""The countries table (hooks/hub/data/countries.csv) agrees with its README and its edition.

The income groups are one World Bank edition (`INCOME_EDITION`), which every page prints next
to a group. The counts per group are those the README states for that edition, and the rows
the FY2027 classification was reported to change keep their FY2026 values until a World Bank
source confirms the change (hooks/hub/data/README.md, "FY2027"): whoever moves the table to a
new edition must update the edition, the README and this test together.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

from hub.countries import INCOME_EDITION, TABLE, country

README = TABLE.with_name("README.md")


def _rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_the_edition_is_the_one_the_readme_documents() -> None:
    fy = re.fullmatch(r"World Bank FY(\d{4})", INCOME_EDITION)
    assert fy, INCOME_EDITION
    assert f"### `income_group`: World Bank, FY{fy.group(1)}" in README.read_text(encoding="utf-8")


def test_counts_per_income_group_are_those_of_the_edition() -> None:
    counts = Counter(r["income_group"] for r in _rows())
    # FY2026 (README): 25 / 50 / 54 / 87 economies, HIC 88 rows (Channel Islands = JE + GG);
    # unclassified: Ethiopia and Venezuela; not World Bank economies: Cook Islands and Niue.
    assert counts == {"LIC": 25, "LMC": 50, "UMC": 54, "HIC": 88, "": 4}
    assert sorted(r["iso2"] for r in _rows() if not r["income_group"]) == ["CK", "ET", "NU", "VE"]


def test_rows_reported_to_change_in_fy2027_keep_their_confirmed_fy2026_group() -> None:
    """Reported moves (press reports of July 2026, no World Bank source read): not applied."""
    assert INCOME_EDITION == "World Bank FY2026", "moved to a new edition: update this test and the README"
    table = {r["iso2"]: r["income_group"] for r in _rows()}
    assert {c: table[c] for c in ("JO", "FM", "PH", "LK", "VN", "TG", "ET")} == {
        "JO": "LMC", "FM": "LMC", "PH": "LMC", "LK": "LMC", "VN": "LMC", "TG": "LIC", "ET": ""}
    assert country("ET").income_group_label == "Not classified"


def test_the_table_is_sorted_with_exact_columns() -> None:
    text = Path(TABLE).read_text(encoding="utf-8")
    assert text.splitlines()[0] == "iso2,who_region,income_group" and "\r" not in text
    codes = [r["iso2"] for r in _rows()]
    assert codes == sorted(codes) and len(codes) == len(set(codes)) == 221
