"""MkDocs hook: the network's identity and sections from hub.yml (read by `hooks/site.py`).

Sets the site's name, description, address, repository, copyright line and language from
hub.yml, so that mkdocs.yml holds no network's words, and drops the navigation entries of the
sections a network switched off (`sections:`). Runs right after `hooks/site.py`, which
validated hub.yml and hands the templates its sections and facts.
"""

from __future__ import annotations

from pathlib import Path

from hub import config as hub_config
from hub.sections import filter_nav, identity


def on_config(config):
    cfg = hub_config.active()  # the hub's own: hooks/site.py validated it
    ident = identity(cfg)
    for key in ("site_name", "site_description", "repo_url", "repo_name", "copyright"):
        if ident[key] is not None:
            config[key] = ident[key]
    if not config.site_url:  # `mkdocs serve` sets its own address first: keep it
        config["site_url"] = ident["site_url"]
    config.theme["language"] = ident["language"]
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None and ident["language"] != "en":
        search.config["lang"] = [ident["language"], "en"] if ident["language"] != "en" else ["en"]
    config["nav"] = filter_nav(config.nav, cfg)
    root = Path(config.config_file_path).parent
    for name in ("hub.yml", "partners.yaml", "members.yaml", "curriculum"):  # `mkdocs serve` reloads
        path = str(root / name)
        if (root / name).exists() and path not in config.watch:
            config.watch.append(path)
    return config

