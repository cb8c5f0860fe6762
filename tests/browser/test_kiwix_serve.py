"""The ZIM file in Kiwix: Debian's `kiwix-serve` serves it on a free loopback port and headless
Chromium reads it as a Kiwix reader does: the main page, Kiwix's own search bar (the site's
search box is gone), a search result, the faceted filters, and no request leaving the server.

Without `kiwix-serve` (Debian's `kiwix-tools`) this is skipped locally; with CI=true it fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ZIM_VERSION, free_port

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback only)
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


@pytest.fixture(scope="module")
def kiwix(zim_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(server URL, URL of the book's main page) of `kiwix-serve` serving the fixture ZIM."""
    exe = shutil.which("kiwix-serve")
    if exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but no kiwix-serve: install Debian's kiwix-tools (see .ci/run)")
        pytest.skip("no kiwix-serve (install Debian's kiwix-tools to run this)")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path_factory.mktemp("kiwix") / "kiwix-serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen([exe, "--address", "127.0.0.1", "--port", str(port), str(zim_file)],
                                stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while _status(base + "/") is None:
            assert proc.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "kiwix-serve did not answer: " + log.read_text()
            time.sleep(0.1)
        book = zim_file.stem
        # kiwix-serve 3.3 (Debian 12) serves books at /<book>/, later versions at /content/<book>/
        main = next((f"{base}{prefix}/{book}/" for prefix in ("", "/content")
                     if _status(f"{base}{prefix}/{book}/") == 200), None)
        assert main, f"kiwix-serve serves no page of {book}"
        yield base, main
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


class Reader:
    """A browser page that records every request and script error."""

    def __init__(self, browser, base: str) -> None:
        self.base = base
        self.context = browser.new_context()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda r: self.requests.append(r.url))
        self.context.on("response", lambda r: self.errors.append(f"{r.status}: {r.url}")
                        if r.status >= 400 else None)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", self._console)

    def _console(self, message) -> None:
        """Console errors count too (a Content-Security-Policy violation is one), except those of
        kiwix-serve's own bar: its jQuery probes for inline event handlers, which the page's
        policy refuses (harmless: the bar, its suggestions and its search work)."""
        if (message.type == "error" and "/skin/" not in message.location.get("url", "")
                and not message.text.startswith("Failed to load resource")):  # see "response"
            self.errors.append(message.text)

    def outside(self) -> list[str]:
        return [u for u in self.requests
                if urlsplit(u).scheme not in ("data", "blob", "about") and not u.startswith(self.base)]


@pytest.fixture
def reader(browser, kiwix: tuple[str, str]) -> Iterator[Reader]:
    r = Reader(browser, kiwix[0])
    yield r
    r.context.close()


def test_main_page_with_kiwix_search_instead_of_the_site_search(reader: Reader, kiwix) -> None:
    pg = reader.page
    pg.goto(kiwix[1])
    pg.wait_for_load_state("load")
    assert pg.url.endswith("/index.html")
    assert pg.locator("h1").first.inner_text().strip()
    assert pg.locator(".md-search, label[for=__search]").count() == 0  # the site's own search
    assert f"version {ZIM_VERSION}" in pg.locator(".hub-build-stamp").inner_text()
    # styled by the theme, from the file
    assert pg.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    # Kiwix's search bar finds a partner by a word of its description (kiwix-serve 3.3 puts
    # its bar into the page; later versions show pages in a frame of their own viewer)
    box = pg.locator("#kiwixsearchbox")
    if box.count() == 0:
        pg.goto(f"{kiwix[0]}/search?content={kiwix[1].rstrip('/').rsplit('/', 1)[1]}&pattern=zebracorn")
    else:
        box.press_sequentially("Alpha Ex", delay=20)  # title suggestions as one types
        pg.locator(".ui-autocomplete li", has_text="Alpha Example Ministry of Health").first.wait_for()
        box.fill("zebracorn")
        box.press("Enter")
    pg.wait_for_load_state("load")
    result = pg.locator("a[href$='partners/alpha-ministry.html']")
    assert result.count() >= 1, pg.content()[:2000]
    result.first.click()
    pg.wait_for_load_state("load")
    assert pg.url.endswith("/partners/alpha-ministry.html")
    assert "Alpha Example Ministry of Health" in pg.locator("h1").first.inner_text()
    # links between records work inside the file
    pg.locator("article a", has_text="Primary care: the alpha brief").first.click()
    pg.wait_for_load_state("load")
    assert pg.url.endswith("/briefs/alpha-brief.html")
    assert reader.outside() == []
    assert reader.errors == []


def test_filters_work_in_kiwix(reader: Reader, kiwix) -> None:
    pg = reader.page
    pg.goto(kiwix[1] + "partners/index.html")
    pg.wait_for_load_state("load")
    assert pg.locator("form[data-hub-filter]").is_visible()
    assert pg.locator("[data-hub-status]").inner_text() == "Showing all 3 partners."
    pg.locator("[data-hub-facets] > summary").click()
    pg.get_by_label("European Region").check()
    titles = pg.locator("[data-hub-item]:visible .hub-item__title").all_inner_texts()
    assert titles == ["Gamma Example Health Collective"]
    assert pg.locator("[data-hub-status]").inner_text() == "Showing 1 of 3 partners."
    assert reader.outside() == []
    assert reader.errors == []


def test_every_page_opens_through_kiwix_serve(reader: Reader, kiwix, offline_build) -> None:
    site, _ = offline_build
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(pages) > 20
    for rel in pages:
        response = reader.page.goto(kiwix[1] + rel)
        assert response is not None and response.status == 200, rel
        broken = reader.page.evaluate(
            "[...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)")
        assert broken == [], rel
    assert reader.outside() == []
    assert reader.errors == []
