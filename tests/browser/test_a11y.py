"""Accessibility gate: every page template passes axe-core (WCAG 2.1 AA) with zero
violations, in the light and the dark palette; search results and the print view too; and
the site is usable by keyboard alone (Tab reaches search, navigation and list links, and the
focused element is visibly marked)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}

# One page of each template of the fixture hub (every listing and record page type).
FIXTURE_PAGES = [
    "", "about/", "partners/", "members/", "briefs/", "curriculum/", "countries/", "topics/",
    "numbers/", "partners/alpha-ministry/", "members/ada-example/", "briefs/alpha-brief/",
    "curriculum/sm-101/", "countries/np/", "topics/primary-care/", "404.html",
    "exchanges/", "exchanges/alpha-beta-visit/",
]
# The repository's hand-written pages and a full brief and module (admonitions, tables, code).
REPO_PAGES = ["", "about/", "governance/", "contribute/", "numbers/", "briefs/community-health-workers/",
              "curriculum/dh-101-digital-health-foundations/"]
SCHEMES = {"light": "default", "dark": "slate"}

# Every component a hand-written page may use, on one page: the palette must suit them all.
STYLE_SAMPLE = """# Style sample

A paragraph with a [link](about.md), `inline code`, **bold**, *italic* and an abbreviation: UHC.

*[UHC]: universal health coverage

| Column | Another |
| --- | --- |
| [cell link](about.md) | `code` |

```python
def coverage(population: int) -> float:  # a comment
    return 0.8 * population
```

""" + "".join(f"""!!! {kind} "A {kind}"
    Text in a {kind} with a [link](about.md) and `code`.

""" for kind in ["note", "abstract", "info", "tip", "success", "question", "warning", "failure",
                 "danger", "bug", "example", "quote"]) + """??? note "Collapsed details"
    Hidden text with a [link](about.md).

Term
:   Definition with a [link](about.md).[^1]

[^1]: A footnote.
"""


def _violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options=WCAG)
    return [f"{v['id']} ({v['impact']}): " + ", ".join(str(n["target"]) for n in v["nodes"][:5])
            for v in result.response["violations"]]


@contextmanager
def page_in(browser, scheme: str, width: int = 1280, height: int = 900) -> Iterator:
    """A new page in its own browser context, in the palette of `scheme` ("light" or "dark"),
    which `_open` checks every page it loads is shown in."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": height})
    page = context.new_page()
    page.scheme = SCHEMES[scheme]  # type: ignore[attr-defined]
    try:
        yield page
    finally:
        context.close()


@pytest.fixture(params=list(SCHEMES))
def scheme_page(request: pytest.FixtureRequest, chromium_browser):
    with page_in(chromium_browser, request.param) as page:
        yield page


SETTLED = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def _open(page, url: str) -> None:
    """Load a page and let it settle: the audit judges the final colours, not a fade."""
    page.goto(url)
    page.wait_for_load_state("load")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == page.scheme
    page.add_style_tag(content=SETTLED)
    page.wait_for_timeout(150)


def audit(page, base: str, pages: Iterable[str],
          check: Callable[[object, str], None] | None = None) -> dict[str, list[str]]:
    """axe's violations on each page of `pages` (under `base`) that has any, all pages audited
    before a test fails; `check(page, rel)` asserts what else each loaded page must show."""
    failures = {}
    for rel in pages:
        _open(page, base + rel)
        if check is not None:
            check(page, rel)
        if found := _violations(page):
            failures[rel] = found
    return failures


def test_fixture_pages_pass_axe(scheme_page, quality_fixture_url: str) -> None:
    assert audit(scheme_page, quality_fixture_url, FIXTURE_PAGES) == {}


@pytest.mark.sample  # the shipped sample's pages
def test_repo_pages_pass_axe(scheme_page, quality_repo_url: str) -> None:
    assert audit(scheme_page, quality_repo_url, REPO_PAGES) == {}


@pytest.fixture(scope="module")
def style_sample_url(tmp_path_factory: pytest.TempPathFactory):
    from .quality_browser import root_helpers, serve

    h = root_helpers()
    hub = h.make_hub(tmp_path_factory.mktemp("style") / "hub", h.FIXTURE)
    (hub / "content" / "style-sample.md").write_text(STYLE_SAMPLE, encoding="utf-8")
    config = (hub / "mkdocs.yml").read_text(encoding="utf-8")
    (hub / "mkdocs.yml").write_text(config.replace("  - Contribute: contribute.md\n",
                                                   "  - Contribute: contribute.md\n  - style-sample.md\n"))
    result = h.build_site(hub)
    assert result.returncode == 0, result.stderr
    yield from serve(hub / "site")


