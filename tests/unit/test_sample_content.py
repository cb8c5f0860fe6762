"""The repository's own content: valid, big enough to be useful, and honest about examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from hub.countries import country
from hub.problems import errors
from hub.validate_links import validate

pytestmark = pytest.mark.sample  # the shipped sample network's content
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def catalog():
    cat, problems = validate(REPO)
    assert errors(problems) == []
    return cat


def test_sample_content_is_valid_and_large_enough(catalog) -> None:
    assert len(catalog.partners) >= 12
    countries = {p.country for p in catalog.partners.values()}
    assert len(countries) >= 6
    assert len({country(c).who_region for c in countries} - {""}) >= 3
    assert len(catalog.public_members) >= 20
    assert len(catalog.members) - len(catalog.public_members) >= 2
    assert len(catalog.published_briefs) >= 6
    assert len(catalog.tracks) >= 3 and len(catalog.modules) >= 12


def test_sample_partners_and_members_are_marked_as_examples(catalog) -> None:
    for p in catalog.partners.values():
        assert p.example and "example" in p.name.lower(), p.id
        assert p.website.startswith("https://example.org/"), p.id
    for m in catalog.members.values():
        assert m.example, m.id


def test_curriculum_readings_are_findable(catalog) -> None:
    for m in catalog.modules.values():
        assert any(r.open_access for r in m.readings), m.id
