"""Exchanges: collaborations between partners of the network (`content/exchanges/<id>.md`).

An exchange is one Markdown file, front matter and body, read and checked exactly like a brief
(`load_records.load_brief`): pass 1 checks the record on its own (`Exchange`, the body's
Markdown), pass 2 (`link_problems`, called by `validate_links.build_catalog`) the references to
partners, members, briefs and modules, the countries, and the status against the dates. Its
direction (South-South, triangular, ...) is derived from the partners' countries (`direction`).

The status rules, so that a record stays true as time passes:

* `end`, when given, is not before `start`;
* `completed` needs an `end` date, and that date is not in the future;
* `ongoing` has started (`start` is not in the future); an ongoing exchange whose `end` has
  passed is a warning (set it to completed and say what changed);
* `planned` has not started: once `start` has passed it is a warning (set it to ongoing).
  Its `outcomes` say what it hopes to change and that nothing is known yet.

A mistake that time alone cannot make (a wrong order of dates) is an error; one that time
makes (a planned start that has passed) is a warning, so that no build breaks by itself.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Annotated

from pydantic import Field, model_validator

from . import vocab
from .brief_sections import duplicate_section_problems
from .direction import Direction, direction
from .fields import IsoDate, MarkdownText, Ref, ShortText, YamlBool, fail, vocabulary
from .i18n import N_, _, join_and, lower_label
from .load_records import Origin, _body_problems, _check, read_front_matter
from .models import Language, Record, Reference, Topic
from .placeholders import body_placeholder_problems, may_hold_placeholders, placeholder_problems
from .problems import Problem

if TYPE_CHECKING:
    from .catalog import Catalog

FOLDER = "content/exchanges"
ExchangeKind = vocabulary(vocab.EXCHANGE_KINDS, "kind of exchange")
ExchangeStatus = vocabulary(vocab.EXCHANGE_STATUSES, "status")

# The sections an exchange's page makes itself (overrides/hub/exchange.html): a body heading
# with one of these ids would show the section twice.
GENERATED = {
    "exchange-title": ("the exchange's title", "the title comes from `title:` in the front matter"),
    "innovation": ("The innovation", "write it in `innovation:` in the front matter; the page shows "
                   "it under its own heading"),
    "outcomes": ("Outcomes", "write them in `outcomes:` in the front matter; the page shows them under "
                 "their own heading"),
    "references": ("References", "list the sources under `references:` in the front matter; the "
                   "page shows them under their own heading"),
    "related": ("Related", "list related briefs and modules under `briefs:` and `modules:`"),
}


class Exchange(Record):
    """The front matter of an exchange (`content/exchanges/<id>.md`); the id is the file name."""

    title: ShortText
    example: YamlBool = False
    kind: ExchangeKind
    partners: Annotated[list[Ref], Field(min_length=2, max_length=20)]
    start: IsoDate
    end: IsoDate | None = None
    status: ExchangeStatus
    topics: Annotated[list[Topic], Field(min_length=1, max_length=8)]
    innovation: Annotated[MarkdownText, Field(max_length=1500)]
    outcomes: Annotated[MarkdownText, Field(max_length=2000)]
    members: Annotated[list[Ref], Field(max_length=40)] = []
    briefs: Annotated[list[Ref], Field(max_length=20)] = []
    modules: Annotated[list[Ref], Field(max_length=20)] = []
    references: Annotated[list[Reference], Field(min_length=1, max_length=40)]
    lang: Language = "en"

    @model_validator(mode="after")
    def _dates(self) -> Exchange:
        if self.end is not None and self.end < self.start:
            raise fail(f"`end` ({self.end.isoformat()}) is before `start` ({self.start.isoformat()})",
                       "check the two dates (YYYY-MM-DD); an exchange ends on or after the day "
                       "it starts", field="end")
        if self.status == "completed" and self.end is None:
            raise fail("a completed exchange needs an `end:` date",
                       "add `end: YYYY-MM-DD`, the day it ended, or set `status: ongoing`",
                       field="status")
        return self


@dataclass(frozen=True)
class ExchangeRecord:
    """One exchange with what the catalog derives from it."""

    slug: str
    front: Exchange
    body: str
    origin: Origin
    countries: tuple[str, ...] = ()  # of its partners, each once, in the order first named
    direction: Direction = Direction("unknown")

    @property
    def year(self) -> int:
        return self.front.start.year

    @property
    def years(self) -> list[int]:
        """Every calendar year the exchange ran in, from `start` to `end` (or `start` alone)."""
        last = (self.front.end or self.front.start).year
        return list(range(self.front.start.year, last + 1))


def load_exchange(path: FsPath, rel: str, problems: list[Problem]) -> tuple[Exchange, str, Origin] | None:
    """Pass 1 for one exchange file: its front matter against `Exchange`, its body as Markdown."""
    read = read_front_matter(path, rel, problems, "exchange")
    if read is None:
        return None
    data, origin, body, body_line = read
    if may_hold_placeholders(origin.doc.text or "\\"):
        problems.extend(placeholder_problems(data, origin))
    for derived in ("direction", "countries"):  # what the hub works out, never typed
        if derived in data:
            problems.append(origin.problem(
                (derived,), f"`{derived}` is derived from the partners' countries, never typed",
                "remove this line: the page shows it (see \"An exchange\" in CONTRIBUTING.md)", key=True))
            data = {k: v for k, v in data.items() if k != derived}
    record = _check(Exchange, data, origin, problems)
    if not body.strip():
        body_problems = [Problem(rel, body_line, 1, "body", "the exchange has no text after the front matter",
                                 "write its story and lessons below the closing `---` line")]
    else:
        body_problems = _body_problems(body, rel, body_line)
        body_problems += duplicate_section_problems(body, rel, body_line, GENERATED)
    problems.extend(body_problems)
    problems.extend(body_placeholder_problems(body, rel, body_line))
    if record is None or body_problems:
        return None
    return record, body, origin


def load_exchanges(root: FsPath, folder: str, ok: Callable[[str], bool], files: list[str],
                   problems: list[Problem], cache: dict | None = None
                   ) -> list[tuple[str, Exchange, str, Origin]]:
    """Pass 1 over `root/folder/*.md` (the files the allowlist accepted). `cache`: the live
    preview's memory of each file (`load_records.load_all`): a file with the same bytes as last
    time gives what it gave then, without being read again."""
    from .config import active
    from .fields import SLUG_RE
    from .translations import is_translation

    languages = active().all_languages
    out = []
    base = (root / folder).relative_to(root).as_posix()
    # (sorted by name, as `load_records._folder` lists its folders)
    for path in sorted((root / folder).glob("*.md"), key=lambda path: path.name):
        rel = f"{base}/{path.name}"
        if "." in path.stem and is_translation(rel, languages):
            continue  # read in pass 3 (hub.translations)
        if not ok(rel):
            continue
        files.append(rel)
        if not SLUG_RE.match(path.stem):
            problems.append(Problem(rel, 1, 1, "", f"the file name {path.name!r} is not a valid exchange id",
                                    "use lower-case letters, digits and hyphens, e.g. "
                                    "chw-peer-visit-2024.md"))
            continue
        raw = None
        if cache is not None:
            with contextlib.suppress(OSError):  # unreadable: reported by load_exchange
                raw = path.read_bytes()
        hit = cache.get(rel) if cache is not None and raw is not None else None
        if hit is not None and hit[0] == raw:
            found, loaded = hit[1]
        else:
            found = []
            loaded = load_exchange(path, rel, found)
            if cache is not None and raw is not None:
                cache[rel] = (raw, (found, loaded))
        problems.extend(found)
        if loaded is not None:
            out.append((path.stem, *loaded))
    return out


# --- pass 2 ------------------------------------------------------------------------------------


def link_problems(cat: Catalog, missing: Callable[[str, str, dict], bool], on: dt.date) -> list[Problem]:
    """References of every exchange, its countries and its status against the date `on`; fills
    in each record's countries and direction (`cat.exchanges`)."""
    from .config import active
    from .countries import country
    from .validate_links import _unknown

    cfg = active()
    out: list[Problem] = []
    for slug, ex in list(cat.exchanges.items()):
        f, o = ex.front, ex.origin
        seen: dict[str, int] = {}
        codes: list[str] = []
        partners_known = True
        for i, pid in enumerate(f.partners):
            if pid in seen:
                out.append(o.problem(("partners", i), f"the partner {pid!r} is listed twice",
                                     "name each partner once"))
                continue
            seen[pid] = i
            if pid not in cat.partners:
                partners_known = False
                if missing("partner", pid, cat.partners):
                    out.append(_unknown(o, ("partners", i), pid, cat.partners, "partner", "partners.yaml"))
                continue
            code = cat.partners[pid].country
            if code not in codes:
                codes.append(code)
        if partners_known and len(seen) >= 2 and len(codes) < 2:
            c = country(codes[0])
            out.append(o.problem(
                ("partners",), f"every partner is in {c.name} ({c.code}): an exchange is between "
                "partners of two or more countries",
                "add the partner from the other country (its id from partners.yaml); a collaboration "
                "within one country is not an exchange of the network"))
        groups = {c: country(c).income_group for c in codes}
        found = direction(groups) if len(codes) >= 2 else Direction("unknown")
        cat.exchanges[slug] = ExchangeRecord(slug, f, ex.body, o, tuple(codes), found)

        out += _member_problems(cat, o, f.members, cfg.enabled("members"), missing)
        for field, kind, table, section, file in (
                ("briefs", "brief", cat.briefs, "briefs", "content/briefs/"),
                ("modules", "module", cat.modules, "curriculum", "curriculum/modules/")):
            for i, key in enumerate(getattr(f, field)):
                if not cfg.enabled(section):
                    out.append(o.problem((field, i), f"not shown: the {section} section is switched off "
                                         "in hub.yml", f"remove `{field}:`", "warning"))
                elif key not in table:
                    if missing(kind, key, table):
                        out.append(_unknown(o, (field, i), key, table, kind, file))
                elif kind == "brief" and not cat.briefs[key].published:
                    out.append(o.problem((field, i), f"the brief {key!r} is a draft: it is not shown "
                                         "until it is published", "keep it here, or remove it",
                                         "warning"))
        out += status_problems(f, o, on)
    return out


