"""MkDocs hook: give every page its Content-Security-Policy (quality gates, `hub.csp`).

`overrides/main.html` writes a placeholder `<meta http-equiv="Content-Security-Policy">`;
after each page is rendered this hook fills in a policy that allows the site's own script
files and the exact hashes of that page's inline scripts, never 'unsafe-inline'. Listed last
under `hooks:` so that it sees each page's final HTML.
"""

from __future__ import annotations

import posixpath
from pathlib import Path


def _offline(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.get("enabled", True))


_SHIMS: dict[Path, str] = {}  # the vendored shim's text, read once per build (every page names it)


def on_pre_build(config):
    _SHIMS.clear()


def _read_shim(path: Path) -> str:
    text = _SHIMS.get(path)
    if text is None:
        text = _SHIMS[path] = path.read_text(encoding="utf-8")
    return text


def _csp(html: str, dest_dir: str, config) -> str:
    from hub.csp import apply_csp, shim_path

    offline, shim = _offline(config), None
    rel = shim_path(html) if offline else None
    for base in ((config.site_dir, config.docs_dir, *config.theme.dirs) if rel else ()):
        path = Path(base, posixpath.normpath(posixpath.join(dest_dir, rel)))  # the site's copy,
        if path.is_file():  # or its source (docs_dir, overrides/)
            shim = _read_shim(path)
            break
    return apply_csp(html, offline=offline, shim_js=shim)


def on_post_page(output, page, config):
    return _csp(output, posixpath.dirname(page.file.dest_uri), config)


def on_post_template(output_content, template_name, config):  # 404.html
    return _csp(output_content, "", config)
