"""MkDocs hook: make the offline build (`HUB_OFFLINE=true`, see `make offline`) self-contained.

Material's `offline` plugin turns off directory URLs and inlines the search index, but adds
its `iframe-worker` shim (which lets search run from `file://`) as a CDN URL: with no network,
search returns nothing. This hook swaps that URL for the copy vendored in
`overrides/assets/vendor/iframe-worker/` and refuses settings that need a network or a server.
It does nothing when the offline plugin is off.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from hub.bundle_offline import build_epoch, built_on, copy_version
from hub.hosted_urls import online_path

SHIM = "assets/vendor/iframe-worker/shim.js"


def _offline_enabled(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin is not None and plugin.config.enabled)


@event_priority(-50)  # after the offline plugin's on_config, which adds the CDN URL
def on_config(config):
    if not _offline_enabled(config):
        return config
    config.extra["hub_offline"] = True  # templates: no calls to outside APIs (partials/source.html)
    # the footer of every page says which copy this is (partials/copyright.html)
    epoch = build_epoch()
    config.extra["hub_offline_version"] = copy_version(Path(config.config_file_path).parent, epoch)
    config.extra["hub_offline_built"] = built_on(epoch)
    polyfills = config.extra.get("polyfills", [])
    config.extra["polyfills"] = [SHIM if "iframe-worker" in str(p) else p for p in polyfills]
    remote = [str(p) for p in config.extra["polyfills"] + config.extra_javascript + config.extra_css
              if "://" in str(p) or str(p).startswith("//")]
    if remote:
        raise PluginError(f"offline build: remote scripts or styles cannot load offline: {remote}")
    if config.theme.get("font") is not False:
        raise PluginError("offline build: web fonts come from Google's CDN; set theme.font: false "
                          "(self-hosted font files can be added with extra_css)")
    if "navigation.instant" in config.theme.get("features", []):
        raise PluginError("offline build: navigation.instant does not work from file://")
    return config


def on_page_context(context, page, config, nav):
    """Point `<link rel="canonical">` at the page's online address, not at `.html` file names."""
    if _offline_enabled(config) and page.canonical_url and config.site_url:
        page.canonical_url = config.site_url.rstrip("/") + "/" + online_path(page.file.url)
    return context


def on_post_build(config):
    """Drop what only a web server uses: the sitemap (its `.html` addresses would be wrong
    online) and 404.html (served by a server for missing pages; its links are absolute)."""
    if _offline_enabled(config):
        for name in ("sitemap.xml", "sitemap.xml.gz", "404.html"):
            path = os.path.join(config.site_dir, name)
            if os.path.exists(path):
                os.remove(path)
