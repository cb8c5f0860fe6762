"""The open data set: the validated records as JSON and CSV, with their JSON Schemas.

Published under `data/` of the site. Only what the site itself shows is exported: members
who gave public consent, published (and archived) briefs, never drafts. JSON keeps every
field of the models; CSV has one row per record, nested objects as dotted columns
(`consent.date`) and lists joined with "; " (lists of objects by their title or name).

A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a
formula (CSV injection). Such text cells get a leading `'` (OWASP's rule), which spreadsheets
show as text; numbers and dates are never changed, and the JSON files keep every value exact.
"""

from __future__ import annotations

import csv
import io
import json
import types
import typing
from collections.abc import Callable
from functools import partial
from typing import Any

from pydantic import BaseModel

from . import language_reuse
from .catalog import Catalog
from .exchanges import DERIVED_FIELDS, Exchange, data_row
from .export_schemas import render, schemas
from .i18n import N_, _
from .json_indent import dumps_indented
from .models import Brief, Member, Module, Partner, Track

LIST_SEPARATOR = "; "
# The first characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# Data set name -> (model, whether records carry an extra leading `id` column).
DATASETS: dict[str, tuple[type[BaseModel], bool]] = {
    "partners": (Partner, False),
    "members": (Member, False),
    "briefs": (Brief, True),  # a brief's id is its file name, not a front-matter field
    "tracks": (Track, False),
    "modules": (Module, False),
    "exchanges": (Exchange, True),  # an exchange's id is its file name too
}
# Data set -> fields added after the model's, derived from the record (never typed).
DERIVED: dict[str, dict[str, str]] = {"exchanges": DERIVED_FIELDS}


def records(cat: Catalog) -> dict[str, list[dict[str, Any]]]:
    """Each data set as a list of JSON-ready dicts, in a stable order."""
    return {
        "partners": [p.model_dump(mode="json") for p in sorted(cat.partners.values(), key=lambda p: p.id)],
        "members": [m.model_dump(mode="json")
                    for m in sorted(cat.public_members.values(), key=lambda m: m.id)],
        "briefs": [{"id": b.slug, **b.front.model_dump(mode="json")} for b in cat.published_briefs],
        "tracks": [t.model_dump(mode="json") for t in cat.tracks.values()],
        "modules": [m.model_dump(mode="json") for m in cat.modules_in_order],
        "exchanges": [data_row(e) for e in cat.exchanges_in_order],
    }


def columns(name: str) -> list[str]:
    """The CSV header of a data set, from its model (nested models become dotted columns)."""
    model, with_id = DATASETS[name]
    cols = ["id"] if with_id else []
    for field, info in model.model_fields.items():
        sub = _submodel(info.annotation)
        cols += [f"{field}.{s}" for s in sub.model_fields] if sub else [field]
    return cols + list(DERIVED.get(name, {}))


def _submodel(annotation: Any) -> type[BaseModel] | None:
    """The model behind `X` or `X | None` (not behind lists: those are joined)."""
    is_union = typing.get_origin(annotation) in (typing.Union, types.UnionType)
    candidates = [annotation, *(typing.get_args(annotation) if is_union else ())]
    for c in candidates:
        if isinstance(c, type) and issubclass(c, BaseModel):
            return c
    return None


