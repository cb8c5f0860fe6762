"""Functions for hand-written pages (`{{ count("partners") }}`, `{{ latest_briefs(3) }}`).

Registered as mkdocs-macros macros by the hook; only the maintainers' pages listed in
mkdocs.yml (`force_render_paths`) can call them (contributor files are never rendered as templates).
Each returns text or Markdown computed from the catalog, so the pages never go stale.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from .catalog import Catalog
from .countries import country
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
    return {name: words for name, (words, _) in COUNTS.items()}


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

    return {"count": count, "count_of": count_of, "count_means": count_means,
            "latest_briefs": latest_briefs, "hub_link": link, "data_fields": data_fields}
