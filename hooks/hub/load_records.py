"""Pass 1: read every record file and check each record on its own.

Each record that passes its model is kept with where it came from (file, position of each
field) so that pass 2 (`validate_links`) and the pages can point back at the source.
pydantic's errors are mapped onto `Problem`s with the line and column of the offending value.
"""

from __future__ import annotations

import functools
import typing
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from .fields import closest
from .load_yaml import Document, Path, decode, parse, split_front_matter, where
from .models import Brief, Member, Module, Partner, Track
from .problems import Problem

PRIVATE_FIELDS = {
    "email", "e-mail", "e_mail", "mail", "phone", "telephone", "tel", "mobile", "whatsapp",
    "address", "postal_address", "street", "postcode", "zip",
}
TEMPLATE_FIELDS = {"render_macros", "template", "hub", "macros"}


@dataclass(frozen=True)
class Origin:
    """Where a record was written: its file, and the positions of its fields in that file."""

    doc: Document
    loc: Path = ()

    @property
    def path(self) -> str:
        return self.doc.path

    @property
    def line(self) -> int:
        return self.doc.position(self.loc)[0]

    def problem(self, field_loc: Path, message: str, hint: str = "",
                severity: str = "error", *, key: bool = False) -> Problem:
        full = self.loc + tuple(field_loc)
        line, col = self.doc.position(full, key=key)
        return Problem(self.doc.path, line, col, where(full, self.doc.root), message, hint,
                       severity)  # type: ignore[arg-type]


