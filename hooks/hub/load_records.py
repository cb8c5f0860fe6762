"""Pass 1: read every record file and check each record on its own.

Each record that passes its model is kept with where it came from (file, position of each
field) so that pass 2 (`validate_links`) and the pages can point back at the source.
pydantic's errors are mapped onto `Problem`s with the line and column of the offending value.
"""

from __future__ import annotations

import bisect
import contextlib
import re
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any, NamedTuple

from pydantic import BaseModel, ValidationError

from .brief_sections import duplicate_section_problems
from .fields import closest
from .load_yaml import Document, Path, decode, parse, split_front_matter, where
from .models import Brief, Member, Module, Partner, Track
from .placeholders import body_placeholder_problems, may_hold_placeholders, placeholder_problems
from .problems import Problem
from .text_guards import file_limit

PRIVATE_FIELDS = {
    "email", "e-mail", "e_mail", "mail", "phone", "telephone", "tel", "mobile", "whatsapp",
    "address", "postal_address", "street", "postcode", "zip",
}
TEMPLATE_FIELDS = {"render_macros", "template", "hub", "macros"}
# How to add a required field that is missing, where a plain "add `x:`" is not enough.
MISSING_HINTS = {
    "consent": "add `consent:` with `public: false` and the `date:`, and set `public: true` only "
               "once the member has agreed in writing (see Consent in CONTRIBUTING.md)",
    "public": "add `public: true` if the member agreed in writing to a public profile, else false",
    "open_access": "add `open_access: true` if anyone can read it free of charge, else false",
    "id": "add `id:` with a short unique name: lower-case letters, digits and hyphens",
}


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
    exchanges: list[tuple[str, Any, str, Origin]] = field(default_factory=list)  # slug, front, body
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    # Ids of records that failed pass 1: known to exist, so pass 2 does not report every
    # reference to them as unknown as well (one mistake, one message). `(kind, "*")`: a
    # whole file of that kind could not be read, so no reference to that kind is checked.
    broken: set[tuple[str, str]] = field(default_factory=set)
    valid: set[tuple[str, str]] = field(default_factory=set)  # (kind, file stem) of the valid records
    # The live preview's: each record of a list file that passed with no problem at all, by
    # its id: (its data as read, the record), for the next reading of that file (`_list_file`).
    passed: dict[Any, list[tuple[Any, Any]]] = field(default_factory=dict, repr=False, compare=False)

    def merge(self, part: Loaded) -> None:
        """Add what one file gave (`load_all`'s cache keeps it per file)."""
        for name in ("partners", "members", "briefs", "tracks", "modules", "problems"):
            getattr(self, name).extend(getattr(part, name))
        self.broken |= part.broken
        self.broken -= part.valid


@dataclass(frozen=True)
class Sources:
    """Where the record files of one hub live (the repo itself, or a test fixture)."""

    root: FsPath
    partners: str = "partners.yaml"
    members: str = "members.yaml"
    briefs: str = "content/briefs"
    curriculum: str = "curriculum"
    exchanges: str = "content/exchanges"

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


def _misspelt(errors: list[Any]) -> set[tuple]:
    """(record loc, missing field) pairs explained by a misspelt field next to them.

    `websit:` gives two errors, an unknown field and a missing `website`; the first one says
    "did you mean `website`?", so the second is left out (one mistake, one message).
    """
    missing = {tuple(e["loc"][:-1]): set() for e in errors if e["type"] == "missing"}
    for e in errors:
        if e["type"] == "missing":
            missing[tuple(e["loc"][:-1])].add(str(e["loc"][-1]))
    out = set()
    for e in errors:
        parent = tuple(e["loc"][:-1])
        if e["type"] == "extra_forbidden" and parent in missing:
            near = closest(str(e["loc"][-1]), sorted(missing[parent]))
            if near:
                out.add((parent, near[0]))
    return out


