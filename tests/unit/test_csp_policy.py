"""The per-page Content-Security-Policy (hub.csp): hashes of exactly the page's inline scripts."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from hub.csp import (
    MARKER,
    apply_csp,
    iframe_worker_script,
    inline_scripts,
    policy,
    refresh_csp,
    shim_path,
)

SHIM = Path(__file__).resolve().parents[2] / "overrides" / "assets" / "vendor" / "iframe-worker" / "shim.js"
PAGE = f"""<html><head><meta http-equiv="Content-Security-Policy" content="{MARKER}">
<script>var a=1</script><script src="assets/x.js"></script>
<script id="__config" type="application/json">{{"base": "..", "search": "../assets/w.js"}}</script>
<script type="module">var b=2</script></head></html>"""


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_only_executable_inline_scripts_are_hashed() -> None:
    assert inline_scripts(PAGE) == ["var a=1", "var b=2"]
    script_src = dict(d.split(" ", 1) for d in policy(PAGE).split("; "))["script-src"]
    assert script_src == f"'self' {' '.join(sorted([_hash('var a=1'), _hash('var b=2')]))}"
    assert "unsafe-inline" not in script_src


def test_marker_is_replaced_once_and_pages_without_it_are_untouched() -> None:
    out = apply_csp(PAGE)
    assert MARKER not in out and "default-src 'self'" in out and "object-src 'none'" in out
    assert apply_csp("<p>no meta</p>") == "<p>no meta</p>"


def test_offline_policy_allows_file_urls_and_the_iframe_worker_script() -> None:
    shim = SHIM.read_text(encoding="utf-8")
    page = PAGE.replace('<script src="assets/x.js">', '<script src="../assets/vendor/iframe-worker.js">')
    assert shim_path(page) == "../assets/vendor/iframe-worker.js"
    assert shim_path(PAGE.replace("assets/x.js", "https://unpkg.com/iframe-worker/shim")) is None
    frame = iframe_worker_script(shim, page)
    assert frame is not None and frame.startswith("postMessage=function ")
    assert '"../assets/w.js"' in frame and "${" not in frame
    offline = policy(page, offline=True, shim_js=shim)
    assert _hash(frame) in offline and "script-src 'self' file:" in offline
    assert _hash(frame) not in policy(page)


def test_refresh_after_a_later_rewrite_allows_the_new_scripts() -> None:
    built = apply_csp(PAGE)
    rewritten = built.replace("var a=1", "var a=2")
    assert _hash("var a=2") not in rewritten
    refreshed = refresh_csp(rewritten)
    assert _hash("var a=2") in refreshed and _hash("var a=1") not in refreshed
    assert refreshed.count("Content-Security-Policy") == 1
