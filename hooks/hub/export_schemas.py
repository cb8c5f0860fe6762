"""Export JSON Schemas of the record files from the models (`make schemas`).

Editors read them (VS Code with the YAML extension, via the `yaml-language-server` comment at
the top of each record file) to complete field names and flag mistakes while typing. A test
checks that the committed files equal what the models export.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .models import Brief, Member, Module, Partner, Track

BASE = "https://health-equity-hub.example.org/schemas/"


def _list_of(model: type, title: str, description: str) -> dict[str, Any]:
    schema = TypeAdapter(list[model]).json_schema(mode="validation")  # type: ignore[valid-type]
    schema.update(title=title, description=description)
    return schema


def schemas() -> dict[str, dict[str, Any]]:
    """File name -> JSON Schema (draft 2020-12) of each kind of record file."""
    out = {
        "partners.schema.json": _list_of(Partner, "Partners",
                                         "partners.yaml: the network's partner institutions."),
        "members.schema.json": _list_of(Member, "Members", "members.yaml: the network's members."),
        "tracks.schema.json": _list_of(Track, "Curriculum tracks", "curriculum/tracks.yaml."),
        "module.schema.json": Module.model_json_schema(mode="validation"),
        "brief.schema.json": Brief.model_json_schema(mode="validation"),
    }
    for name, schema in out.items():
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = BASE + name
    out["module.schema.json"]["description"] = "curriculum/modules/<id>.yaml: one curriculum module."
    out["brief.schema.json"]["description"] = "The front matter of content/briefs/<slug>.md."
    return out


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written


def check_schemas(folder: Path) -> list[str]:
    """Names of the schema files that are missing or differ from the models."""
    stale = []
    for name, schema in schemas().items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != render(schema):
            stale.append(name)
    return stale