def _member_problems(cat: Catalog, o: Origin, ids: list[str], members_on: bool,
                     missing: Callable[[str, str, dict], bool]) -> list[Problem]:
    from .validate_links import _unknown

    out = []
    for i, mid in enumerate(ids):
        if not members_on:
            out.append(o.problem(("members", i), "not shown: the members section is switched off in "
                                 "hub.yml", "remove `members:`", "warning"))
        elif mid not in cat.members:
            if missing("member", mid, cat.members):
                out.append(_unknown(o, ("members", i), mid, cat.members, "member", "members.yaml"))
        elif not cat.members[mid].consent.public:
            # The id is the contributor's own line; the name is never repeated.
            out.append(o.problem(("members", i), "this member has not given public consent, so "
                                 "cannot be named",
                                 "ask them for consent (members.yaml, consent.public: true) or remove "
                                 "them from `members:`"))
    return out


def status_problems(f: Exchange, o: Origin, on: dt.date) -> list[Problem]:
    """The status against the dates, on the day `on` (the module docstring gives the rules)."""
    day = on.isoformat()
    if f.status == "completed" and f.end is not None and f.end > on:
        return [o.problem(("status",), f"`status: completed`, but `end` ({f.end.isoformat()}) is after "
                          f"today ({day})", "set `status: ongoing` until it has ended, or correct `end`")]
    if f.status == "ongoing" and f.start > on:
        return [o.problem(("status",), f"`status: ongoing`, but `start` ({f.start.isoformat()}) is after "
                          f"today ({day})", "set `status: planned` until it starts, or correct `start`")]
    if f.status == "ongoing" and f.end is not None and f.end < on:
        return [o.problem(("status",), f"`status: ongoing`, but it ended on {f.end.isoformat()}",
                          "set `status: completed` and say in `outcomes:` what changed", "warning")]
    if f.status == "planned" and f.start <= on:
        return [o.problem(("status",), f"`status: planned`, but it started on {f.start.isoformat()}",
                          "set `status: ongoing` (or `completed` with its `end:` date), or move `start`",
                          "warning")]
    return []


