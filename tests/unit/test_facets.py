"""Facets of the listings: the values each item carries and the counts of each option."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from hub.catalog import Catalog
from hub.facets import duration_bucket, facets, item_values, sort_keys
from hub.validate_links import validate

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "hub"


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    return validate(FIXTURE)[0]


def test_partner_facets_and_counts() -> None:
    cat = catalog()
    fs = {f.key: f for f in facets(cat, "partners", list(cat.partners.values()))}
    assert list(fs) == ["type", "country", "region", "income", "focus"]
    assert [(o.value, o.label, o.count) for o in fs["country"].options] == [
        ("KE", "Kenya", 1), ("NP", "Nepal", 1), ("NO", "Norway", 1)]
    assert {o.value: o.count for o in fs["region"].options} == {"AFR": 1, "SEAR": 1, "EUR": 1}
    values = item_values(cat, "partners", cat.partners["alpha-ministry"])
    assert values == {"type": "ministry", "country": "NP", "region": "SEAR", "income": "LMC",
                      "focus": "primary-care uhc"}


def test_brief_facets_and_sort_keys() -> None:
    cat = catalog()
    fs = {f.key: f for f in facets(cat, "briefs", cat.published_briefs)}
    assert [o.value for o in fs["year"].options] == ["2025", "2024"]  # newest first
    assert {o.value: o.count for o in fs["country"].options} == {"KE": 1, "NP": 1, "NO": 1}
    assert sort_keys("briefs", cat.briefs["alpha-brief"])["date"] == "2025-05-01"


def test_module_durations_are_bucketed() -> None:
    assert [duration_bucket(h) for h in (1, 4, 4.5, 8, 12)] == ["short", "short", "medium", "medium", "long"]
    cat = catalog()
    assert item_values(cat, "modules", cat.modules["sm-101"])["duration"] == "short"


def test_item_values_follow_the_configuration_in_use() -> None:
    """A listing's items reuse the facets of the configuration in use (made once, not per item),
    and a build with another hub.yml (the preview after an edit of it) gets that one's."""
    from hub import config

    cat = catalog()
    before = config.active()
    fact = before.facts.who_region
    facts = {**before.facts.model_dump(), "who_region": {**fact.model_dump(), "show": False}}
    hidden = config.HubConfig.model_validate({**before.model_dump(), "facts": facts})
    partner = cat.partners["alpha-ministry"]
    assert "region" in item_values(cat, "partners", partner)
    try:
        config.use(hidden)
        assert "region" not in item_values(cat, "partners", partner)
    finally:
        config.use(before)
    assert "region" in item_values(cat, "partners", partner)
