"""Translations of what contributors write: where they live, what they hold, how they are checked.

A translation sits beside its source with the language before the extension
(`content/briefs/<id>.fr.md`, `curriculum/modules/<id>.fr.yaml`, `partners.fr.yaml`, ...). It
holds only the source's free text (`KINDS`: the translatable fields) and three facts about
itself: `source_version` (which version of the source it translates, `source_version()`),
`reviewed` (whether a person fluent in both languages checked it against the source) and,
optionally, `translator` and `reviewed_by`. Ids, countries, types, topics, dates, references
and partners are written once, in the source: a translation that repeats one is a located
error, so the facts can never differ between languages.

Checked like the records (pass 3, after the records are known): an unknown source, a field that
must not be translated, a missing or extra field and a list of another length are errors; a
translation of an older version of its source is a warning (the page says it may be outdated).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from .fields import ShortText, YamlBool, closest
from .load_records import Origin, _body_problems, _read, problems_from
from .load_yaml import parse, split_front_matter
from .models import Brief, Member, Module, Partner, Track
from .person_names import PersonName
from .placeholders import body_placeholder_problems, placeholder_problems
from .problems import Problem

LANG = r"[a-z]{2}(?:-[A-Za-z]{2,4})?"
META_FIELDS = ("source_version", "reviewed", "translator", "reviewed_by")
VERSION_RE = re.compile(r"^[0-9a-f]{12}$")


@dataclass(frozen=True)
class Kind:
    """One kind of translatable text: where its translations live and which fields they hold."""

    name: str  # brief, module, track, partner, member, page, exchange
    noun: str  # for messages: "brief", "module", "hand-written page"
    pattern: re.Pattern[str]  # a translation's path from the hub's root; groups `key`, `lang`
    fields: tuple[str, ...]  # translatable fields besides the Markdown body
    body: bool = False  # a Markdown file whose body is translated too
    list_file: str = ""  # a list of records (`partners.yaml`): the translation lists `{id: ...}`
    model: Any = None  # the source's model (its fields' types and limits are the translation's)

    def source_rel(self, key: str) -> str:
        if self.list_file:
            return self.list_file
        return {"brief": f"content/briefs/{key}.md", "exchange": f"content/exchanges/{key}.md",
                "module": f"curriculum/modules/{key}.yaml", "page": f"content/{key}.md"}[self.name]

    def translation_rel(self, key: str, lang: str) -> str:
        src = self.source_rel(key)
        stem, dot, ext = src.rpartition(".")
        return f"{stem}.{lang}.{ext}"


def _kind(name: str, noun: str, pattern: str, fields: tuple[str, ...], **kw: Any) -> Kind:
    return Kind(name, noun, re.compile(pattern.replace("LANG", f"(?P<lang>{LANG})")), fields, **kw)


KINDS: dict[str, Kind] = {k.name: k for k in (
    _kind("brief", "brief", r"content/briefs/(?P<key>[^/]+)\.LANG\.md",
          ("title", "summary", "recommendations"), body=True, model=Brief),
    # Exchanges (content/exchanges/<id>.md): translated like briefs once the kind exists.
    _kind("exchange", "exchange", r"content/exchanges/(?P<key>[^/]+)\.LANG\.md",
          ("title", "innovation", "outcomes"), body=True),
    _kind("module", "module", r"curriculum/modules/(?P<key>[^/]+)\.LANG\.yaml",
          ("title", "objectives", "sessions", "assessment", "notes"), model=Module),
    _kind("track", "track", r"curriculum/tracks\.LANG\.yaml", ("title", "description"),
          list_file="curriculum/tracks.yaml", model=Track),
    _kind("partner", "partner", r"partners\.LANG\.yaml", ("description",),
          list_file="partners.yaml", model=Partner),
    _kind("member", "member", r"members\.LANG\.yaml", ("bio",), list_file="members.yaml", model=Member),
    # Hand-written pages (content/<path>.md, the maintainers'): the last, it matches the most.
    _kind("page", "hand-written page", r"content/(?P<key>(?!assets/|briefs/|exchanges/)[^.]+)\.LANG\.md",
          ("title", "description"), body=True),
)}
# A name that looks like a translation of some language (configured or not).
LOOKS_LIKE = re.compile(rf"^(?P<stem>.+)\.(?P<lang>{LANG})\.(?:md|yaml)$")


@dataclass(frozen=True)
class Name:
    kind: Kind
    key: str  # the record's id, or the page's path without .md ("" for list files)
    lang: str


def parse_name(rel: str) -> Name | None:
    """The kind, key and language a translation's path names (any language), or None."""
    for kind in KINDS.values():
        m = kind.pattern.fullmatch(rel)
        if m:
            return Name(kind, m.groupdict().get("key") or "", m.group("lang"))
    return None


