"""The causes of Lighthouse points that can be read from the built files (page_load_scan.py):
none in the fixture site or the repository's own site, and each one found when it is there."""

from __future__ import annotations

from pathlib import Path

import pytest
from page_load_scan import MAX_STYLESHEETS, scan_css, scan_page, scan_page_load

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("name", ["fixture_site", "repo_site"])
def test_built_pages_have_nothing_that_costs_lighthouse_points(name: str, request: pytest.FixtureRequest
                                                               ) -> None:
    site: Path = request.getfixturevalue(name)
    assert scan_page_load(site) == []


def test_the_home_page_head_is_what_the_scan_expects(fixture_site: Path) -> None:
    """The scan sees the real page: Material's two stylesheets and hub.css, scripts at the end."""
    html = (fixture_site / "index.html").read_text(encoding="utf-8")
    head = html[:html.index("</head>")]
    assert head.count('rel="stylesheet"') == MAX_STYLESHEETS
    assert "assets/hub.css" in head
    assert 'role="dialog" aria-label="' in html  # the search dialog, named
    assert "<script src=" not in head and "bundle." in html[html.index("</head>"):]


@pytest.fixture(scope="module")
def page(fixture_site: Path) -> str:
    return (fixture_site / "briefs" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("old", "new", "finding"), [
    ("</head>", '<link rel="stylesheet" href="x.css"></head>', "4 render-blocking stylesheets in <head>"),
    ("</body>", '<link rel="stylesheet" href="late.css"></body>', "stylesheet outside <head>"),
    ("</head>", '<script src="x.js"></script></head>', "parser-blocking <script src> in <head>"),
    ("</body>", '<img src="a.png" alt="a" width="10"></body>', "<img> without width and height"),
    (' role="dialog" aria-label="', ' role="dialog" data-x="', "dialog without a name"),
    ('<html lang="en"', '<html lang=""', "<html> without lang"),
    ('<meta name="description"', '<meta name="x-description"', "no meta description"),
    ("width=device-width,initial-scale=1", "width=device-width,initial-scale=1,maximum-scale=1",
     "meta viewport prevents zooming"),
    ("width=device-width,initial-scale=1", "width=device-width,user-scalable=no",
     "meta viewport prevents zooming"),
])
def test_each_cause_is_found(page: str, old: str, new: str, finding: str) -> None:
    assert scan_page(page) == []
    assert old in page, old
    found = scan_page(page.replace(old, new, 1))
    assert len(found) == 1 and found[0].startswith(finding), found


def test_deferred_scripts_and_sized_images_pass(page: str) -> None:
    extra = '<script src="x.js" defer></script><img src="a.png" alt="a" width="10" height="10">'
    assert scan_page(page.replace("</head>", extra + "</head>", 1)) == []


def test_css_imports_and_web_fonts_are_found() -> None:
    assert scan_css(".a{color:red}") == []
    assert scan_css('@import url("more.css");')[0].startswith("@import")
    assert scan_css("@font-face{font-family:X;src:url(x.woff2)}")[0].startswith("@font-face")
