"""What Lighthouse (mobile) scores, checked on the built HTML without a browser.

`make lighthouse` measures the scores (not part of `make test`: it needs npm and takes
minutes); this scan guards the causes that can be read from the files, so a change that would
cost points fails a test at once: a fourth render-blocking stylesheet or a parser-blocking
script in <head> (first contentful paint), a stylesheet that @imports another or a web font
(one more round trip before the first paint), an image without its size (layout shift), an
unnamed dialog, a page without language, title, description or a zoomable viewport
(accessibility, SEO). Each finding is `file: what`, every finding at once.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

# Material's main.css and palette.css, and the hub's hub.css: each is a request the first paint
# waits for. A fourth (an extra_css entry, a plugin's stylesheet) costs Lighthouse points:
# merge it into assets/hub.css instead.
MAX_STYLESHEETS = 3
_VIEWPORT_BLOCKS_ZOOM = re.compile(r"user-scalable\s*=\s*(no|0)|maximum-scale\s*=\s*([0-4](\.\d+)?)\b")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_head = False
        self.in_title = False
        self.title = ""
        self.lang = None
        self.meta: dict[str, str] = {}
        self.head_stylesheets: list[str] = []
        self.body_stylesheets: list[str] = []
        self.head_blocking_scripts: list[str] = []
        self.images_without_size: list[str] = []
        self.unnamed_dialogs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag == "head":
            self.in_head = True
        elif tag == "body":
            self.in_head = False
        elif tag == "title" and self.in_head:
            self.in_title = True
        elif tag == "meta" and a.get("name"):
            self.meta[a["name"].lower()] = a.get("content", "")
        elif tag == "link" and "stylesheet" in a.get("rel", "").lower().split():
            (self.head_stylesheets if self.in_head else self.body_stylesheets).append(a.get("href", ""))
        elif tag == "script" and self.in_head and a.get("src") and not (
                "async" in a or "defer" in a or a.get("type") == "module"):
            self.head_blocking_scripts.append(a["src"])
        if tag == "img" and not (a.get("width", "").isdigit() and a.get("height", "").isdigit()):
            self.images_without_size.append(a.get("src", ""))
        if a.get("role") == "dialog" and not (a.get("aria-label", "").strip() or a.get("aria-labelledby")):
            self.unnamed_dialogs.append(a.get("class") or a.get("id") or tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        elif tag == "title":
            self.in_title = False

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data


def scan_page(html: str) -> list[str]:
    """What in one page would cost Lighthouse points (empty: nothing found)."""
    p = _Page()
    p.feed(html)
    p.close()
    found = []
    if len(p.head_stylesheets) > MAX_STYLESHEETS:
        found.append(f"{len(p.head_stylesheets)} render-blocking stylesheets in <head> (at most "
                     f"{MAX_STYLESHEETS}: merge extra CSS into assets/hub.css): "
                     + ", ".join(p.head_stylesheets))
    found += [f"stylesheet outside <head> (blocks rendering where it stands): {h}"
              for h in p.body_stylesheets]
    found += [f"parser-blocking <script src> in <head> (add defer, or load it at the end of <body>): {s}"
              for s in p.head_blocking_scripts]
    found += [f"<img> without width and height (the page shifts when it loads): {s}"
              for s in p.images_without_size]
    found += [f"dialog without a name (aria-label or aria-labelledby): {d}" for d in p.unnamed_dialogs]
    if not (p.lang or "").strip():
        found.append("<html> without lang")
    if not p.title.strip():
        found.append("empty or missing <title>")
    if not p.meta.get("description", "").strip():
        found.append("no meta description")
    viewport = p.meta.get("viewport", "")
    if "width=device-width" not in viewport.replace(" ", ""):
        found.append(f"meta viewport without width=device-width: {viewport!r}")
    elif _VIEWPORT_BLOCKS_ZOOM.search(viewport):
        found.append(f"meta viewport prevents zooming: {viewport!r}")
    return found


def scan_css(css: str) -> list[str]:
    """@import chains a second request before the first paint; @font-face waits for a font."""
    found = []
    if re.search(r"@import\b", css):
        found.append("@import (one more round trip before the first paint: put the rules in this file)")
    if re.search(r"@font-face\b", css):
        found.append("@font-face (the text waits for a web font: the hub uses system fonts)")
    return found


def scan_page_load(site: Path) -> list[str]:
    """Every finding in the site's pages and stylesheets, `path: what`."""
    found = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        found += [f"{rel}: {f}" for f in scan_page(page.read_text(encoding="utf-8"))]
    for sheet in sorted(site.rglob("*.css")):
        rel = sheet.relative_to(site).as_posix()
        found += [f"{rel}: {f}" for f in scan_css(sheet.read_text(encoding="utf-8"))]
    return found
