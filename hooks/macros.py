"""MkDocs hook: register the hub's macros for hand-written pages (`hub.macros`).

`{{ count("partners") }}`, `{{ count_of("partners", "partner") }}`, `{{ latest_briefs(3) }}`,
... on the maintainers' pages listed in the macros plugin's `force_render_paths` (mkdocs.yml;
`hooks/trust.py` keeps them to that list). Runs after `site.py`, whose `on_config` puts the
catalog in the config. The templates get the same figures as `hub_counts` (one definition per
figure) and the `plural` filter ("1 partner", "2 partners").
"""

from __future__ import annotations

from pathlib import Path

from hub.issue_forms import issue_form_url
from hub.macros import count_definitions, counts, make_macros
from hub.plural import plural


def on_config(config):
    macros = config.plugins.get("macros")
    if macros is not None:
        current = lambda: macros.page.file.src_uri  # noqa: E731  the page being rendered
        macros.register_macros(make_macros(config["hub_catalog"], current))
        root = Path(config.config_file_path).parent
        # {{ issue_form("propose-partner") }}: the form's address (a missing form fails the build)
        macros.register_macros({"issue_form": lambda form: issue_form_url(config.repo_url or "", root, form)})
        macros.register_filters({"plural": plural})
    return config


def on_env(env, config, files):
    env.globals.update(hub_counts=counts(config["hub_catalog"]), hub_count_means=count_definitions())
    env.filters["plural"] = plural
    return env
