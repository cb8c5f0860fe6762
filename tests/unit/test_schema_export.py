"""The JSON Schemas in schemas/ are exported from the models and must be current."""

from __future__ import annotations

from pathlib import Path

from hub.export_schemas import check_schemas, schemas

REPO = Path(__file__).resolve().parents[2]


def test_committed_schemas_equal_the_models() -> None:
    assert check_schemas(REPO / "schemas") == [], "run `make schemas` and commit the result"


def test_check_notices_a_stale_schema(tmp_path: Path) -> None:
    from hub.export_schemas import write_schemas

    write_schemas(tmp_path)
    (tmp_path / "brief.schema.json").write_text("{}\n")
    assert check_schemas(tmp_path) == ["brief.schema.json"]


def test_schemas_forbid_unknown_fields_and_list_vocabularies() -> None:
    partner = schemas()["partners.schema.json"]["$defs"]["Partner"]
    assert partner["additionalProperties"] is False
    assert "ministry" in partner["properties"]["type"]["enum"]
    assert "NO" in partner["properties"]["country"]["enum"]
