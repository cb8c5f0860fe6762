"""The hosted site's address of a page, whichever build is running.

The offline copy (`make offline`) is built without directory URLs (`about.html`), but what it
hands to readers to keep or cite (citation files, the APA line, JSON-LD, feeds, canonical
links) must be the hosted address that resolves (`https://<site>/about/`).
"""

from __future__ import annotations


def online_path(url: str) -> str:
    """`about.html` -> `about/`, `briefs/index.html` -> `briefs/`, `index.html` -> `` ."""
    if url == "index.html" or url.endswith("/index.html"):
        return url[: -len("index.html")]
    return url[: -len(".html")] + "/" if url.endswith(".html") else url


def hosted_url(base: str, url: str, offline: bool) -> str:
    """`base` (the site_url, ending in /) joined with a page's URL as the hosted site writes it."""
    return base + (online_path(url) if offline else url)
