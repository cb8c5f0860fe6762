"""Functions for hand-written pages (`{{ count("partners") }}`, `{{ latest_briefs(3) }}`).

Registered as mkdocs-macros macros by the hook; only the maintainers' pages listed in
mkdocs.yml (`force_render_paths`) can call them (contributor files are never rendered as templates).
Each returns text or Markdown computed from the catalog, so the pages never go stale.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from .catalog import Catalog
from .generate_pages import md_text, uri


def counts(cat: Catalog) -> dict[str, int | float]:
    return {
        "partners": len(cat.partners),
        "members": len(cat.public_members),
        "briefs": len(cat.published_briefs),
        "tracks": len(cat.tracks),
        "modules": len(cat.modules),
        "hours": sum(m.duration_hours for m in cat.modules.values()),
        "countries": len(cat.by_country),
        "who_regions": len({c.who_region for c in cat.countries if c.who_region}),
        "topics": len(cat.by_topic),
    }


def _link(from_src: str, kind: str, key: str = "") -> str:
    """A Markdown link target from one source page to another (MkDocs checks it)."""
    return posixpath.relpath(uri(kind, key), posixpath.dirname(from_src) or ".")


def make_macros(cat: Catalog, current_src: Callable[[], str]) -> dict[str, Callable]:
    """The macros, bound to a catalog; `current_src()` gives the page being rendered."""

    def count(kind: str) -> str:
        value = counts(cat)[kind]  # KeyError: a maintainer's typo, fails the build
        return f"{value:g}" if isinstance(value, float) else str(value)

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

    return {"count": count, "latest_briefs": latest_briefs, "hub_link": link,
            "data_fields": data_fields}
