"""What search costs a reader (issue 16): a page view downloads no search index and no
sitemap; a search loads only the few index files its words need; a query word finds the
other forms of the word (stems), in the browser as in the build."""

from __future__ import annotations

import pytest

from .test_search_readers import results

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _paths(urls: list[str], base: str) -> list[str]:
    return [u[len(base):].split("?")[0] for u in urls if u.startswith(base)]


@pytest.mark.parametrize("rel", ["", "partners/alpha-ministry/", "briefs/alpha-brief/"])
def test_a_page_view_loads_no_index_and_no_sitemap(page, quality_fixture_url: str, rel: str) -> None:  # type: ignore[no-untyped-def]
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    page.goto(quality_fixture_url + rel)
    page.wait_for_load_state("networkidle")
    paths = _paths(urls, quality_fixture_url)
    assert not [p for p in paths if "sitemap" in p or p.startswith("search/hub/")], paths
    # Material's script still asks for its settings file: settings only, the same size on any site
    assert "search/search_index.json" in paths


def test_a_search_loads_only_the_index_files_it_needs(page, quality_fixture_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(quality_fixture_url)
    page.wait_for_load_state("networkidle")
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("community health", delay=10)
    page.locator(".md-search-result__list a[href*='gamma-ngo']").first.wait_for(timeout=15_000)
    paths = _paths(urls, quality_fixture_url)
    searched = [p for p in paths if p not in ("", "index.html")]
    assert searched and all(p.startswith("search/hub/") for p in searched), searched
    assert "search/hub/m.js" in searched and len(searched) <= 12, searched
    assert len(set(searched)) == len(searched)  # nothing loaded twice


@pytest.mark.parametrize(("query", "page_found"), [
    ("ministries", "partners/alpha-ministry"),    # stem "ministri" of "Ministry"
    ("universities", "partners/beta-university"),
    ("policy briefs", "briefs"),
])
def test_other_forms_of_a_word_find_the_page(page, quality_fixture_url: str, query: str,  # type: ignore[no-untyped-def]
                                             page_found: str) -> None:
    assert page_found in results(page, quality_fixture_url, query)


def test_results_mark_the_words_found(page, quality_fixture_url: str) -> None:  # type: ignore[no-untyped-def]
    results(page, quality_fixture_url, "Kenya")
    marks = page.locator(".md-search-result__list mark").all_inner_texts()
    assert marks and {m.lower() for m in marks} == {"kenya"}, marks
