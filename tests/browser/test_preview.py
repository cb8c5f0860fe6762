"""The live preview (`make serve`) as a contributor uses it, in a browser.

One server for the module, a journey per test: an open page reloads by itself when a record
is saved, under the page's strict Content-Security-Policy (no violation in the console); a
mistake replaces every page by an error page with the located messages, and the page comes
back by itself once the file is fixed; a draft brief is shown with its banner. The timeouts
only keep a broken preview from hanging the run; nothing is timed.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .quality_browser import root_helpers

_h = root_helpers()
pytestmark = [pytest.mark.browser, pytest.mark.slow]
SHOTS = Path(tempfile.gettempdir()) / "hub-preview-screenshots"  # looked at by a person
WATCH = """document.addEventListener('securitypolicyviolation', e =>
  (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI));"""
OLD, NEW = "name: Alpha Example Ministry of Health", "name: Alpha Example Ministry of Public Health"


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    hub = _h.make_hub(tmp_path_factory.mktemp("preview") / "hub")
    with _h.Serving(hub) as serving:
        yield serving


@pytest.fixture
def page(chromium_browser):
    context = chromium_browser.new_context(viewport={"width": 1366, "height": 900})
    p = context.new_page()
    p.add_init_script(WATCH)
    p.console_lines = []  # type: ignore[attr-defined]
    p.on("console", lambda m: p.console_lines.append(f"{m.type}: {m.text}"))
    p.on("pageerror", lambda e: p.console_lines.append(f"pageerror: {e}"))
    yield p
    context.close()


def _violations(page) -> list[str]:
    try:
        seen = page.evaluate("window.__csp || []")
    except Exception:  # the page is reloading: ask again later
        seen = []
    return seen + [m for m in page.console_lines if "Content Security Policy" in m]


def _until(page, text: str, timeout: float = 240) -> None:
    """Wait until the open page shows `text`, without ever reloading it from the test."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if text in page.locator("body").inner_text(timeout=2000):
                return
        except Exception:  # navigating (the page reloads itself)
            pass
        time.sleep(0.2)
    raise AssertionError(f"the open page never showed {text!r}: {page.url}\n" + "\n".join(page.console_lines))


def test_open_page_reloads_on_save_and_shows_then_clears_errors(preview, page) -> None:
    partners = preview.root / "partners.yaml"
    text = partners.read_text(encoding="utf-8")
    url = preview.url + "partners/alpha-ministry/"
    page.goto(url)
    _until(page, "Alpha Example Ministry of Health")
    assert _violations(page) == []

    # 1. A saved edit shows in the open page by itself.
    partners.write_text(text.replace(OLD, NEW), encoding="utf-8")
    _until(page, "Alpha Example Ministry of Public Health")
    assert page.url == url
    assert _violations(page) == []

    # 2. A mistake: the same located message as `make validate`, in the page, at once.
    broken = text.replace('country: "NP"', 'country: "XX<b>"', 1)
    partners.write_text(broken, encoding="utf-8")
    _until(page, "partners.yaml:7:12: partners[1].country:")
    assert "'XX<b>' is not a country code" in page.locator("body").inner_text()  # escaped, shown as text
    assert page.locator("b").count() == 0
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "preview-error-page.png"), full_page=True)
    page.goto(preview.url + "briefs/")  # every address shows it, not a hanging request
    _until(page, "partners.yaml:7:12:")

    # 3. Fixed: the open page comes back by itself.
    partners.write_text(text.replace(OLD, NEW.replace("Public", "Fixed")), encoding="utf-8")
    _until(page, "Policy briefs")
    assert "partners.yaml:7:12" not in page.locator("body").inner_text()
    assert _violations(page) == []
    assert "Traceback" not in preview.log.read_text(encoding="utf-8")


def test_draft_is_previewed_with_a_banner(preview, page) -> None:
    page.goto(preview.url + "briefs/gamma-draft/")
    banner = page.locator(".hub-notice--draft")
    banner.wait_for(timeout=60_000)
    assert banner.inner_text().startswith("Draft, not published.")
    assert page.locator("h1").first.inner_text() != "404"
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "preview-draft.png"))
    assert _violations(page) == []


def test_untouched_templates_preview_as_a_draft_but_never_publish(preview, page) -> None:
    # A brief from `make new` is a draft: previewed with its banner, placeholders and all.
    assert _h.run_hub("new", "brief", "new-brief", cwd=preview.root).returncode == 0
    page.goto(preview.url + "briefs/new-brief/")
    _until(page, "Draft, not published.")
    assert "Title of the brief (replace)" in page.locator("h1").first.inner_text()
    # A partner from `make new` left as it is: refused, each placeholder by its field.
    partners = preview.root / "partners.yaml"
    before = partners.read_text(encoding="utf-8")
    assert _h.run_hub("new", "partner", "new-partner", cwd=preview.root).returncode == 0
    _until(page, "partners[4].name: still the template's placeholder "
                 "'Full name of the institution (replace)'")
    assert "partners[4].website: still the template's placeholder" in page.locator("body").inner_text()
    partners.write_text(before, encoding="utf-8")
    _until(page, "Draft, not published.")


def test_preview_starts_even_when_a_record_is_broken(tmp_path: Path, page) -> None:
    hub = _h.make_hub(tmp_path / "hub")
    partners = hub / "partners.yaml"
    text = partners.read_text(encoding="utf-8")
    partners.write_text(text.replace("  type: ministry\n", "type: ministry\n", 1), encoding="utf-8")
    with _h.Serving(hub) as serving:  # answers at once, with the error page
        page.goto(serving.url + "partners/")
        _until(page, "this line starts at the left margin, so it belongs to no record")
        assert page.locator("body").inner_text().count("partners.yaml:") == 1
        partners.write_text(text, encoding="utf-8")
        _until(page, "Alpha Example Ministry of Health")
        assert _violations(page) == []
