"""The validated records of one hub, and the relations between them that pages show.

`validate_links.build_catalog` makes a `Catalog` from what pass 1 loaded; everything here is
derived from the records and computed once per build.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from .countries import Country, country
from .exchanges import ExchangeRecord
from .i18n import collation_key
from .load_records import Origin
from .models import Brief, Member, Module, Partner, Track
from .validate_files import FileInventory

R = TypeVar("R")


class _Lists(dict):
    """A relation (key -> records): a key with none reads as an empty list and is not added.
    A defaultdict would grow as the pages read it, and its length (the exchanges listing's "N
    partners") would depend on which pages were rendered before."""

    def __missing__(self, key):
        return []


def _related(records: Iterable[R], keys: Callable[[R], Iterable[str]]) -> _Lists:
    """A relation: each key that `keys` names for a record -> the records that name it, in the
    order of `records`. The one loop behind the relation properties below."""
    out: dict[str, list[R]] = defaultdict(list)
    for record in records:
        for key in keys(record):
            out[key].append(record)
    return _Lists(out)


@dataclass(frozen=True)
class BriefRecord:
    slug: str
    front: Brief
    body: str
    origin: Origin

    @property
    def published(self) -> bool:
        return self.front.status != "draft"

    def due_for_review(self, today: dt.date) -> bool:
        return self.front.status == "published" and self.front.review_by < today


@dataclass
class Catalog:
    partners: dict[str, Partner] = field(default_factory=dict)
    members: dict[str, Member] = field(default_factory=dict)  # every valid member, public or not
    briefs: dict[str, BriefRecord] = field(default_factory=dict)  # drafts included
    tracks: dict[str, Track] = field(default_factory=dict)
    modules: dict[str, Module] = field(default_factory=dict)
    # Exchanges between partners, by id (the file name): each with its partners' countries and
    # its direction, derived in pass 2 (`exchanges.link_problems`). All are published.
    exchanges: dict[str, ExchangeRecord] = field(default_factory=dict)
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)
    files: FileInventory = field(default_factory=FileInventory)  # what may be read and published
    translations: Any = None  # hub.translations.Translations (pass 3), None with one language

    # --- what may be published ------------------------------------------------------------

    @cached_property
    def public_members(self) -> dict[str, Member]:
        """Only members who gave public consent appear anywhere in the output."""
        return {k: m for k, m in self.members.items() if m.consent.public}

    @cached_property
    def published_briefs(self) -> list[BriefRecord]:
        """Published and archived briefs, newest first (ties by title)."""
        items = [b for b in self.briefs.values() if b.published]
        return sorted(items, key=lambda b: (-b.front.date.toordinal(), b.front.title))

    @cached_property
    def exchanges_in_order(self) -> list[ExchangeRecord]:
        """Exchanges, the latest start first (ties by title)."""
        return sorted(self.exchanges.values(), key=lambda e: (-e.front.start.toordinal(), e.front.title))

    @cached_property
    def modules_in_order(self) -> list[Module]:
        """Modules by track, then level (in the order of hub.yml's `levels`), then id."""
        from .vocab import TRACK_LEVELS

        levels = {word: i for i, word in enumerate(TRACK_LEVELS)}
        track_order = {t: i for i, t in enumerate(self.tracks)}
        return sorted(self.modules.values(),
                      key=lambda m: (track_order.get(m.track, len(track_order)),
                                     levels.get(m.level, len(levels)), m.id))

    @cached_property
    def partners_by_name(self) -> list[Partner]:
        return sorted(self.partners.values(), key=lambda p: p.name)

    @cached_property
    def partners_by_type(self) -> dict[str, list[Partner]]:
        """Partner type -> its partners by name (only types in use), in vocabulary order.

        Computed once: a listing that filters all partners once per type in the template
        costs O(partners x types) on every render.
        """
        from .vocab import PARTNER_TYPES

        out: dict[str, list[Partner]] = {t: [] for t in PARTNER_TYPES}
        for p in self.partners_by_name:
            out[p.type].append(p)
        return {t: ps for t, ps in out.items() if ps}

    @cached_property
    def partner_counts_by_region(self) -> dict[str, int]:
        """WHO region code -> number of partners in it (only regions in use), in vocabulary order."""
        from .vocab import WHO_REGIONS

        counts = dict.fromkeys(WHO_REGIONS, 0)
        for p in self.partners.values():
            region = country(p.country).who_region
            if region in counts:
                counts[region] += 1
        return {r: n for r, n in counts.items() if n}

    # --- relations --------------------------------------------------------------------------

    @cached_property
    def briefs_by_partner(self) -> dict[str, list[BriefRecord]]:
        return _related(self.published_briefs, lambda b: b.front.partners)

    @cached_property
    def briefs_by_member(self) -> dict[str, list[BriefRecord]]:
        return _related(self.published_briefs, lambda b: [a.member for a in b.front.authors if a.member])

    @cached_property
    def modules_by_partner(self) -> dict[str, list[Module]]:
        return _related(self.modules_in_order, lambda m: m.partners)

    @cached_property
    def exchanges_by_partner(self) -> dict[str, list[ExchangeRecord]]:
        return _related(self.exchanges_in_order, lambda e: dict.fromkeys(e.front.partners))

    @cached_property
    def exchanges_by_member(self) -> dict[str, list[ExchangeRecord]]:
        """Public members only: a withheld member is never linked to an exchange."""
        public = self.public_members
        return _related(self.exchanges_in_order,
                        lambda e: [mid for mid in dict.fromkeys(e.front.members) if mid in public])

    @cached_property
    def members_by_partner(self) -> dict[str, list[Member]]:
        return _related(self.public_members.values(), lambda m: [m.affiliation] if m.affiliation else [])

    @cached_property
    def dependents(self) -> dict[str, list[Module]]:
        """Reverse prerequisites: the modules that build on each module."""
        return _related(self.modules_in_order, lambda m: m.prerequisites)

    @cached_property
    def modules_by_track(self) -> dict[str, list[Module]]:
        return _related(self.modules_in_order, lambda m: [m.track])

    @cached_property
    def by_country(self) -> dict[str, dict[str, list]]:
        """Country code -> {"partners", "members", "briefs", "modules", "exchanges"} that concern it."""
        out: dict[str, dict[str, list]] = defaultdict(
            lambda: {"partners": [], "members": [], "briefs": [], "modules": [], "exchanges": []})
        for p in self.partners.values():
            out[p.country]["partners"].append(p)
        for m in self.public_members.values():
            out[m.country]["members"].append(m)
        for b in self.published_briefs:
            for c in b.front.countries:
                out[c]["briefs"].append(b)
        for m in self.modules_in_order:
            for c in sorted({self.partners[pid].country for pid in m.partners}):
                out[c]["modules"].append(m)
        for e in self.exchanges_in_order:
            for c in e.countries:
                out[c]["exchanges"].append(e)
        return dict(sorted(out.items(), key=lambda kv: collation_key(country(kv[0]).name)))

    @cached_property
    def countries(self) -> list[Country]:
        return [country(code) for code in self.by_country]

    @cached_property
    def by_topic(self) -> dict[str, dict[str, list]]:
        """Topic word -> {"partners", "members", "briefs", "exchanges"} that use it (only used topics)."""
        from .vocab import TOPICS

        out: dict[str, dict[str, list]] = {t: {"partners": [], "members": [], "briefs": [], "exchanges": []}
                                           for t in TOPICS}
        for p in self.partners.values():
            for t in p.focus:
                out[t]["partners"].append(p)
        for m in self.public_members.values():
            for t in m.interests:
                out[t]["members"].append(m)
        for b in self.published_briefs:
            for t in b.front.topics:
                out[t]["briefs"].append(b)
        for e in self.exchanges_in_order:
            for t in e.front.topics:
                out[t]["exchanges"].append(e)
        return {t: v for t, v in out.items() if any(v.values())}

    def origin(self, kind: str, key: str) -> Origin:
        return self.origins[(kind, key)]
