"""JSON-LD of record pages: the right schema.org types, and embedding that cannot break out."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from hub import jsonld
from hub.catalog import Catalog
from hub.validate_links import validate

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "hub"


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    return validate(FIXTURE)[0]


@pytest.mark.parametrize("value", [
    "</script><script>alert(1)</script>", "<!-- comment", "a & b", "]]>", "\u2028line",
])
def test_script_embedding_escapes_and_round_trips(value: str) -> None:
    text = jsonld.dumps_for_script({"name": value})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"name": value}


def test_types_of_each_record() -> None:
    cat = catalog()
    org = jsonld.organization(cat.partners["alpha-ministry"], "https://h/p/")
    assert org["@type"] == "Organization" and org["name"] == "Alpha Example Ministry of Health"
    assert org["address"]["addressCountry"] == "NP" and org["alternateName"] == "AEMH"
    rep = jsonld.report(cat, cat.briefs["alpha-brief"], "https://h/b/", "Hub", "https://h/")
    assert rep["@type"] == "Report" and rep["datePublished"] == "2025-05-01"
    assert [a["name"] for a in rep["author"]] == ["Ada Example", "Outside Author"]
    course = jsonld.course(cat.modules["sm-101"], "https://h/m/", "Social medicine", "Hub", "https://h/")
    assert course["@type"] == "Course" and course["timeRequired"] == "PT3H"
    person = jsonld.person(cat, cat.members["ada-example"], "https://h/a/")
    assert person["@type"] == "Person" and person["affiliation"]["name"] == "Alpha Example Ministry of Health"
    for data in (org, rep, course, person):
        assert data["@context"] == "https://schema.org" and data["url"].startswith("https://")
