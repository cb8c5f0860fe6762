"""The Content-Security-Policy does not break the site, and does block injected scripts:
no CSP violation on any page (over HTTP, and from file:// in the offline build), search
still works, and an inline script that the hub did not write is refused by the browser."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .quality_browser import _no_browser, root_helpers, serve

_h = root_helpers()
FIXTURE, REPO, build_site, make_hub = _h.FIXTURE, _h.REPO, _h.build_site, _h.make_hub

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PAGES = ["", "partners/", "partners/alpha-ministry/", "members/ada-example/", "briefs/",
         "briefs/alpha-brief/", "curriculum/sm-101/", "countries/np/", "topics/", "404.html"]
WATCH = """document.addEventListener('securitypolicyviolation', e =>
  (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI));"""
@pytest.fixture
def watched_page(chromium_browser):
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(WATCH)
    messages: list[str] = []
    page.on("console", lambda m: messages.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: messages.append(str(e)))
    page.messages = messages  # type: ignore[attr-defined]
    yield page
    context.close()


def _violations(page) -> list[str]:
    return page.evaluate("window.__csp || []") + [
        m for m in page.messages if "Content Security Policy" in m or "Content-Security-Policy" in m]


def _search(page, term: str) -> int:
    page.locator("input.md-search__input").click()
    page.keyboard.type(term)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    return page.locator(".md-search-result__item").count()


def test_no_csp_violation_and_search_works_over_http(watched_page, quality_fixture_url: str) -> None:
    for rel in PAGES:
        watched_page.goto(quality_fixture_url + rel)
        watched_page.wait_for_timeout(200)
        assert _violations(watched_page) == [], rel
        assert watched_page.evaluate("document.documentElement.classList.contains('js')"
                                     " || document.querySelector('[data-md-component]') !== null")
    watched_page.goto(quality_fixture_url + "briefs/alpha-brief/")
    assert _search(watched_page, "zebracorn") >= 1
    assert _violations(watched_page) == []
    assert watched_page.messages == []


def test_injected_inline_script_is_blocked(watched_page, fixture_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    page_file = site / "about" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    page_file.write_text(html.replace("</article>", "<script>window.__pwned = 1</script></article>", 1),
                         encoding="utf-8")
    for base in serve(site):
        watched_page.goto(base + "about/")
        watched_page.wait_for_timeout(200)
        assert watched_page.evaluate("window.__pwned") is None
        assert any(v.startswith("script-src") for v in watched_page.evaluate("window.__csp || []"))


@pytest.fixture(scope="module")
def offline_site(offline_build: tuple[Path, Path]) -> Path:
    """The fixture hub's real offline build (`make offline`: HUB_OFFLINE=true)."""
    return offline_build[0]


def test_offline_file_pages_have_no_csp_violation_and_search_works(watched_page, offline_site: Path) -> None:
    for rel in ["index.html", "partners/index.html", "partners/alpha-ministry.html",
                "briefs/alpha-brief.html", "curriculum/sm-101.html"]:
        watched_page.goto((offline_site / rel).as_uri())
        watched_page.wait_for_timeout(200)
        assert _violations(watched_page) == [], rel
    watched_page.goto((offline_site / "partners" / "alpha-ministry.html").as_uri())
    assert _search(watched_page, "zebracorn") >= 1
    assert _violations(watched_page) == []


def test_missing_browser_skips_locally_but_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        _no_browser("no Chromium")
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception):
        _no_browser("no Chromium")
