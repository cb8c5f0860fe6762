"""Browser fixtures: the system's headless Chromium, driven by Playwright's sync API.

Playwright's own browser download cannot work here, so the tests use Debian's `chromium`.
Without it they are skipped locally; with CI=true a missing browser fails the run, so the
browser gates cannot silently stop running. One Playwright instance serves the whole session
(the sync API cannot run two at once).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from .quality_browser import serve

CHROMIUM = os.environ.get("HUB_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but no Chromium at {CHROMIUM}: the browser tests must run in CI")
        pytest.skip(f"no Chromium at {CHROMIUM} (install Debian's `chromium` to run these)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def chromium_browser(browser: object) -> object:
    """The same browser, under the name the quality-gate tests use."""
    return browser


@pytest.fixture(scope="session")
def quality_fixture_url(fixture_site: Path) -> Iterator[str]:
    """The fixture site over HTTP (the CSP's 'self' is the server's origin)."""
    yield from serve(fixture_site)


@pytest.fixture(scope="session")
def quality_repo_url(repo_site: Path) -> Iterator[str]:
    yield from serve(repo_site)


@pytest.fixture()
def page(browser):  # type: ignore[no-untyped-def]
    """A fresh desktop-sized page (1280 x 900) in its own context; a test module may define its own."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()
