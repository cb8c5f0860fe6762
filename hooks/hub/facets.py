"""Facets of the listing pages: what each item can be filtered and sorted by.

The listing templates write every item into the HTML with its facet values as `data-*`
attributes and the facet options (with their counts over the whole list) as checkboxes;
`content/assets/filters.js` then filters, counts and sorts in the browser. Without
JavaScript the full list still reads. Values are codes without spaces, so an attribute holds
several of them separated by spaces.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .catalog import BriefRecord, Catalog
from .countries import INCOME_EDITION, country
from .direction import DIRECTIONS
from .i18n import N_, _, collation_key
from .vocab import (
    COMPETENCIES,
    EXCHANGE_KINDS,
    EXCHANGE_STATUSES,
    INCOME_GROUPS,
    PARTNER_TYPES,
    PROFESSIONS,
    SDG_TARGETS,
    TIERS,
    TOPICS,
    TRACK_LEVELS,
    WHO_REGIONS,
)

NONE = "none"  # the value of a country that has no WHO region or income group

# Modules' duration, in buckets (upper bounds in hours, inclusive).
DURATIONS: dict[str, tuple[float, str]] = {
    "short": (4, N_("Up to 4 hours")),
    "medium": (8, N_("4 to 8 hours")),
    "long": (float("inf"), N_("More than 8 hours")),
}


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Facet:
    key: str  # the data-* attribute and the URL parameter
    label: str  # the fieldset's legend
    options: tuple[Option, ...]


def duration_bucket(hours: float) -> str:
    return next(k for k, (limit, _) in DURATIONS.items() if hours <= limit)


def _region(code: str) -> str:
    return country(code).who_region or NONE


def _income(code: str) -> str:
    return country(code).income_group or NONE


# kind -> [(facet key, legend, values of one record)]
Extract = Callable[[Any], list[str]]


def _specs(cat: Catalog) -> dict[str, list[tuple[str, str, Extract]]]:
    """Facets per listing; WHO region and income group only where hub.yml shows them (with
    its labels), tiers and SDG targets only where the network has such words."""
    from .config import active

    cfg = active()
    facts = cfg.shown_facts
    specs = {
        "partners": [
            ("type", _("Type"), lambda p: [p.type]),
            ("country", _("Country"), lambda p: [p.country]),
            *([("region", facts.who_region.label, lambda p: [_region(p.country)])]
              if facts.who_region.show else []),
            *([("income", f"{facts.income_group.label} ({_(INCOME_EDITION)})",
                lambda p: [_income(p.country)])]
              if facts.income_group.show else []),
            ("focus", _("Focus"), lambda p: list(p.focus)),
        ],
        "members": [
            ("country", _("Country"), lambda m: [m.country]),
            ("profession", _("Profession"), lambda m: [m.profession]),
            ("interests", _("Interests"), lambda m: list(m.interests)),
        ],
        "briefs": [
            ("topic", _("Topic"), lambda b: list(b.front.topics)),
            ("country", _("Country"), lambda b: list(b.front.countries)),
            ("tier", _("Tier of government"), lambda b: list(b.front.tiers)),
            ("year", _("Year"), lambda b: [str(b.front.date.year)]),
            ("sdg", _("SDG target"), lambda b: list(b.front.sdg_targets)),
        ],
        "modules": [
            ("track", _("Track"), lambda m: [m.track]),
            ("competency", _("Competency"), lambda m: list(m.competencies)),
            ("level", _("Level"), lambda m: [m.level]),
            ("duration", _("Duration"), lambda m: [duration_bucket(m.duration_hours)]),
        ],
    }
    specs["exchanges"] = [
        ("kind", _("Kind"), lambda e: [e.front.kind]),
        ("direction", _("Direction"), lambda e: [e.direction.word]),
        ("topic", _("Topic"), lambda e: list(e.front.topics)),
        *([("region", facts.who_region.label, lambda e: [_region(c) for c in e.countries])]
          if facts.who_region.show else []),
        ("country", _("Country"), lambda e: list(e.countries)),
        ("status", _("Status"), lambda e: [e.front.status]),
        ("year", _("Year"), lambda e: [str(y) for y in e.years]),
    ]
    if not cfg.vocabularies.tiers:
        specs["briefs"] = [s for s in specs["briefs"] if s[0] != "tier"]
    if not cfg.vocabularies.sdg_targets:
        specs["briefs"] = [s for s in specs["briefs"] if s[0] != "sdg"]
    return specs


def _labels(cat: Catalog, key: str) -> dict[str, str] | None:
    """Labels in their reading order; None means 'sort the values found' (countries, years)."""
    fixed: dict[str, dict[str, str]] = {
        "type": PARTNER_TYPES, "focus": TOPICS, "interests": TOPICS, "topic": TOPICS,
        "profession": PROFESSIONS, "tier": TIERS, "competency": COMPETENCIES, "level": TRACK_LEVELS,
        "region": {**WHO_REGIONS, NONE: _("Not a WHO Member State")},
        "income": {**INCOME_GROUPS, NONE: _("Not classified")},
        "sdg": {k: f"{k} {v}" for k, v in SDG_TARGETS.items()},
        "duration": {k: _(label) for k, (_limit, label) in DURATIONS.items()},
        "track": {t.id: t.title for t in cat.tracks.values()},
        "kind": EXCHANGE_KINDS, "direction": DIRECTIONS, "status": EXCHANGE_STATUSES,
    }
    return fixed.get(key)


# kind -> (the configuration they were made for, [(facet key, values of one record)]): a listing
# asks for every one of its items; the facets depend on the configuration only (hub.yml).
_EXTRACTS: dict[str, tuple[Any, list[tuple[str, Extract]]]] = {}


def item_values(cat: Catalog, kind: str, record: Any) -> dict[str, str]:
    """Facet key -> space-separated values of one record (for its data-* attributes)."""
    from .config import active

    cfg = active()
    made = _EXTRACTS.get(kind)
    if made is None or made[0] is not cfg:
        made = _EXTRACTS[kind] = (cfg, [(key, extract) for key, _, extract in _specs(cat)[kind]])
    return {key: " ".join(extract(record)) for key, extract in made[1]}


def facets(cat: Catalog, kind: str, records: list[Any]) -> list[Facet]:
    """The facets of a listing, with every value that occurs and how many records have it."""
    out = []
    for key, legend, extract in _specs(cat)[kind]:
        counts = Counter(v for r in records for v in dict.fromkeys(extract(r)))
        labels = _labels(cat, key)
        if labels is not None:
            options = [Option(v, labels[v], counts[v]) for v in labels if counts[v]]
        elif key == "country":
            options = sorted((Option(v, country(v).name, n) for v, n in counts.items()),
                             key=lambda o: collation_key(o.label))
        else:  # years: newest first
            options = [Option(v, v, counts[v]) for v in sorted(counts, reverse=True)]
        out.append(Facet(key, legend, tuple(options)))
    return out


def sort_keys(kind: str, record: Any) -> dict[str, str]:
    """Sort key name -> value (compared as text by the script; numbers are zero-padded)."""
    if kind == "partners":
        return {"name": record.name.casefold(), "country": collation_key(country(record.country).name),
                "since": record.since.isoformat()}
    if kind == "members":
        return {"name": record.name.casefold(), "country": collation_key(country(record.country).name)}
    if kind == "briefs":
        b: BriefRecord = record
        return {"date": b.front.date.isoformat(), "title": b.front.title.casefold()}
    if kind == "modules":
        return {"title": record.title.casefold(), "hours": f"{record.duration_hours:08.2f}"}
    if kind == "exchanges":
        return {"start": record.front.start.isoformat(), "title": record.front.title.casefold()}
    raise KeyError(kind)


# The sort menu of each listing: (value, label); the first is the order of the HTML.
# A leading "-" sorts descending. The template translates the labels.
SORTS: dict[str, list[tuple[str, str]]] = {
    "partners": [("name", N_("Name (A–Z)")), ("country", N_("Country (A–Z)")),
                 ("-since", N_("Newest partners first"))],
    "members": [("name", N_("Name (A–Z)")), ("country", N_("Country (A–Z)"))],
    "briefs": [("-date", N_("Newest first")), ("date", N_("Oldest first")), ("title", N_("Title (A–Z)"))],
    "exchanges": [("-start", N_("Newest first")), ("start", N_("Oldest first")),
                  ("title", N_("Title (A–Z)"))],
    "modules": [("", N_("Curriculum order")), ("title", N_("Title (A–Z)")), ("hours", N_("Shortest first")),
                ("-hours", N_("Longest first"))],
}
