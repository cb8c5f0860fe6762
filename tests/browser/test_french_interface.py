"""The sample site built in French: axe-core (WCAG 2.1 AA, both palettes) on its translated
listings and record pages, and the listing filter's live status sentence in French (the
script takes its sentences from the page)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .test_a11y import SCHEMES, audit, page_in

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PAGES = ["", "partners/", "briefs/", "curriculum/", "countries/", "data/"]


@pytest.fixture(scope="module")
def french_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from languages_site import sample_hub

    from .quality_browser import root_helpers

    h = root_helpers()
    hub = sample_hub(tmp_path_factory.mktemp("french") / "hub", "fr")  # a one-language French hub
    result = h.build_site(hub)
    assert result.returncode == 0, result.stderr
    return hub / "site"


@pytest.fixture(scope="module")
def french_url(french_site: Path):
    from .quality_browser import serve

    yield from serve(french_site)


def _records(site: Path, folder: str) -> list[str]:
    """The first record page of a folder: ["partners/<id>/"]."""
    pages = (site / folder).glob("*/index.html")
    return sorted(p.parent.relative_to(site).as_posix() + "/" for p in pages)[:1]


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_french_pages_pass_axe(chromium_browser, french_site: Path, french_url: str, scheme: str) -> None:
    def in_french(page, rel: str) -> None:
        assert page.evaluate("document.documentElement.lang") == "fr", rel

    pages = PAGES + _records(french_site, "partners") + _records(french_site, "briefs")
    with page_in(chromium_browser, scheme) as page:
        failures = audit(page, french_url, pages, check=in_french)
    assert failures == {}


def test_the_filter_status_speaks_french(chromium_browser, french_url: str) -> None:
    page = chromium_browser.new_page()
    try:
        page.goto(french_url + "partners/")
        status = page.locator("[data-hub-status]")
        total = int(re.search(r"(\d+) partenaires", status.inner_text()).group(1))
        page.locator("#filter-partner-list-text").fill("Ministry")
        page.wait_for_function("!document.querySelector('[data-hub-status]').textContent.includes('liste')")
        shown = page.locator("#partner-list [data-hub-item]:not([hidden])").count()
        assert 0 < shown < total
        assert status.inner_text() == f"Affichage : {shown} sur {total} partenaires."
    finally:
        page.close()
