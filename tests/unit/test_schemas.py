"""Editor support: every record file names its JSON Schema, the schemas are current, and a
valid record is valid for the schema too (so the editor and the validator agree)."""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from conftest import FIXTURE, REPO, run_hub
from hub import config
from hub.export_schemas import schemas
from hub.load_yaml import split_front_matter

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def schema_name(path: Path) -> str:
    """Which schema a record file follows."""
    if path.name in ("partners.yaml", "partner.yaml"):
        return "partners.schema.json"
    if path.name in ("members.yaml", "member.yaml"):
        return "members.schema.json"
    if path.name == "tracks.yaml":
        return "tracks.schema.json"
    return "module.schema.json"


def record_files() -> list[Path]:
    files = [REPO / "partners.yaml", REPO / "members.yaml", REPO / "curriculum" / "tracks.yaml"]
    # Translations (`<id>.fr.yaml`) hold only text, not a module: the module schema is not theirs.
    files += sorted(f for f in (REPO / "curriculum" / "modules").glob("*.yaml") if f.stem.count(".") == 0)
    files += sorted((REPO / "hooks" / "hub" / "templates").glob("*.yaml"))
    return files


def plain(value: Any) -> Any:
    """YAML as an editor's language server sees it: dates are text (YAML 1.2 has no dates)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def schema(name: str) -> dict:
    """The schema as exported for the fixture network (its own hub.yml), so that these tests
    hold for any network's vocabularies; `test_schemas_are_current` ties the committed files
    to the repository's hub.yml."""
    return schemas(config.load_or_raise(FIXTURE))[name]


def fixture_files() -> list[Path]:
    files = [FIXTURE / "partners.yaml", FIXTURE / "members.yaml", FIXTURE / "curriculum" / "tracks.yaml"]
    return files + sorted((FIXTURE / "curriculum" / "modules").glob("*.yaml"))


@pytest.mark.parametrize("path", record_files(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_record_file_names_its_schema_on_the_first_line(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    m = SCHEMA_LINE.match(first)
    assert m, f"{path.name}: the first line must be the yaml-language-server schema comment"
    target = (path.parent / m.group(1)).resolve()
    assert target.is_file(), target
    assert target == (REPO / "schemas" / schema_name(path)).resolve()


def test_vscode_maps_every_record_file_to_its_schema() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text())
    mapping = settings["yaml.schemas"]
    for schema_path in mapping:
        assert (REPO / schema_path).is_file(), schema_path
    for path in record_files()[:-4] + [REPO / "tests/fixtures/hub/partners.yaml"]:
        rel = path.relative_to(REPO).as_posix()
        owners = [s for s, globs in mapping.items() if any(fnmatch.fnmatch(rel, g) for g in globs)]
        assert owners == [f"./schemas/{schema_name(path)}"], rel
    extensions = json.loads((REPO / ".vscode" / "extensions.json").read_text())
    assert "redhat.vscode-yaml" in extensions["recommendations"]


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_valid_records_are_valid_for_the_json_schema(path: Path) -> None:
    data = plain(yaml.safe_load(path.read_text(encoding="utf-8")))
    jsonschema.Draft202012Validator(schema(schema_name(path))).validate(data)


def test_valid_brief_front_matter_is_valid_for_the_json_schema() -> None:
    validator = jsonschema.Draft202012Validator(schema("brief.schema.json"))
    briefs = sorted((FIXTURE / "content" / "briefs").glob("*.md"))
    assert briefs
    for path in briefs:
        front, _, _, _ = split_front_matter(path.read_text(encoding="utf-8"), path.name)
        validator.validate(plain(yaml.safe_load(front or "")))


@pytest.mark.parametrize("change, complaint", [
    ({"websit": "https://example.org/x"}, "Additional properties are not allowed"),
    ({"type": "minstry"}, "is not one of"),
    ({"country": "XX"}, "is not one of"),
    ({"website": "http://example.org/x"}, "does not match"),
    ({"focus": []}, "should be non-empty"),
])
def test_the_schema_flags_mistakes_as_the_editor_would(change: dict, complaint: str) -> None:
    record = plain(yaml.safe_load((FIXTURE / "partners.yaml").read_text()))[0]
    errors = list(jsonschema.Draft202012Validator(schema("partners.schema.json")).iter_errors(
        [{**record, **change}]))
    assert errors and complaint in errors[0].message


def test_schemas_are_current() -> None:
    assert run_hub("schemas", cwd=REPO).returncode == 0


def test_a_stale_schema_is_reported(tmp_path: Path) -> None:
    shutil.copytree(REPO / "schemas", tmp_path / "schemas")
    shutil.copy2(REPO / "hub.yml", tmp_path / "hub.yml")
    path = tmp_path / "schemas" / "partners.schema.json"
    path.write_text(path.read_text().replace('"enum": [', '"enum": ["stale-word", ', 1))
    result = run_hub("schemas", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == ("schemas/partners.schema.json: out of date with the models; "
                             "run `make schemas`\n")