def problems_from(exc: ValidationError, model: type[BaseModel], origin: Origin) -> list[Problem]:
    out = []
    errors = exc.errors(include_url=False)
    explained = _misspelt(errors)
    for err in errors:
        if err["type"] == "missing" and (tuple(err["loc"][:-1]), str(err["loc"][-1])) in explained:
            continue
        loc = tuple(p for p in err["loc"] if isinstance(p, (int, str)))
        kind, ctx = err["type"], err.get("ctx") or {}
        hint, key = str(ctx.get("hub:hint", "")), False
        if kind == "hub":
            message = err["msg"]
        elif kind == "missing":
            name = loc[-1]
            message = f"the required field `{name}` is missing"
            hint = MISSING_HINTS.get(str(name), f"add `{name}:` to this record")
            loc = loc[:-1]
        elif err.get("input", "") is None and kind in ("string_type", "list_type", "model_type",
                                                         "model_attributes_type", "dict_type"):
            name = next((p for p in reversed(loc) if isinstance(p, str)), "")
            message = "has no value"
            hint = (f"write a value after `{name}:`" if name else "write a value")
            hint += ", or remove the line if the field is optional"
        elif kind == "extra_forbidden":
            name, key = str(loc[-1]), True
            if name.lower() in PRIVATE_FIELDS:
                message = (f"`{name}` cannot be published: the hub keeps no e-mail addresses, "
                           "phone numbers or postal addresses")
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
            hint = "add one inside the [brackets], or as a `- item` line below the field"
        elif kind in ("too_long", "string_too_long") and isinstance(err.get("input"), str):
            n, size = ctx.get("max_length"), len(err["input"])
            message = f"is longer than {n} characters ({size})"
            hint = f"shorten it by at least {size - n} character{'s' * (size - n != 1)}"
        elif kind == "too_long":
            n = ctx.get("max_length")
            message, hint = f"has more than {n} items", "keep the most important ones"
        else:
            message = err["msg"]
        if ctx.get("hub:field"):  # a name, or a path (tuple) below the checked object
            extra = ctx["hub:field"]
            loc = loc + (tuple(extra) if isinstance(extra, (tuple, list)) else (extra,))
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
    limit = file_limit(rel)
    if limit is not None and len(raw) > limit:
        problems.append(Problem(rel, 1, 1, "", f"the file is larger than {limit // 1000:,} KB "
                                f"({len(raw) // 1000:,} KB)",
                                "shorten it (see Limits in CONTRIBUTING.md)"))
        return None
    text, probs = decode(raw, rel)
    problems.extend(probs)
    return text


def _broken_id(kind: str, data: Any, broken: set[tuple[str, str]]) -> None:
    from .fields import SLUG_RE

    if isinstance(data, dict) and isinstance(data.get("id"), str):
        if SLUG_RE.match(data["id"]):
            broken.add((kind, data["id"]))
        else:  # the id that was probably meant (`Alpha_Ministry` -> `alpha-ministry`)
            broken.add((kind, re.sub(r"[^a-z0-9]+", "-", data["id"].lower()).strip("-")))


