"""The live preview's error page: the located messages of `make validate`, escaped, in a page
that needs nothing else from the site (the build that would have made the rest failed)."""

from __future__ import annotations

import html

_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#fff;color:#1b1b1b}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.5rem;color:#8a1c1c;margin-top:0}
pre{white-space:pre-wrap;word-break:break-word;background:#fdf3f3;border-left:4px solid #8a1c1c;
padding:1rem;font:14px/1.5 ui-monospace,monospace}
@media (prefers-color-scheme:dark){body{background:#16181d;color:#e8e8e8}
h1{color:#ff9d9d}pre{background:#2a1d1f;border-color:#ff9d9d}}
"""
_POLICY = ("default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; "
           "base-uri 'none'; form-action 'none'")


def render_error_page(messages: list[str]) -> str:
    """The page, in the build's language (hub.i18n); the messages themselves stay as written."""
    from .i18n import _, language

    items = "\n".join(f"<pre>{html.escape(m)}</pre>" for m in messages if m.strip())
    intro = _("Each line below says which file, line and column to fix, and how (the same messages as "
              "%(command)s). Save the file: this page reloads by itself and shows the site again "
              "once every error is fixed.", command="<code>make check</code>")
    title, heading = _("Preview stopped: fix the records"), _("The preview cannot be built yet")
    return f"""<!doctype html>
<html lang="{html.escape(language())}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{_POLICY}">
<meta name="robots" content="noindex">
<title>{title}</title>
<style>{_STYLE}</style>
</head>
<body>
<main>
<h1>{heading}</h1>
<p>{intro}</p>
{items}
</main>
</body>
</html>
"""
