"""MkDocs hook: the network's identity and sections from hub.yml (read by `hooks/site.py`).

Sets the site's name, description, address, repository, copyright line and language from
hub.yml, so that mkdocs.yml holds no network's words, and drops the navigation entries of the
sections a network switched off (`sections:`). Runs first: it also adds the record files to
what `mkdocs serve` watches. `hooks/site.py` then validates hub.yml with the records and hands
the templates its sections and facts.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

from hub import config as hub_config
from hub import i18n
from hub.sections import filter_nav, identity

# mkdocs-macros-plugin (1.5) still asks pathspec for 'gitwildmatch' patterns, which pathspec 1.1
# deprecates; MkDocs prints each such warning with a stack excerpt on every build and preview:
# noise in front of contributors, about nothing they can change. Only that message is hidden.
warnings.filterwarnings("ignore", message=r"GitWildMatchPattern \('gitwildmatch'\) is deprecated",
                        category=DeprecationWarning)


def on_config(config):
    root = Path(config.config_file_path).parent
    # First, even when a record or hub.yml is wrong: `mkdocs serve` watches these files, so
    # that fixing one rebuilds (the watch list is read after the first build, failed or not).
    for name in ("hub.yml", "partners.yaml", "members.yaml", "curriculum"):
        path = str(root / name)
        if (root / name).exists() and path not in config.watch:
            config.watch.append(path)
    cfg, _ = hub_config.load(root)  # its mistakes are reported by hooks/site.py
    if cfg is None:
        return config
    # the build's language (hooks/languages.py): navigation, description and copyright are in it
    i18n.use(os.environ.get("HUB_LANG") or cfg.network.language)
    ident = identity(cfg)
    for key in ("site_name", "site_description", "repo_url", "repo_name", "copyright"):
        if ident[key] is not None:
            config[key] = ident[key]
    if not config.site_url:  # `mkdocs serve` sets its own address first: keep it
        config["site_url"] = ident["site_url"]
    # A build in another language (hooks/languages.py, which ran first) keeps its language.
    config.theme["language"] = os.environ.get("HUB_LANG") or ident["language"]
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None and ident["language"] != "en":
        search.config["lang"] = [ident["language"], "en"]
    config["nav"] = filter_nav(config.nav, cfg)
    return config
