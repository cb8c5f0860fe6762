"""Functions for hand-written pages (`{{ count("partners") }}`, `{{ latest_briefs(3) }}`).

Registered as mkdocs-macros macros by the hook; only the maintainers' pages listed in
mkdocs.yml (`force_render_paths`) can call them (contributor files are never rendered as templates).
Each returns text or Markdown computed from the catalog, so the pages never go stale.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from .catalog import Catalog
from .countries import INCOME_EDITION, country
from .generate_pages import md_text, uri
from .i18n import N_, _, date_long, join_and, lower_label, ngettext, number
from .plural import plural


def _regions(codes) -> int:
    return len({country(c).who_region for c in codes if country(c).who_region})


# What each figure counts: one definition, used by every page that shows it (the home page's
# macros and the listings' templates, as `hub_counts`), and said in words where it is shown.
COUNTS: dict[str, tuple[str, Callable[[Catalog], int | float]]] = {
    # name: (what it counts, said after the number and its noun: "12 countries <where ...>"), value
    "partners": (N_("in the partner directory"), lambda c: len(c.partners)),
    "partner_countries": (N_("where a partner is based"),
                          lambda c: len({p.country for p in c.partners.values()})),
    "partner_who_regions": (N_("where a partner is based"),
                            lambda c: _regions({p.country for p in c.partners.values()})),
    "members": (N_("with a public profile (only members who gave their consent)"),
                lambda c: len(c.public_members)),
    "member_countries": (N_("where a member with a public profile is based"),
                         lambda c: len({m.country for m in c.public_members.values()})),
    "briefs": (N_("published (archived ones included, drafts not)"), lambda c: len(c.published_briefs)),
    "tracks": (N_("in the curriculum"), lambda c: len(c.tracks)),
    "modules": (N_("in the curriculum"), lambda c: len(c.modules)),
    "hours": (N_("of teaching (the modules' durations added up)"),
              lambda c: sum(m.duration_hours for m in c.modules.values())),
    "countries": ("in the hub's records: where partners and members are based, that policy "
                  "briefs are about, and where modules are taught",
                  lambda c: len(c.by_country)),
    "who_regions": (N_("of the countries in the hub's records"), lambda c: _regions(c.by_country)),
    "topics": ("used by a partner, a member or a policy brief", lambda c: len(c.by_topic)),
}


def counts(cat: Catalog) -> dict[str, int | float]:
    return {name: value(cat) for name, (_words, value) in COUNTS.items()}


def count_definitions() -> dict[str, str]:
    """What each figure counts, in words; the sentences that name several kinds of record name
    only the sections the network has (hub.yml), in its own words."""
    from .config import active

    cfg = active()
    on = cfg.enabled
    brief = (cfg.section("briefs").singular or _("brief")).lower()
    out = {name: _(words) for name, (words, _value) in COUNTS.items()}
    based = _("where partners and members are based") if on("members") else _("where partners are based")
    about = [based] + ([_("that %(things)s are about", things=cfg.section("briefs").title.lower())]
                       if on("briefs") else []) + (
        [_("where modules are taught")] if on("curriculum") else [])
    listed = (_("%(first)s, and %(last)s", first=", ".join(about[:-1]), last=about[-1])
              if len(about) > 1 else about[0])
    out["countries"] = _("in the hub's records: %(places)s", places=listed)
    users = [_("a partner")] + ([_("a member")] if on("members") else []) + (
        [_("a %(thing)s", thing=brief)] if on("briefs") else [])
    exchange = (cfg.section("exchanges").singular or _("exchange")).lower()
    users += [_("an %(thing)s", thing=exchange)] if on("exchanges") else []
    out["topics"] = _("used by %(records)s", records=_("%(first)s or %(last)s", first=", ".join(users[:-1]),
                                                         last=users[-1]) if len(users) > 1 else users[0])
    return out


DATA_SET_NAMES = {"partners": N_("Partners"), "members": N_("Members"), "briefs": N_("Briefs"),
                  "tracks": N_("Tracks"), "modules": N_("Modules"), "exchanges": N_("Exchanges")}


def _link(from_src: str, kind: str, key: str = "") -> str:
    """A Markdown link target from one source page to another (MkDocs checks it)."""
    return posixpath.relpath(uri(kind, key), posixpath.dirname(from_src) or ".")


def make_macros(cat: Catalog, current_src: Callable[[], str]) -> dict[str, Callable]:
    """The macros, bound to a catalog; `current_src()` gives the page being rendered."""

    def count(kind: str) -> str:
        value = COUNTS[kind][1](cat)  # KeyError: a maintainer's typo, fails the build
        return number(value)

    def count_of(kind: str, singular: str, plural_form: str | None = None) -> str:
        """`count_of("partners", "partner")` -> "16 partners" ("1 partner")."""
        return plural(COUNTS[kind][1](cat), singular, plural_form)

    def count_means(kind: str) -> str:
        """What the figure counts, in words (to say it where the figure is shown)."""
        return _(COUNTS[kind][0])

    def latest_briefs(n: int = 3) -> str:
        if not cat.published_briefs:
            return "*" + _("Nothing published yet.") + "*"
        lines = []
        for b in cat.published_briefs[:n]:
            href = _link(current_src(), "brief", b.slug)
            lines.append(f"- [{md_text(b.front.title)}]({href}) ({date_long(b.front.date)}): "
                         f"{md_text(b.front.summary)}")
        return "\n".join(lines)

    def link(kind: str, key: str = "") -> str:
        return _link(current_src(), kind, key)

    def data_fields(name: str) -> str:
        from .export_data import field_table

        return field_table(name)

    def summary() -> str:
        """What the hub holds, in one paragraph, for the sections the network has; says what is
        missing instead of "0 partners in 0 countries"."""
        from .config import active

        cfg = active()
        c = counts(cat)
        if not c["partners"]:
            return _("The hub has no records yet. Its partners, %(sections)s appear here as they are added "
                     "(see the contributing guide).",
                     sections=", ".join(cfg.section(k).title.lower()
                                        for k in ("members", "briefs", "curriculum") if cfg.enabled(k)))
        facts = cfg.shown_facts
        label = lower_label(facts.who_region.label)
        regions = (_(" across **%(regions)s**",
                     regions=plural(c["who_regions"], label, facts.who_region.plural or None))
                   if facts.who_region.show and c["who_regions"] else "")
        parts = [_("**%(partners)s** in **%(countries)s**",
                   partners=ngettext("%(num)s partner", "%(num)s partners", c["partners"]),
                   countries=ngettext("%(num)s country", "%(num)s countries", c["countries"])) + regions]
        if cfg.enabled("members"):
            parts.append(_("**%(members)s** with a public profile",
                           members=ngettext("%(num)s member", "%(num)s members", c["members"]))
                         if c["members"] else _("no member profiles yet"))
        if cfg.enabled("briefs"):
            title = cfg.section("briefs").title.lower()
            parts.append(f"**{number(c['briefs'])} {title}**" if c["briefs"]
                         else _("no %(things)s yet", things=title))
        if cfg.enabled("curriculum"):
            parts.append(_("a curriculum of **%(modules)s** (%(hours)s of teaching) in %(tracks)s",
                           modules=ngettext("%(num)s module", "%(num)s modules", c["modules"]),
                           hours=ngettext("%(num)s hour", "%(num)s hours", c["hours"]),
                           tracks=ngettext("%(num)s track", "%(num)s tracks", c["tracks"]))
                         if c["modules"] else _("no curriculum modules yet"))
        return _("The hub gathers %(records)s.", records=join_and(parts))

    def network(key: str) -> str:
        """The network's identity from hub.yml: name, description, licence, licence_url."""
        from .config import active

        n = active().network
        values = {"name": n.name, "description": n.description, "licence": n.licence.name,
                  "licence_url": n.licence.url, "site_url": n.site_url}
        return md_text(values[key]) if key != "licence_url" and key != "site_url" else values[key]

    def on(section: str) -> bool:
        from .config import active

        return active().enabled(section)

    def section_links() -> str:
        """Links to the listing of every section the network has, titled as in hub.yml."""
        from .config import active
        from .generate_pages import listings

        return " · ".join(f"[{md_text(title)}]({link(kind)})"
                          for kind, (_path, title, _text) in listings(active()).items())

    def data_sets() -> str:
        """The table of the open data files of the sections the network has."""
        from .config import active
        from .export_data import SECTION_OF

        cfg = active()
        rows = ["| " + _("Data set") + " | JSON | CSV | " + _("Schema") + " |", "| --- | --- | --- | --- |"]
        schema = {"partners": "partners", "members": "members", "briefs": "brief", "tracks": "tracks",
                  "modules": "module", "exchanges": "exchanges.data"}
        for name, section in SECTION_OF.items():
            if cfg.enabled(section):
                label = _(DATA_SET_NAMES[name]) if name in DATA_SET_NAMES else name.capitalize()
                rows.append(f"| {label} | [{name}.json](data/{name}.json) "
                            f"| [{name}.csv](data/{name}.csv) "
                            f"| [{schema[name]}.schema.json](data/schemas/{schema[name]}.schema.json) |")
        return "\n".join(rows)

    return {"count": count, "count_of": count_of, "count_means": count_means,
            "latest_briefs": latest_briefs, "hub_link": link, "data_fields": data_fields,
            "summary": summary, "network": network, "section_on": on,
            "section_links": section_links, "data_sets": data_sets,
            "income_edition": lambda: INCOME_EDITION}