def _list_file(path: FsPath, rel: str, root: str, model: type[BaseModel],
               problems: list[Problem], broken: set[tuple[str, str]],
               last: dict | None = None, passed: dict | None = None) -> list[tuple[Any, Origin]]:
    """The records of a list file (`partners.yaml`, ...).

    `last` (the live preview's): what the last reading of this file passed, by id (see
    `Loaded.passed`). A record whose data is equal to the data of a record that passed last
    time with no problem at all (placeholders, fields, values) is that record again: checking
    the same data again would give the same record and, again, no problem (the checks depend on
    the data and on hub.yml; a change to hub.yml rebuilds everything, with an empty cache). So
    an edit to one partner checks one partner, not all of them; the file is still read whole
    (its syntax, duplicate keys) and the checks between records run over every record. Every
    other record is checked as without `last`, and its problems located in the new text.
    `passed` receives this reading's records that passed, for the next one."""
    kind = root.rstrip("s")
    text = _read(path, rel, problems)
    if text is None:
        broken.add((kind, "*"))
        return []
    if _only_comments(text):  # a list with nothing in it yet (a new hub): valid and empty
        return []
    doc, probs = parse(text, rel, root=root)
    problems.extend(probs)
    if doc is None:
        broken.add((kind, "*"))
        return []
    if not isinstance(doc.data, list):
        problems.append(Problem(rel, 1, 1, root, f"the file must be a list of {root}",
                                "start each record with `- id: ...` at the left margin"))
        broken.add((kind, "*"))
        return []
    out = []
    marked = may_hold_placeholders(text)
    for i, item in enumerate(doc.data):
        origin = Origin(doc, (i,))
        key = item.get("id") if type(item) is dict else None
        if last and type(key) is str:
            record = _passed_before(last, key, item)
            if record is not None:
                out.append((record, origin))
                passed.setdefault(key, []).append((item, record))  # type: ignore[union-attr]
                continue
        before = len(problems)
        if marked:
            problems.extend(placeholder_problems(item, origin))
        record = _check(model, item, origin, problems)
        if record is not None:
            out.append((record, origin))
            if passed is not None and len(problems) == before and type(key) is str:
                passed.setdefault(key, []).append((item, record))
        else:
            _broken_id(kind, item, broken)
    return out


def _passed_before(last: dict, key: str, item: dict) -> Any:
    """The record that passed last time with exactly this data (same fields, same order, same
    values), taken out of `last` (a record written twice is checked again the second time)."""
    earlier = last.get(key)
    if not earlier:
        return None
    for n, (data, record) in enumerate(earlier):
        if data == item and _same_order(data, item):
            del earlier[n]
            return record
    return None


def _same_order(a: Any, b: Any) -> bool:
    """Whether two equal values also list their fields in the same order (== ignores it)."""
    if type(a) is dict:
        return list(a) == list(b) and all(_same_order(v, b[k]) for k, v in a.items()
                                           if type(v) is dict or type(v) is list)
    if type(a) is list:
        return all(_same_order(v, w) for v, w in zip(a, b, strict=True) if type(v) is dict or type(v) is list)
    return True


def _only_comments(text: str) -> bool:
    """Comments and blank lines only, with at least one comment (a file with nothing at all in
    it is still reported as empty: it was probably emptied by mistake)."""
    # The usual list starts with a record after a comment or two: the lines are walked only
    # while they are comments (`\s`: what `strip` removes; the line ends of `splitlines`).
    at, comments = 0, False
    while True:
        at = _SPACE_RE.match(text, at).end()
        if at == len(text):
            return comments
        if text[at] != "#":
            return False
        comments = True
        end = _LINE_END_RE.search(text, at)
        if end is None:
            return True
        at = end.end()


_SPACE_RE = re.compile(r"\s*")
_LINE_END_RE = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


class FrontMatter(NamedTuple):
    data: dict[str, Any]  # the front matter's fields, unchecked
    origin: Origin  # positions of its nodes, for located problems
    body: str  # the Markdown after the closing `---`
    body_line: int  # the file's line number of the body's first line


def read_front_matter(path: FsPath, rel: str, problems: list[Problem], kind: str) -> FrontMatter | None:
    """A Markdown record file (a brief, an exchange) split into its front matter, parsed with
    positions, and its body; None after adding the located problems when it cannot be read as
    `field: value` lines. `kind` names the record in the hint ("see the brief example")."""
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
        problems.append(Problem(rel, 2, 1, "", "the front matter must be `field: value` lines",
                                f"see the {kind} example in CONTRIBUTING.md"))
        return None
    return FrontMatter(doc.data, Origin(doc), body, body_line)