def name_problem(rel: str, languages: list[str]) -> tuple[str, str] | None:
    """Why a file named like a translation may not be one (message, hint), or None.
    `languages`: the hub's languages, the source first."""
    name = parse_name(rel)
    lang = name.lang if name else (m.group("lang") if (m := LOOKS_LIKE.match(rel.rpartition("/")[2])) else "")
    if not lang:
        return None
    if lang == languages[0]:
        src = name.kind.source_rel(name.key) if name else rel.replace(f".{lang}.", ".")
        return (f"{lang!r} is the source language: its text is the file without a language, {src}",
                "remove this file, or rename it with the language of its text (e.g. .fr.md)")
    if lang not in languages:
        near = closest(lang, languages[1:])
        return (f"{lang!r} is not a language of this hub (hub.yml, languages: {', '.join(languages)})",
                (f"did you mean {near[0]!r}? " if near else "")
                + "maintainers add a language to `languages:` in hub.yml")
    if name is None:
        return ("this file cannot be a translation: no kind of record is translated here",
                "translations sit beside their source: content/<page>.fr.md, content/briefs/<id>.fr.md, "
                "curriculum/modules/<id>.fr.yaml, curriculum/tracks.fr.yaml, partners.fr.yaml, "
                "members.fr.yaml")
    return None


def is_translation(rel: str, languages: list[str]) -> bool:
    """Whether `rel` is a translation's path for one of the hub's translation languages."""
    name = parse_name(rel)
    return name is not None and name.lang in languages[1:]


# --- the source's version ----------------------------------------------------------------------


def source_version(fields: dict[str, Any]) -> str:
    """The first 12 hex digits of the SHA-256 of the canonical JSON of a source's translatable
    fields (sorted keys, UTF-8 as is, no spaces): a translation names the version it translates."""
    text = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def record_fields(kind: str, record: Any, body: str | None = None) -> dict[str, Any]:
    """The translatable fields of a validated source record (None and empty left out), the
    Markdown body under `body`, stripped. Module sessions: their titles, in order."""
    out: dict[str, Any] = {}
    for name in KINDS[kind].fields:
        value = record.get(name) if isinstance(record, dict) else getattr(record, name, None)
        if name == "sessions" and value is not None:
            value = [s.title for s in value]
        if value not in (None, "", []):
            out[name] = value
    if KINDS[kind].body and body is not None:
        out["body"] = body.strip()
    return out


# --- reading and checking ----------------------------------------------------------------------


