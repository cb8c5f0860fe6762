"""Each output path of the site has one owner.

A record's id becomes a path (`partners/<id>/`, `briefs/<slug>/`): an id such as `index` would
replace the listing page, and names the site writes itself (`assets`, `search`, `data`, ...)
are kept for it. Ids are lower case (`fields.SLUG_RE`), so two ids cannot differ only by case.
At build time `output_conflicts` checks that no two sources (a generated page, a hand-written
page, a copied file, a theme file) write one output path, in any mix of upper and lower case.
"""

from __future__ import annotations

from collections.abc import Iterable

from .catalog import Catalog
from .problems import Problem
from .validate_files import FileInventory

# Names the site writes at its top level or in a record folder (listing pages, theme assets,
# search index, open data, feeds, sitemap, error page), and names that read as one of them.
RESERVED_IDS = frozenset({
    "index", "assets", "search", "data", "404", "sitemap", "feed", "feeds", "rss", "atom",
    "robots", "favicon", "cite", "offline", "partners", "members", "briefs", "curriculum",
    "countries", "topics", "exchanges", "javascripts", "stylesheets", "images", "vendor",
})
PAGE_KINDS = {"partner": "partners", "member": "members", "module": "modules", "brief": "briefs",
              "exchange": "exchanges"}


def reserved_id_problems(cat: Catalog) -> list[Problem]:
    """Records whose id is a name the site keeps for itself."""
    out = []
    tables = {"partner": cat.partners, "member": cat.members, "module": cat.modules,
              "brief": cat.briefs, "exchange": cat.exchanges}
    for kind, table in tables.items():
        for key in sorted(set(table) & RESERVED_IDS):
            origin = cat.origin(kind, key)
            message = f"the id {key!r} is a name the site keeps for its own pages and files"
            if kind in ("brief", "exchange"):  # a brief's or exchange's id is its file name
                out.append(Problem(origin.path, 1, 1, "", f"the file name {key + '.md'!r} is reserved: "
                                   + message.replace(f"the id {key!r} is", "it is"),
                                   "rename the file, e.g. to a few words of the title"))
            else:
                out.append(origin.problem(("id",), message, f"choose another id, e.g. '{key}-{kind}'"))
    return out


def logo_problems(cat: Catalog, files: FileInventory) -> list[Problem]:
    """Each partner's logo (a path already checked by form) is an image the allowlist accepted."""
    out = []
    for p in cat.partners.values():
        if not p.logo:
            continue
        rel = f"content/{p.logo}"
        if rel in files.refused:
            out.append(cat.origin("partner", p.id).problem(
                ("logo",), f"the logo file {rel} cannot be published (see its own error)",
                "fix or replace the image"))
        elif files.kind(rel) != "image":
            out.append(cat.origin("partner", p.id).problem(
                ("logo",), f"the logo file {rel} does not exist",
                "add the image under content/assets/logos/ and give its path from content/"))
    return out


def output_conflicts(outputs: Iterable[tuple[str, str]]) -> list[str]:
    """`(output path, source)` pairs -> one message per output path written by two sources.

    Paths are compared without case: on Windows and macOS, and when the offline zip is
    unpacked there, `About/` and `about/` are one folder."""
    owners: dict[str, list[tuple[str, str]]] = {}
    for dest, source in outputs:
        owners.setdefault(dest.casefold(), []).append((dest, source))
    return [f"{', '.join(sorted({d for d, _ in group}))}: written by "
            + " and by ".join(sorted(s for _, s in group))
            for key, group in sorted(owners.items()) if len(group) > 1]
