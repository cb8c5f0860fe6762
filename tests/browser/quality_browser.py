"""Helpers of the quality-gate browser tests (a module of its own: `conftest` is ambiguous)."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest


def root_helpers():
    """tests/conftest.py's helpers (make_hub, build_site): that module is also named conftest."""
    import importlib.util

    path = Path(__file__).parents[1] / "conftest.py"
    spec = importlib.util.spec_from_file_location("hub_test_helpers", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _no_browser(reason: str) -> None:
    """Skip locally; in CI (`CI=true`) a browser test that cannot run is a failure."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but the browser tests cannot run: {reason}")
    pytest.skip(reason)


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