def test_every_content_component_passes_axe(scheme_page, style_sample_url: str) -> None:
    """Admonitions, code, tables, footnotes, details: in both palettes and in print."""
    _open(scheme_page, style_sample_url + "style-sample/")
    assert scheme_page.locator(".admonition").count() >= 12
    scheme_page.locator("details").first.evaluate("d => d.open = true")
    assert _violations(scheme_page) == []
    scheme_page.emulate_media(media="print")
    assert _violations(scheme_page) == []


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_phone_layout_with_open_drawer_passes_axe(chromium_browser, quality_fixture_url: str,
                                                  scheme: str) -> None:
    with page_in(chromium_browser, scheme, width=375, height=800) as page:
        _open(page, quality_fixture_url + "partners/alpha-ministry/")
        assert _violations(page) == []
        page.locator("label.md-header__button[for=__drawer]").click()
        page.locator(".md-nav--primary").first.wait_for(state="visible")
        assert _violations(page) == []


def test_search_results_pass_axe(scheme_page, quality_fixture_url: str) -> None:
    _open(scheme_page, quality_fixture_url)
    scheme_page.locator("input.md-search__input").click()
    scheme_page.keyboard.type("primary")
    scheme_page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    scheme_page.wait_for_timeout(300)
    assert _violations(scheme_page) == []


def test_brief_print_view_passes_axe(scheme_page, quality_fixture_url: str) -> None:
    _open(scheme_page, quality_fixture_url + "briefs/alpha-brief/")
    scheme_page.emulate_media(media="print")
    assert scheme_page.locator(".md-header").is_hidden()
    assert _violations(scheme_page) == []


def test_axe_catches_a_contrast_failure(scheme_page, quality_fixture_url: str) -> None:
    """The audit can fail: grey-on-grey text planted in a page is reported."""
    _open(scheme_page, quality_fixture_url + "about/")
    scheme_page.evaluate("""() => { const p = document.createElement('p');
        p.textContent = 'faint text'; p.style.color = '#777'; p.style.background = '#888';
        document.querySelector('article').append(p); }""")
    assert any(v.startswith("color-contrast") for v in _violations(scheme_page))


# --- keyboard -------------------------------------------------------------------------------

FOCUS_INFO = """() => { const e = document.activeElement; const s = getComputedStyle(e);
  return {tag: e.tagName, cls: e.className || '', href: e.getAttribute('href') || '',
          inNav: !!e.closest('.md-nav'), inList: !!e.closest('.hub-list, .hub-item'),
          search: e.matches('input.md-search__input'),
          visible: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                   || (s.boxShadow && s.boxShadow !== 'none')
                   || s.textDecorationLine.includes('underline') && false }; }"""


@pytest.mark.parametrize("rel", ["partners/", "briefs/", "members/"])
def test_keyboard_reaches_search_nav_and_list_links_with_visible_focus(
        chromium_browser, quality_fixture_url: str, rel: str) -> None:
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(quality_fixture_url + rel)
        seen = {"search": False, "nav": False, "list": False}
        invisible = []
        for _ in range(120):
            page.keyboard.press("Tab")
            info = page.evaluate(FOCUS_INFO)
            if info["tag"] == "BODY":
                continue
            seen["search"] |= info["search"]
            seen["nav"] |= info["inNav"] and info["tag"] == "A"
            seen["list"] |= info["inList"] and info["tag"] == "A"
            if not info["visible"]:
                invisible.append(f"{info['tag']}.{info['cls']} {info['href']}")
            if all(seen.values()):
                break
        assert seen == {"search": True, "nav": True, "list": True}
        assert invisible == [], "focus not visible on: " + "; ".join(invisible[:10])
    finally:
        context.close()


def test_list_link_is_followed_with_enter(chromium_browser, quality_fixture_url: str) -> None:
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(quality_fixture_url + "partners/")
        link = page.locator(".hub-item a").first
        link.focus()
        target = link.get_attribute("href")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.rstrip("/").endswith(target.strip("./").rstrip("/"))
    finally:
        context.close()
