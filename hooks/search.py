"""MkDocs hook: the site's search, indexed by the hub (`hub.search_index`) instead of Material's
search plugin, which is left out of `mkdocs.yml`.

Material's search dialog, keyboard handling and highlighting stay: Material's header shows the
search box when a plugin named `material/search` is registered, so this hook registers a
placeholder under that name (it has no events: it indexes nothing). Each page's rendered
content is added to the index as the page is built (no second parse of the written files);
after the build the index files are written and `__config.search` names the hub's worker
(`overrides/assets/hub/search-worker.js`, set by `overrides/main.html`). Material's lunr
worker and its language files are not copied into the site.

When `mkdocs.yml` still lists Material's own `search` plugin, this hook does nothing.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from hub.search_index import SearchIndex

WORKER = "assets/hub/search-worker.js"
STATE: dict = {}


class _SearchBox:
    """Stands in for Material's search plugin in `config.plugins`: the theme then draws the
    search box (partials/header.html reads `.config.enabled`). No `on_*` events."""

    def __init__(self) -> None:
        self.config = {"enabled": True, "lang": None}


def _active(config) -> bool:
    return isinstance(config.plugins.get("material/search"), _SearchBox)


@event_priority(100)  # first: hooks/network.py sets the search language on whatever is registered
def on_config(config):
    if "material/search" not in config.plugins and "search" not in config.plugins:
        config.plugins["material/search"] = _SearchBox()
    if _active(config):
        import material

        workers = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
        theirs = next(workers.glob("search.*.min.js"), None)
        STATE["worker"] = (f"assets/javascripts/workers/{theirs.name}", WORKER) if theirs else None
    return config


def on_pre_build(config):
    language = str(config.theme.get("language") or "en")
    STATE["index"] = SearchIndex(language=language) if _active(config) else None


def on_files(files: Files, config):
    """Leave Material's lunr worker and language files out of the site: nothing loads them."""
    if not _active(config):
        return files
    for file in list(files):
        if file.src_uri.startswith(("assets/javascripts/lunr/", "assets/javascripts/workers/")):
            files.remove(file)
    return files


def on_env(env, config, files):
    env.globals["hub_search_worker"] = STATE.get("worker") if _active(config) else None
    return env


@event_priority(-90)  # after hooks/site.py put the record's facts into the content
def on_page_content(html, page, config, files):
    index = STATE.get("index")
    search = page.meta.get("search")
    if index is not None and not (isinstance(search, dict) and search.get("exclude")):
        index.add(page.url, str(page.meta.get("title") or page.title or ""), html)
    return html


# Only reads the page: the live preview calls it again for the pages it did not render again
# (hooks/incremental_build.py), so that the index has every page.
on_page_content.hub_preview_replay = True  # type: ignore[attr-defined]


def on_post_build(config):
    index = STATE.pop("index", None)
    if index is not None:
        index.write(config.site_dir)
