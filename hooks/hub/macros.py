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
from .plural import plural


def _regions(codes) -> int:
    return len({country(c).who_region for c in codes if country(c).who_region})


# What each figure counts: one definition, used by every page that shows it (the home page's
# macros and the listings' templates, as `hub_counts`), and said in words where it is shown.
COUNTS: dict[str, tuple[str, Callable[[Catalog], int | float]]] = {
    # name: (what it counts, said after the number and its noun: "12 countries <where ...>"), value
    "partners": ("in the partner directory", lambda c: len(c.partners)),
    "partner_countries": ("where a partner is based",
                          lambda c: len({p.country for p in c.partners.values()})),
    "partner_who_regions": ("where a partner is based",
                            lambda c: _regions({p.country for p in c.partners.values()})),
    "members": ("with a public profile (only members who gave their consent)",
                lambda c: len(c.public_members)),
    "member_countries": ("where a member with a public profile is based",
                         lambda c: len({m.country for m in c.public_members.values()})),
    "briefs": ("published (archived ones included, drafts not)", lambda c: len(c.published_briefs)),
    "tracks": ("in the curriculum", lambda c: len(c.tracks)),
    "modules": ("in the curriculum", lambda c: len(c.modules)),
    "hours": ("of teaching (the modules' durations added up)",
              lambda c: sum(m.duration_hours for m in c.modules.values())),
    "countries": ("in the hub's records: where partners and members are based, that policy "
                  "briefs are about, and where modules are taught",
                  lambda c: len(c.by_country)),
    "who_regions": ("of the countries in the hub's records", lambda c: _regions(c.by_country)),
    "topics": ("used by a partner, a member or a policy brief", lambda c: len(c.by_topic)),
}


def counts(cat: Catalog) -> dict[str, int | float]:
    return {name: value(cat) for name, (_, value) in COUNTS.items()}


def count_definitions() -> dict[str, str]:
    """What each figure counts, in words; the sentences that name several kinds of record name
    only the sections the network has (hub.yml), in its own words."""
    from .config import active

    cfg = active()
    on = cfg.enabled
    brief = (cfg.section("briefs").singular or "brief").lower()
    out = {name: words for name, (words, _) in COUNTS.items()}
    based = "partners and members are based" if on("members") else "partners are based"
    about = [f"where {based}"] + ([f"that {brief}s are about"] if on("briefs") else []) + (
        ["where modules are taught"] if on("curriculum") else [])
    out["countries"] = "in the hub's records: " + (", ".join(about[:-1]) + ", and " + about[-1]
                                                    if len(about) > 1 else about[0])
    exchange = (cfg.section("exchanges").singular or "exchange").lower()
    users = ["a partner"] + (["a member"] if on("members") else []) + ([f"a {brief}"] if on("briefs") else [])
    users += [f"an {exchange}"] if on("exchanges") else []
    out["topics"] = "used by " + (", ".join(users[:-1]) + " or " + users[-1] if len(users) > 1 else users[0])
    return out


def _link(from_src: str, kind: str, key: str = "") -> str:
    """A Markdown link target from one source page to another (MkDocs checks it)."""
    return posixpath.relpath(uri(kind, key), posixpath.dirname(from_src) or ".")


def make_macros(cat: Catalog, current_src: Callable[[], str]) -> dict[str, Callable]:
    """The macros, bound to a catalog; `current_src()` gives the page being rendered."""

    def count(kind: str) -> str:
        value = COUNTS[kind][1](cat)  # KeyError: a maintainer's typo, fails the build
        return f"{value:g}" if isinstance(value, float) else str(value)

    def count_of(kind: str, singular: str, plural_form: str | None = None) -> str:
        """`count_of("partners", "partner")` -> "16 partners" ("1 partner")."""
        return plural(COUNTS[kind][1](cat), singular, plural_form)

    def count_means(kind: str) -> str:
        """What the figure counts, in words (to say it where the figure is shown)."""
        return COUNTS[kind][0]

    def latest_briefs(n: int = 3) -> str:
        if not cat.published_briefs:
            return "*Nothing published yet.*"
        lines = []
        for b in cat.published_briefs[:n]:
            href = _link(current_src(), "brief", b.slug)
            lines.append(f"- [{md_text(b.front.title)}]({href}) ({b.front.date:%d %B %Y}): "
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
            return ("The hub has no records yet. Its partners, "
                    + ", ".join(cfg.section(k).title.lower() for k in ("members", "briefs", "curriculum")
                                if cfg.enabled(k))
                    + " appear here as they are added (see the contributing guide).")
        parts = [f"**{c['partners']} partners** in **{c['countries']} countries**"
                 + (f" across **{c['who_regions']} {cfg.facts.who_region.label}s**"
                    if cfg.facts.who_region.show and c["who_regions"] else "")]
        if cfg.enabled("members"):
            parts.append(f"**{c['members']} members** with a public profile" if c["members"]
                         else "no member profiles yet")
        if cfg.enabled("briefs"):
            title = cfg.section("briefs").title.lower()
            parts.append(f"**{c['briefs']} {title}**" if c["briefs"] else f"no {title} yet")
        if cfg.enabled("curriculum"):
            parts.append(f"a curriculum of **{c['modules']} modules** ({count('hours')} hours of teaching) "
                         f"in {c['tracks']} tracks" if c["modules"] else "no curriculum modules yet")
        text = ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
        return f"The hub gathers {text}."

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
                          for kind, (_, title, _) in listings(active()).items())

    def data_sets() -> str:
        """The table of the open data files of the sections the network has."""
        from .config import active
        from .export_data import SECTION_OF

        cfg = active()
        rows = ["| Data set | JSON | CSV | Schema |", "| --- | --- | --- | --- |"]
        schema = {"partners": "partners", "members": "members", "briefs": "brief", "tracks": "tracks",
                  "modules": "module", "exchanges": "exchanges.data"}
        for name, section in SECTION_OF.items():
            if cfg.enabled(section):
                rows.append(f"| {name.capitalize()} | [{name}.json](data/{name}.json) "
                            f"| [{name}.csv](data/{name}.csv) "
                            f"| [{schema[name]}.schema.json](data/schemas/{schema[name]}.schema.json) |")
        return "\n".join(rows)

    return {"count": count, "count_of": count_of, "count_means": count_means,
            "latest_briefs": latest_briefs, "hub_link": link, "data_fields": data_fields,
            "summary": summary, "network": network, "section_on": on,
            "section_links": section_links, "data_sets": data_sets,
            "income_edition": lambda: INCOME_EDITION}