class _Meta(BaseModel):
    """What a translation says about itself. `extra="forbid"`: see `models.Record`."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    source_version: Annotated[str, Field(pattern=VERSION_RE.pattern)]
    reviewed: YamlBool
    translator: PersonName | None = None
    reviewed_by: PersonName | None = None


def _model(kind: Kind) -> type[BaseModel]:
    """The translation model of a kind: its fields typed as the source's (same text guards and
    length limits), all optional here (which ones are needed depends on the source)."""
    found = _MODELS.get(kind.name)
    if found is not None:
        return found
    defs: dict[str, Any] = {}
    if kind.list_file:
        from .fields import Ref

        defs["id"] = (Ref, ...)
    for name in kind.fields:
        if kind.name == "page" and name == "title":
            annotation: Any = ShortText
        elif kind.name == "page":
            from .fields import PlainText

            annotation = PlainText
        elif name == "sessions":
            annotation = list[ShortText]
        elif kind.model is not None:
            annotation = kind.model.model_fields[name].rebuild_annotation()
        else:  # exchanges: their model lives beside them (hub.exchanges) once the kind exists
            from .fields import MarkdownText

            annotation = ShortText if name == "title" else MarkdownText
        defs[name] = (annotation | None, None)
    model = create_model(f"{kind.name.title()}Translation", __base__=_Meta, **defs)
    _MODELS[kind.name] = model
    return model


_MODELS: dict[str, type[BaseModel]] = {}


@dataclass(frozen=True)
class Translation:
    """One record's (or page's) text in one language, checked against its source."""

    kind: str
    key: str
    lang: str
    fields: dict[str, Any]  # the translated fields (and `body`)
    reviewed: bool
    version: str  # the source version it translates
    current: str  # the source's version now
    path: str  # the translation's file
    translator: str | None = None
    reviewed_by: str | None = None
    origin: Any = field(default=None, compare=False, repr=False)  # where its fields are written
    body_line: int = 0  # the line its Markdown body starts on

    @property
    def outdated(self) -> bool:
        return self.version != self.current


@dataclass
class Translations:
    """Every valid translation: (kind, key, lang) -> Translation."""

    items: dict[tuple[str, str, str], Translation] = field(default_factory=dict)

    def get(self, kind: str, key: str, lang: str) -> Translation | None:
        return self.items.get((kind, key, lang))

    def __len__(self) -> int:
        return len(self.items)


@dataclass(frozen=True)
class Source:
    """What a translation is checked against: the source's fields and where it is written."""

    fields: dict[str, Any]
    path: str


def sources(cat: Any, root: Path, page_rels: list[str]) -> dict[tuple[str, str], Source]:
    """Every translatable source of a hub: (kind, key) -> its fields now. Withheld members and
    drafts are sources too (their translations are checked, never published)."""
    out: dict[tuple[str, str], Source] = {}
    for slug, b in cat.briefs.items():
        out[("brief", slug)] = Source(record_fields("brief", b.front, b.body), b.origin.path)
    for slug, x in getattr(cat, "exchanges", {}).items():
        out[("exchange", slug)] = Source(record_fields("exchange", x.front, x.body), x.origin.path)
    for kind, table in (("module", cat.modules), ("track", cat.tracks), ("partner", cat.partners),
                        ("member", cat.members)):
        for key, record in table.items():
            out[(kind, key)] = Source(record_fields(kind, record), cat.origin(kind, key).path)
    for rel in page_rels:
        page = read_page(root, rel)
        if page is not None:
            out[("page", rel[len("content/"):-len(".md")])] = Source(page, rel)
    return out


class _LazySources(Mapping):
    """`sources()` for pass 3: the same keys, each source's fields worked out only when a
    translation asks for them (a hub with 10,000 records and a few translations needs a few;
    nothing is made per record: 0.2 s at 10,000 records)."""

    def __init__(self, cat: Any, root: Path, page_rels: list[str]) -> None:
        self._cat = cat
        self._tables: dict[str, dict[str, Any]] = {
            "brief": cat.briefs, "exchange": getattr(cat, "exchanges", {}), "module": cat.modules,
            "track": cat.tracks, "partner": cat.partners, "member": cat.members}
        self._done: dict[tuple[str, str], Source] = {}
        self._pages: dict[str, Source] = {}
        for rel in page_rels:  # (a few hand-written pages: read now, as `sources()` does)
            page = read_page(root, rel)
            if page is not None:
                self._pages[rel[len("content/"):-len(".md")]] = Source(page, rel)

    def __getitem__(self, key: tuple[str, str]) -> Source:
        kind, name = key
        if kind == "page":
            return self._pages[name]
        found = self._done.get(key)
        if found is None:
            record = self._tables[kind][name]  # (KeyError: no such source)
            if kind in ("brief", "exchange"):
                found = Source(record_fields(kind, record.front, record.body), record.origin.path)
            else:
                found = Source(record_fields(kind, record), self._cat.origin(kind, name).path)
            self._done[key] = found
        return found

    def __iter__(self) -> Iterator[tuple[str, str]]:
        for kind, table in self._tables.items():
            yield from ((kind, name) for name in table)
        yield from (("page", name) for name in self._pages)

    def __len__(self) -> int:
        return sum(map(len, self._tables.values())) + len(self._pages)