# --- open data ---------------------------------------------------------------------------------

# Fields the open data adds to each exchange's front matter: derived, never typed.
# Marked for the message catalogue: the data page shows them translated (export_data).
DERIVED_FIELDS: dict[str, str] = {
    "countries": N_("the ISO 3166-1 alpha-2 codes of the partners' countries, each once"),
    "direction": N_("south-south, triangular, north-south, north-north or unknown, derived from the "
                    "countries' World Bank income groups (see the exchanges page)"),
    "direction_unknown": N_("the countries without an income group, when the direction is unknown"),
}


def data_row(ex: ExchangeRecord) -> dict:
    """One exchange as open data: its id, its front matter, and what is derived from it."""
    return {"id": ex.slug, **ex.front.model_dump(mode="json"), "countries": list(ex.countries),
            "direction": ex.direction.word, "direction_unknown": list(ex.direction.unknown)}


def data_schema() -> dict:
    """The JSON Schema of `data/exchanges.json` (an array of `data_row`s)."""
    from .direction import DIRECTIONS
    from .fields import SLUG_RE

    item = Exchange.model_json_schema(mode="serialization")
    defs = item.pop("$defs", {})
    code = {"type": "string", "pattern": "^[A-Z]{2}$"}
    item["properties"] = {
        "id": {"type": "string", "pattern": SLUG_RE.pattern, "title": "Id",
               "description": "The file name of the exchange, without .md."},
        **item["properties"],
        "countries": {"type": "array", "items": code, "minItems": 1, "title": "Countries",
                      "description": DERIVED_FIELDS["countries"]},
        "direction": {"type": "string", "enum": list(DIRECTIONS), "title": "Direction",
                      "description": DERIVED_FIELDS["direction"]},
        "direction_unknown": {"type": "array", "items": code, "title": "Direction unknown",
                              "description": DERIVED_FIELDS["direction_unknown"]},
    }
    item["required"] = ["id", *item.get("required", []), *DERIVED_FIELDS]
    return {"type": "array", "title": "Exchanges (open data)",
            "description": "data/exchanges.json: every exchange, with the fields derived from it.",
            "items": item, "$defs": defs}


