"""The countries table (hooks/hub/data/countries.csv) agrees with its README and its edition.

The income groups are one World Bank edition (`INCOME_EDITION`), which every page prints next
to a group. The counts per group are those the README states for that edition, and the eight
rows that changed from FY2026 to FY2027 hold their FY2027 group (hooks/hub/data/README.md,
"FY2027"): whoever moves the table to a new edition must update the edition, the README and
this test together.
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
    # FY2027 (README): 25 / 47 / 59 / 87 economies, HIC 88 rows (Channel Islands = JE + GG);
    # every World Bank economy classified; not World Bank economies: Cook Islands and Niue.
    assert counts == {"LIC": 25, "LMC": 47, "UMC": 59, "HIC": 88, "": 2}
    assert sorted(r["iso2"] for r in _rows() if not r["income_group"]) == ["CK", "NU"]


def test_the_rows_that_changed_in_fy2027_hold_their_fy2027_group() -> None:
    """FY2026 -> FY2027 (World Bank OGHIST of 1 July 2026, as read by the pipelines the README
    cites): five rose to upper-middle, Togo to lower-middle, Ethiopia and Venezuela classified
    again. No other row changed."""
    assert INCOME_EDITION == "World Bank FY2027", "moved to a new edition: update this test and the README"
    table = {r["iso2"]: r["income_group"] for r in _rows()}
    assert {c: table[c] for c in ("JO", "FM", "PH", "LK", "VN", "TG", "ET", "VE")} == {
        "JO": "UMC", "FM": "UMC", "PH": "UMC", "LK": "UMC", "VN": "UMC", "TG": "LMC", "ET": "LIC",
        "VE": "LMC"}
    assert country("ET").income_group_label == "Low income"
    assert country("CK").income_group_label == "Not classified"


def test_the_table_is_sorted_with_exact_columns() -> None:
    text = Path(TABLE).read_text(encoding="utf-8")
    assert text.splitlines()[0] == "iso2,who_region,income_group" and "\r" not in text
    codes = [r["iso2"] for r in _rows()]
    assert codes == sorted(codes) and len(codes) == len(set(codes)) == 221
