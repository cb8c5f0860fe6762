"""What the live preview's server answers with while a serve cycle is still running
(hooks/preview_early.py): the pages that are final at once, anything else once the cycle ends."""

from __future__ import annotations

import threading
import time

import pytest

from preview_early import Gate, request_path


@pytest.mark.parametrize(("path", "mount", "rel"), [
    ("/partners/alpha/", "/", "partners/alpha/index.html"),
    ("/", "/", "index.html"),
    ("/search/hub/m.js", "/", "search/hub/m.js"),
    ("/hub/partners/alpha/", "/hub/", "partners/alpha/index.html"),
    ("/partners/../../etc/passwd", "/", "etc/passwd"),  # as MkDocs' server normalises it
    ("/elsewhere/", "/hub/", None),
])
def test_request_path_is_the_file_the_server_reads(path: str, mount: str, rel: str | None) -> None:
    assert request_path(path, mount) == rel


def _answered(gate: Gate, rel: str) -> threading.Event:
    done = threading.Event()

    def ask() -> None:
        gate.wait(rel, timeout=30)
        done.set()

    threading.Thread(target=ask, daemon=True).start()
    return done


def test_a_request_for_a_file_not_final_waits_until_the_cycle_ends() -> None:
    gate = Gate()
    assert _answered(gate, "data/partners.csv").wait(30)  # outside a cycle: nothing held here
    gate.open({"partners/alpha/index.html", "about/index.html"})
    assert _answered(gate, "partners/alpha/index.html").wait(30)  # final: at once
    assert _answered(gate, "_preview/livereload.js").wait(30)  # the same in every build
    waiting = _answered(gate, "data/partners.csv")
    late_page = _answered(gate, "partners/index.html")
    time.sleep(0.3)
    assert not waiting.is_set() and not late_page.is_set()
    gate.add("partners/index.html")  # rendered: answered, the open data still waits
    assert late_page.wait(30)
    time.sleep(0.2)
    assert not waiting.is_set()
    gate.close()
    assert waiting.wait(30)


def test_the_pages_asked_for_are_remembered_newest_first() -> None:
    gate = Gate()
    for rel in ("a/index.html", "b/index.html", "search/hub/m.js", "a/index.html"):
        gate.seen(rel)
    assert gate.recent == ["a/index.html", "b/index.html"]  # pages only, each once
    for n in range(40):
        gate.seen(f"p{n}/index.html")
    assert len(gate.recent) == 16 and gate.recent[0] == "p39/index.html"
