"""MkDocs hook: register the hub's macros for hand-written pages (`hub.macros`).

`{{ count("partners") }}`, `{{ latest_briefs(3) }}`, ... on pages that opt in with
`render_macros: true`. Runs after `site.py`, whose `on_config` puts the catalog in the config.
"""

from __future__ import annotations

from hub.macros import make_macros


def on_config(config):
    macros = config.plugins.get("macros")
    if macros is not None:
        current = lambda: macros.page.file.src_uri  # noqa: E731  the page being rendered
        macros.register_macros(make_macros(config["hub_catalog"], current))
    return config
