"""Readers in a real browser: filtering, live counts, shareable URL state, keyboard use, print.

Headless Chromium (/usr/bin/chromium) through Playwright, on the built fixture site opened
from file:// (as in the offline zip). Skipped when no browser is found, unless CI=true.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]
# `browser` (the system Chromium, one per session) comes from tests/browser/conftest.py.


@pytest.fixture()
def page(browser, fixture_site: Path):  # type: ignore[no-untyped-def]
    context = browser.new_context()
    pg = context.new_page()
    requests: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.site = fixture_site  # type: ignore[attr-defined]
    pg.requests = requests  # type: ignore[attr-defined]
    yield pg
    context.close()


def url(site: Path, rel: str, suffix: str = "") -> str:
    return (site / rel).as_uri() + suffix


def visible_titles(pg) -> list[str]:  # type: ignore[no-untyped-def]
    return pg.locator("[data-hub-item]:visible .hub-item__title").all_inner_texts()


def open_facets(pg) -> None:  # type: ignore[no-untyped-def]
    pg.locator("[data-hub-facets] > summary").click()


def status(pg) -> str:  # type: ignore[no-untyped-def]
    return pg.locator("[data-hub-status]").inner_text()


def test_form_appears_with_script_and_filters_partners(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(page.site, "partners/index.html"))
    form = page.locator("form[data-hub-filter]")
    assert form.is_visible()
    assert len(visible_titles(page)) == 3 and status(page) == "Showing all 3 partners."
    page.wait_for_load_state("networkidle")
    loaded = len(page.requests)
    assert not page.get_by_label("European Region").is_visible()  # facets start folded
    open_facets(page)
    page.get_by_label("European Region").check()
    assert visible_titles(page) == ["Gamma Example Health Collective"]
    assert status(page) == "Showing 1 of 3 partners."
    assert page.locator("[data-hub-status]").get_attribute("aria-live") == "polite"
    # within a facet: OR; the other facets' counts follow the selection
    page.get_by_label("African Region").check()
    assert len(visible_titles(page)) == 2
    type_count = page.locator("label:has(input[name=type][value=ministry]) [data-count]").inner_text()
    assert type_count == "(0)"
    region_count = page.locator("label:has(input[name=region][value=SEAR]) [data-count]").inner_text()
    assert region_count == "(1)"  # a facet's own options count as if it were unselected
    assert [r for r in page.requests[loaded:] if "favicon" not in r] == []  # filtering is local


def test_state_is_kept_in_the_url_and_restored(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(page.site, "briefs/index.html"))
    open_facets(page)
    page.get_by_label("2024").check()
    page.get_by_label("Filter by text").fill("community")
    assert visible_titles(page) == ["Beta brief on community health"]
    assert re.search(r"#year=2024&text=community$", page.url), page.url
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)
    assert visible_titles(page) == ["Beta brief on community health"]
    assert page.get_by_label("2024").is_visible()  # a shared view opens the facets
    assert page.get_by_label("2024").is_checked()
    assert page.get_by_label("Filter by text").input_value() == "community"
    page.evaluate("location.hash = 'brief-list'")  # jumping to an anchor keeps the filters
    assert visible_titles(page) == ["Beta brief on community health"]
    page.evaluate("location.hash = 'topic=primary-care'")  # a view pasted into the same page
    assert visible_titles(page) == ["Primary care: the alpha brief"]
    # a query string works too, e.g. a link written by hand
    page.goto(url(page.site, "briefs/index.html", "?topic=primary-care"))
    assert visible_titles(page) == ["Primary care: the alpha brief"]


def test_sorting_and_clearing(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(page.site, "briefs/index.html"))
    assert visible_titles(page) == ["Primary care: the alpha brief", "Beta brief on community health"]
    page.get_by_label("Sort by").select_option("date")
    assert visible_titles(page) == ["Beta brief on community health", "Primary care: the alpha brief"]
    assert "sort=date" in page.url
    page.get_by_role("button", name="Clear filters").click()
    # Polled from Python: wait_for_function(str) evaluates with eval(), which the page's
    # Content-Security-Policy (no 'unsafe-eval') refuses when it has to poll.
    for _ in range(100):
        if not page.evaluate("location.hash"):
            break
        page.wait_for_timeout(50)
    assert page.evaluate("location.hash") == ""
    assert visible_titles(page)[0] == "Primary care: the alpha brief"


def test_text_filter_and_empty_groups_on_the_curriculum(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(page.site, "curriculum/index.html"))
    page.get_by_label("Filter by text").fill("zzzz-nothing")
    assert visible_titles(page) == [] and status(page) == "Showing 0 of 2 modules."
    assert not page.locator("#track-social-medicine").is_visible()  # empty track hidden
    page.get_by_label("Filter by text").fill("")
    open_facets(page)
    page.locator("input[name=duration][value=short]").check()
    assert len(visible_titles(page)) == 2 and page.locator("#track-social-medicine").is_visible()


def test_keyboard_only(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(page.site, "members/index.html"))
    page.get_by_label("Filter by text").focus()
    page.keyboard.type("ben")
    assert visible_titles(page) == ["Ben Example"]
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.press("Tab")  # to the sort menu
    assert page.evaluate("document.activeElement.name") == "sort"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past "Clear filters" to the facets' summary
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")  # unfold
    page.keyboard.press("Tab")  # the first checkbox of the first facet
    box = page.evaluate("[document.activeElement.name, document.activeElement.value]")
    assert box[0] == "country"
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked") is True
    assert len(visible_titles(page)) == 1 and f"country={box[1]}" in page.url


def test_without_javascript_the_full_list_reads(browser, fixture_site: Path) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(url(fixture_site, "partners/index.html"))
    assert not pg.locator("form[data-hub-filter]").is_visible()
    assert len(pg.locator("#partner-list [data-hub-item]:visible").all()) == 3
    assert pg.locator("figure.hub-map svg a").count() == 3
    context.close()


def test_brief_prints_without_navigation(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(page.site, "briefs/alpha-brief/index.html"))
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".hub-cite__files"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("h1").is_visible() and page.locator(".hub-references").is_visible()
    link = ".hub-cite__apa a[href^='http']"
    href = page.locator(link).get_attribute("href")
    after = page.evaluate(f"getComputedStyle(document.querySelector(\"{link}\"), '::after').content")
    # the citation's link shows where it goes as its own text, once (other links: test_languages_browser)
    assert page.locator(link).inner_text() == href and after in ('""', "none")
    for fmt in ("A4", "Letter"):
        pdf = page.pdf(format=fmt, print_background=False)
        assert pdf.startswith(b"%PDF")
        pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
        assert 1 <= pages <= 3, (fmt, pages)
        # the PDF's title, and the references kept as live links (Chromium writes /URI annotations)
        assert b"/Title (Primary care: the alpha brief" in pdf
        uris = re.findall(rb"/URI\s*\(([^)]*)\)", pdf)
        assert b"https://www.who.int/publications/i/item/WHO-HIS-SDS-2018.61" in uris
    page.emulate_media(media="screen")
    assert page.locator(".md-header").is_visible()


@pytest.mark.parametrize("rel", ["partners/index.html", "briefs/index.html", "curriculum/index.html",
                                 "members/index.html"])
def test_filter_form_and_map_pass_axe(page, rel: str) -> None:  # type: ignore[no-untyped-def]
    """axe-core WCAG 2.1 AA on the readers' parts (the theme's palette is checked elsewhere)."""
    from axe_playwright_python.sync_playwright import Axe

    page.goto(url(page.site, rel))
    open_facets(page)
    parts = [["form.hub-filter"]] + ([["figure.hub-map"]] if rel.startswith("partners") else [])
    results = Axe().run(page, context={"include": parts}, options={
        "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert violations == []


def test_no_broken_requests_over_http(browser, fixture_site: Path) -> None:  # type: ignore[no-untyped-def]
    """Served over HTTP, no page of ours requests a missing file (e.g. a sitemap next to a feed)."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(fixture_site))
    handler.log_message = lambda *a, **k: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    context = browser.new_context()
    pg = context.new_page()
    failures: list[str] = []
    pg.on("response", lambda r: failures.append(f"{r.status} {r.url}")
          if r.url.startswith(base) and r.status >= 400 else None)
    try:
        for rel in ("", "briefs/", "briefs/alpha-brief/", "partners/", "data/"):
            pg.goto(base + rel)
            pg.wait_for_load_state("networkidle")
    finally:
        context.close()
        server.shutdown()
    assert failures == []
