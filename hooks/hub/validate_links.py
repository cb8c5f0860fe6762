"""Pass 2: check the references between records, then build the `Catalog`.

Duplicate ids, unknown partner / member / track / module ids, prerequisite cycles, authors
without public consent, and briefs past their review date (a warning). `validate` runs the
file allowlist first (`validate_files`) and the checks of output paths and logos after.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
from pathlib import Path

from .catalog import BriefRecord, Catalog
from .exchanges import ExchangeRecord
from .exchanges import link_problems as exchange_link_problems
from .load_records import Loaded, Origin, Sources, load_all
from .models import today
from .problems import Problem, in_report_order
from .suggest import suggest_id
from .validate_files import check_files
from .validate_outputs import logo_problems, reserved_id_problems
from .validate_privacy import withheld_name_problems


def _unknown(origin: Origin, loc: tuple, value: str, known: dict, noun: str, file: str) -> Problem:
    # Ids are long and alike (`example-np-...`): only a record's name, a part of its id or a
    # close spelling is worth suggesting (hub.suggest).
    names = {key: getattr(r, "name", None) or getattr(r, "title", "") or "" for key, r in known.items()}
    meant = suggest_id(value, names)
    if meant is None:
        hint = f"use an id from {file}"
    else:
        hint = f"did you mean '{meant[0]}'?" + (f" ({meant[1]})" if meant[1] else "")
    return origin.problem(loc, f"no {noun} has the id {value!r}", hint)


def build_catalog(loaded: Loaded, src: Sources | None = None,
                  on: dt.date | None = None) -> tuple[Catalog, list[Problem]]:
    cat, problems = Catalog(), list(loaded.problems)
    on = on or today()

    def missing(kind: str, key: str, table: dict) -> bool:
        return key not in table and not {(kind, key), (kind, "*")} & loaded.broken

    def add(kind: str, key: str, record, origin: Origin, table: dict) -> None:
        if key in table:
            first = cat.origins[(kind, key)]
            where = f"line {first.line}" if first.path == origin.path else f"{first.path}:{first.line}"
            dup = origin.problem(("id",), f"the id {key!r} is already used ({where})",
                                 f"give each record its own id; until then, every reference to "
                                 f"{key!r} means the first one ({where})")
            problems.append(dataclasses.replace(dup, cause=True))
            return
        table[key] = record
        cat.origins[(kind, key)] = origin

    for p, o in loaded.partners:
        add("partner", p.id, p, o, cat.partners)
    for m, o in loaded.members:
        add("member", m.id, m, o, cat.members)
    for t, o in loaded.tracks:
        add("track", t.id, t, o, cat.tracks)
    for m, o in loaded.modules:
        add("module", m.id, m, o, cat.modules)
    for slug, front, body, o in loaded.briefs:
        cat.briefs[slug] = BriefRecord(slug, front, body, o)
        cat.origins[("brief", slug)] = o
    for slug, front, body, o in loaded.exchanges:
        cat.exchanges[slug] = ExchangeRecord(slug, front, body, o)
        cat.origins[("exchange", slug)] = o

    for m in cat.members.values():
        if m.affiliation and missing("partner", m.affiliation, cat.partners):
            problems.append(_unknown(cat.origin("member", m.id), ("affiliation",), m.affiliation,
                                     cat.partners, "partner", "partners.yaml"))

    from .config import active

    members_on = active().enabled("members")
    for b in cat.briefs.values():
        o = b.origin
        for i, pid in enumerate(b.front.partners):
            if missing("partner", pid, cat.partners):
                problems.append(_unknown(o, ("partners", i), pid, cat.partners, "partner",
                                         "partners.yaml"))
        for i, a in enumerate(b.front.authors):
            if not a.member:
                continue
            if a.member not in cat.members:
                if not members_on:
                    problems.append(o.problem(
                        ("authors", i, "member"), "members are switched off in hub.yml",
                        "write the author as `- name: ...` (and `affiliation: ...`)"))
                    continue
                if not missing("member", a.member, cat.members):
                    continue
                problems.append(_unknown(o, ("authors", i, "member"), a.member, cat.members,
                                         "member", "members.yaml"))
            elif b.published and not cat.members[a.member].consent.public:
                problems.append(o.problem(
                    ("authors", i, "member"),
                    f"member {a.member!r} has not given public consent, so cannot be named",
                    "ask them for consent (members.yaml, consent.public: true) or remove them"))
        if b.due_for_review(on):
            problems.append(o.problem(
                ("review_by",), f"this brief was due for review on {b.front.review_by.isoformat()}",
                "check its evidence, then set a new review_by date", "warning"))

    for m in cat.modules.values():
        o = cat.origin("module", m.id)
        if missing("track", m.track, cat.tracks):
            problems.append(_unknown(o, ("track",), m.track, cat.tracks, "track",
                                     "curriculum/tracks.yaml"))
        for i, pid in enumerate(m.partners):
            if missing("partner", pid, cat.partners):
                problems.append(_unknown(o, ("partners", i), pid, cat.partners, "partner",
                                         "partners.yaml"))
        for i, pre in enumerate(m.prerequisites):
            if pre == m.id:
                problems.append(o.problem(("prerequisites", i), "a module cannot be its own prerequisite",
                                          "remove it from the list"))
            elif missing("module", pre, cat.modules):
                problems.append(_unknown(o, ("prerequisites", i), pre, cat.modules, "module",
                                         "curriculum/modules/"))
    problems.extend(exchange_link_problems(cat, missing, on))
    problems.extend(_cycles(cat))
    problems.extend(withheld_name_problems(cat))
    return cat, problems


def _cycles(cat: Catalog) -> list[Problem]:
    """Report each prerequisite cycle once, at the module where the search closes it."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    out: list[Problem] = []
    reported: set[frozenset[str]] = set()

    for start in sorted(cat.modules):
        if state.get(start):
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        path: list[str] = []
        while stack:
            node, i = stack.pop()
            if i == 0:
                state[node] = 1
                path.append(node)
            pres = [p for p in cat.modules[node].prerequisites if p in cat.modules and p != node]
            if i < len(pres):
                stack.append((node, i + 1))
                nxt = pres[i]
                if state.get(nxt) == 1:
                    cycle = path[path.index(nxt):] + [nxt]
                    key = frozenset(cycle)
                    if key not in reported:
                        reported.add(key)
                        idx = cat.modules[node].prerequisites.index(nxt)
                        out.append(cat.origin("module", node).problem(
                            ("prerequisites", idx),
                            "the prerequisites form a cycle: " + " -> ".join(cycle),
                            "a module cannot (indirectly) require itself; remove one link"))
                elif not state.get(nxt):
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                path.pop()
    return out


