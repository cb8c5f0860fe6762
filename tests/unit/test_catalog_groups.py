"""Groups that the listing templates read from the catalog instead of filtering in Jinja."""

from __future__ import annotations

from pathlib import Path

from hub import vocab
from hub.countries import country
from hub.validate_links import validate

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "hub"
REPO = Path(__file__).resolve().parents[2]


def test_partners_by_type_keeps_vocabulary_order_and_names() -> None:
    cat, _ = validate(REPO)
    groups = cat.partners_by_type
    assert list(groups) == [t for t in vocab.PARTNER_TYPES if t in groups]
    assert sorted(p.id for ps in groups.values() for p in ps) == sorted(cat.partners)
    for t, ps in groups.items():
        assert all(p.type == t for p in ps)
        assert [p.name for p in ps] == sorted(p.name for p in ps)


def test_partner_counts_by_region_match_the_countries() -> None:
    cat, _ = validate(FIXTURE)
    expected: dict[str, int] = {}
    for p in cat.partners.values():
        expected[country(p.country).who_region] = expected.get(country(p.country).who_region, 0) + 1
    assert cat.partner_counts_by_region == {r: expected[r] for r in vocab.WHO_REGIONS if r in expected}
