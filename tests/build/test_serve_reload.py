"""`make serve`: a change to one YAML record shows in the live preview without a restart.

Functional only: how fast it shows is measured by `make bench` (benchmarks/RESULTS.md), not
asserted here; the timeouts only make a broken reload fail instead of hanging.
"""

from __future__ import annotations

import time
from pathlib import Path

from conftest import Serving, fetch, make_hub, wait_for

OLD, NEW = "name: Alpha Example Ministry of Health", "name: Alpha Example Ministry of Public Health"


def test_editing_a_record_shows_in_the_live_preview(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub")
    partners = hub / "partners.yaml"
    text = partners.read_text(encoding="utf-8")
    assert OLD in text
    with Serving(hub) as serve:
        page = serve.url + "partners/alpha-ministry/"
        assert "Alpha Example Ministry of Health" in (fetch(page) or "")
        partners.write_text(text.replace(OLD, NEW), encoding="utf-8")
        wait_for(page, "Alpha Example Ministry of Public Health", timeout=240, proc=serve.proc)

        # A mistake: the terminal says what to fix (and the browser, tests/browser/test_preview.py).
        partners.write_text(text.replace('country: "NP"', 'country: "XX"', 1), encoding="utf-8")
        deadline = time.monotonic() + 240
        while "partners.yaml:7:" not in serve.log.read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, serve.log.read_text(encoding="utf-8")
            time.sleep(0.1)
        assert "Traceback" not in serve.log.read_text(encoding="utf-8")
        partners.write_text(text.replace(OLD, NEW.replace("Public", "Fixed")), encoding="utf-8")
        wait_for(page, "Alpha Example Ministry of Fixed Health", timeout=240, proc=serve.proc)
