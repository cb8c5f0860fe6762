"""Headless Chromium for the browser tests (quality gates: accessibility, CSP, keyboard).

The system Chromium (/usr/bin/chromium) is driven by Playwright; Playwright's own browser
download cannot work here. Locally the tests are skipped when there is no browser; in CI
(`CI=true`) a missing browser is a failure, so the gates cannot silently stop running.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from quality_browser import _no_browser, serve

CHROMIUM = os.environ.get("HUB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[object]:
    """A headless Chromium, launched once per session."""
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        _no_browser(f"no Chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - the lock file installs it
        _no_browser(f"playwright is not installed ({exc})")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def quality_fixture_url(fixture_site: Path) -> Iterator[str]:
    """The fixture site over HTTP (the CSP's 'self' is the server's origin)."""
    yield from serve(fixture_site)


@pytest.fixture(scope="session")
def quality_repo_url(repo_site: Path) -> Iterator[str]:
    yield from serve(repo_site)
