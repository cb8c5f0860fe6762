"""What a reader downloads (issue 16): the bytes of a first page view and of a search session,
measured with the system's Chromium (as tests/browser/conftest.py finds it).

Each built site is served over HTTP on the loopback; the browser opens a page (first view: every
request until the network is idle), then opens the search, types the query key by key and
waits for the results (the search session: every request after the first view). Bytes are
each requested file's gzip size (level 6, as a static host that compresses sends it), so the
numbers do not depend on the test server, which does not compress.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM = os.environ.get("HUB_CHROMIUM", "/usr/bin/chromium")
QUERY = "community health"


@dataclass
class Transfer:
    first_view_gzip: int = 0
    first_view_requests: int = 0
    search_gzip: int = 0
    search_requests: int = 0
    results: int = 0
    largest: list[str] = field(default_factory=list)  # the search session's biggest files


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # noqa: ANN002
        pass


def _file(site: Path, url: str, base: str) -> Path | None:
    path = unquote(urlsplit(url).path)[len(urlsplit(base).path):]
    target = site / path
    if path == "" or path.endswith("/"):
        target = target / "index.html"
    return target if target.is_file() else None


def _gz(path: Path, cache: dict[Path, int]) -> int:
    if path not in cache:
        cache[path] = len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))
    return cache[path]


def measure(site: Path, page: str, query: str = QUERY, timeout_ms: int = 180_000) -> Transfer:
    """First view of `page` (a path under the site root, e.g. "partners/x/"), then a search."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    sizes: dict[Path, int] = {}
    out = Transfer()
    try:
        with sync_playwright() as p:
            args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
            browser = p.chromium.launch(executable_path=CHROMIUM, args=args)
            pg = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            seen: list[str] = []
            pg.on("request", lambda r: seen.append(r.url))
            pg.goto(base + page)
            pg.wait_for_load_state("networkidle")
            first = list(seen)
            seen.clear()
            pg.locator("label.md-search__icon, .md-search__input").first.click()
            pg.locator("input.md-search__input").press_sequentially(query, delay=60)
            items = pg.locator(".md-search-result__list > .md-search-result__item")
            items.first.wait_for(timeout=timeout_ms)
            pg.wait_for_load_state("networkidle")
            pg.wait_for_timeout(500)
            out.results = items.count()
            browser.close()
    finally:
        server.shutdown()
    for urls, attr in ((first, "first_view"), (seen, "search")):
        files = [f for f in (_file(site, u, base) for u in urls) if f is not None]
        setattr(out, f"{attr}_gzip", sum(_gz(f, sizes) for f in files))
        setattr(out, f"{attr}_requests", len(urls))
    searched = [f for f in (_file(site, u, base) for u in seen) if f is not None]
    out.largest = [f"{f.relative_to(site).as_posix()} {sizes[f] / 1024:.1f} KB"
                   for f in sorted(set(searched), key=lambda f: -sizes[f])[:3]]
    return out


def table(rows: list[tuple[int, Transfer, Transfer]], page: str, query: str = QUERY) -> list[str]:
    """Markdown rows: per size, the hub beside plain Material."""
    def kb(b: int) -> str:
        return f"{b / 1024:.1f} KB"

    lines = [f"What a reader downloads (benchmarks/reader_bytes.py, Chromium; gzip sizes): a first view of a "
             f"partner page (`{page}` on the hub, the same depth on the plain site), then a search session "
             f"(open the search box, type \"{query}\" key by key, see the results). Targets: a first view "
             "that does not grow with the site; a search session at most 300 KB at 10,000 records.", "",
             "| records | first view hub / plain | search session hub / plain (target ≤ 300 KB) "
             "| requests of the search hub / plain | results hub / plain |",
             "|---:|---:|---:|---:|---:|"]
    for n, hub, plain in rows:
        lines.append(f"| {n:,} | {kb(hub.first_view_gzip)} / {kb(plain.first_view_gzip)} "
                     f"| {kb(hub.search_gzip)} / {kb(plain.search_gzip)} "
                     f"| {hub.search_requests} / {plain.search_requests} | {hub.results} / {plain.results} |")
    return lines + [""]


def as_dict(t: Transfer) -> dict:
    return asdict(t)