def load_brief(path: FsPath, rel: str, problems: list[Problem]) -> tuple[Brief, str, Origin] | None:
    read = read_front_matter(path, rel, problems, "brief")
    if read is None:
        return None
    data, origin, body, body_line = read
    draft = data.get("status") == "draft"  # a draft may keep placeholders (warnings)
    if may_hold_placeholders(origin.doc.text or "\\"):
        problems.extend(placeholder_problems(data, origin, draft=draft))
    brief = _check(Brief, data, origin, problems)
    body_problems = _body_problems(body, rel, body_line)
    body_problems += duplicate_section_problems(body, rel, body_line)
    problems.extend(body_problems)
    problems.extend(body_placeholder_problems(body, rel, body_line, draft=draft))
    if brief is None or body_problems:
        return None
    return brief, body, origin


def _body_problems(body: str, rel: str, first_line: int) -> list[Problem]:
    """Check a brief's Markdown body with the same rules as Markdown fields.

    The body is checked as a whole (a reference link's target may sit on the next line), and
    each problem points at its own line and column.
    """
    from .fields import markdown_problems

    if not body.strip():
        return [Problem(rel, first_line, 1, "body", "the brief has no text after the front matter",
                        "write the brief below the closing `---` line")]
    out = []
    found = markdown_problems(body)
    starts = [0] + [m.end() for m in re.finditer("\n", body)] if found else []  # once, not per problem
    for offset, message, hint in found:
        n = bisect.bisect_right(starts, offset) - 1
        out.append(Problem(rel, first_line + n, offset - starts[n] + 1, "body", message, hint))
    return out


def load_all(src: Sources, readable: Callable[[str], bool] | None = None,
             cache: dict[str, tuple[bytes, Loaded]] | None = None) -> Loaded:
    """Pass 1 over every record file of a hub. Never raises for a contributor's mistake.

    `readable(rel)`: whether the file allowlist (`validate_files`) accepted the file; the
    others (links, files of the wrong kind) were reported there and are not read. The
    sections switched off in hub.yml are not read either.

    `cache` (the live preview's): what each file gave last time, by its path; a file whose
    bytes are the same is not read again, so that an edit re-reads only the edited file. The
    result is the same as without a cache (tests/unit/test_incremental_validation.py)."""
    from .config import active
    from .translations import is_translation

    cfg = active()
    out = Loaded()
    p = out.problems
    ok = readable or (lambda rel: True)

    def once(rel: str, path: FsPath, load: Callable[[Loaded, Loaded | None], None]) -> None:
        raw: bytes | None = None
        if cache is not None:
            with contextlib.suppress(OSError):
                raw = path.read_bytes()
        hit = cache.get(rel) if cache is not None else None
        if hit is not None and raw is not None and hit[0] == raw:
            part = hit[1]
        else:
            part = Loaded()
            load(part, hit[1] if hit is not None else None)
            if cache is not None and raw is not None:
                cache[rel] = (raw, part)
            if cache is None or raw is None:
                part.passed.clear()  # nothing to keep it for
        out.merge(part)

    for rel, root, model, bucket, section in (
        (src.partners, "partners", Partner, "partners", "partners"),
        (src.members, "members", Member, "members", "members"),
        (f"{src.curriculum}/tracks.yaml", "tracks", Track, "tracks", "curriculum"),
    ):
        path = src.root / rel
        if not cfg.enabled(section):
            if path.exists():
                p.append(Problem(rel, 1, 1, "", f"not read: the {section} section is switched off in hub.yml",
                                 f"remove {rel}, or switch the section on (sections.{section}.enabled)",
                                 "warning"))
            continue
        if not path.exists() and not path.is_symlink():
            p.append(Problem(rel, 1, 1, "", "the file is missing",
                             f"create {rel} (see CONTRIBUTING.md)"))
            out.broken.add((root.rstrip("s"), "*"))
            continue
        if not ok(rel):
            out.broken.add((root.rstrip("s"), "*"))
            continue
        out.files.append(rel)

        def load_list(part: Loaded, last: Loaded | None, path=path, rel=rel, root=root, model=model,
                      bucket=bucket) -> None:
            getattr(part, bucket).extend(_list_file(
                path, rel, root, model, part.problems, part.broken,
                last.passed if last is not None else None, part.passed if cache is not None else None))
            if last is not None:
                last.passed = {}  # (what it held is this reading's now, or no longer valid)

        once(rel, path, load_list)

    modules = src.root / src.curriculum / "modules"
    for path, rel in _folder(src, modules, "*.yaml") if cfg.enabled("curriculum") else ():
        if "." in path.stem and is_translation(rel, cfg.all_languages):
            continue  # read in pass 3 (hub.translations)
        out.broken.add(("module", path.stem))  # removed again below once the module is valid
        if not ok(rel):
            continue
        out.files.append(rel)
        once(rel, path, lambda part, last, path=path, rel=rel: _load_module(path, rel, part))

    for path, rel in _folder(src, src.root / src.briefs, "*.md") if cfg.enabled("briefs") else ():
        if "." in path.stem and is_translation(rel, cfg.all_languages):
            continue  # read in pass 3 (hub.translations)
        out.broken.add(("brief", path.stem))  # removed again below once the brief is valid
        if not ok(rel):
            continue
        out.files.append(rel)
        once(rel, path, lambda part, last, path=path, rel=rel: _load_brief_file(path, rel, part))

    from .exchanges import load_exchanges  # here: exchanges.py builds on this module

    if cfg.enabled("exchanges"):
        out.exchanges = load_exchanges(src.root, src.exchanges, ok, out.files, p, cache)
    elif any((src.root / src.exchanges).glob("*.md")):
        p.append(Problem(src.exchanges, 1, 1, "",
                         "not read: the exchanges section is switched off in hub.yml",
                         f"remove {src.exchanges}/, or switch the section on (sections.exchanges.enabled)",
                         "warning"))
    return out


