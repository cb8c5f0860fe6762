"""MkDocs hook: register the hub's macros for hand-written pages (`hub.macros`).

`{{ count("partners") }}`, `{{ latest_briefs(3) }}`, ... on the maintainers' pages listed in
the macros plugin's `force_render_paths` (mkdocs.yml; `hooks/trust.py` keeps them to that list).
Runs after `site.py`, whose `on_config` puts the catalog in the config.
"""

from __future__ import annotations

from hub.macros import make_macros


def on_config(config):
    macros = config.plugins.get("macros")
    if macros is not None:
        current = lambda: macros.page.file.src_uri  # noqa: E731  the page being rendered
        macros.register_macros(make_macros(config["hub_catalog"], current))
    return config
