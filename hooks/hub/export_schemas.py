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

from . import config
from .models import Brief, Member, Module, Partner, Track


def _list_of(model: type, title: str, description: str) -> dict[str, Any]:
    schema = TypeAdapter(list[model]).json_schema(mode="validation")  # type: ignore[valid-type]
    schema.update(title=title, description=description)
    return schema


def schemas(cfg: config.HubConfig | None = None, *, with_config: bool = False
            ) -> dict[str, dict[str, Any]]:
    """File name -> JSON Schema (draft 2020-12) of each kind of record file of the sections
    the hub has, with the words and required fields of its `hub.yml` (`cfg`, or the active
    one). `with_config`: also the schema of `hub.yml` itself (for the repository's schemas/)."""
    with config.using(cfg) as c:
        out: dict[str, dict[str, Any]] = {
            "partners.schema.json": _list_of(Partner, "Partners",
                                             "partners.yaml: the network's partner institutions."),
        }
        if c.enabled("members"):
            out["members.schema.json"] = _list_of(Member, "Members", "members.yaml: the network's members.")
        if c.enabled("curriculum"):
            out["tracks.schema.json"] = _list_of(Track, "Curriculum tracks", "curriculum/tracks.yaml.")
            out["module.schema.json"] = Module.model_json_schema(mode="validation")
            out["module.schema.json"]["description"] = "curriculum/modules/<id>.yaml: one curriculum module."
        if c.enabled("briefs"):
            brief = out["brief.schema.json"] = Brief.model_json_schema(mode="validation")
            brief["description"] = "The front matter of content/briefs/<slug>.md."
            for name, needed in (("tiers", c.required.brief_tiers),
                                 ("sdg_targets", c.required.brief_sdg_targets)):
                if needed:  # required by this network (hub.yml `required:`)
                    brief["required"] = sorted({*brief.get("required", []), name},
                                               key=list(brief["properties"]).index)
                    brief["properties"][name].pop("default", None)
                    brief["properties"][name]["minItems"] = 1
        if c.enabled("exchanges"):
            from .exchanges import Exchange, data_schema

            out["exchange.schema.json"] = Exchange.model_json_schema(mode="validation")
            out["exchange.schema.json"]["description"] = "The front matter of content/exchanges/<id>.md."
            out["exchanges.data.schema.json"] = data_schema()
        if c.enabled("numbers"):  # an output, not a record file: data/numbers.json
            from .numbers import schema as numbers_schema

            out["numbers.schema.json"] = numbers_schema()
        if with_config:
            out["hub.schema.json"] = config.HubConfig.model_json_schema(mode="validation")
            out["hub.schema.json"]["description"] = "hub.yml: what the network decides."
        for name, schema in out.items():
            schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
            schema["$id"] = c.schema_base + name
        return dict(sorted(out.items()))


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _hub_config(folder: Path) -> config.HubConfig | None:
    """The configuration of the hub whose schemas/ `folder` is (None: the active one)."""
    cfg, _ = config.load(folder.parent) if (folder.parent / config.FILE).is_file() else (None, [])
    return cfg


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    current = schemas(_hub_config(folder), with_config=True)
    for old in folder.glob("*.schema.json"):  # a section switched off: its schema goes
        if old.name not in current:
            old.unlink()
    for name, schema in current.items():
        path = folder / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written


def check_schemas(folder: Path) -> list[str]:
    """Names of the schema files that are missing or differ from the models."""
    stale = []
    current = schemas(_hub_config(folder), with_config=True)
    for name, schema in current.items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != render(schema):
            stale.append(name)
    stale += sorted(p.name for p in folder.glob("*.schema.json") if p.name not in current)
    return stale