def _folder(src: Sources, folder: FsPath, pattern: str) -> list[tuple[FsPath, str]]:
    """The files of `folder` that match `pattern`, in order, each with its path from the hub's
    root (`Sources.rel`). Files of one folder sort as their names do: sorting by name saves
    comparing thousands of `Path`s part by part. (A translation, `<id>.<lang>.md`, has a dot in
    its stem: the others need not be asked `is_translation`.)"""
    base = src.rel(folder)
    return [(path, f"{base}/{path.name}")
            for path in sorted(folder.glob(pattern), key=lambda path: path.name)]


def _load_module(path: FsPath, rel: str, part: Loaded) -> None:
    """One module file into `part` (its record, or its problems)."""
    p = part.problems
    text = _read(path, rel, p)
    if text is None:
        return
    doc, probs = parse(text, rel)
    p.extend(probs)
    if doc is None:
        return
    if not isinstance(doc.data, dict):
        p.append(Problem(rel, 1, 1, "", "a module file must be `field: value` lines, not a list",
                         "remove the leading `- ` and one level of indentation"))
        return
    origin = Origin(doc)
    if may_hold_placeholders(text):
        p.extend(placeholder_problems(doc.data, origin))
    module = _check(Module, doc.data, origin, p)
    if module is None:
        _broken_id("module", doc.data, part.broken)
    else:
        if module.id != path.stem:
            p.append(origin.problem(("id",), f"the id {module.id!r} differs from the file name",
                                    f"rename the file to {module.id}.yaml or set `id: {path.stem}`"))
            part.broken.add(("module", module.id))
            return
        part.modules.append((module, origin))
        part.valid.add(("module", path.stem))


def _load_brief_file(path: FsPath, rel: str, part: Loaded) -> None:
    """One brief file into `part` (its record, or its problems)."""
    from .fields import SLUG_RE

    if not SLUG_RE.match(path.stem):
        part.problems.append(Problem(
            rel, 1, 1, "", f"the file name {path.name!r} is not a valid brief id",
            "use lower-case letters, digits and hyphens, e.g. community-health-workers.md"))
        return
    loaded = load_brief(path, rel, part.problems)
    if loaded is not None:
        brief, body, origin = loaded
        part.briefs.append((path.stem, brief, body, origin))
        part.valid.add(("brief", path.stem))
