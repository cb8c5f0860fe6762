"""MkDocs hook: record pages drawn from page shells (hub.render_shell).

Every partner, member, module, country, topic, brief and exchange page of a folder shares
Material's page around its own parts; the shell of that page is rendered once, and each page
fills in its title, description, canonical address and its own blocks. MkDocs still renders
each page through `template.render`, so every page event runs as before. Off with
`HUB_RENDER_CACHE=off` (the build test compares both) or
`HUB_PAGE_SHELLS=off` (this alone) and in the live preview (`make serve`),
which re-renders single pages.
"""

from __future__ import annotations

import copy
import logging
import os

from hub import render_shell
from hub.preview import serving

log = logging.getLogger("mkdocs.hooks.record_shells")
TEMPLATES = [f"hub/{kind}.html"
             for kind in ("partner", "member", "module", "country", "topic", "brief", "exchange")]
_OFF = ("off", "0", "false", "no")
ENABLED = all(os.environ.get(name, "on").lower() not in _OFF
              for name in ("HUB_RENDER_CACHE", "HUB_PAGE_SHELLS"))
STATE: dict = {}


def _page_values(context: dict):
    """(key, values) of a record page whose values a shell can hold, else None."""
    page = context.get("page")
    meta = getattr(page, "meta", None)
    if not meta or not meta.get("hub_key") or getattr(page, "is_homepage", True):
        return None
    values = {"title": meta.get("title"), "description": meta.get("description"),
              "canonical": page.canonical_url}
    # Plain, non-empty text only: a Markup value would pass `|e` unescaped, and the probes are plain.
    if not all(type(v) is str and v for v in values.values()) or page.title != values["title"]:
        return None
    others = tuple(sorted((k, repr(v)) for k, v in meta.items()
                          if k not in ("title", "description", "hub_key")))
    return (context.get("base_url"), context.get("hub_nav_key"), others, bool(page.edit_url)), values


def _probe_context(context: dict) -> dict:
    page = copy.copy(context["page"])
    page.meta = {**page.meta, "title": render_shell.probe("title"),
                 "description": render_shell.probe("description")}
    page.canonical_url = render_shell.probe("canonical")
    return {**context, "page": page}


def on_env(env, config, files):
    if ENABLED and not serving():
        STATE["shells"] = render_shell.install(env, TEMPLATES, _page_values, _probe_context)
    return env


def on_post_build(config):
    """`HUB_PAGE_SHELLS_REPORT=1`: say how many pages each template drew from shells (the build
    test checks that the shortcut is taken)."""
    shells = STATE.pop("shells", None)
    if shells is not None:
        per = ", ".join(f"{name} {shells.stats[name]}" for name in TEMPLATES)
        report = log.info if os.environ.get("HUB_PAGE_SHELLS_REPORT") else log.debug
        report("record pages from shells: %d (%s); rendered in full: %d; keys refused: %d",
               shells.stats["shell"], per, shells.stats["normal"], shells.stats["refused"])
