"""The open data set: consenting members only, fields exactly those of the models."""

from __future__ import annotations

import csv
import io
import json
from functools import lru_cache
from pathlib import Path

from hub.catalog import Catalog
from hub.export_data import DATASETS, DERIVED, columns, data_files, field_table, records
from hub.export_schemas import schemas
from hub.validate_links import validate

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "hub"


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    return validate(FIXTURE)[0]


@lru_cache(maxsize=1)
def files() -> dict[str, str]:
    return data_files(catalog())


def test_every_data_set_in_json_and_csv_with_the_schemas() -> None:
    for name in DATASETS:
        assert f"data/{name}.json" in files() and f"data/{name}.csv" in files()
    for schema in schemas():
        assert json.loads(files()[f"data/schemas/{schema}"])["$schema"].startswith("https://json-schema.org/")


def test_only_consenting_members_are_published() -> None:
    members = json.loads(files()["data/members.json"])
    assert [m["id"] for m in members] == ["ada-example", "ben-example"]
    assert all(m["consent"]["public"] is True for m in members)
    for text in files().values():
        assert "hidden-example" not in text and "Quillon" not in text


def test_json_fields_match_the_models() -> None:
    """The model's fields, then the derived ones (an exchange's countries and direction)."""
    for name, (model, with_id) in DATASETS.items():
        derived = list(DERIVED.get(name, {}))
        expected = (["id"] if with_id else []) + list(model.model_fields) + derived
        rows = json.loads(files()[f"data/{name}.json"])
        assert rows, name  # the fixture has records of every kind
        for row in rows:
            assert list(row) == expected, name
            model.model_validate({k: v for k, v in row.items()
                                  if not (with_id and k == "id") and k not in derived})


def test_drafts_are_not_in_the_data() -> None:
    assert [b["id"] for b in records(catalog())["briefs"]] == ["alpha-brief", "beta-brief"]


def test_csv_one_row_per_record_lists_joined() -> None:
    for name in DATASETS:
        rows = list(csv.DictReader(io.StringIO(files()[f"data/{name}.csv"])))
        assert len(rows) == len(json.loads(files()[f"data/{name}.json"])), name
        assert list(rows[0]) == columns(name)
    partners = {r["id"]: r for r in csv.DictReader(io.StringIO(files()["data/partners.csv"]))}
    assert partners["alpha-ministry"]["focus"] == "primary-care; uhc"
    assert partners["gamma-ngo"]["country"] == "NO"  # Norway stays a code
    assert partners["gamma-ngo"]["tier"] == ""
    members = {r["id"]: r for r in csv.DictReader(io.StringIO(files()["data/members.csv"]))}
    assert members["ben-example"]["interests"] == "community-health; uhc"
    assert members["ada-example"]["consent.date"] == "2024-01-10"
    assert members["ada-example"]["consent.public"] == "true"
    briefs = {r["id"]: r for r in csv.DictReader(io.StringIO(files()["data/briefs.csv"]))}
    assert briefs["alpha-brief"]["authors"] == "ada-example; Outside Author"
    assert briefs["beta-brief"]["countries"] == "KE; NO"


def test_field_table_lists_every_field() -> None:
    table = field_table("partners")
    for field in DATASETS["partners"][0].model_fields:
        assert f"| `{field}` |" in table
    assert "| `country` | ISO 3166-1 alpha-2 country code | yes |" in table
