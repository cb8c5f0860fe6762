"""A reader types a country, a topic or a partner's name into the site's search box and finds
the records about it, with a readable snippet: on the hosted site (HTTP) and in the offline
copy (file://, no network)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# query -> pages that must be among the results (fixture hub: tests/fixtures/hub/)
QUERIES = {
    "Kenya": ["partners/beta-university", "members/ben-example", "briefs/beta-brief", "curriculum/sm-101"],
    "Nepal": ["partners/alpha-ministry", "members/ada-example", "briefs/alpha-brief"],
    "community health": ["partners/gamma-ngo", "members/ben-example", "briefs/beta-brief"],
    "Gamma Collective": ["partners/gamma-ngo", "briefs/beta-brief"],
    "Fellow": ["members/ada-example"],
    "medical university": ["partners/beta-university"],
    "ward mapping": ["exchanges/alpha-beta-visit"],  # an exchange, by its innovation
}


def results(page, base: str, query: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Result page (its path under `base`, without .html, / or #anchor) -> its snippet, after
    typing `query` into the search box of the home page."""
    page.goto(base + ("index.html" if base.startswith("file:") else ""))
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially(query, delay=10)
    items = page.locator(".md-search-result__list > .md-search-result__item")
    items.first.wait_for(timeout=15_000)
    page.wait_for_timeout(300)  # the worker answers each key; let the last answer settle
    found = {}
    for i in range(items.count()):
        link = items.nth(i).locator("a.md-search-result__link").first
        href = link.evaluate("a => a.href").split("#")[0].split("?")[0]
        assert href.startswith(base), href
        found[href[len(base):].removesuffix(".html").rstrip("/")] = link.inner_text()
    return found


@pytest.mark.parametrize("query", list(QUERIES))
def test_search_finds_records_online(page, quality_fixture_url: str, query: str) -> None:  # type: ignore[no-untyped-def]
    found = results(page, quality_fixture_url, query)
    assert set(QUERIES[query]) <= set(found), sorted(found)


def test_snippets_read_label_then_value(page, quality_fixture_url: str) -> None:  # type: ignore[no-untyped-def]
    found = results(page, quality_fixture_url, "Kenya")
    snippet = " ".join(found["partners/beta-university"].split())
    assert "Country: Kenya" in snippet and "CountryKenya" not in snippet, snippet


@pytest.mark.parametrize("query", ["Kenya", "community health", "Gamma Collective"])
def test_search_finds_records_offline(page, offline_bundle: Path, query: str) -> None:  # type: ignore[no-untyped-def]
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    found = results(page, offline_bundle.as_uri() + "/", query)
    assert set(QUERIES[query]) <= set(found), sorted(found)
    assert [u for u in requests if not u.startswith(("file:", "data:", "blob:", "about:"))] == []