def read_front_matter(path: Path) -> dict[str, Any]:
    """A hand-written page's front matter as data (the maintainers'), read with the hub's strict
    reader; {} when it has none or it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return {}
    m = _PAGE_FRONT.match(text)
    if not m:
        return {}
    doc, _ = parse(m.group(1) or "", path.name, line_offset=1)
    return doc.data if doc is not None and isinstance(doc.data, dict) else {}


_PAGE_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*\r?\n", re.S)


def read_page(root: Path, rel: str) -> dict[str, Any] | None:
    """A hand-written page's translatable fields: its front matter's `title` (if any) and its
    body. The page is the maintainers' and read by MkDocs; here only to know its text."""
    try:
        text = (root / rel).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    out: dict[str, Any] = {}
    m = _PAGE_FRONT.match(text)
    body = text
    if m:
        body = text[m.end():]
        doc, _ = parse(m.group(1) or "", rel, line_offset=1)
        data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
        for name in KINDS["page"].fields:
            if isinstance(data.get(name), str) and data[name].strip():
                out[name] = data[name].strip()
    out["body"] = body.strip()
    return out


def _fact_problem(origin: Origin, loc: tuple, name: str, kind: Kind, source_path: str) -> Problem:
    allowed = ", ".join(kind.fields) + (" and the text below the front matter" if kind.body else "")
    return origin.problem(loc, f"`{name}` is a fact of the {kind.noun}, written once in {source_path}: "
                          "a translation holds only text",
                          f"remove this line; a translation of a {kind.noun} holds {allowed}", key=True)


def _check_version(clean: dict, origin: Origin, loc: tuple, source: Source, problems: list[Problem]) -> bool:
    """A missing or malformed `source_version:`, told with the value to write (the source's version
    today); `clean` then gets that value, so that the translation's other fields are still checked."""
    value = clean.get("source_version")
    if value is not None and VERSION_RE.match(str(value).strip()):
        return True
    current = source_version(source.fields)
    of = f"{clean['id']!r} in {source.path}" if isinstance(clean.get("id"), str) else source.path
    hint = (f'add `source_version: "{current}"`, the version of {of} today: the text your '
            "translation follows (if you translated an older text, see Translations in CONTRIBUTING.md)")
    if value is None:
        problems.append(origin.problem(loc, "the required field `source_version` is missing", hint))
    else:
        problems.append(origin.problem(loc + ("source_version",), f"{str(value)!r} is not a version (12 "
                                       "letters and digits, 0-9 and a-f)", "write " + hint[4:]))
    clean["source_version"] = current
    return False


def _check_item(data: dict, origin: Origin, loc: tuple, kind: Kind, source: Source,
                problems: list[Problem]) -> tuple[BaseModel | None, dict[str, Any]]:
    """One translation (a file, or one item of a list file) on its own and against its source."""
    facts = set(kind.model.model_fields) - set(kind.fields) - {"id"} if kind.model else set()
    if kind.name in ("brief", "exchange"):
        facts |= {"date", "authors", "partners", "countries", "topics", "references", "status", "kind",
                  "start", "end", "lang", "tiers", "sdg_targets", "review_by", "doi", "members",
                  "briefs", "modules", "example"}
    clean = {}
    for name, value in data.items():
        if name in facts:
            problems.append(_fact_problem(origin, loc + (name,), name, kind, source.path))
        else:
            clean[name] = value
    ok = _check_version(clean, origin, loc, source, problems)
    model = _model(kind)
    try:
        item = model.model_validate(clean)
    except ValidationError as exc:
        sub = Origin(origin.doc, origin.loc + loc)
        problems.extend(problems_from(exc, model, sub))
        return None, {}
    got = {n: getattr(item, n) for n in kind.fields if getattr(item, n) is not None}
    here = Origin(origin.doc, origin.loc + loc)
    for name in kind.fields:
        if name in source.fields and name not in got:
            problems.append(here.problem((), f"the translation has no `{name}:`, but the source has one",
                                         f"translate the {name} of {source.path}"))
            ok = False
        elif name in got and name not in source.fields:
            problems.append(here.problem((name,), f"the source ({source.path}) has no `{name}:` to translate",
                                         "remove this field", key=True))
            ok = False
        elif name in got and isinstance(got[name], list) and len(got[name]) != len(source.fields[name]):
            n, m = len(got[name]), len(source.fields[name])
            problems.append(here.problem((name,), f"has {n} item{'s' * (n != 1)}, the source has {m}",
                                         "translate each item of the source, in the same order"))
            ok = False
    if item.reviewed_by and not item.reviewed:
        problems.append(here.problem(
            ("reviewed_by",), "`reviewed_by:` names a reviewer, but `reviewed:` is false",
            "set `reviewed: true` once the review is done, or remove `reviewed_by:`"))
        ok = False
    return (item if ok else None), got


