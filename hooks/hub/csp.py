"""The Content-Security-Policy of every page: only the site's own scripts may run.

Material inlines a few small scripts in each page (`__md_scope`, the palette restore, the
hash-target fix); the first one contains the page's base URL, so it differs from page to
page. Rather than copy Material's templates, each page's policy allows exactly the inline
scripts that page carries, by their SHA-256 hash, computed after the page is rendered. Any
other inline script (an injected one) is blocked by the browser, and `'unsafe-inline'` is
never allowed for scripts. Styles need `'unsafe-inline'`: Material sets style attributes.

`file://` pages have an opaque origin, where `'self'` matches nothing in some browsers; the
offline build (Material's `offline` plugin) therefore also allows `file:` for its own files.
Offline, search runs in `iframe-worker`: a hidden iframe into which the shim writes one inline
script built from the shim's own functions and the worker's URL. That iframe inherits the
page's policy, so its script is allowed by hash too, computed from the vendored shim.
"""

from __future__ import annotations

import base64
import hashlib
import re

MARKER = "hub-csp-pending"  # written by overrides/main.html, replaced per page
_SCRIPT_RE = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_SRC_RE = re.compile(r"\bsrc\s*=", re.I)
_TYPE_RE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}


_OPEN_RE = re.compile(r"<script\b([^>]*)>", re.I)  # _SCRIPT_RE in two steps: twice as fast
_CLOSE_RE = re.compile(r"</script\s*>", re.I)


def _scripts(html: str) -> list[tuple[str, str]]:
    """`_SCRIPT_RE.findall(html)`: each script's attributes and text. The first closing tag
    after an opening tag ends it; with no closing tag left, no later script can match either."""
    out, pos = [], 0
    while (start := _OPEN_RE.search(html, pos)) is not None:
        end = _CLOSE_RE.search(html, start.end())
        if end is None:
            break
        out.append((start.group(1), html[start.end():end.start()]))
        pos = end.end()
    return out


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would run (not JSON data blocks)."""
    out = []
    for attrs, body in _scripts(html):
        if _SRC_RE.search(attrs):
            continue
        m = _TYPE_RE.search(attrs)
        if (m.group(1).lower() if m else "") in _JS_TYPES:
            out.append(body)
    return out


_HASHES: dict[str, str] = {}  # script -> its hash: the theme repeats a few scripts on every page


def sha256_source(script: str) -> str:
    found = _HASHES.get(script)
    if found is None:
        digest = hashlib.sha256(script.encode("utf-8")).digest()
        found = "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"
        if len(_HASHES) < 10_000:
            _HASHES[script] = found
    return found


_SHIM_TEMPLATE_RE = re.compile(r"<script>(postMessage=\$\{(\w+)\};importScripts=\$\{(\w+)\};.*?)<\\/script>")
_CONFIG_RE = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)


def _function_source(js: str, name: str) -> str | None:
    """`function name(...){...}` as the browser's Function.prototype.toString gives it."""
    start = js.find(f"function {name}(")
    if start < 0:
        return None
    depth, i = 0, js.index("{", start)
    for j in range(i, len(js)):
        depth += {"{": 1, "}": -1}.get(js[j], 0)
        if depth == 0:
            return js[start:j + 1]
    return None


def iframe_worker_script(shim_js: str, html: str) -> str | None:
    """The inline script iframe-worker writes into its iframe on this page, if it can tell."""
    import json

    m, conf = _SHIM_TEMPLATE_RE.search(shim_js), _CONFIG_RE.search(html)
    if not (m and conf):
        return None
    try:
        worker = json.loads(conf.group(1))["search"]
    except (ValueError, KeyError, TypeError):
        return None
    text, post, imports = m.groups()
    sources = {post: _function_source(shim_js, post), imports: _function_source(shim_js, imports)}
    if None in sources.values():
        return None
    return re.sub(r"\$\{(\w+)\}", lambda v: sources.get(v.group(1)) or worker, text)


def policy(html: str, *, offline: bool = False, shim_js: str | None = None) -> str:
    """The policy for one rendered page (`shim_js`: the vendored iframe-worker, offline)."""
    own = "'self' file:" if offline else "'self'"
    scripts = inline_scripts(html)
    if offline and shim_js:
        frame_script = iframe_worker_script(shim_js, html)
        scripts += [frame_script] if frame_script else []
    hashes = sorted({sha256_source(s) for s in scripts})
    return "; ".join([
        f"default-src {own}",
        " ".join([f"script-src {own}", *hashes]),
        f"style-src {own} 'unsafe-inline'",
        f"img-src {own} data:",
        f"font-src {own} data:",
        f"connect-src {own}",
        f"worker-src {own}",
        f"frame-src {own}" if offline else "frame-src 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        f"form-action {own}",
    ])


def apply_csp(html: str, *, offline: bool = False, shim_js: str | None = None) -> str:
    """Fill the page's CSP meta tag (left by the template) with its policy."""
    if MARKER not in html:
        return html
    return html.replace(MARKER, policy(html, offline=offline, shim_js=shim_js), 1)


_META_RE = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(">)')


def refresh_csp(html: str, *, offline: bool = False, shim_js: str | None = None) -> str:
    """Recompute the policy of a page whose scripts were changed after the build (e.g. a step
    that vendors a CDN script into the offline zip): call this after such a rewrite."""
    page = _META_RE.sub(lambda m: m.group(1) + MARKER + m.group(3), html, count=1)
    return apply_csp(page, offline=offline, shim_js=shim_js)


_SHIM_SRC_RE = re.compile(r'<script src="([^"]*iframe-worker[^"]*)"')


def shim_path(html: str) -> str | None:
    """The relative src of the page's iframe-worker shim, when it is vendored (not a CDN)."""
    m = _SHIM_SRC_RE.search(html)
    return m.group(1) if m and "://" not in m.group(1) else None