def inert(text: str) -> str:
    """A text cell that no spreadsheet runs: a leading `'` before a formula's first character."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _cell(value: Any) -> str:
    """The CSV text of a value; text (and lists of it) made inert, numbers and booleans as they are.

    Line breaks become "\n" (the csv module quotes a cell that holds one, but not a lone "\r",
    which readers take for the end of a row)."""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(_text(_label(v)) for v in value)
    if isinstance(value, str):
        return inert(value.replace("\r\n", "\n").replace("\r", "\n"))
    return _text(value)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _label(item: Any) -> Any:
    if isinstance(item, dict):  # authors, references, sessions, readings
        return item.get("title") or item.get("name") or item.get("member") or ""
    return item


def render_csv(name: str, rows: list[dict[str, Any]]) -> str:
    cols = columns(name)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(cols)
    for row in rows:
        flat: dict[str, Any] = {}
        for key, value in row.items():
            if isinstance(value, dict):
                flat.update({f"{key}.{k}": v for k, v in value.items()})
            else:
                flat[key] = value
        writer.writerow([_cell(flat.get(c)) for c in cols])
    return out.getvalue()


def render_json(rows: list[dict[str, Any]]) -> str:
    return dumps_indented(rows) + "\n"  # = json.dumps(rows, ensure_ascii=False, indent=2)


# Data set -> the section of hub.yml it belongs to.
SECTION_OF = {"partners": "partners", "members": "members", "briefs": "briefs",
              "tracks": "curriculum", "modules": "curriculum", "exchanges": "exchanges"}


def data_files(cat: Catalog) -> dict[str, str]:
    """Site path -> text of every file of the open data set (of the sections the hub has)."""
    from .config import active

    on = active().enabled
    files: dict[str, str] = {}
    for name, rows in records(cat).items():
        if not on(SECTION_OF[name]):
            continue
        files[f"data/{name}.json"], files[f"data/{name}.csv"] = _reused(
            ("data set", name), rows, partial(_data_set, name, rows))
    if on("numbers"):  # the equity indicators of the numbers page (hooks/hub/numbers.py)
        from . import numbers
        from .models import today

        figures = numbers.numbers(cat, today())
        files["data/numbers.json"] = numbers.render_json(figures)
        files["data/numbers.csv"] = numbers.render_csv(figures)
    for name, schema in schemas().items():
        files[f"data/schemas/{name}"] = _reused(("schema", name), schema, partial(render, schema))
    return files


def _data_set(name: str, rows: list[dict[str, Any]]) -> tuple[str, str]:
    return render_json(rows), render_csv(name, rows)


def _reused(kind: tuple[str, str], data: Any, make: Callable[[], Any]) -> Any:
    """`make()` (made of `data`), or what an earlier language's build of this `hub build` made
    of the same data (`hub.language_reuse`: the data sets are the same in every language where
    no record's text is translated). The key is the data itself, written compactly (a fraction
    of the time of the indented JSON and the CSV made from it)."""
    if not language_reuse.active():  # one language, or the live preview: nothing to share
        return make()
    key = (*kind, json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False))
    made = language_reuse.get(key)
    if made is None:
        made = make()
        language_reuse.put(key, made)
    return made


# The words of the data page's field tables, translated where shown (hub.i18n)
JSON_TYPES = {"string": N_("string"), "integer": N_("integer"), "number": N_("number"),
              "boolean": N_("boolean"), "object": N_("object"), "array": N_("array"), "null": N_("null"),
              "any": N_("any"), "date": N_("date"), "uri": N_("uri"), "email": N_("email"),
              "date-time": N_("date-time")}


def _word(key: str) -> str:
    return _(JSON_TYPES[key]) if key in JSON_TYPES else key


def _type_of(schema: dict[str, Any]) -> str:
    """A short reading of a JSON Schema property: 'string', 'list of string', 'one of …'."""
    if "anyOf" in schema:
        kinds = list(dict.fromkeys(_type_of(s) for s in schema["anyOf"] if s.get("type") != "null"))
        if not kinds:
            return _word("null")
        text = kinds[0]
        for k in kinds[1:]:
            text = _("%(first)s or %(last)s", first=text, last=k)
        return text
    if "enum" in schema and len(schema["enum"]) > 100:
        return _("ISO 3166-1 alpha-2 country code")
    if "enum" in schema:
        return _("one of %(values)s", values=", ".join(f"`{v}`" for v in schema["enum"][:6]) + (
            ", …" if len(schema["enum"]) > 6 else ""))
    if "$ref" in schema:
        return _("object (%(name)s)", name=schema["$ref"].rsplit("/", 1)[-1])
    if schema.get("type") == "array":
        return _("list of %(type)s", type=_type_of(schema.get("items", {})))
    fmt = schema.get("format")
    kind = _word(schema.get("type", "any"))
    return _("%(type)s (%(format)s)", type=kind, format=_word(fmt)) if fmt else kind


def field_table(name: str) -> str:
    """A Markdown table of a data set's fields, read from its model's JSON Schema."""
    model, with_id = DATASETS[name]
    schema = model.model_json_schema(mode="serialization")
    required = set(schema.get("required", []))
    head, yes, no = (_("Field"), _("Type"), _("Required")), _("yes"), _("no")
    rows = ["| {} | {} | {} |".format(*head), "| --- | --- | --- |"]
    if with_id:
        noun = _("exchange") if name == "exchanges" else _("brief")
        rows.append("| `id` | " + _("string (the file name of the %(thing)s)", thing=noun) + f" | {yes} |")
    for field, prop in schema.get("properties", {}).items():
        kind = _type_of(prop).replace("|", "/")
        rows.append(f"| `{field}` | {kind} | {yes if field in required else no} |")
    for field, what in DERIVED.get(name, {}).items():
        rows.append(f"| `{field}` | " + _("derived: %(what)s", what=_(what)) + f" | {yes} |")
    return "\n".join(rows)