def _outdated(origin: Origin, loc: tuple, version: str, current: str, source_path: str) -> Problem:
    return origin.problem(loc + ("source_version",),
                          f"translates an older version of {source_path} ({version}; it is now {current})",
                          f"update the translation to the source's changes (`git log -p {source_path}`), "
                          f"then set `source_version: \"{current}\"`", "warning")


def _unknown(rel: str, name: Name, known: list[str], line: int = 1, col: int = 1, where: str = "",
             ) -> Problem:
    near = closest(name.key, known)
    return Problem(rel, line, col, where, f"there is no {name.kind.noun} {name.key!r} to translate",
                   (f"did you mean {near[0]!r}? " if near else "")
                   + "a translation is named after its source, with the language before the extension: "
                   + name.kind.translation_rel(near[0] if near else "<id>", name.lang))


def load_translations(cat: Any, root: Path, inventory: Any, languages: list[str],
                      ) -> tuple[Translations, list[Problem]]:
    """Pass 3: every translation file the allowlist accepted, against the validated sources.

    `inventory`: the `validate_files.FileInventory` (its "translation" and "page" files)."""
    problems: list[Problem] = []
    out = Translations()
    pages = sorted(r for r, k in inventory.files.items() if k == "page" and r.endswith(".md")
                   and not is_translation(r, languages))
    srcs = _LazySources(cat, root, pages)
    readable = inventory.readable
    for rel in sorted(r for r, k in inventory.files.items() if k == "translation"):
        name = parse_name(rel)
        if name is None or name.lang not in languages[1:]:
            continue
        kind = name.kind
        if not kind.list_file:
            source = srcs.get((kind.name, name.key))
            if source is None:
                if readable(kind.source_rel(name.key)):
                    continue  # the source has mistakes of its own, reported with it
                known = sorted(k for (kn, k) in srcs if kn == kind.name)
                problems.append(_unknown(rel, name, known))
                continue
            _load_one(rel, root, name, source, out, problems)
        else:
            _load_list(rel, root, name, srcs, out, problems, readable)
    problems += withheld_problems(cat, out)
    return out, problems


def withheld_problems(cat: Any, translations: Translations) -> list[Problem]:
    """No translation names a member who has not agreed to a public profile (as no record may:
    `validate_privacy`); the translations of withheld members' own bios are never published."""
    from .validate_privacy import HINT, MESSAGE, withheld_finder

    finder = withheld_finder(cat)
    if not finder:
        return []
    out = []
    for t in translations.items.values():
        if t.kind == "member" and not cat.members[t.key].consent.public:
            continue
        for name, value in t.fields.items():
            items = value if isinstance(value, list) else [value]
            for i, text in enumerate(items):
                at = finder.find(text)
                if at < 0:
                    continue
                if name == "body":
                    before = text[:at]  # the stripped body: its first line is the first non-blank
                    line = t.body_line + before.count("\n")
                    col = at - (before.rfind("\n") + 1) + 1
                    out.append(Problem(t.path, line, col, "body", MESSAGE, HINT))
                else:
                    loc = (name, i) if isinstance(value, list) else (name,)
                    out.append(t.origin.problem(loc, MESSAGE, HINT))
    return out