@dataclass
class Loaded:
    """Everything pass 1 accepted, and every problem it found."""

    partners: list[tuple[Partner, Origin]] = field(default_factory=list)
    members: list[tuple[Member, Origin]] = field(default_factory=list)
    briefs: list[tuple[str, Brief, str, Origin]] = field(default_factory=list)  # slug, front, body
    tracks: list[tuple[Track, Origin]] = field(default_factory=list)
    modules: list[tuple[Module, Origin]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    # Ids of records that failed pass 1: known to exist, so pass 2 does not report every
    # reference to them as unknown as well (one mistake, one message).
    broken: set[tuple[str, str]] = field(default_factory=set)


@dataclass(frozen=True)
class Sources:
    """Where the record files of one hub live (the repo itself, or a test fixture)."""

    root: FsPath
    partners: str = "partners.yaml"
    members: str = "members.yaml"
    briefs: str = "content/briefs"
    curriculum: str = "curriculum"

    def rel(self, p: FsPath) -> str:
        return p.relative_to(self.root).as_posix()


# --- pydantic errors to problems -------------------------------------------------------------


def _model_at(model: type[BaseModel], loc: Path) -> type[BaseModel] | None:
    """The model class that owns the last part of `loc` (to suggest its field names)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return None
        current = _inner_model(fields[part].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _field_hint(model: type[BaseModel] | None, name: str) -> str:
    if model is None:
        return ""
    names = list(model.model_fields)
    near = closest(name, names)
    if near:
        return f"did you mean `{near[0]}`?"
    return "allowed fields: " + ", ".join(names)


def problems_from(exc: ValidationError, model: type[BaseModel], origin: Origin) -> list[Problem]:
    out = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if isinstance(p, (int, str)))
        kind, ctx = err["type"], err.get("ctx") or {}
        hint, key = str(ctx.get("hint", "")), False
        if kind == "hub":
            message = err["msg"]
        elif kind == "missing":
            name = loc[-1]
            message, hint = f"the required field `{name}` is missing", f"add `{name}:` to this record"
            loc = loc[:-1]
        elif kind == "extra_forbidden":
            name, key = str(loc[-1]), True
            if name.lower() in PRIVATE_FIELDS:
                message = f"`{name}` cannot be published: the hub keeps no e-mail addresses, phone numbers or postal addresses"
                hint = "remove this field (people are reached through the network's coordinators)"
            elif name in TEMPLATE_FIELDS:
                message = f"`{name}` is not allowed in contributed files: they are never run as templates"
                hint = "remove this field"
            else:
                message = f"unknown field `{name}`"
                hint = _field_hint(_model_at(model, loc[:-1]), name)
        elif kind == "list_type":
            message = "expected a list here"
            hint = "write the items in brackets, [a, b], or one `- item` per line"
        elif kind in ("model_type", "model_attributes_type", "dict_type"):
            message = "expected a group of fields here (`field: value` lines)"
            hint = "see CONTRIBUTING.md for an example of this record"
        elif kind == "string_type":
            message = "expected text here"
        elif kind == "too_short":
            n = ctx.get("min_length", 1)
            message = f"needs at least {n} item{'s' * (n != 1)}"
        elif kind == "too_long":
            n = ctx.get("max_length")
            message, hint = f"has more than {n} items", "keep the most important ones"
        elif kind == "string_too_long":
            n = ctx.get("max_length")
            message, hint = f"is longer than {n} characters", "shorten it"
        else:
            message = err["msg"]
        if ctx.get("field"):
            loc = loc + (ctx["field"],)
        out.append(origin.problem(loc, message, hint, key=key))
    return out


def _check(model: type[BaseModel], data: Any, origin: Origin, problems: list[Problem]) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems.extend(problems_from(exc, model, origin))
        return None


# --- files -----------------------------------------------------------------------------------


def _read(path: FsPath, rel: str, problems: list[Problem]) -> str | None:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(rel, 1, 1, "", f"cannot read the file: {exc.strerror}"))
        return None
    text, probs = decode(raw, rel)
    problems.extend(probs)
    return text


def _broken_id(kind: str, data: Any, broken: set[tuple[str, str]]) -> None:
    from .fields import SLUG_RE

    if isinstance(data, dict) and isinstance(data.get("id"), str) and SLUG_RE.match(data["id"]):
        broken.add((kind, data["id"]))


def _list_file(path: FsPath, rel: str, root: str, model: type[BaseModel],
               problems: list[Problem], broken: set[tuple[str, str]]) -> list[tuple[Any, Origin]]:
    text = _read(path, rel, problems)
    if text is None:
        return []
    doc, probs = parse(text, rel, root=root)
    problems.extend(probs)
    if doc is None:
        return []
    if not isinstance(doc.data, list):
        problems.append(Problem(rel, 1, 1, root, f"the file must be a list of {root}",
                                "start each record with `- id: ...` at the left margin"))
        return []
    out = []
    for i, item in enumerate(doc.data):
        origin = Origin(doc, (i,))
        record = _check(model, item, origin, problems)
        if record is not None:
            out.append((record, origin))
        else:
            _broken_id(root.rstrip("s"), item, broken)
    return out


def load_brief(path: FsPath, rel: str, problems: list[Problem]) -> tuple[Brief, str, Origin] | None:
    text = _read(path, rel, problems)
    if text is None:
        return None
    front, body, body_line, probs = split_front_matter(text, rel)
    problems.extend(probs)
    if front is None:
        return None
    doc, probs = parse(front, rel, line_offset=1)
    problems.extend(probs)
    if doc is None:
        return None
    if not isinstance(doc.data, dict):
        problems.append(Problem(rel, 2, 1, "", "the front matter must be `field: value` lines"))
        return None
    origin = Origin(doc)
    brief = _check(Brief, doc.data, origin, problems)
    body_problems = _body_problems(body, rel, body_line)
    problems.extend(body_problems)
    if brief is None or body_problems:
        return None
    return brief, body, origin


@functools.cache
def _markdown_adapter() -> TypeAdapter:
    """One adapter for every brief: building a TypeAdapter costs far more than using it."""
    from .fields import MarkdownText

    return TypeAdapter(MarkdownText)


def _body_problems(body: str, rel: str, first_line: int) -> list[Problem]:
    """Check a brief's Markdown body with the same rules as Markdown fields, line by line."""
    adapter = _markdown_adapter()
    out = []
    if not body.strip():
        return [Problem(rel, first_line, 1, "body", "the brief has no text after the front matter",
                        "write the brief below the closing `---` line")]
    for n, line in enumerate(body.splitlines()):
        if not line.strip():
            continue
        try:
            adapter.validate_python(line)
        except ValidationError as exc:
            err = exc.errors(include_url=False)[0]
            out.append(Problem(rel, first_line + n, 1, "body", err["msg"],
                               str((err.get("ctx") or {}).get("hint", ""))))
    return out


def load_all(src: Sources) -> Loaded:
    """Pass 1 over every record file of a hub. Never raises for a contributor's mistake."""
    out = Loaded()
    p = out.problems
    for rel, root, model, bucket in (
        (src.partners, "partners", Partner, out.partners),
        (src.members, "members", Member, out.members),
        (f"{src.curriculum}/tracks.yaml", "tracks", Track, out.tracks),
    ):
        path = src.root / rel
        if not path.exists():
            p.append(Problem(rel, 1, 1, "", "the file is missing",
                             f"create {rel} (see CONTRIBUTING.md)"))
            continue
        out.files.append(rel)
        bucket.extend(_list_file(path, rel, root, model, p, out.broken))

    for path in sorted((src.root / src.curriculum / "modules").glob("*.yaml")):
        rel = src.rel(path)
        out.files.append(rel)
        text = _read(path, rel, p)
        if text is None:
            continue
        doc, probs = parse(text, rel)
        p.extend(probs)
        if doc is None:
            continue
        if not isinstance(doc.data, dict):
            p.append(Problem(rel, 1, 1, "", "a module file must be `field: value` lines, not a list",
                             "remove the leading `- ` and one level of indentation"))
            continue
        origin = Origin(doc)
        module = _check(Module, doc.data, origin, p)
        if module is None:
            _broken_id("module", doc.data, out.broken)
        else:
            if module.id != path.stem:
                p.append(origin.problem(("id",), f"the id {module.id!r} differs from the file name",
                                        f"rename the file to {module.id}.yaml or set `id: {path.stem}`"))
                continue
            out.modules.append((module, origin))

    for path in sorted((src.root / src.briefs).glob("*.md")):
        rel = src.rel(path)
        out.files.append(rel)
        from .fields import SLUG_RE

        if not SLUG_RE.match(path.stem):
            p.append(Problem(rel, 1, 1, "", f"the file name {path.name!r} is not a valid brief id",
                             "use lower-case letters, digits and hyphens, e.g. community-health-workers.md"))
            continue
        loaded = load_brief(path, rel, p)
        if loaded is not None:
            brief, body, origin = loaded
            out.briefs.append((path.stem, brief, body, origin))
    return out
