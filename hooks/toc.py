"""MkDocs hook: the table of contents of a record page includes the headings its template
writes (a brief's Recommendations, References and Cite; a module's objectives, notes,
sessions, ...), not only the headings of the contributor's Markdown.

A template lists its own headings at its top level, where Jinja runs it before the layout
draws the sidebar: `{% set _ = hub_toc(page, before=[("recommendations", "Recommendations")],
after=[...], wrap=("notes", "Notes for teachers")) %}`. `wrap` nests the Markdown's headings
under one heading of the template. The titles stay in the template next to the headings
themselves; tests/build/test_record_pages.py checks that every entry has its heading.
"""

from __future__ import annotations

from mkdocs.structure.toc import AnchorLink, TableOfContents


def _link(anchor: str, title: str, level: int = 2) -> AnchorLink:
    return AnchorLink(title, anchor, level)


def hub_toc(page, before=(), after=(), wrap=None) -> str:
    """Add the template's headings around the page's own; once per page, whatever calls it."""
    toc = page.toc
    if getattr(toc, "hub_done", False):
        return ""
    items = list(toc)
    taken = {item.id for item in items}
    if wrap:  # the template writes this heading only when there is something under it
        parent = _link(*wrap)
        parent.children = items
        items = [parent]
    items = ([_link(a, t) for a, t in before if a not in taken] + items
             + [_link(a, t) for a, t in after if a not in taken])
    if items:
        items[0].active = True  # type: ignore[attr-defined]  as MkDocs marks the first entry
    page.toc = TableOfContents(items)
    page.toc.hub_done = True  # type: ignore[attr-defined]
    return ""


def on_env(env, config, files):
    env.globals["hub_toc"] = hub_toc
    return env
