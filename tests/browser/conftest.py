"""Headless Chromium for the browser tests (quality gates: accessibility, CSP, keyboard).

The system Chromium (/usr/bin/chromium) is driven by Playwright; Playwright's own browser
download cannot work here. Locally the tests are skipped when there is no browser; in CI
(`CI=true`) a missing browser is a failure, so the gates cannot silently stop running.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest


def _root_helpers():
    """tests/conftest.py's helpers (make_hub, build_site): that module is also named conftest."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("hub_test_helpers", Path(__file__).parents[1] / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


helpers = _root_helpers()
CHROMIUM = os.environ.get("HUB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _no_browser(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but the browser tests cannot run: {reason}")
    pytest.skip(reason)


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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on a free local port for the duration of a fixture; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def fixture_url(fixture_site: Path) -> Iterator[str]:
    """The fixture site over HTTP (the CSP's 'self' is the server's origin)."""
    yield from serve(fixture_site)


@pytest.fixture(scope="session")
def repo_url(repo_site: Path) -> Iterator[str]:
    yield from serve(repo_site)