# --- pages -------------------------------------------------------------------------------------


def description(ex: ExchangeRecord) -> str:
    """One plain sentence about an exchange (the page's meta description, feeds, search)."""
    from .countries import country

    f = ex.front
    # Translators: an exchange in one sentence ("Peer learning visit (South-South) between Nepal
    # and Rwanda, from 2024: completed."); %(status)s starts with a small letter
    return _("%(kind)s (%(direction)s) between %(countries)s, from %(year)s: %(status)s.",
             kind=vocab.EXCHANGE_KINDS[f.kind], direction=ex.direction.label,
             countries=join_and([country(c).name for c in ex.countries]), year=str(f.start.year),
             status=lower_label(vocab.EXCHANGE_STATUSES[f.status]))


def exchange_meta(ex: ExchangeRecord) -> dict[str, str]:
    """The page metadata of an exchange, from its validated record."""
    return {"title": ex.front.title, "description": description(ex), "template": "hub/exchange.html",
            "hub_kind": "exchange", "hub_key": ex.slug}


def exchange_markdown(ex: ExchangeRecord) -> str:
    """The source MkDocs builds an exchange's page from, in place of the contributor's file (as
    `generate_pages.brief_markdown` for briefs): the validated metadata as JSON, then the body
    exactly as the hub's parser split it off. MkDocs never reads the contributor's front matter."""
    from .generate_pages import page_text

    return page_text(exchange_meta(ex), ex.body)