def validate(root: Path | str, on: dt.date | None = None,
             cache: dict | None = None, *, freeze: bool = False) -> tuple[Catalog, list[Problem]]:
    """Both passes over the hub at `root`: the catalog and every problem, sorted.

    The hub's `hub.yml` is read first and becomes the active configuration (its vocabularies
    are the words the records may use); when it has mistakes, only those are reported.
    `cache`: the live preview's memory of each record file's pass 1 (`load_all`); pass 2
    always runs over all the records.
    `freeze` (`hub build`, a process that builds once and ends): what validation made is kept
    to the end of the process, so it is moved out of the cycle collector's sight (`gc.freeze`)
    instead of being walked again at each of the build's collections (0.2-0.4 s each at 10,000
    records). Never in a process that validates again and again (the preview, tests): the
    frozen objects are not collected if they ever become garbage in a cycle."""
    from . import config

    cfg, problems = config.load(root)
    if cfg is None:
        return Catalog(), problems
    config.use(cfg)
    src = Sources(Path(root))
    with _gc_paused(freeze):
        files, file_problems = check_files(src.root)  # before any file is read: what may be
        loaded = load_all(src, files.readable, cache)
        loaded.problems.extend(file_problems)
        cat, problems = build_catalog(loaded, src, on)
    cat.files = files
    problems += reserved_id_problems(cat) + logo_problems(cat, files)
    if len(cfg.all_languages) > 1:  # pass 3: translations, against the validated sources
        from .translations import load_translations

        cat.translations, found = load_translations(cat, src.root, files, cfg.all_languages)
        problems += found
    return cat, in_report_order(problems)


@contextlib.contextmanager
def _gc_paused(freeze: bool = False):
    """Loading makes hundreds of thousands of short-lived, acyclic objects (YAML nodes, marks):
    the cycle collector would walk the growing heap again and again (40% of the time at 3,000
    records). Reference counting still frees them; the collector runs again afterwards (after
    `gc.freeze`, with `freeze`: see `validate`)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()
