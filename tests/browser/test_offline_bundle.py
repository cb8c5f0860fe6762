"""The offline zip, unzipped and opened from file:// in headless Chromium, with no server.

Every request a page makes is recorded: anything that is not a `file:` URL fails the test
(the bundle must work with no network at all).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Not network requests: inline data, and the iframe the search shim writes its worker into.
_LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


class Visit:
    """A browser context that records every request, failed load and script error."""

    def __init__(self, browser) -> None:
        self.context = browser.new_context()
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda r: self.requests.append(r.url))
        self.context.on("requestfailed", self._failed)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _failed(self, request) -> None:
        # ERR_ABORTED: a load cut short by the next navigation (the favicon, typically); a
        # missing file is ERR_FILE_NOT_FOUND.
        if request.failure != "net::ERR_ABORTED":
            self.failed.append(f"{request.url}: {request.failure}")

    def remote(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(_LOCAL_SCHEMES)]

    def assert_offline_clean(self) -> None:
        assert self.remote() == [], "requests to the network"
        assert self.failed == [], "resources that did not load"
        assert self.errors == [], "script errors"


@pytest.fixture
def visit(browser) -> Iterator[Visit]:
    v = Visit(browser)
    yield v
    v.context.close()


def bare(url: str) -> str:
    """The URL without `?h=word` (search highlighting) or `#anchor`."""
    return url.split("#")[0].split("?")[0]


def search(v: Visit, start: Path, word: str):
    v.page.goto(start.as_uri())
    v.page.click("label.md-search__icon, .md-search__input")
    v.page.locator("input.md-search__input").press_sequentially(word, delay=10)
    results = v.page.locator(".md-search-result__item a.md-search-result__link")
    results.first.wait_for(timeout=15_000)
    return results


@pytest.mark.parametrize(("word", "target", "heading"), [
    ("zebracorn", "partners/alpha-ministry.html", "Alpha Example Ministry of Health"),
    ("Quokkaflux", "briefs/alpha-brief.html", "Primary care: the alpha brief"),
])
def test_search_finds_the_page_and_opens_it(visit: Visit, offline_bundle: Path, word: str,
                                            target: str, heading: str) -> None:
    results = search(visit, offline_bundle / "index.html", word)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any(bare(h).endswith(target) for h in hrefs), hrefs
    results.filter(has_text=heading).first.click()
    visit.page.wait_for_load_state("load")
    assert bare(visit.page.url) == (offline_bundle / target).as_uri()
    assert heading in visit.page.locator("h1").first.inner_text()
    visit.assert_offline_clean()


def test_search_works_from_a_page_in_a_subfolder(visit: Visit, offline_bundle: Path) -> None:
    results = search(visit, offline_bundle / "countries" / "np.html", "zebracorn")
    results.first.click()
    visit.page.wait_for_load_state("load")
    assert bare(visit.page.url) == (offline_bundle / "partners/alpha-ministry.html").as_uri()
    visit.assert_offline_clean()


def test_navigation_reaches_every_section(visit: Visit, offline_bundle: Path) -> None:
    v = visit
    v.page.goto((offline_bundle / "index.html").as_uri())
    for label, target in [("Partners", "partners/index.html"), ("Policy briefs", "briefs/index.html"),
                          ("Curriculum", "curriculum/index.html")]:
        v.page.locator("nav.md-nav--primary a.md-nav__link", has_text=label).first.click()
        v.page.wait_for_load_state("load")
        assert v.page.url == (offline_bundle / target).as_uri()
        assert label.split()[-1].lower() in v.page.locator("h1").first.inner_text().lower()
    # and from a listing into a generated record page, and on to a related record
    v.page.goto((offline_bundle / "partners" / "index.html").as_uri())
    v.page.locator("article a", has_text="Alpha Example Ministry of Health").first.click()
    v.page.wait_for_load_state("load")
    assert v.page.url == (offline_bundle / "partners/alpha-ministry.html").as_uri()
    v.page.locator("article a", has_text="Primary care: the alpha brief").first.click()
    v.page.wait_for_load_state("load")
    assert v.page.url == (offline_bundle / "briefs/alpha-brief.html").as_uri()
    v.assert_offline_clean()


def test_every_page_loads_styles_and_images_with_no_network(visit: Visit, offline_bundle: Path
                                                            ) -> None:
    pages = sorted(offline_bundle.rglob("*.html"))
    assert len(pages) > 20
    for html in pages:
        visit.page.goto(html.as_uri())
        visit.page.wait_for_load_state("load")
        rel = html.relative_to(offline_bundle).as_posix()
        # Material's stylesheet is applied: the header is fixed-height and coloured
        styled = visit.page.evaluate(
            "getComputedStyle(document.querySelector('.md-header')).position")
        assert styled == "sticky", rel
        broken = visit.page.evaluate(
            "[...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)")
        assert broken == [], rel
    visit.assert_offline_clean()
    assert any(u.endswith("assets/vendor/iframe-worker/shim.js") for u in visit.requests)
