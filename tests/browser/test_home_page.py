"""A first visit: the home page's search box opens the site's search with the reader's words
(hosted and offline), the page works without JavaScript (links to browse instead) and loads
nothing that another page does not; a brief's details are one column on a phone; the partner
directory's text filter finds words of a partner's description."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]
LOCAL = ("file:", "data:", "blob:", "about:")


@pytest.fixture()
def context(browser):  # type: ignore[no-untyped-def]
    ctx = browser.new_context(viewport={"width": 1366, "height": 900})
    yield ctx
    ctx.close()


def search_from_home(page, home: str, words: str) -> list[str]:  # type: ignore[no-untyped-def]
    page.goto(home)
    box = page.get_by_label("Search partners, members, policy briefs and curriculum")  # hub.yml's titles
    box.fill(words)
    box.press("Enter")
    results = page.locator(".md-search-result__list > .md-search-result__item a.md-search-result__link")
    results.first.wait_for(timeout=15_000)
    assert page.locator("input.md-search__input").input_value() == words
    return [results.nth(i).evaluate("a => a.href") for i in range(results.count())]


def test_home_search_opens_the_site_search_with_results(context, quality_fixture_url: str) -> None:  # type: ignore[no-untyped-def]
    page = context.new_page()
    hrefs = search_from_home(page, quality_fixture_url, "Kenya")
    assert quality_fixture_url + "partners/beta-university/" in [h.split("#")[0].split("?")[0] for h in hrefs]


def test_home_search_works_offline(context, offline_bundle: Path) -> None:  # type: ignore[no-untyped-def]
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    hrefs = search_from_home(page, (offline_bundle / "index.html").as_uri(), "Nepal")
    target = (offline_bundle / "partners" / "alpha-ministry.html").as_uri()
    assert target in [h.split("#")[0].split("?")[0] for h in hrefs]
    assert [u for u in requests if not u.startswith(LOCAL)] == []


def test_home_without_javascript_offers_links_instead(browser, quality_fixture_url: str) -> None:  # type: ignore[no-untyped-def]
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(quality_fixture_url)
    assert not page.locator("form.hub-home__search").is_visible()
    browse = page.locator(".hub-home__browse")
    assert browse.is_visible()
    with page.expect_navigation():
        browse.get_by_role("link", name="topic").click()
    assert page.url == quality_fixture_url + "topics/"
    page.go_back()
    assert page.locator("figure.hub-map svg a").count() == 3  # the map is plain SVG links
    assert page.get_by_role("heading", name="Where to start").is_visible()
    ctx.close()


def test_home_loads_nothing_new(context, quality_fixture_url: str) -> None:  # type: ignore[no-untyped-def]
    """No font, script, image or stylesheet that other pages do not load already."""
    seen: dict[str, set[str]] = {}
    for rel in ("", "about/"):
        page = context.new_page()
        urls: set[str] = set()
        page.on("request", lambda r, urls=urls: urls.add(r.url.replace(quality_fixture_url, "").lstrip("./")))
        page.goto(quality_fixture_url + rel)
        page.wait_for_load_state("networkidle")
        seen[rel] = {u for u in urls if u not in ("", rel)}
        page.close()
    assert seen[""] <= seen["about/"] | {"search/search_index.json"}, seen[""] - seen["about/"]
    assert not [u for u in seen[""] if u.endswith((".woff", ".woff2", ".ttf")) or "://" in u]


def test_home_counts_and_entry_points(context, quality_fixture_url: str) -> None:  # type: ignore[no-untyped-def]
    page = context.new_page()
    page.goto(quality_fixture_url)
    text = " ".join(page.locator("article").inner_text().split())
    assert "3 partners in 3 countries" in text and "2 members" in text and "2 policy briefs" in text
    cards = page.locator("#start + ul > li > strong").all_inner_texts()
    assert cards == ["Officials and policy makers", "Educators and learners", "Partners who want to join",
                     "Contributors"]


def test_brief_details_are_one_column_on_a_phone(browser, quality_fixture_url: str) -> None:  # type: ignore[no-untyped-def]
    for width, one_column in ((390, True), (1366, False)):
        ctx = browser.new_context(viewport={"width": width, "height": 844})
        page = ctx.new_page()
        page.goto(quality_fixture_url + "briefs/alpha-brief/")
        dt = page.locator(".hub-dl dt").first.bounding_box()
        dd = page.locator(".hub-dl dd").first.bounding_box()
        assert (dd["x"] == dt["x"] and dd["y"] >= dt["y"] + dt["height"] - 1) is one_column, (width, dt, dd)
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
        ctx.close()


def test_partner_filter_searches_descriptions(context, fixture_site: Path) -> None:  # type: ignore[no-untyped-def]
    page = context.new_page()
    page.goto((fixture_site / "partners" / "index.html").as_uri())
    page.get_by_label("Filter by text").fill("zebracorn")  # only in Alpha's description
    titles = page.locator("[data-hub-item]:visible .hub-item__title").all_inner_texts()
    assert titles == ["Alpha Example Ministry of Health"]
    assert page.locator("[data-hub-status]").inner_text() == "Showing 1 of 3 partners."


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_home_and_brief_pass_axe_on_a_phone(browser, quality_fixture_url: str, scheme: str) -> None:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    ctx = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = ctx.new_page()
    found = {}
    for rel in ("", "briefs/alpha-brief/"):
        page.goto(quality_fixture_url + rel)
        page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": [
            "wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
        if result.response["violations"]:
            found[rel] = [(v["id"], [n["target"] for n in v["nodes"]][:3])
                          for v in result.response["violations"]]
    ctx.close()
    assert found == {}


def test_offline_citation_address_opens_the_brief_on_the_hosted_site(
        context, offline_bundle: Path, quality_fixture_url: str) -> None:  # type: ignore[no-untyped-def]
    """A reader of the offline copy copies the brief's address from its citation; on the hosted
    site (here the fixture build served over HTTP in its place) it opens that brief."""
    page = context.new_page()
    page.goto((offline_bundle / "briefs" / "alpha-brief.html").as_uri())
    cited = page.locator(".hub-cite__apa a").get_attribute("href")
    stamp = page.locator("footer .hub-offline-stamp")
    site_url = stamp.locator("a").get_attribute("href")
    assert "Offline copy, version test" in stamp.inner_text() and cited.startswith(site_url)
    response = page.goto(quality_fixture_url + cited[len(site_url):])
    assert response is not None and response.status == 200
    assert page.locator("h1").first.inner_text() == "Primary care: the alpha brief"