def _finish(origin: Origin, loc: tuple, item: BaseModel, got: dict[str, Any], name: Name, key: str,
            source: Source, rel: str, out: Translations, problems: list[Problem], body_line: int = 0) -> None:
    current = source_version(source.fields)
    version = item.source_version  # type: ignore[attr-defined]
    if version != current:
        problems.append(_outdated(origin, loc, version, current, source.path))
    out.items[(name.kind.name, key, name.lang)] = Translation(
        name.kind.name, key, name.lang, got, item.reviewed, version, current, rel,  # type: ignore
        item.translator, item.reviewed_by, origin, body_line)  # type: ignore[attr-defined]


def _load_one(rel: str, root: Path, name: Name, source: Source, out: Translations,
              problems: list[Problem]) -> None:
    text = _read(root / rel, rel, problems)
    if text is None:
        return
    kind = name.kind
    body, body_line = None, 1
    if kind.body:
        front, body, body_line, probs = split_front_matter(text, rel)
        problems.extend(probs)
        if front is None:
            return
        doc, probs = parse(front, rel, line_offset=1)
    else:
        doc, probs = parse(text, rel)
    problems.extend(probs)
    if doc is None:
        return
    if not isinstance(doc.data, dict):
        problems.append(Problem(rel, 2 if kind.body else 1, 1, "",
                                "a translation must be `field: value` lines",
                                "see Translations in CONTRIBUTING.md"))
        return
    origin = Origin(doc)
    problems.extend(placeholder_problems(doc.data, origin))
    n = len(problems)
    item, got = _check_item(doc.data, origin, (), kind, source, problems)
    if body is not None:
        body_problems = _body_problems(body, rel, body_line)
        body_problems += body_placeholder_problems(body, rel, body_line)
        problems.extend(body_problems)
        if "body" in source.fields:
            got["body"] = body.strip()
        if body_problems:
            item = None
    if item is not None and len(problems) == n:
        lead = body[:len(body) - len(body.lstrip())].count("\n") if body is not None else 0
        _finish(origin, (), item, got, name, name.key, source, rel, out, problems, body_line + lead)


def _load_list(rel: str, root: Path, name: Name, srcs: Mapping[tuple[str, str], Source],
               out: Translations, problems: list[Problem], readable: Callable[[str], bool]) -> None:
    kind = name.kind
    text = _read(root / rel, rel, problems)
    if text is None:
        return
    doc, probs = parse(text, rel, root=kind.list_file.rpartition("/")[2].removesuffix(".yaml"))
    problems.extend(probs)
    if doc is None:
        return
    if not isinstance(doc.data, list):
        problems.append(Problem(rel, 1, 1, "", f"the file must be a list of {kind.noun} translations",
                                "start each with `- id: ...` at the left margin, then the translated fields"))
        return
    origin = Origin(doc)
    known = sorted(k for (kn, k) in srcs if kn == kind.name)
    seen: dict[str, int] = {}
    for i, data in enumerate(doc.data):
        here = Origin(doc, (i,))
        if not isinstance(data, dict):
            problems.append(here.problem((), "expected a group of fields here (`field: value` lines)",
                                         "start the item with `- id: ...`"))
            continue
        problems.extend(placeholder_problems(data, here))
        key = data.get("id")
        if not isinstance(key, str) or not key.strip():
            problems.append(here.problem((), "the required field `id` is missing",
                                         f"add `id:` with the id of the {kind.noun} this translates"))
            continue
        key = key.strip()
        if key in seen:
            problems.append(here.problem(("id",), f"{key!r} is translated twice in this file "
                                         f"(first at item {seen[key] + 1})", "keep one of them"))
            continue
        seen[key] = i
        source = srcs.get((kind.name, key))
        if source is None:
            near = closest(key, known)
            problems.append(here.problem(("id",), f"there is no {kind.noun} {key!r} in {kind.list_file} "
                                         "to translate", f"did you mean {near[0]!r}?" if near else
                                         f"use the id of a {kind.noun} of {kind.list_file}"))
            continue
        n = len(problems)
        item, got = _check_item(data, origin, (i,), kind, source, problems)
        if item is not None and len(problems) == n:
            _finish(here, (), item, got, name, key, source, rel, out, problems)
